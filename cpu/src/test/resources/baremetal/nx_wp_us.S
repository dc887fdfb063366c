# NX, CR0.WP and U/S across levels (SDM Vol. 3A §4.6): WP=0 lets the kernel write read-only pages,
# WP=1 does not (and WP=0 never lets CPL 3 write one); XD in a non-leaf entry forbids fetches from
# everything below it; U/S=0 in a 2 MiB leaf forbids CPL 3 access; a user page is fine for the
# kernel (no SMEP/SMAP advertised).
        .include "common.S"
test_main:
        SETPTE 0x201000, FRAME + 0x1000 + PTE_P + PTE_U          # read-only
        # CR0.WP=0: the supervisor write succeeds
        mov %cr0, %rax
        and $~0x10000, %rax
        mov %rax, %cr0
        movq $0x1111, 0x201000
        REPORT FRAME + 0x1000                   # 0x1111, seen through the identity map
        # CR0.WP=1: the same write faults with P|W
        mov %cr0, %rax
        or $0x10000, %rax
        mov %rax, %cr0
        invlpg 0x201000
        EXPECT_FAULT 1f
wp_insn:
        movq $0x2222, 0x201000
1:      REPORT FRAME + 0x1000                   # still 0x1111
        # XD in the PDE above the scratch window: a fetch from an NX=0 leaf still faults (P|I)
        movb $0xc3, FRAME + 0x2000
        SETPTE 0x202000, FRAME + 0x2000 + PTE_P + PTE_W + PTE_U
        call 0x202000                           # executes RET: allowed
        REPORT $0xE1
        btsq $63, PD + 8
        invlpg 0x202000
        EXPECT_FAULT 1f
        call 0x202000
1:      btrq $63, PD + 8
        invlpg 0x202000
        # the kernel reads a user page (U=1): no fault
        mov 0x201000, %rax
        REPORT %rax                             # 0x1111
        # R/W=0 in the PDE above a writable PTE: the page is read-only (§4.6: all levels count)
        SETPTE 0x203000, FRAME + 0x3000 + PTE_P + PTE_W + PTE_U
        btrq $1, PD + 8
        EXPECT_FAULT 1f
rw_pde: movq $1, 0x203000                       # P|W
1:      btsq $1, PD + 8
        invlpg 0x203000
        # CPL 3 read of the 2 MiB supervisor page at 4 MiB (leaf PDE with U/S=0): P|U
        EXPECT_FAULT 1f
        TO_USER u1
        # CR0.WP=0 does not let CPL 3 write a read-only page: P|W|U
1:      mov %cr0, %rax
        and $~0x10000, %rax
        mov %rax, %cr0
        EXPECT_FAULT 1f
        TO_USER u2
1:      DONE
u1:     mov 0x400000, %rax
u2:     movq $3, 0x201000
