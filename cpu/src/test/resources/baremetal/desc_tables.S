# Descriptor-table instructions (SDM Vol. 2A/2B LTR, LLDT, SGDT, SIDT, STR; Vol. 3A §7.2.2, §3.4.5.1):
# LTR marks the TSS busy, so loading it again is #GP(selector); LLDT/LTR/LGDT at CPL 3 are #GP(0);
# SGDT/SIDT/STR work at CPL 3 (UMIP not advertised); a segment load sets the descriptor's accessed bit.
        .include "common.S"
test_main:
        mov gdt + TSSSEL, %rax
        shr $40, %rax
        and $0xf, %eax
        REPORT %rax                             # 0: 0xB: busy 64-bit TSS after LTR
        EXPECT_FAULT 1f
        mov $TSSSEL, %ax
d0:     ltr %ax                                 # busy: #GP(0x28)
1:      mov gdt + KDATA, %rax
        bt $40, %rax
        setc %al
        movzbl %al, %eax
        REPORT %rax                             # 1: 1: accessed bit set by the DS/ES/SS loads
        EXPECT_FAULT 1f
        TO_USER user
1:      EXPECT_FAULT 1f
        TO_USER u_lldt
1:      EXPECT_FAULT 1f
        TO_USER u_lgdt
1:      DONE
user:   sgdt 0xC1000 - 16
        mov 0xC1000 - 16, %ax
        movzwl %ax, %eax
        REPORT %rax                             # 2: GDT limit 0x47
        sidt 0xC1000 - 16
        mov 0xC1000 - 14, %rax
        REPORT %rax                             # 3: IDT base
        str %eax
        REPORT %rax                             # 4: 0x28
        int $0x80
u_lldt: xor %eax, %eax
d1:     lldt %ax                                # #GP(0) at CPL 3
u_lgdt:
d2:     lgdt 0xC1000 - 16                       # #GP(0) at CPL 3
