# A near jump to a non-canonical address faults on the jump itself: #GP(0) with RIP at the JMP and
# RIP unchanged (SDM Vol. 2A JMP, "64-Bit Mode Exceptions": "If the target operand is non-canonical").
        .include "common.S"
test_main:
        EXPECT_FAULT 1f                         # (uses RAX)
        movabs $0x0000800000000000, %rax
j0:     jmp *%rax
1:      EXPECT_FAULT 1f
        movabs $0x0000800000000000, %rax
c0:     call *%rax                              # also #GP(0) at the CALL, nothing pushed
1:      EXPECT_FAULT 1f
        movabs $0x0000800000000000, %rax
        push %rax
r0:     ret                                     # #GP(0) at the RET, RSP unchanged
1:      DONE
