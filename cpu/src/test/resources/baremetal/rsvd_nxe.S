# Reserved bits and EFER.NXE (SDM Vol. 3A §4.5.4 tables 4-14..4-20, §4.7): with NXE=0, bit 63 (XD)
# of any paging entry is reserved (#PF P|RSVD) and fetch faults do not report I/D; PS in a PML4E is
# reserved; a bit at or above MAXPHYADDR in a non-leaf entry is reserved. RSVD faults are reported
# with P=1 whatever the access.
        .include "common.S"
test_main:
        movb $0xc3, FRAME + 0x1000
        SETPTE 0x201000, FRAME + 0x1000 + PTE_P + PTE_W + PTE_NX
        # NXE = 0
        mov $0xC0000080, %ecx
        rdmsr
        and $~0x800, %eax
        wrmsr
        EXPECT_FAULT 1f
x0:     mov 0x201000, %rax                      # XD with NXE=0: reserved: P|RSVD = 9
1:      EXPECT_FAULT 1f
        call 0x202000                           # fetch, not present, NXE=0: error 0 (no I/D)
1:      mov $0xC0000080, %ecx
        rdmsr
        or $0x800, %eax
        wrmsr
        # PS in the PML4E for 512 GiB..1 TiB: reserved
        movq $(PDPT + PTE_P + PTE_W + PTE_PS), PML4 + 8
        EXPECT_FAULT 1f
        movabs $0x8000000000, %rbx
x2:     mov (%rbx), %rax                        # P|RSVD = 9
1:      # bit 45 (>= MAXPHYADDR 40) in a PDPTE that points to a page directory
        movabs $(PD + PTE_P + PTE_W + (1 << 45)), %rax
        mov %rax, PDPT + 3 * 8
        EXPECT_FAULT 1f
        mov $0xC0000000, %ebx
x3:     movq $1, (%rbx)                         # write: P|W|RSVD = 0xb
1:      DONE
