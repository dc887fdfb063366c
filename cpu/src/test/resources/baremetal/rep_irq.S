# An external interrupt during a long REP MOVSB (SDM Vol. 2B REP: "interrupts are serviced between
# iterations"; Vol. 3A §6.6): the frame's RIP is the REP instruction itself, with RCX/RSI/RDI
# describing the remaining work; after IRETQ the instruction resumes and the copy completes.
        .include "common.S"
        .equ SRC, 0x400000
        .equ DST, 0x500000
        .equ LEN, 0x40000
test_main:
        lea hook(%rip), %rax
        mov %rax, fault_hook(%rip)
        # fill the source with a pattern
        mov $SRC, %rdi
        mov $(LEN / 8), %ecx
        movabs $0x0807060504030201, %rax
1:      mov %rax, (%rdi)
        add $8, %rdi
        dec %ecx
        jnz 1b
        mov $SRC, %rsi
        mov $DST, %rdi
        mov $LEN, %ecx
        sti
        ARM_IRQ 0x61, 1                         # raised after the next instruction retires
rep_insn:
        rep movsb
        cli
        REPORT %rcx                             # 1: 0
        REPORT %rsi                             # 2: SRC + LEN
        mov DST + LEN - 8, %rax
        REPORT %rax                             # 3: the last bytes arrived
        DONE
# vector 0x61 (outside the device range, so the hook sees it): report the remaining count
hook:   cmpq $0x61, -16(%rcx)
        jne 1f
        mov -32(%rcx), %rax                     # the interrupted RCX, saved by isr_common
        REPORT %rax                             # 0: iterations still to do
1:      ret
