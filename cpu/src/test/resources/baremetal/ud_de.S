# #UD and #DE are faults: the frame holds the RIP of the faulting instruction, and no register
# changed (SDM Vol. 3A §6.5 "faults", §6.15 interrupts 0 and 6; Vol. 2A DIV/IDIV "#DE").
        .include "common.S"
test_main:
        REPORT $0x600D                  # the harness and start-up work
        EXPECT_FAULT 1f
ud_insn:
        ud2                             # #UD, no error code
1:      EXPECT_FAULT 1f
cr1_insn:
        mov %cr1, %rax                  # CR1 is reserved: #UD (Vol. 2B MOV CRn)
1:      mov $7, %eax
        mov $9, %edx
        xor %ecx, %ecx
        EXPECT_FAULT 1f
        mov $7, %eax
de_insn:
        div %ecx                        # divide by zero: #DE
1:      REPORT %rax                     # 7: RAX untouched by the faulting DIV
        REPORT %rdx                     # 9
        movabs $0x8000000000000000, %rax
        mov $-1, %rdx                   # RDX:RAX = -2^63 (sign-extended)
        mov $-1, %rcx
        EXPECT_FAULT 1f
        movabs $0x8000000000000000, %rax
idiv_insn:
        idiv %rcx                       # quotient 2^63 does not fit: #DE
1:      DONE
