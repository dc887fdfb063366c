# #PF error codes (SDM Vol. 3A §4.7, figure 4-12): bit 0 P (protection violation vs not present),
# bit 1 W/R, bit 2 U/S (CPL 3 access), bit 3 RSVD (reserved bit set in a paging entry), bit 4 I/D
# (instruction fetch; reported with EFER.NXE=1). CR2 holds the faulting linear address, the frame
# the faulting instruction's RIP (§6.15 interrupt 14). One access per scratch page, so no TLB reuse.
        .include "common.S"
test_main:
        movb $0xc3, FRAME + 0x3000              # RET in the frame the NX page maps
        SETPTE 0x201000, FRAME + 0x1000 + PTE_P + PTE_U          # read-only
        SETPTE 0x202000, FRAME + 0x2000 + PTE_P + PTE_W + PTE_U + (1 << 51)   # bit 51 >= MAXPHYADDR: reserved
        SETPTE 0x203000, FRAME + 0x3000 + PTE_P + PTE_W + PTE_U + PTE_NX
        SETPTE 0x205000, FRAME + 0x5000 + PTE_P + PTE_W          # supervisor only
        SETPTE 0x206000, FRAME + 0x6000 + PTE_P + PTE_U          # read-only, user
        SETPTE 0x207000, FRAME + 0x7000 + PTE_P + PTE_W + PTE_U + PTE_NX
        # 0: supervisor read, not present: error 0
        EXPECT_FAULT 1f
f0:     mov 0x200000, %rax
        # 1: supervisor write, not present: W
1:      EXPECT_FAULT 1f
f1:     movq $1, 0x200008
        # 2: supervisor write to a read-only page with CR0.WP=1: P|W
1:      EXPECT_FAULT 1f
f2:     movq $1, 0x201010
        # 3: reserved bit: P|RSVD
1:      EXPECT_FAULT 1f
f3:     mov 0x202000, %rax
        # 4: supervisor fetch from an NX page: P|I/D (CR2 = RIP = the target)
1:      EXPECT_FAULT 1f
        call 0x203000
        # 5: supervisor fetch, not present: I/D
1:      EXPECT_FAULT 1f
        call 0x204000
        # CPL 3 accesses: each enters user mode with IRETQ and resumes in the kernel after the fault.
1:      EXPECT_FAULT 1f
        TO_USER u6
1:      EXPECT_FAULT 1f
        TO_USER u7
1:      EXPECT_FAULT 1f
        TO_USER u8
1:      EXPECT_FAULT 1f
        TO_USER u9
1:      EXPECT_FAULT 1f
        TO_USER u10
1:      DONE

u6:     mov 0x205000, %rax              # 6: user read of a supervisor page: P|U
u7:     movq $1, 0x200010               # 7: user write, not present: W|U
u8:     movq $1, 0x206000               # 8: user write to a read-only page: P|W|U
u9:     call 0x207000                   # 9: user fetch from an NX page: P|U|I
u10:    call 0x205000                   # 10: user fetch from a supervisor page: P|U|I
