# Traps versus faults, and error codes with EXT (SDM Vol. 3A §6.5, §6.13, §6.15):
# INT3 is a trap: the frame's RIP is after it. A REP MOVS that faults
# part-way is a fault with RCX/RSI/RDI at the faulting element (Vol. 2B REP, "restartable").
# An external interrupt through a not-present gate is #NP(vector*8 + 2 (IDT) + 1 (EXT)); INT n beyond
# the IDT limit is #GP(vector*8 + 2).
        .include "common.S"
test_main:
        EXPECT_FAULT 1f
        int3
int3_next:
1:      # REP MOVSB of 0x30 bytes from 0x201fe0 (mapped) into 0x203000-0x10 .. crosses into a hole
        SETPTE 0x201000, FRAME + 0x1000 + PTE_P + PTE_W
        SETPTE 0x202000, FRAME + 0x2000 + PTE_P + PTE_W
        SETPTE 0x203000, 0
        mov $0x201fe0, %rsi
        mov $0x202ff0, %rdi
        mov $0x30, %ecx
        EXPECT_FAULT 1f
rep_insn:
        rep movsb
1:      REPORT %rcx                             # 0: 0x20 left
        REPORT %rsi                             # 1: 0x201ff0
        REPORT %rdi                             # 2: 0x203000
        # external interrupt through a not-present gate: #NP with IDT and EXT bits
        andb $0x7f, idt + 16 * 0x50 + 5
        EXPECT_FAULT 1f
        ARM_IRQ 0x50, 2
        sti
ext_wait:
        jmp ext_wait
1:      # INT n beyond the IDT limit: #GP(n*8+2)
        movw $(16 * 0x60 - 1), idtr(%rip)
        lidt idtr(%rip)
        EXPECT_FAULT 1f
int_lim:
        int $0x70
1:      DONE
