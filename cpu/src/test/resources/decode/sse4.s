# SSE3, SSSE3, SSE4.1 and SSE4.2 (0F 38 / 0F 3A maps), Intel syntax.
.intel_syntax noprefix
.text
addsubps xmm0,xmm1
addsubps xmm9,xmm15
addsubps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
addsubpd xmm0,xmm1
addsubpd xmm9,xmm15
addsubpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
haddps xmm0,xmm1
haddps xmm9,xmm15
haddps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
haddpd xmm0,xmm1
haddpd xmm9,xmm15
haddpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
hsubps xmm0,xmm1
hsubps xmm9,xmm15
hsubps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
hsubpd xmm0,xmm1
hsubpd xmm9,xmm15
hsubpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movshdup xmm0,xmm1
movshdup xmm9,xmm15
movshdup xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movsldup xmm0,xmm1
movsldup xmm9,xmm15
movsldup xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movddup xmm0,xmm1
movddup xmm9,QWORD PTR [r13+0x8]
lddqu xmm2,[rdx]
lddqu xmm12,[r8+rax*2-0x40]
pshufb xmm0,xmm1
pshufb xmm9,xmm15
pshufb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pshufb mm0,mm1
pshufb mm7,QWORD PTR [rsp+0x8]
phaddw xmm0,xmm1
phaddw xmm9,xmm15
phaddw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phaddw mm0,mm1
phaddw mm7,QWORD PTR [rsp+0x8]
phaddd xmm0,xmm1
phaddd xmm9,xmm15
phaddd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phaddd mm0,mm1
phaddd mm7,QWORD PTR [rsp+0x8]
phaddsw xmm0,xmm1
phaddsw xmm9,xmm15
phaddsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phaddsw mm0,mm1
phaddsw mm7,QWORD PTR [rsp+0x8]
pmaddubsw xmm0,xmm1
pmaddubsw xmm9,xmm15
pmaddubsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaddubsw mm0,mm1
pmaddubsw mm7,QWORD PTR [rsp+0x8]
phsubw xmm0,xmm1
phsubw xmm9,xmm15
phsubw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phsubw mm0,mm1
phsubw mm7,QWORD PTR [rsp+0x8]
phsubd xmm0,xmm1
phsubd xmm9,xmm15
phsubd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phsubd mm0,mm1
phsubd mm7,QWORD PTR [rsp+0x8]
phsubsw xmm0,xmm1
phsubsw xmm9,xmm15
phsubsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phsubsw mm0,mm1
phsubsw mm7,QWORD PTR [rsp+0x8]
psignb xmm0,xmm1
psignb xmm9,xmm15
psignb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psignb mm0,mm1
psignb mm7,QWORD PTR [rsp+0x8]
psignw xmm0,xmm1
psignw xmm9,xmm15
psignw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psignw mm0,mm1
psignw mm7,QWORD PTR [rsp+0x8]
psignd xmm0,xmm1
psignd xmm9,xmm15
psignd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psignd mm0,mm1
psignd mm7,QWORD PTR [rsp+0x8]
pmulhrsw xmm0,xmm1
pmulhrsw xmm9,xmm15
pmulhrsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmulhrsw mm0,mm1
pmulhrsw mm7,QWORD PTR [rsp+0x8]
pabsb xmm0,xmm1
pabsb xmm9,xmm15
pabsb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pabsb mm0,mm1
pabsb mm7,QWORD PTR [rsp+0x8]
pabsw xmm0,xmm1
pabsw xmm9,xmm15
pabsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pabsw mm0,mm1
pabsw mm7,QWORD PTR [rsp+0x8]
pabsd xmm0,xmm1
pabsd xmm9,xmm15
pabsd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pabsd mm0,mm1
pabsd mm7,QWORD PTR [rsp+0x8]
palignr xmm0,xmm1,0x3
palignr xmm10,XMMWORD PTR [rip+0x100],0xf
palignr mm2,mm3,0x7
palignr mm1,QWORD PTR [rbx],0x1
pblendvb xmm1,xmm2,xmm0
pblendvb xmm11,XMMWORD PTR [rax],xmm0
blendvps xmm1,xmm2,xmm0
blendvps xmm3,XMMWORD PTR [rbx+0x10],xmm0
blendvpd xmm14,xmm2,xmm0
blendvpd xmm3,XMMWORD PTR [rbx+0x10],xmm0
ptest xmm0,xmm1
ptest xmm9,xmm15
ptest xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmovsxbw xmm0,xmm1
pmovsxbw xmm9,xmm15
pmovsxbw xmm3,QWORD PTR [rax+rcx*4+0x10]
pmovzxbw xmm0,xmm1
pmovzxbw xmm9,xmm15
pmovzxbw xmm3,QWORD PTR [rax+rcx*4+0x10]
pmovsxbd xmm0,xmm1
pmovsxbd xmm9,xmm15
pmovsxbd xmm3,DWORD PTR [rax+rcx*4+0x10]
pmovzxbd xmm0,xmm1
pmovzxbd xmm9,xmm15
pmovzxbd xmm3,DWORD PTR [rax+rcx*4+0x10]
pmovsxbq xmm0,xmm1
pmovsxbq xmm9,xmm15
pmovsxbq xmm3,WORD PTR [rax+rcx*4+0x10]
pmovzxbq xmm0,xmm1
pmovzxbq xmm9,xmm15
pmovzxbq xmm3,WORD PTR [rax+rcx*4+0x10]
pmovsxwd xmm0,xmm1
pmovsxwd xmm9,xmm15
pmovsxwd xmm3,QWORD PTR [rax+rcx*4+0x10]
pmovzxwd xmm0,xmm1
pmovzxwd xmm9,xmm15
pmovzxwd xmm3,QWORD PTR [rax+rcx*4+0x10]
pmovsxwq xmm0,xmm1
pmovsxwq xmm9,xmm15
pmovsxwq xmm3,DWORD PTR [rax+rcx*4+0x10]
pmovzxwq xmm0,xmm1
pmovzxwq xmm9,xmm15
pmovzxwq xmm3,DWORD PTR [rax+rcx*4+0x10]
pmovsxdq xmm0,xmm1
pmovsxdq xmm9,xmm15
pmovsxdq xmm3,QWORD PTR [rax+rcx*4+0x10]
pmovzxdq xmm0,xmm1
pmovzxdq xmm9,xmm15
pmovzxdq xmm3,QWORD PTR [rax+rcx*4+0x10]
pmuldq xmm0,xmm1
pmuldq xmm9,xmm15
pmuldq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpeqq xmm0,xmm1
pcmpeqq xmm9,xmm15
pcmpeqq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
packusdw xmm0,xmm1
packusdw xmm9,xmm15
packusdw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pminsb xmm0,xmm1
pminsb xmm9,xmm15
pminsb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pminsd xmm0,xmm1
pminsd xmm9,xmm15
pminsd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pminuw xmm0,xmm1
pminuw xmm9,xmm15
pminuw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pminud xmm0,xmm1
pminud xmm9,xmm15
pminud xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaxsb xmm0,xmm1
pmaxsb xmm9,xmm15
pmaxsb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaxsd xmm0,xmm1
pmaxsd xmm9,xmm15
pmaxsd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaxuw xmm0,xmm1
pmaxuw xmm9,xmm15
pmaxuw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaxud xmm0,xmm1
pmaxud xmm9,xmm15
pmaxud xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmulld xmm0,xmm1
pmulld xmm9,xmm15
pmulld xmm3,XMMWORD PTR [rax+rcx*4+0x10]
phminposuw xmm0,xmm1
phminposuw xmm9,xmm15
phminposuw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpgtq xmm0,xmm1
pcmpgtq xmm9,xmm15
pcmpgtq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movntdqa xmm1,XMMWORD PTR [rax]
movntdqa xmm13,XMMWORD PTR [r9+0x30]
roundps xmm0,xmm1,0x4
roundps xmm9,xmm15,0xc
roundps xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
roundpd xmm0,xmm1,0x4
roundpd xmm9,xmm15,0xc
roundpd xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
blendps xmm0,xmm1,0x4
blendps xmm9,xmm15,0xc
blendps xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
blendpd xmm0,xmm1,0x4
blendpd xmm9,xmm15,0xc
blendpd xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
pblendw xmm0,xmm1,0x4
pblendw xmm9,xmm15,0xc
pblendw xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
dpps xmm0,xmm1,0x4
dpps xmm9,xmm15,0xc
dpps xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
dppd xmm0,xmm1,0x4
dppd xmm9,xmm15,0xc
dppd xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
mpsadbw xmm0,xmm1,0x4
mpsadbw xmm9,xmm15,0xc
mpsadbw xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
pcmpestrm xmm0,xmm1,0x4
pcmpestrm xmm9,xmm15,0xc
pcmpestrm xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
pcmpestri xmm0,xmm1,0x4
pcmpestri xmm9,xmm15,0xc
pcmpestri xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
pcmpistrm xmm0,xmm1,0x4
pcmpistrm xmm9,xmm15,0xc
pcmpistrm xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
pcmpistri xmm0,xmm1,0x4
pcmpistri xmm9,xmm15,0xc
pcmpistri xmm3,XMMWORD PTR [rax+rcx*4+0x10],0x1b
roundss xmm0,xmm1,0x4
roundss xmm3,DWORD PTR [rax],0x9
roundsd xmm10,xmm1,0x4
roundsd xmm3,QWORD PTR [rax],0x9
pcmpestri xmm1,xmm2,0x1
pcmpestrm xmm1,XMMWORD PTR [rsi],0x1
.byte 0x66,0x48,0x0f,0x3a,0x61,0xca,0x0c
.byte 0x66,0x48,0x0f,0x3a,0x60,0x0e,0x0c
pextrb eax,xmm1,0x1
pextrb r10d,xmm11,0xf
pextrb BYTE PTR [rax],xmm1,0x1
pextrw WORD PTR [rax+0x2],xmm1,0x7
.byte 0x66,0x41,0x0f,0x3a,0x15,0xc2,0x03
pextrd eax,xmm1,0x1
pextrd DWORD PTR [r8],xmm9,0x3
pextrq rax,xmm1,0x1
pextrq QWORD PTR [rsp],xmm15,0x1
extractps eax,xmm1,0x1
extractps DWORD PTR [rax],xmm1,0x2
pinsrb xmm1,eax,0x1
pinsrb xmm1,esp,0x2
pinsrb xmm12,BYTE PTR [rax],0x1
pinsrd xmm1,eax,0x1
pinsrd xmm1,DWORD PTR [rdi],0x3
pinsrq xmm1,rax,0x1
pinsrq xmm10,QWORD PTR [rdi],0x1
insertps xmm1,xmm2,0x1
insertps xmm1,DWORD PTR [rax],0x30
crc32 eax,bl
crc32 rax,QWORD PTR [rbx]
