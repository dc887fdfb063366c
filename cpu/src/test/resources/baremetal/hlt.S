# HLT (SDM Vol. 2A HLT, Vol. 3A §6.8.1): the processor stops until an enabled interrupt (or NMI)
# arrives; the interrupt's frame holds the RIP after HLT, and execution continues there after IRETQ.
# HLT with IF=0 and nothing pending is the machine-halted state (the harness reports it).
        .include "common.S"
test_main:
        ARM_IRQ 0x40, 100                       # INTR 100 instruction slots from now
        sti
hlt_insn:
        hlt
after_hlt:
        REPORT $0x4A17                          # reached after the interrupt returned
        cli
        hlt                                     # halted for good: the harness stops here
        DONE 0xEE
