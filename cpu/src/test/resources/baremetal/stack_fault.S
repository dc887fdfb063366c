# Non-canonical stack references raise #SS(0), not #GP(0) (SDM Vol. 3A §6.15 interrupt 12, Vol. 2B
# MOV/PUSH "64-Bit Mode Exceptions": "#SS(0) If a memory address referencing the SS segment is in a
# non-canonical form"). References through RSP or RBP use SS. #SS goes on IST2 here, since a bad
# RSP could not take the frame.
        .include "common.S"
test_main:
        movb $2, idt + 16 * 12 + 4              # #SS on IST2
        EXPECT_FAULT 1f
        movabs $0x0000800000000000, %rbp
s0:     mov 8(%rbp), %rax                       # SS-relative (RBP base): #SS(0)
1:      EXPECT_FAULT 1f
        movabs $0x0000800000000010, %rbx        # RSP-8 = 0x800000000008: non-canonical
        mov %rbx, %rsp
s1:     push %rax                               # implicit stack reference: #SS(0)
1:      EXPECT_FAULT 1f
        movabs $0x0000800000000000, %rbx
s2:     mov (%rbx), %rax                        # DS reference: #GP(0)
1:      DONE
