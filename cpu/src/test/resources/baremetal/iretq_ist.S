# CPL changes through interrupt gates and IRETQ, and the stacks they use (SDM Vol. 3A §6.14.2-§6.14.5):
# a gate to CPL 0 from CPL 3 switches to TSS.RSP0; a gate with IST=n always switches to TSS.ISTn;
# otherwise the frame goes on the current stack, aligned down to 16 bytes. The frame holds SS, RSP,
# RFLAGS, CS and RIP (the next instruction for INT n). INT n through a DPL 0 gate from CPL 3 is
# #GP(vector*8+2) (§6.12.1.1). IRETQ to CPL 3 reloads CS, SS, RSP and RFLAGS (Vol. 2A IRET).
        .include "common.S"
test_main:
        movb $2, idt + 16 * 0x81 + 4            # vector 0x81: IST2 ...
        movb $0xEE, idt + 16 * 0x81 + 5         # ... callable from CPL 3
        # 0: user INT 0x80: RSP0 stack
        EXPECT_FAULT 1f
        TO_USER u0, 0x202
        # 1: user INT 0x81: IST2 stack
1:      EXPECT_FAULT 1f
        TO_USER u1
        # 2: user INT 0x82 through a DPL 0 gate: #GP(0x82*8+2)
1:      EXPECT_FAULT 1f
        TO_USER u2
        # 3: kernel INT 0x81 (IST2) without a privilege change
1:      EXPECT_FAULT 1f
        int $0x81
k3:
        # 4: kernel INT 0x80: same stack, aligned down to 16 bytes
1:      mov $KSTACK_TOP - 0x108, %rsp           # misaligned by 8
        mov %rsp, %rbx
        REPORT %rbx                             # 0: the RSP the frame is pushed below
        EXPECT_FAULT 1f
        int $0x80
k4:
1:      mov $KSTACK_TOP, %rsp
        # 5: IRETQ to CPL 3 and back: user returns through INT 0x80 with its registers intact
        EXPECT_FAULT 1f
        TO_USER u5, 0x3202                      # IOPL 3 for the user
1:      DONE

u0:     mov $0x1111, %rbx
        int $0x80
u0_next:
u1:     int $0x81
u1_next:
u2:     int $0x82
u5:     pushfq
        pop %rax
        REPORT %rax                             # 1: 0x3202: RFLAGS from the IRETQ frame
        mov %rsp, %rax
        REPORT %rax                             # 2: USTACK_TOP
        cli                                     # IOPL 3: allowed at CPL 3
        pushfq
        pop %rax
        and $0x3200, %rax
        REPORT %rax                             # 3: 0x3000 (IOPL 3, IF clear)
        int $0x80
u5_next:
