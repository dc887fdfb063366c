# Privileged instructions at CPL 3 raise #GP(0) (SDM Vol. 3A §5.9: HLT, WRMSR, RDMSR, INVLPG, MOV to
# CRn, LIDT, CLTS, WBINVD, INVD, MOV to DRn, SWAPGS in its own test). IRETQ to CPL 3 nulls DS, ES, FS
# and GS that hold segments the user may not use (Vol. 2A IRET, RETURN-TO-OUTER-PRIVILEGE-LEVEL).
        .include "common.S"
        .macro PRIV label
        EXPECT_FAULT 1f
        TO_USER \label
1:
        .endm
test_main:
        mov $KDATA, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %fs
        mov $UDATA, %ax
        mov %ax, %gs                            # a DPL 3 segment survives the return to CPL 3
        EXPECT_FAULT 1f
        TO_USER u_segs
1:      PRIV p0
        PRIV p1
        PRIV p2
        PRIV p3
        PRIV p4
        PRIV p5
        PRIV p6
        PRIV p7
        PRIV p8
        PRIV p9
        DONE
u_segs: mov %ds, %rax
        REPORT %rax                             # 0: 0
        mov %es, %rax
        REPORT %rax                             # 1: 0
        mov %fs, %rax
        REPORT %rax                             # 2: 0
        mov %gs, %rax
        REPORT %rax                             # 3: 0x1b
        int $0x80
p0:     hlt
p1:     wrmsr
p2:     rdmsr
p3:     invlpg 0x1000
p4:     mov %rax, %cr3
p5:     lidt 0x1000
p6:     clts
p7:     wbinvd
p8:     mov %rax, %dr7
p9:     invd
