# 2 MiB and 1 GiB pages (SDM Vol. 3A §4.5, tables 4-17 and 4-15): PS=1 in a PDE or PDPTE maps the
# low 21 or 30 bits of the linear address straight through. Bits 29:13 of a 1 GiB PDPTE and 20:13
# of a 2 MiB PDE are reserved (must be 0): setting one gives #PF with P|RSVD (§4.7).
        .include "common.S"
test_main:
        movabs $0x1122334455667788, %rax
        mov %rax, 0x601238                      # physical 0x601238 (identity)
        # 2 MiB: PD[5] (virtual 10 MiB) -> physical 6 MiB
        movq $(0x600000 + PTE_P + PTE_W + PTE_PS), PD + 5 * 8
        invlpg 0xA01238
        REPORT 0xA01238                         # 0: 0x1122334455667788
        # 1 GiB: PDPT[1] (virtual 1 GiB) -> physical 0
        movq $(0 + PTE_P + PTE_W + PTE_PS), PDPT + 8
        mov $0x40601238, %eax
        REPORT (%rax)                           # 1: same value through the 1 GiB page
        movq $0x77, 0x40601240                  # a write through the 1 GiB page ...
        REPORT 0x601240                         # 2: ... lands at physical 0x601240
        # the 1 GiB page also covers the code: jump to this program's alias at +1 GiB and back
        lea alias_back(%rip), %rax
        add $0x40000000, %rax
        jmp *%rax
alias_back:
        lea back_home(%rip), %rax
        REPORT %rax                             # 3: RIP-relative address seen at the alias
        sub $0x40000000, %rax
        jmp *%rax
back_home:  # reserved bit 13 in a 2 MiB PDE
        movq $(0x600000 + PTE_P + PTE_W + PTE_PS + 0x2000), PD + 6 * 8
        EXPECT_FAULT 1f
rsvd2m: mov 0xC00000, %rax
        # reserved bit 13 in a 1 GiB PDPTE
1:      movq $(0 + PTE_P + PTE_W + PTE_PS + 0x2000), PDPT + 16
        EXPECT_FAULT 1f
rsvd1g: mov 0x80000000, %rax
1:      DONE
