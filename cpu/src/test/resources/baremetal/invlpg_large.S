# INVLPG on a 2 MiB or 1 GiB page (SDM Vol. 2A INVLPG, Vol. 3A §4.10.2.3 and §4.10.4.1): the TLB
# caches a large page as one translation for the whole page, and INVLPG of any address in it
# invalidates that translation entirely. Linux relies on it: it flushes a huge page with one INVLPG.
        .include "common.S"
test_main:
        movq $0x6666, 0x600000 + 0x1000         # physical 6 MiB + 4 KiB
        movq $0x8888, 0x800000 + 0x1000         # physical 8 MiB + 4 KiB
        # 2 MiB page: virtual 10 MiB -> physical 6 MiB; touch two 4 KiB parts of it
        movq $(0x600000 + PTE_P + PTE_W + PTE_PS), PD + 5 * 8
        invlpg 0xA00000
        mov 0xA00000, %rax
        REPORT 0xA01000                         # 0: 0x6666
        movq $(0x800000 + PTE_P + PTE_W + PTE_PS), PD + 5 * 8
        invlpg 0xA00000                         # the page's first 4 KiB only ...
        REPORT 0xA01000                         # 1: 0x8888 ... still invalidates the whole 2 MiB page
        # 1 GiB page: virtual 1 GiB -> physical 0, then -> physical 0 with a different 2 MiB view
        movq $(0 + PTE_P + PTE_W + PTE_PS), PDPT + 8
        mov $0x40600000, %ebx
        mov (%rbx), %rax
        REPORT 0x40601000                       # 2: 0x6666
        movq $(0x40000000 + PTE_P + PTE_W + PTE_PS), PDPT + 8    # physical 1 GiB: beyond RAM, reads all ones
        invlpg (%rbx)
        REPORT 0x40601000                       # 3: all ones (not the stale 0x6666)
        DONE
