# RFLAGS rules of IRETQ and POPF (SDM Vol. 2A IRET, Vol. 2B POPF): at CPL 3 with IOPL 0, POPF and
# IRETQ leave IF and IOPL unchanged (no fault); at CPL 0 both may change them. IRETQ checks the
# return CS: RPL must not be below CPL, DPL must equal RPL for non-conforming code: else #GP(CS).
# IRETQ to CPL 3 with a null SS is #GP(0).
        .include "common.S"
test_main:
        # CPL 0 IRETQ with IF and IOPL=1 in the image: both loaded
        mov %rsp, %rbx
        pushq $KDATA
        push %rbx
        pushq $0x1202
        pushq $KCODE
        lea 1f(%rip), %rax
        push %rax
        iretq
1:      pushfq
        pop %rax
        and $0x3200, %rax
        REPORT %rax                             # 0: 0x1200
        cli
        # CPL 3: POPF trying to set IF and IOPL 3: ignored (IOPL stays 0, IF stays 0)
        EXPECT_FAULT 1f
        TO_USER u_popf
1:      # IRETQ to a DPL 0 code segment with RPL 3: #GP(0x08)
        EXPECT_FAULT 1f
        pushq $UDATA
        pushq $USTACK_TOP
        pushq $2
        pushq $(KCODE | 3)
        pushq $u_popf
i0:     iretq
1:      # IRETQ to CPL 3 with a null SS: #GP(0)
        EXPECT_FAULT 1f
        pushq $0
        pushq $USTACK_TOP
        pushq $2
        pushq $UCODE
        pushq $u_popf
i1:     iretq
1:      # IRETQ to CPL 3 with a non-canonical RIP: #GP(0), raised at CPL 0 (Intel)
        EXPECT_FAULT 1f
        pushq $UDATA
        pushq $USTACK_TOP
        pushq $2
        pushq $UCODE
        movabs $0x0000800000000000, %rax
        push %rax
i3:     iretq
1:      # IRETQ from CPL 3 to CPL 0 (RPL 0 < CPL 3): #GP(0x08)
        EXPECT_FAULT 1f
        TO_USER u_iret
1:      DONE

u_popf: pushq $0x3202
        popfq
        pushfq
        pop %rax
        and $0x3200, %rax
        REPORT %rax                             # 1: 0 (IF and IOPL unchanged at CPL 3, IOPL 0)
        int $0x80
u_iret: pushq $KDATA
        pushq $KSTACK_TOP
        pushq $2
        pushq $KCODE
        pushq $u_popf
i2:     iretq
