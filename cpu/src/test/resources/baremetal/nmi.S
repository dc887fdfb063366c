# NMI (SDM Vol. 3A §6.7.1): delivered through vector 2 whatever RFLAGS.IF; while an NMI handler
# runs, further NMIs are blocked until the next IRET, so an NMI raised inside the handler is taken
# only after the handler's IRETQ, at the interrupted instruction.
        .include "common.S"
test_main:
        lea hook(%rip), %rax
        mov %rax, fault_hook(%rip)
        cli
        mov $0x80000000, %eax
        out %eax, $0xF0                         # NMI now (IF=0 does not mask it)
after_out:
        nop
        REPORT $0x99
        DONE
hook:   cmpq $2, -16(%rcx)
        jne 1f
        cmpb $0, raised(%rip)
        jne 1f
        movb $1, raised(%rip)
        mov $0x80000000, %eax
        out %eax, $0xF0                         # a second NMI, inside the handler: blocked
in_handler:
        nop
1:      ret
        .data
raised: .byte 0
