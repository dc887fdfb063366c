# Single-step (SDM Vol. 3B §17.3.1.4): with RFLAGS.TF=1 at the start of an instruction, a #DB trap
# follows it (frame RIP = the next instruction, DR6.BS=1). POPF that sets TF: the trap comes after
# the instruction following POPF. Interrupt/exception delivery clears TF, so the handler is not traced.
        .include "common.S"
test_main:
        lea just_return(%rip), %rax
        mov %rax, fault_hook(%rip)              # #DB: record and return (IRETQ restores TF)
        pushfq
        orq $0x100, (%rsp)
        popfq                                   # TF=1 from here on
s0:     nop
s1:     pushfq
l_and:  andq $~0x100, (%rsp)
l_popf: popfq                                  # traced too: its trap comes after it, with TF=0
s2:     nop
        REPORT $0x55
        DONE
just_return:
        ret
