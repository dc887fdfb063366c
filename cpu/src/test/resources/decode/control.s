# Control transfers. Targets are absolute offsets in the section; objdump prints them as addresses.
.intel_syntax noprefix
.text
start:
    jmp start
    jmp far_away
    call start
    call far_away
    jo start
    jno start
    jb start
    jae start
    je start
    jne start
    jbe start
    ja start
    js start
    jns start
    jp start
    jnp start
    jl start
    jge start
    jle start
    jg start
    jo far_away
    jg far_away
    jne far_away
    loop start
    loope start
    loopne start
    jrcxz start
    jecxz start
    call rax
    call QWORD PTR [rax]
    call QWORD PTR [rip+0x100]
    jmp rax
    jmp r11
    jmp QWORD PTR [rax+rbx*8]
    call FWORD PTR [rax]
    jmp FWORD PTR [rbx]
    ret
    ret 0x10
    retf
    retf 0x8
    iretq
    iret
    int3
    int 0x3
    sysretq
    .fill 300, 1, 0x90
far_away:
    ret
