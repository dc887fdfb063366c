# Alignment check (SDM Vol. 3A §6.15 interrupt 17): with CR0.AM=1, RFLAGS.AC=1 and CPL 3, a
# misaligned data access raises #AC(0) (a fault); at CPL 0, or with AC=0, nothing happens.
        .include "common.S"
test_main:
        mov %cr0, %rax
        or $0x40000, %rax                       # CR0.AM
        mov %rax, %cr0
        mov 0x70001, %eax                       # CPL 0: no check
        EXPECT_FAULT 1f
        TO_USER user, 0x40002                   # RFLAGS.AC = 1
1:      DONE
user:   mov 0x70000, %rax                       # aligned: fine
a0:     mov 0x70001, %eax                       # misaligned 4-byte read: #AC(0)
        int $0x80                               # (reached only without #AC)
