# An external interrupt that arrives at CPL 3 (SDM Vol. 3A §6.14.2-§6.14.3): delivered through the
# gate to CPL 0 on the TSS.RSP0 stack with SS:RSP, RFLAGS, CS:RIP of the interrupted user code; the
# handler's IRETQ resumes the user code exactly where it was.
        .include "common.S"
test_main:
        EXPECT_FAULT 1f
        TO_USER user, 0x202
1:      DONE
user:   mov $7, %ebx
        ARM_IRQ 0x41, 3                         # after three more instructions
        inc %ebx                                # 1
        inc %ebx                                # 2
        inc %ebx                                # 3: the interrupt is taken after this one
u_irq:  inc %ebx
        REPORT %rbx                             # 0: 11: nothing lost or repeated
        int $0x80
