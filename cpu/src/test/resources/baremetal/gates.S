# Interrupt versus trap gates (SDM Vol. 3A §6.12.1.3): both clear TF, an interrupt gate also clears
# IF, a trap gate leaves it. Double-fault class (§6.15 table 6-5): a contributory exception while
# delivering #PF is #DF (here #GP: the gate names a data segment).
        .include "common.S"
test_main:
        lea hook(%rip), %rax
        mov %rax, fault_hook(%rip)
        movb $0x8F, idt + 16 * 0x70 + 5         # vector 0x70: trap gate, DPL 0
        sti
        int $0x70                               # hook reports RFLAGS.IF inside: 0x200
        int $0x71                               # interrupt gate: 0
        cli
        movq $0, fault_hook(%rip)
        # #PF whose gate names a not-present code segment: #NP during #PF delivery -> #DF
        movw $NPDATA, idt + 16 * 14 + 2         # gate selector 0x40: a data segment: #GP(0x41)
        SETPTE 0x200000, 0
        EXPECT_FAULT 1f
pf_df:  mov 0x200000, %rax
1:      movw $KCODE, idt + 16 * 14 + 2
        DONE
hook:   pushfq
        pop %rax
        and $0x200, %eax
        REPORT %rax
        ret
