# Common start-up for jemu's bare-metal tests (GNU as, AT&T syntax, linked flat at 0x100000).
#
# The Java harness (BareMetal.java) enters _start in 64-bit mode with a throw-away identity map
# (CR0.PG, CR4.PAE, EFER.LME/LMA set, flat CS cache). Everything else is done here, as a kernel
# would: page tables, GDT with kernel/user segments and a 64-bit TSS, IDT, EFER.NXE/SCE, CR4.PGE,
# CR0.WP, STAR. Then it jumps to the test's `test_main`.
#
# Reporting (ports, see BareMetal.java):
#   0xE0 (32-bit)  latch the low half of a value
#   0xE1 (32-bit)  high half: append (hi<<32|lo) to the value list          (REPORT macro)
#   0xE2 (32-bit)  high half: append to the fault-record list               (isr_common)
#   0xF0 (32-bit)  interrupt source: (delay<<8)|vector: raise INTR after `delay` more instructions;
#                  bit 31 set: raise NMI now
#   0xF4 (8-bit)   test done, AL = exit code (0 = finished normally)
#
# Memory map (identity unless a test remaps):
#   0x001000 PML4, 0x002000 PDPT, 0x003000 PD (0-1 GiB), 0x004000 PT0 (0-2 MiB, 4 KiB pages, U/W),
#   0x005000 PT1 (virtual 2-4 MiB, 4 KiB pages, all not present: the tests' scratch window),
#   PD[2..7] = 2 MiB supervisor pages for 4-16 MiB. Page 0 is not present.
#   Stacks: kernel 0x80000, TSS.RSP0 0x90000, IST1 (#DF) 0xA0000, IST2 0xB0000, user 0xC0000.
#   Physical scratch frames for PT1 mappings: 0x600000 + n*0x1000 (inside the 2 MiB identity pages).

        .equ PML4, 0x1000
        .equ PDPT, 0x2000
        .equ PD,   0x3000
        .equ PT0,  0x4000
        .equ PT1,  0x5000
        .equ SCRATCH_VA, 0x200000
        .equ FRAME, 0x600000
        .equ KSTACK_TOP, 0x80000
        .equ RSP0_TOP, 0x90000
        .equ IST1_TOP, 0xA0000
        .equ IST2_TOP, 0xB0000
        .equ USTACK_TOP, 0xC0000
        .equ KCODE, 0x08
        .equ KDATA, 0x10
        .equ UDATA, 0x1b
        .equ UCODE, 0x23
        .equ TSSSEL, 0x28
        .equ CODE32, 0x38
        .equ NPDATA, 0x40
        .equ PTE_P, 1
        .equ PTE_W, 2
        .equ PTE_U, 4
        .equ PTE_A, 0x20
        .equ PTE_D, 0x40
        .equ PTE_PS, 0x80
        .equ PTE_G, 0x100
        .equ PTE_NX, 0x8000000000000000

# Appends a 64-bit value to the harness's value list. Preserves every register.
.macro REPORT src
        push %rax
        mov \src, %rax
        out %eax, $0xE0
        shr $32, %rax
        out %eax, $0xE1
        pop %rax
.endm

# Ends the test with exit code \code (0 = success).
.macro DONE code=0
        mov $\code, %al
        out %al, $0xF4
1:      jmp 1b
.endm

# The next exception resumes at \label, at CPL 0, with the current RSP, IF=0 (clobbers RAX).
.macro EXPECT_FAULT label
        lea \label(%rip), %rax
        mov %rax, resume_rip(%rip)
        mov %rsp, resume_rsp(%rip)
.endm

# PTE of the scratch window page containing \va (an absolute expression), set to \val (64-bit).
.macro SETPTE va, val
        movabs $\val, %rax
        mov %rax, PT1 + ((((\va) - SCRATCH_VA) >> 12) * 8)
.endm


.macro WRMSR_IMM msr, val
        mov $\msr, %ecx
        movabs $\val, %rax
        mov %rax, %rdx
        shr $32, %rdx
        wrmsr
.endm

# Leaves CPL 0 for CPL 3 at \label on the user stack through IRETQ, with RFLAGS = \flags.
.macro TO_USER label, flags=2
        pushq $UDATA
        pushq $USTACK_TOP
        pushq $\flags
        pushq $UCODE
        pushq $\label
        iretq
.endm

# Interrupt source: raise INTR with \vector after \delay more retired instructions (0 = now).
.macro ARM_IRQ vector, delay
        mov $((\delay << 8) | \vector), %eax
        out %eax, $0xF0
.endm

        .text
        .globl _start
_start:
        mov $KSTACK_TOP, %rsp
        cld
        # -- page tables (SDM Vol. 3A §4.5) --
        mov $PML4, %rdi
        mov $(5 * 4096 / 8), %ecx
        xor %eax, %eax
        rep stosq
        movq $(PDPT | 7), PML4
        movq $(PD | 7), PDPT
        movq $(PT0 | 7), PD
        movq $(PT1 | 7), PD + 8
        mov $2, %ecx
1:      mov %rcx, %rax
        shl $21, %rax
        or $(PTE_P | PTE_W | PTE_PS), %rax
        mov %rax, PD(,%rcx,8)
        inc %ecx
        cmp $8, %ecx
        jb 1b
        mov $1, %ecx
1:      mov %rcx, %rax
        shl $12, %rax
        or $(PTE_P | PTE_W | PTE_U), %rax
        mov %rax, PT0(,%rcx,8)
        inc %ecx
        cmp $512, %ecx
        jb 1b
        mov $PML4, %rax
        mov %rax, %cr3
        # -- EFER.SCE | NXE (LME/LMA already set by the harness) --
        mov $0xC0000080, %ecx
        rdmsr
        or $0x801, %eax
        wrmsr
        # -- CR4.PSE | PGE | OSFXSR (PAE already set), CR0.WP --
        mov %cr4, %rax
        or $0x290, %rax
        mov %rax, %cr4
        mov %cr0, %rax
        or $0x10000, %rax
        mov %rax, %cr0
        # -- GDT with the TSS descriptor (§7.2.3: 16 bytes in long mode) --
        lea tss(%rip), %rax
        mov $0x2068, %edx                       # limit: 0x68 bytes + 8 KiB I/O bitmap
        mov %rax, %rcx
        and $0xffffff, %ecx
        shl $16, %rcx
        or %rcx, %rdx
        movabs $0x0000890000000000, %rcx         # P, type 9 (available 64-bit TSS)
        or %rcx, %rdx
        mov %rax, %rcx
        shr $24, %rcx
        and $0xff, %ecx
        shl $56, %rcx
        or %rcx, %rdx
        mov %rdx, gdt + TSSSEL
        shr $32, %rax
        mov %rax, gdt + TSSSEL + 8
        lgdt gdtr(%rip)
        mov $KDATA, %ax
        mov %ax, %ds
        mov %ax, %es
        mov %ax, %ss
        xor %eax, %eax
        mov %ax, %fs
        mov %ax, %gs
        pushq $KCODE
        lea 1f(%rip), %rax
        push %rax
        lretq
1:      # -- TSS: RSP0, IST1, IST2, I/O bitmap base --
        movq $RSP0_TOP, tss + 4
        movq $IST1_TOP, tss + 0x24
        movq $IST2_TOP, tss + 0x2c
        movw $0x68, tss + 0x66
        movb $0xff, tss + 0x68 + 8192
        mov $TSSSEL, %ax
        ltr %ax
        # -- IDT: 256 interrupt gates to the stubs; #DF on IST1; INT3 and 0x80 callable from CPL 3 --
        xor %ecx, %ecx
1:      mov %rcx, %rax
        shl $4, %rax
        lea isr_stubs(%rip), %rdx
        add %rdx, %rax                          # stub address (< 4 GiB)
        mov %rax, %rdx
        and $0xffff, %edx
        or $(KCODE << 16), %edx
        mov %rax, %rsi
        shr $16, %rsi
        shl $48, %rsi
        or %rsi, %rdx
        movabs $0x00008E0000000000, %rsi         # P, DPL 0, type 14 (interrupt gate)
        or %rsi, %rdx
        mov %rcx, %rsi
        shl $4, %rsi
        mov %rdx, idt(%rsi)
        shr $32, %rax
        mov %rax, idt + 8(%rsi)
        inc %ecx
        cmp $256, %ecx
        jb 1b
        movb $1, idt + 16 * 8 + 4               # #DF: IST1
        movb $0xEE, idt + 16 * 3 + 5            # INT3: DPL 3
        movb $0xEE, idt + 16 * 0x80 + 5         # INT 0x80: DPL 3
        lidt idtr(%rip)
        # -- STAR: kernel CS 0x08/SS 0x10, SYSRET base 0x13 (SS 0x1b, CS 0x23); SFMASK TF|IF|DF --
        WRMSR_IMM 0xC0000081, 0x0013000800000000
        WRMSR_IMM 0xC0000084, 0x700
        xor %eax, %eax
        xor %ecx, %ecx
        xor %edx, %edx
        xor %esi, %esi
        xor %edi, %edi
        jmp test_main

# -- exception and interrupt stubs: 16 bytes each; a dummy error code where the CPU pushes none --
        .balign 16
isr_stubs:
        .set vec, 0
        .rept 256
        .balign 16
        .if (vec == 8) || (vec >= 10 && vec <= 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
        .else
        pushq $-1
        .endif
        pushq $vec
        jmp isr_common
        .set vec, vec + 1
        .endr

# Reports a fault record (vector, error, RIP, CS, RFLAGS, RSP, SS, CR2, address of the frame's RIP
# slot), then: device vectors 0x30-0x5F -> return; resume_rip set -> resume there at CPL 0 (one-shot); fault_hook set -> call it with
# RCX = frame (it may change RAX/RCX/RDX only) and return; vector >= 32 or INT3 -> return;
# anything else is unexpected and ends the test with exit code 0xBA.
.macro FREC src
        mov \src, %rax
        out %eax, $0xE0
        shr $32, %rax
        out %eax, $0xE2
.endm
isr_common:
        push %rax
        push %rcx
        push %rdx
        FREC 24(%rsp)
        FREC 32(%rsp)
        FREC 40(%rsp)
        FREC 48(%rsp)
        FREC 56(%rsp)
        FREC 64(%rsp)
        FREC 72(%rsp)
        mov %cr2, %rax
        FREC %rax
        lea 40(%rsp), %rax
        FREC %rax
        mov 24(%rsp), %rax                      # device vectors 0x30-0x5F just return
        cmp $0x30, %rax
        jb 0f
        cmp $0x60, %rax
        jb 9f
0:      mov resume_rip(%rip), %rax
        test %rax, %rax
        jz 1f
        mov %rax, 40(%rsp)
        movq $KCODE, 48(%rsp)
        movq $2, 56(%rsp)
        mov resume_rsp(%rip), %rax
        mov %rax, 64(%rsp)
        movq $KDATA, 72(%rsp)
        movq $0, resume_rip(%rip)
        jmp 9f
1:      mov fault_hook(%rip), %rax
        test %rax, %rax
        jz 2f
        lea 40(%rsp), %rcx
        call *%rax
        jmp 9f
2:      cmpq $32, 24(%rsp)
        jae 9f
        cmpq $3, 24(%rsp)
        je 9f
        mov $0xBA, %al
        out %al, $0xF4
3:      jmp 3b
9:      pop %rdx
        pop %rcx
        pop %rax
        add $16, %rsp
        iretq

        .data
        .balign 16
resume_rip:  .quad 0
resume_rsp:  .quad 0
fault_hook:  .quad 0
        .balign 16
gdt:    .quad 0                                  # 0x00 null
        .quad 0x00AF9A000000FFFF                 # 0x08 kernel code, 64-bit (L=1)
        .quad 0x00CF92000000FFFF                 # 0x10 kernel data
        .quad 0x00CFF2000000FFFF                 # 0x18 user data, DPL 3
        .quad 0x00AFFA000000FFFF                 # 0x20 user code, 64-bit, DPL 3
        .quad 0, 0                               # 0x28 TSS (16 bytes, filled at start-up)
        .quad 0x00CF9A000000FFFF                 # 0x38 32-bit code (L=0, D=1)
        .quad 0x00CF12000000FFFF                 # 0x40 data, not present
gdt_end:
        .balign 8
        .word 0, 0, 0
gdtr:   .word gdt_end - gdt - 1
        .quad gdt
        .word 0, 0, 0
idtr:   .word 256 * 16 - 1
        .quad idt
        .balign 4096
idt:    .fill 256 * 16, 1, 0
        .balign 4096
tss:    .fill 0x68 + 8192 + 1, 1, 0
        .balign 4096
        .text
