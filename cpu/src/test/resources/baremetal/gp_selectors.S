# #GP and #NP on segment loads, and #GP on non-canonical addresses (SDM Vol. 2B MOV "Protected
# Mode Exceptions", Vol. 3A §5.5-§5.7, §6.13 error codes = selector index|TI, §3.3.7.1 canonical).
        .include "common.S"
test_main:
        EXPECT_FAULT 1f
        mov $0x48, %ax
g0:     mov %ax, %ds                            # beyond the GDT limit (0x47): #GP(0x48)
1:      EXPECT_FAULT 1f
        mov $NPDATA, %ax
g1:     mov %ax, %ds                            # not present: #NP(0x40)
1:      EXPECT_FAULT 1f
        mov $TSSSEL, %ax
g2:     mov %ax, %es                            # a system descriptor: #GP(0x28)
1:      EXPECT_FAULT 1f
        mov $UDATA, %ax
g3:     mov %ax, %ss                            # SS with RPL 3 != CPL 0: #GP(0x18)
1:      EXPECT_FAULT 1f
        mov $0x0c, %ax
g4:     mov %ax, %fs                            # TI=1 with a null LDT: #GP(0x0c)
1:      EXPECT_FAULT 1f
        movabs $0x0000800000000000, %rax
g5:     mov (%rax), %rbx                        # non-canonical data address: #GP(0)
1:      EXPECT_FAULT 1f
        movabs $0xffff7fffffffffff, %rax
g6:     movq $1, (%rax)                         # non-canonical (upper half hole): #GP(0)
1:      EXPECT_FAULT 1f
        mov $0xC0000082, %ecx                   # LSTAR
        mov $0x00008000, %edx                   # 0x0000800000000000: non-canonical
        xor %eax, %eax
g7:     wrmsr                                   # #GP(0) (Vol. 2B WRMSR)
1:      EXPECT_FAULT 1f
        mov $0x12345678, %ecx                   # an MSR jemu does not have
g8:     rdmsr                                   # #GP(0)
1:      mov %ds, %rbx
        REPORT %rbx                             # DS unchanged by the failed loads: 0x10
        # at CPL 3: a DPL 0 data segment cannot be loaded (#GP(0x10)), nor a privileged instruction run
        EXPECT_FAULT 1f
        TO_USER u9
1:      EXPECT_FAULT 1f
        TO_USER u10
1:      DONE

u9:     mov $KDATA, %ax
g9:     mov %ax, %ds
u10:    mov %cr0, %rax                          # CPL 3: #GP(0)
