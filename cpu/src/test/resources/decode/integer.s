# Integer instructions, Intel syntax. Assembled by GNU as at test time; objdump is the oracle.
.intel_syntax noprefix
.text
add al,cl
add BYTE PTR [rsp+rcx*8-0x80],r8b
add al,0x7f
add cl,-2
add BYTE PTR [rbp+r9*2+0x12345],0x11
add ax,cx
add r15w,sp
add di,WORD PTR [rax+rbx*4+0x10]
add WORD PTR [rsp+rcx*8-0x80],r9w
add ax,0x7f
add cx,-2
add sp,0x1234
add ax,0x1234
add WORD PTR [rip+0x100],-0x1000
add WORD PTR [rbp+r9*2+0x12345],0x11
add eax,ecx
add r15d,esp
add ebp,DWORD PTR [rax+rbx*4+0x10]
add DWORD PTR [rsp+rcx*8-0x80],r12d
add eax,0x7f
add ecx,-2
add esp,0x1234
add eax,0x1234
add DWORD PTR [rip+0x100],-0x1000
add DWORD PTR [rbp+r9*2+0x12345],0x11
add rax,rcx
add r15,rdx
add rbx,QWORD PTR [rax+rbx*4+0x10]
add QWORD PTR [rsp+rcx*8-0x80],r13
add rax,0x7f
add rcx,-2
add rdx,0x1234
add rax,0x1234
add QWORD PTR [rip+0x100],-0x1000
add QWORD PTR [rbp+r9*2+0x12345],0x11
lock add DWORD PTR [rax],ebx
or al,cl
or BYTE PTR [rsp+rcx*8-0x80],r8b
or al,0x7f
or cl,-2
or BYTE PTR [rbp+r9*2+0x12345],0x11
or ax,cx
or r15w,sp
or di,WORD PTR [rax+rbx*4+0x10]
or WORD PTR [rsp+rcx*8-0x80],r9w
or ax,0x7f
or cx,-2
or sp,0x1234
or ax,0x1234
or WORD PTR [rip+0x100],-0x1000
or WORD PTR [rbp+r9*2+0x12345],0x11
or eax,ecx
or r15d,esp
or ebp,DWORD PTR [rax+rbx*4+0x10]
or DWORD PTR [rsp+rcx*8-0x80],r12d
or eax,0x7f
or ecx,-2
or esp,0x1234
or eax,0x1234
or DWORD PTR [rip+0x100],-0x1000
or DWORD PTR [rbp+r9*2+0x12345],0x11
or rax,rcx
or r15,rdx
or rbx,QWORD PTR [rax+rbx*4+0x10]
or QWORD PTR [rsp+rcx*8-0x80],r13
or rax,0x7f
or rcx,-2
or rdx,0x1234
or rax,0x1234
or QWORD PTR [rip+0x100],-0x1000
or QWORD PTR [rbp+r9*2+0x12345],0x11
lock or DWORD PTR [rax],ebx
adc al,cl
adc BYTE PTR [rsp+rcx*8-0x80],r8b
adc al,0x7f
adc cl,-2
adc BYTE PTR [rbp+r9*2+0x12345],0x11
adc ax,cx
adc r15w,sp
adc di,WORD PTR [rax+rbx*4+0x10]
adc WORD PTR [rsp+rcx*8-0x80],r9w
adc ax,0x7f
adc cx,-2
adc sp,0x1234
adc ax,0x1234
adc WORD PTR [rip+0x100],-0x1000
adc WORD PTR [rbp+r9*2+0x12345],0x11
adc eax,ecx
adc r15d,esp
adc ebp,DWORD PTR [rax+rbx*4+0x10]
adc DWORD PTR [rsp+rcx*8-0x80],r12d
adc eax,0x7f
adc ecx,-2
adc esp,0x1234
adc eax,0x1234
adc DWORD PTR [rip+0x100],-0x1000
adc DWORD PTR [rbp+r9*2+0x12345],0x11
adc rax,rcx
adc r15,rdx
adc rbx,QWORD PTR [rax+rbx*4+0x10]
adc QWORD PTR [rsp+rcx*8-0x80],r13
adc rax,0x7f
adc rcx,-2
adc rdx,0x1234
adc rax,0x1234
adc QWORD PTR [rip+0x100],-0x1000
adc QWORD PTR [rbp+r9*2+0x12345],0x11
lock adc DWORD PTR [rax],ebx
sbb al,cl
sbb BYTE PTR [rsp+rcx*8-0x80],r8b
sbb al,0x7f
sbb cl,-2
sbb BYTE PTR [rbp+r9*2+0x12345],0x11
sbb ax,cx
sbb r15w,sp
sbb di,WORD PTR [rax+rbx*4+0x10]
sbb WORD PTR [rsp+rcx*8-0x80],r9w
sbb ax,0x7f
sbb cx,-2
sbb sp,0x1234
sbb ax,0x1234
sbb WORD PTR [rip+0x100],-0x1000
sbb WORD PTR [rbp+r9*2+0x12345],0x11
sbb eax,ecx
sbb r15d,esp
sbb ebp,DWORD PTR [rax+rbx*4+0x10]
sbb DWORD PTR [rsp+rcx*8-0x80],r12d
sbb eax,0x7f
sbb ecx,-2
sbb esp,0x1234
sbb eax,0x1234
sbb DWORD PTR [rip+0x100],-0x1000
sbb DWORD PTR [rbp+r9*2+0x12345],0x11
sbb rax,rcx
sbb r15,rdx
sbb rbx,QWORD PTR [rax+rbx*4+0x10]
sbb QWORD PTR [rsp+rcx*8-0x80],r13
sbb rax,0x7f
sbb rcx,-2
sbb rdx,0x1234
sbb rax,0x1234
sbb QWORD PTR [rip+0x100],-0x1000
sbb QWORD PTR [rbp+r9*2+0x12345],0x11
lock sbb DWORD PTR [rax],ebx
and al,cl
and BYTE PTR [rsp+rcx*8-0x80],r8b
and al,0x7f
and cl,-2
and BYTE PTR [rbp+r9*2+0x12345],0x11
and ax,cx
and r15w,sp
and di,WORD PTR [rax+rbx*4+0x10]
and WORD PTR [rsp+rcx*8-0x80],r9w
and ax,0x7f
and cx,-2
and sp,0x1234
and ax,0x1234
and WORD PTR [rip+0x100],-0x1000
and WORD PTR [rbp+r9*2+0x12345],0x11
and eax,ecx
and r15d,esp
and ebp,DWORD PTR [rax+rbx*4+0x10]
and DWORD PTR [rsp+rcx*8-0x80],r12d
and eax,0x7f
and ecx,-2
and esp,0x1234
and eax,0x1234
and DWORD PTR [rip+0x100],-0x1000
and DWORD PTR [rbp+r9*2+0x12345],0x11
and rax,rcx
and r15,rdx
and rbx,QWORD PTR [rax+rbx*4+0x10]
and QWORD PTR [rsp+rcx*8-0x80],r13
and rax,0x7f
and rcx,-2
and rdx,0x1234
and rax,0x1234
and QWORD PTR [rip+0x100],-0x1000
and QWORD PTR [rbp+r9*2+0x12345],0x11
lock and DWORD PTR [rax],ebx
sub al,cl
sub BYTE PTR [rsp+rcx*8-0x80],r8b
sub al,0x7f
sub cl,-2
sub BYTE PTR [rbp+r9*2+0x12345],0x11
sub ax,cx
sub r15w,sp
sub di,WORD PTR [rax+rbx*4+0x10]
sub WORD PTR [rsp+rcx*8-0x80],r9w
sub ax,0x7f
sub cx,-2
sub sp,0x1234
sub ax,0x1234
sub WORD PTR [rip+0x100],-0x1000
sub WORD PTR [rbp+r9*2+0x12345],0x11
sub eax,ecx
sub r15d,esp
sub ebp,DWORD PTR [rax+rbx*4+0x10]
sub DWORD PTR [rsp+rcx*8-0x80],r12d
sub eax,0x7f
sub ecx,-2
sub esp,0x1234
sub eax,0x1234
sub DWORD PTR [rip+0x100],-0x1000
sub DWORD PTR [rbp+r9*2+0x12345],0x11
sub rax,rcx
sub r15,rdx
sub rbx,QWORD PTR [rax+rbx*4+0x10]
sub QWORD PTR [rsp+rcx*8-0x80],r13
sub rax,0x7f
sub rcx,-2
sub rdx,0x1234
sub rax,0x1234
sub QWORD PTR [rip+0x100],-0x1000
sub QWORD PTR [rbp+r9*2+0x12345],0x11
lock sub DWORD PTR [rax],ebx
xor al,cl
xor BYTE PTR [rsp+rcx*8-0x80],r8b
xor al,0x7f
xor cl,-2
xor BYTE PTR [rbp+r9*2+0x12345],0x11
xor ax,cx
xor r15w,sp
xor di,WORD PTR [rax+rbx*4+0x10]
xor WORD PTR [rsp+rcx*8-0x80],r9w
xor ax,0x7f
xor cx,-2
xor sp,0x1234
xor ax,0x1234
xor WORD PTR [rip+0x100],-0x1000
xor WORD PTR [rbp+r9*2+0x12345],0x11
xor eax,ecx
xor r15d,esp
xor ebp,DWORD PTR [rax+rbx*4+0x10]
xor DWORD PTR [rsp+rcx*8-0x80],r12d
xor eax,0x7f
xor ecx,-2
xor esp,0x1234
xor eax,0x1234
xor DWORD PTR [rip+0x100],-0x1000
xor DWORD PTR [rbp+r9*2+0x12345],0x11
xor rax,rcx
xor r15,rdx
xor rbx,QWORD PTR [rax+rbx*4+0x10]
xor QWORD PTR [rsp+rcx*8-0x80],r13
xor rax,0x7f
xor rcx,-2
xor rdx,0x1234
xor rax,0x1234
xor QWORD PTR [rip+0x100],-0x1000
xor QWORD PTR [rbp+r9*2+0x12345],0x11
lock xor DWORD PTR [rax],ebx
cmp al,cl
cmp BYTE PTR [rsp+rcx*8-0x80],r8b
cmp al,0x7f
cmp cl,-2
cmp BYTE PTR [rbp+r9*2+0x12345],0x11
cmp ax,cx
cmp r15w,sp
cmp di,WORD PTR [rax+rbx*4+0x10]
cmp WORD PTR [rsp+rcx*8-0x80],r9w
cmp ax,0x7f
cmp cx,-2
cmp sp,0x1234
cmp ax,0x1234
cmp WORD PTR [rip+0x100],-0x1000
cmp WORD PTR [rbp+r9*2+0x12345],0x11
cmp eax,ecx
cmp r15d,esp
cmp ebp,DWORD PTR [rax+rbx*4+0x10]
cmp DWORD PTR [rsp+rcx*8-0x80],r12d
cmp eax,0x7f
cmp ecx,-2
cmp esp,0x1234
cmp eax,0x1234
cmp DWORD PTR [rip+0x100],-0x1000
cmp DWORD PTR [rbp+r9*2+0x12345],0x11
cmp rax,rcx
cmp r15,rdx
cmp rbx,QWORD PTR [rax+rbx*4+0x10]
cmp QWORD PTR [rsp+rcx*8-0x80],r13
cmp rax,0x7f
cmp rcx,-2
cmp rdx,0x1234
cmp rax,0x1234
cmp QWORD PTR [rip+0x100],-0x1000
cmp QWORD PTR [rbp+r9*2+0x12345],0x11
test al,cl
test al,0x12
test bh,0x12
not cl
not BYTE PTR [r13]
neg cl
neg BYTE PTR [r13]
mul cl
mul BYTE PTR [r13]
imul cl
imul BYTE PTR [r13]
div cl
div BYTE PTR [r13]
idiv cl
idiv BYTE PTR [r13]
inc cl
inc BYTE PTR [r13]
dec cl
dec BYTE PTR [r13]
rol cl,1
rol ah,cl
rol bh,5
rol BYTE PTR [rsp],cl
ror cl,1
ror ah,cl
ror bh,5
ror BYTE PTR [rsp],cl
rcl cl,1
rcl ah,cl
rcl bh,5
rcl BYTE PTR [rsp],cl
rcr cl,1
rcr ah,cl
rcr bh,5
rcr BYTE PTR [rsp],cl
shl cl,1
shl ah,cl
shl bh,5
shl BYTE PTR [rsp],cl
shr cl,1
shr ah,cl
shr bh,5
shr BYTE PTR [rsp],cl
sar cl,1
sar ah,cl
sar bh,5
sar BYTE PTR [rsp],cl
mov al,cl
mov BYTE PTR [r12],r15b
mov BYTE PTR [r13+r14*1],0x5a
xchg cl,ah
xchg BYTE PTR [rdi],cl
xadd cl,ah
lock xadd BYTE PTR [rdi],cl
cmpxchg cl,ah
lock cmpxchg BYTE PTR [rsi],cl
test ax,cx
test WORD PTR [rbx],sp
test ax,0x12
test di,0x12
not cx
not WORD PTR [r13]
neg cx
neg WORD PTR [r13]
mul cx
mul WORD PTR [r13]
imul cx
imul WORD PTR [r13]
div cx
div WORD PTR [r13]
idiv cx
idiv WORD PTR [r13]
inc cx
inc WORD PTR [r13]
dec cx
dec WORD PTR [r13]
rol cx,1
rol sp,cl
rol di,5
rol WORD PTR [rsp],cl
ror cx,1
ror sp,cl
ror di,5
ror WORD PTR [rsp],cl
rcl cx,1
rcl sp,cl
rcl di,5
rcl WORD PTR [rsp],cl
rcr cx,1
rcr sp,cl
rcr di,5
rcr WORD PTR [rsp],cl
shl cx,1
shl sp,cl
shl di,5
shl WORD PTR [rsp],cl
shr cx,1
shr sp,cl
shr di,5
shr WORD PTR [rsp],cl
sar cx,1
sar sp,cl
sar di,5
sar WORD PTR [rsp],cl
mov ax,cx
mov di,WORD PTR [rbp]
mov WORD PTR [r12],r15w
mov WORD PTR [r13+r14*1],0x5a
xchg cx,sp
xchg WORD PTR [rdi],cx
xadd cx,sp
lock xadd WORD PTR [rdi],cx
cmpxchg cx,sp
lock cmpxchg WORD PTR [rsi],cx
test eax,ecx
test DWORD PTR [rbx],esp
test eax,0x12
test ebp,0x12
not ecx
not DWORD PTR [r13]
neg ecx
neg DWORD PTR [r13]
mul ecx
mul DWORD PTR [r13]
imul ecx
imul DWORD PTR [r13]
div ecx
div DWORD PTR [r13]
idiv ecx
idiv DWORD PTR [r13]
inc ecx
inc DWORD PTR [r13]
dec ecx
dec DWORD PTR [r13]
rol ecx,1
rol esp,cl
rol ebp,5
rol DWORD PTR [rsp],cl
ror ecx,1
ror esp,cl
ror ebp,5
ror DWORD PTR [rsp],cl
rcl ecx,1
rcl esp,cl
rcl ebp,5
rcl DWORD PTR [rsp],cl
rcr ecx,1
rcr esp,cl
rcr ebp,5
rcr DWORD PTR [rsp],cl
shl ecx,1
shl esp,cl
shl ebp,5
shl DWORD PTR [rsp],cl
shr ecx,1
shr esp,cl
shr ebp,5
shr DWORD PTR [rsp],cl
sar ecx,1
sar esp,cl
sar ebp,5
sar DWORD PTR [rsp],cl
mov eax,ecx
mov ebp,DWORD PTR [rbp]
mov DWORD PTR [r12],r15d
mov DWORD PTR [r13+r14*1],0x5a
xchg ecx,esp
xchg DWORD PTR [rdi],ecx
xadd ecx,esp
lock xadd DWORD PTR [rdi],ecx
cmpxchg ecx,esp
lock cmpxchg DWORD PTR [rsi],ecx
test rax,rcx
test QWORD PTR [rbx],rdx
test rax,0x12
test rbx,0x12
not rcx
not QWORD PTR [r13]
neg rcx
neg QWORD PTR [r13]
mul rcx
mul QWORD PTR [r13]
imul rcx
imul QWORD PTR [r13]
div rcx
div QWORD PTR [r13]
idiv rcx
idiv QWORD PTR [r13]
inc rcx
inc QWORD PTR [r13]
dec rcx
dec QWORD PTR [r13]
rol rcx,1
rol rdx,cl
rol rbx,5
rol QWORD PTR [rsp],cl
ror rcx,1
ror rdx,cl
ror rbx,5
ror QWORD PTR [rsp],cl
rcl rcx,1
rcl rdx,cl
rcl rbx,5
rcl QWORD PTR [rsp],cl
rcr rcx,1
rcr rdx,cl
rcr rbx,5
rcr QWORD PTR [rsp],cl
shl rcx,1
shl rdx,cl
shl rbx,5
shl QWORD PTR [rsp],cl
shr rcx,1
shr rdx,cl
shr rbx,5
shr QWORD PTR [rsp],cl
sar rcx,1
sar rdx,cl
sar rbx,5
sar QWORD PTR [rsp],cl
mov rax,rcx
mov rbx,QWORD PTR [rbp]
mov QWORD PTR [r12],r15
mov QWORD PTR [r13+r14*1],0x5a
xchg rcx,rdx
xchg QWORD PTR [rdi],rcx
xadd rcx,rdx
lock xadd QWORD PTR [rdi],rcx
cmpxchg rcx,rdx
lock cmpxchg QWORD PTR [rsi],rcx
mov rax,QWORD PTR [rax]
lea rcx,[rax]
mov rax,QWORD PTR [rsp]
lea rcx,[rsp]
mov rax,QWORD PTR [rbp]
lea rcx,[rbp]
mov rax,QWORD PTR [r12]
lea rcx,[r12]
mov rax,QWORD PTR [r13]
lea rcx,[r13]
mov rax,QWORD PTR [rax+rbx*4+0x10]
lea rcx,[rax+rbx*4+0x10]
mov rax,QWORD PTR [rsp+rcx*8-0x80]
lea rcx,[rsp+rcx*8-0x80]
mov rax,QWORD PTR [rbp+r9*2+0x12345]
lea rcx,[rbp+r9*2+0x12345]
mov rax,QWORD PTR [r13+r14*1]
lea rcx,[r13+r14*1]
mov rax,QWORD PTR [rip+0x100]
lea rcx,[rip+0x100]
mov rax,QWORD PTR [0x1234]
lea rcx,[0x1234]
mov rax,QWORD PTR fs:[rax+0x28]
lea rcx,[rax+0x28]
mov rax,QWORD PTR gs:[0x30]
lea rcx,[0x30]
mov rax,QWORD PTR [eax+ecx*2+0x4]
lea rcx,[eax+ecx*2+0x4]
mov rax,QWORD PTR [r8d]
lea rcx,[r8d]
mov rax,QWORD PTR [rbx*8+0x0]
lea rcx,[rbx*8+0x0]
imul ax,cx
imul sp,WORD PTR [rcx],0x12
imul di,cx,0x1234
shld ax,cx,3
shrd WORD PTR [rax],cx,cl
bt ax,cx
bt WORD PTR [rax],7
bts ax,cx
bts WORD PTR [rax],7
btr ax,cx
btr WORD PTR [rax],7
btc ax,cx
btc WORD PTR [rax],7
bsf ax,cx
bsr ax,WORD PTR [rbx]
popcnt ax,cx
tzcnt cx,sp
lzcnt cx,sp
movzx ax,BYTE PTR [rax]
movsx cx,cl
movsx cx,ah
push ax
pop r15w
cmove ax,cx
cmovg sp,WORD PTR [rsp]
imul eax,ecx
imul esp,DWORD PTR [rcx],0x12
imul ebp,ecx,0x1234
shld eax,ecx,3
shrd DWORD PTR [rax],ecx,cl
bt eax,ecx
bt DWORD PTR [rax],7
bts eax,ecx
bts DWORD PTR [rax],7
btr eax,ecx
btr DWORD PTR [rax],7
btc eax,ecx
btc DWORD PTR [rax],7
bsf eax,ecx
bsr eax,DWORD PTR [rbx]
popcnt eax,ecx
tzcnt ecx,esp
lzcnt ecx,esp
movzx eax,BYTE PTR [rax]
movsx ecx,cl
movsx ecx,ah
movzx eax,WORD PTR [rax]
movsx ecx,cx
cmove eax,ecx
cmovg esp,DWORD PTR [rsp]
bswap ecx
imul rax,rcx
imul rdx,QWORD PTR [rcx],0x12
imul rbx,rcx,0x1234
shld rax,rcx,3
shrd QWORD PTR [rax],rcx,cl
bt rax,rcx
bt QWORD PTR [rax],7
bts rax,rcx
bts QWORD PTR [rax],7
btr rax,rcx
btr QWORD PTR [rax],7
btc rax,rcx
btc QWORD PTR [rax],7
bsf rax,rcx
bsr rax,QWORD PTR [rbx]
popcnt rax,rcx
tzcnt rcx,rdx
lzcnt rcx,rdx
movzx rax,BYTE PTR [rax]
movsx rcx,cl
movzx rax,WORD PTR [rax]
movsx rcx,cx
push rax
pop r15
cmove rax,rcx
cmovg rdx,QWORD PTR [rsp]
bswap rcx
movsxd rax,ecx
movsxd r9,DWORD PTR [rax]
mov rax,0x123456789abcdef0
mov r11,0x1
movabs rax,0x1122334455667788
mov eax,0x12345678
mov r9d,0xffffffff
mov ax,0x1234
mov bl,0x12
mov r12b,0x34
mov ah,0x1
movabs al,ds:0x1122334455667788
movabs eax,ds:0x1122334455667788
movabs ds:0x1122334455667788,rax
movabs ds:0x1122334455667788,ax
mov QWORD PTR [rax],0x12345678
mov QWORD PTR [rip+0x10],-1
mov BYTE PTR [rip+0x10],0x7f
mov WORD PTR [rip-0x10],0x1234
mov eax,ds
mov rax,fs
mov WORD PTR [rax],gs
mov ds,eax
mov fs,WORD PTR [rbx]
mov ss,ax
push 0x12
push 0x12345678
push -1
push QWORD PTR [rax]
pop QWORD PTR [rbx+0x8]
push fs
pop gs
push gs
pop fs
pushfq
popfq
pushf
popf
enter 0x10,0
enter 0x1234,3
leave
cbw
cwde
cdqe
cwd
cdq
cqo
clc
stc
cmc
cld
std
lahf
sahf
nop
pause
nop DWORD PTR [rax+rax*1+0x0]
nop WORD PTR cs:[rax+rax*1+0x0]
xchg r8,rax
xchg eax,ecx
xchg ax,dx
cpuid
rdtsc
rdtscp
ud2
int3
int 0x80
syscall
xlatb
hlt
mfence
lfence
sfence
prefetchnta BYTE PTR [rax]
prefetcht0 BYTE PTR [rax]
prefetcht1 BYTE PTR [rax]
prefetcht2 BYTE PTR [rax]
prefetchw BYTE PTR [rax]
clflush BYTE PTR [rax]
fxsave [rsp]
fxrstor [rsp]
fxsave64 [rsp]
fxrstor64 [rsp]
ldmxcsr DWORD PTR [rsp]
stmxcsr DWORD PTR [rsp+0x4]
cmpxchg8b QWORD PTR [rdi]
lock cmpxchg16b XMMWORD PTR [rdi]
rdrand eax
rdrand rcx
rdseed r9
endbr64
seto al
seto BYTE PTR [rax]
cmovo eax,ecx
setno al
setno BYTE PTR [rax]
cmovno eax,ecx
setb al
setb BYTE PTR [rax]
cmovb eax,ecx
setae al
setae BYTE PTR [rax]
cmovae eax,ecx
sete al
sete BYTE PTR [rax]
cmove eax,ecx
setne al
setne BYTE PTR [rax]
cmovne eax,ecx
setbe al
setbe BYTE PTR [rax]
cmovbe eax,ecx
seta al
seta BYTE PTR [rax]
cmova eax,ecx
sets al
sets BYTE PTR [rax]
cmovs eax,ecx
setns al
setns BYTE PTR [rax]
cmovns eax,ecx
setp al
setp BYTE PTR [rax]
cmovp eax,ecx
setnp al
setnp BYTE PTR [rax]
cmovnp eax,ecx
setl al
setl BYTE PTR [rax]
cmovl eax,ecx
setge al
setge BYTE PTR [rax]
cmovge eax,ecx
setle al
setle BYTE PTR [rax]
cmovle eax,ecx
setg al
setg BYTE PTR [rax]
cmovg eax,ecx
setne r10b
sete sil
sete ah
movsb
movsw
movsd
movsq
stosb
stosw
stosd
stosq
lodsb
lodsq
scasb
scasq
cmpsb
cmpsq
rep movsb
rep movsq
rep stosq
repz cmpsb
repnz scasb
rep lodsb
movbe eax,DWORD PTR [rax]
movbe QWORD PTR [rax],rcx
crc32 eax,bl
crc32 rax,QWORD PTR [rbx]
adcx eax,ebx
adox rax,rbx
lock add QWORD PTR [rax],0x1
lock inc DWORD PTR [rbx]
lock not BYTE PTR [rcx]
lock bts QWORD PTR [rax],rbx
lock btr DWORD PTR [rax],0x3
xchg QWORD PTR [rax],rbx
mov ah,bh
add ah,0x5
mov BYTE PTR [rax],ch
movzx eax,ah
movsx ecx,bh
xchg ah,al

