# TLB semantics (SDM Vol. 3A §4.10): a cached translation may be used after the paging entry changed
# until INVLPG (§4.10.4.1, which also drops global entries), a CR3 write (non-global entries only) or
# a CR4.PGE change (all entries). Not-present entries are never cached (§4.10.2.3), so making a page
# present needs no invalidation. jemu caches like hardware does, so the stale values are asserted.
        .include "common.S"
        .equ VA, 0x209000
        .equ ONE, FRAME + 0x10000
        .equ TWO, FRAME + 0x11000
test_main:
        movq $0x1111, ONE
        movq $0x2222, TWO
        SETPTE VA, ONE + PTE_P + PTE_W
        REPORT VA                               # 0: 0x1111 (fills the TLB)
        SETPTE VA, TWO + PTE_P + PTE_W
        REPORT VA                               # 1: 0x1111 (stale translation still used)
        invlpg VA
        REPORT VA                               # 2: 0x2222
        SETPTE VA, ONE + PTE_P + PTE_W
        REPORT VA                               # 3: 0x2222 (stale)
        mov %cr3, %rax
        mov %rax, %cr3
        REPORT VA                               # 4: 0x1111 (CR3 write flushed it)
        # a global page survives a CR3 write
        SETPTE VA, TWO + PTE_P + PTE_W + PTE_G
        invlpg VA
        REPORT VA                               # 5: 0x2222 (global entry cached)
        SETPTE VA, ONE + PTE_P + PTE_W + PTE_G
        mov %cr3, %rax
        mov %rax, %cr3
        REPORT VA                               # 6: 0x2222 (global: not flushed by CR3)
        mov %cr4, %rax
        and $~0x80, %rax
        mov %rax, %cr4                          # CR4.PGE off ...
        or $0x80, %rax
        mov %rax, %cr4                          # ... and on: flushes everything
        REPORT VA                               # 7: 0x1111
        SETPTE VA, TWO + PTE_P + PTE_W + PTE_G
        invlpg VA
        REPORT VA                               # 8: 0x2222 (INVLPG drops global entries too)
        # not present -> present without invalidation
        SETPTE VA + 0x1000, 0
        EXPECT_FAULT 1f
np_insn:
        mov VA + 0x1000, %rax
1:      SETPTE VA + 0x1000, ONE + PTE_P + PTE_W
        REPORT VA + 0x1000                      # 9: 0x1111
        # a write through a cached read-only translation: the write TLB is separate; after the PTE
        # gains W without INVLPG the write may fault (stale) or not; so only check after INVLPG
        SETPTE VA + 0x2000, TWO + PTE_P
        REPORT VA + 0x2000                      # 10: 0x2222
        EXPECT_FAULT 1f
ro_insn:
        movq $0x3333, VA + 0x2000               # #PF P|W
1:      SETPTE VA + 0x2000, TWO + PTE_P + PTE_W
        invlpg VA + 0x2000
        movq $0x3333, VA + 0x2000
        REPORT TWO                              # 11: 0x3333
        DONE
