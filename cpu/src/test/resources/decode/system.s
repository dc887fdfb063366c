# Privileged and system instructions (decoded in any mode; semantics check CPL).
.intel_syntax noprefix
.text
    cli
    sti
    hlt
    in al,0x60
    in eax,0x40
    in ax,0x40
    out 0x80,al
    out 0x43,eax
    in al,dx
    in eax,dx
    out dx,al
    out dx,ax
    out dx,eax
    insb
    insd
    outsb
    outsw
    rep insb
    clts
    invd
    wbinvd
    wrmsr
    rdmsr
    rdpmc
    mov rax,cr0
    mov cr3,rax
    mov r9,cr4
    mov cr8,rax
    mov cr2,r15
    mov rax,db7
    mov db0,rcx
    sldt eax
    sldt WORD PTR [rax]
    str eax
    lldt ax
    ltr WORD PTR [rax]
    verr ax
    verw WORD PTR [rbx]
    sgdt [rax]
    sidt [rax]
    lgdt [rax]
    lidt [rbx+0x10]
    smsw eax
    smsw WORD PTR [rax]
    lmsw ax
    invlpg BYTE PTR [rax]
    monitor
    mwait
    clac
    stac
    xgetbv
    xsetbv
    swapgs
    lar eax,ax
    lsl rax,WORD PTR [rbx]
    lss eax,FWORD PTR [rax]
    lfs eax,FWORD PTR [rax]
    .byte 0x48, 0x0f, 0xb4, 0x00
    lgs ax,DWORD PTR [rax]
    xsave [rax]
    xrstor [rax]
    xsave64 [rax]
    clflushopt BYTE PTR [rax]
    sysenter
    .byte 0x0f, 0x35
    .byte 0x48, 0x0f, 0x35
    rsm
    iretq
    int1
