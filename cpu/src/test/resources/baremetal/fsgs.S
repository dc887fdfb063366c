# FS/GS bases through MSRs and SWAPGS (SDM Vol. 3A §3.4.4.1; Vol. 2B SWAPGS; Vol. 4 MSRs
# 0xC0000100-0xC0000102): in 64-bit mode FS:/GS: add the MSR base; SWAPGS exchanges GS_BASE and
# KERNEL_GS_BASE; it is #GP(0) at CPL 3. Loading a null selector into GS leaves the base (Intel).
        .include "common.S"
test_main:
        movq $0x1111, 0x70000
        movq $0x2222, 0x71000
        movq $0x3333, 0x72000
        WRMSR_IMM 0xC0000100, 0x70000           # FS_BASE
        WRMSR_IMM 0xC0000101, 0x71000           # GS_BASE
        WRMSR_IMM 0xC0000102, 0x72000           # KERNEL_GS_BASE
        mov %fs:0, %rax
        REPORT %rax                             # 0: 0x1111
        mov %gs:0, %rax
        REPORT %rax                             # 1: 0x2222
        swapgs
        mov %gs:0, %rax
        REPORT %rax                             # 2: 0x3333
        mov $0xC0000102, %ecx
        rdmsr
        shl $32, %rdx
        or %rdx, %rax
        REPORT %rax                             # 3: 0x71000 (the old GS base is now KERNEL_GS_BASE)
        xor %eax, %eax
        mov %ax, %gs                            # null selector: base unchanged
        mov %gs:0, %rax
        REPORT %rax                             # 4: 0x3333
        EXPECT_FAULT 1f
        TO_USER u_swapgs
1:      DONE
u_swapgs:
        swapgs                                  # #GP(0) at CPL 3
