# Triple fault (SDM Vol. 3A §6.15 interrupt 8): a fault while delivering #DF shuts the processor
# down; jemu raises TripleFault to the machine, which resets. Here #DE and #DF gates are not present.
        .include "common.S"
test_main:
        REPORT $1
        andb $0x7f, idt + 5                     # vector 0
        andb $0x7f, idt + 16 * 8 + 5            # vector 8
        xor %ecx, %ecx
        div %ecx
        REPORT $2                               # not reached
        DONE
