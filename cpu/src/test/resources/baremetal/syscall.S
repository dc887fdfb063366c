# SYSCALL/SYSRET in 64-bit mode (SDM Vol. 2B SYSCALL, SYSRET): SYSCALL saves RIP in RCX and RFLAGS
# in R11, masks RFLAGS with SFMASK, loads CS = STAR[47:32] and SS = STAR[47:32]+8 at CPL 0 and jumps
# to LSTAR; SYSRET (REX.W) loads RIP = RCX, RFLAGS = R11, CS = STAR[63:48]+16 | 3,
# SS = STAR[63:48]+8 | 3. SYSRET with a non-canonical RCX is #GP(0) at CPL 0 (Intel).
# SYSCALL with EFER.SCE = 0 is #UD.
        .include "common.S"
test_main:
        lea sys_entry(%rip), %rax
        mov %rax, %rdx
        shr $32, %rdx
        mov $0xC0000082, %ecx                   # LSTAR
        wrmsr
        EXPECT_FAULT 1f
        TO_USER user, 0x202                     # user runs with IF=1
1:      # SYSRET to a non-canonical RIP: #GP(0) in the kernel
        EXPECT_FAULT 1f
        movabs $0x0000800000000000, %rcx
        mov $0x202, %r11
sysret_bad:
        sysretq
1:      # EFER.SCE = 0: SYSCALL is #UD
        mov $0xC0000080, %ecx
        rdmsr
        and $~1, %eax
        wrmsr
        EXPECT_FAULT 1f
syscall_ud:
        syscall
1:      DONE

user:   mov %cs, %rax
        REPORT %rax                             # 0: 0x23
        mov $0x1234, %rdi
        xor %eax, %eax                          # ZF=1, PF=1: RFLAGS = 0x246
user_sys:
        syscall
user_ret:
        pushfq                                  # RFLAGS as SYSRET loaded it from R11
        pop %r12
        REPORT %rdi                             # 7: 0x1235 (the kernel's result)
        mov %cs, %rax
        REPORT %rax                             # 8: 0x23
        mov %ss, %rax
        REPORT %rax                             # 9: 0x1b
        REPORT %r12                             # 10: 0x246
        mov %rsp, %rax
        REPORT %rax                             # 11: USTACK_TOP
        int $0x80                               # back to the kernel (resumes after TO_USER)

sys_entry:
        pushfq                                  # still on the user stack: SYSCALL does not switch
        pop %r10
        mov %rsp, %r9
        mov $KSTACK_TOP - 0x1000, %rsp
        REPORT %r10                             # 1: 0x246 & ~SFMASK(0x700) = 0x46
        mov %cs, %rax
        REPORT %rax                             # 2: 0x08 (STAR[47:32])
        mov %ss, %rax
        REPORT %rax                             # 3: 0x10 (STAR[47:32] + 8)
        REPORT %rcx                             # 4: user_ret
        REPORT %r11                             # 5: 0x246
        REPORT %r9                              # 6: USTACK_TOP
        inc %rdi
        mov %r9, %rsp
        sysretq
