# The issue's "done when" test (demand paging as a kernel does it): a CPL 3 store to a page that is
# not present raises #PF (error W|U = 6, CR2 = the address, RIP = the store; SDM Vol. 3A §4.7, §6.15
# interrupt 14) on the TSS.RSP0 stack; the kernel-mode handler maps a frame for CR2's page and
# returns with IRETQ (§6.14.3), which restarts the faulting instruction at CPL 3 (faults are
# restartable, §6.5); the store then completes, and user code continues with its registers intact.
        .include "common.S"
        .equ VA, 0x20A000
test_main:
        SETPTE VA, 0                            # not present
        lea fixup(%rip), %rax
        mov %rax, fault_hook(%rip)
        lea back(%rip), %rax
        mov %rax, resume_after_int(%rip)
        TO_USER user
back:   REPORT FRAME+0xA010                     # 2: the value the user stored, seen physically
        REPORT PT1+10*8                         # 3: the PTE the handler wrote (with A and D set)
        DONE

user:   mov $0x5678, %rax
        mov $0x9abc, %rbx
store:  mov %rax, VA + 0x10                     # #PF, fixed up, restarted
        mov VA + 0x10, %rcx
        REPORT %rcx                             # 0: 0x5678
        REPORT %rbx                             # 1: 0x9abc (registers survive the fault)
        int $0x80                               # to the kernel: the hook sends it to `back`

# The page-fault handler, called from isr_common with RCX = &frame.RIP (vector at -16, error at -8).
fixup:  cmpq $14, -16(%rcx)
        jne 2f
        mov %cr2, %rax
        and $~0xfff, %rax                       # the page that faulted
        cmp $VA, %rax
        jne 3f
        movabs $(FRAME + 0xA000 + PTE_P + PTE_W + PTE_U), %rax
        mov %rax, PT1 + 10 * 8
        invlpg VA                               # not needed for a not-present entry, harmless (§4.10.4.3)
        ret                                     # IRETQ restarts the store
2:      cmpq $0x80, -16(%rcx)                   # the user's INT 0x80: continue in the kernel at `back`
        jne 3f
        mov resume_after_int(%rip), %rax
        mov %rax, (%rcx)                        # RIP
        movq $KCODE, 8(%rcx)                    # CS
        movq $2, 16(%rcx)                       # RFLAGS
        movq $KSTACK_TOP, 24(%rcx)              # RSP
        movq $KDATA, 32(%rcx)                   # SS
        ret
3:      mov $0xBB, %al
        out %al, $0xF4
        ret

        .data
resume_after_int: .quad 0
