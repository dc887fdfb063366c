# Accessed and dirty flags (SDM Vol. 3A §4.8): a translation sets A in every paging-structure entry
# it uses; a write sets D only in the entry that maps the page (the leaf: PTE, or the PDE of a
# 2 MiB page), never in PDEs that reference a page table. A read never sets D.
        .include "common.S"
        .equ PTE_7, PT1 + 7 * 8                 # PTE of 0x207000
test_main:
        SETPTE 0x207000, FRAME + 0x7000 + PTE_P + PTE_W
        andq $~0x60, PD + 8                     # clear A/D in the PDE above the scratch window
        mov %cr3, %rax
        mov %rax, %cr3                          # drop cached translations
        mov 0x207000, %rax                      # read
        REPORT PTE_7                            # 0: A set, D clear
        REPORT PD+8                           # 1: A set, D clear
        movq $5, 0x207008                       # write
        REPORT PTE_7                            # 2: A and D set
        REPORT PD+8                           # 3: A set, D still clear (not a leaf)
        # a 2 MiB page: PD[5] maps virtual 10 MiB to physical 6 MiB
        movq $(0x600000 + PTE_P + PTE_W + PTE_PS), PD + 5 * 8
        invlpg 0xA00000
        mov 0xA00010, %rax
        REPORT PD+5*8                       # 4: A set, D clear
        movq $6, 0xA00010
        REPORT PD+5*8                       # 5: A and D set
        # a fetch also sets A (and not D)
        movb $0xc3, FRAME + 0x8000
        SETPTE 0x208000, FRAME + 0x8000 + PTE_P
        call 0x208000
        REPORT PT1+8*8                      # 6: A set, D clear
        DONE
