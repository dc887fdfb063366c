# Self-modifying code (SDM Vol. 3A §11.6): a store to an instruction that is executed later takes
# effect, whether it is written through the same linear address or through another mapping of the
# same physical page (here the 1 GiB alias at +1 GiB). jemu's decode cache is keyed by physical page
# and code pages never get fast TLB write entries (DESIGN.md), so both must be seen.
        .include "common.S"
test_main:
        movq $(0 + PTE_P + PTE_W + PTE_PS), PDPT + 8        # virtual 1 GiB -> physical 0
        call patchme
        REPORT %rax                             # 0: 1
        movl $2, patchme + 1                    # same linear address
        call patchme
        REPORT %rax                             # 1: 2
        lea patchme + 1 + 0x40000000, %rbx
        movl $3, (%rbx)                         # through the alias
        call patchme
        REPORT %rax                             # 2: 3
        # patch the very next instruction (no serialising instruction in between)
        movl $4, next_insn + 1
next_insn:
        mov $0xdead, %eax
        REPORT %rax                             # 3: 4
        DONE
patchme:
        mov $1, %eax                            # b8 imm32: the immediate is at patchme+1
        ret
