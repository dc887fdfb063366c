# SSE and SSE2 (plus SSE3 moves), Intel syntax.
.intel_syntax noprefix
.text
movups xmm0,xmm1
movups xmm9,xmm15
movups xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movupd xmm0,xmm1
movupd xmm9,xmm15
movupd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movaps xmm0,xmm1
movaps xmm9,xmm15
movaps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movapd xmm0,xmm1
movapd xmm9,xmm15
movapd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movdqa xmm0,xmm1
movdqa xmm9,xmm15
movdqa xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movdqu xmm0,xmm1
movdqu xmm9,xmm15
movdqu xmm3,XMMWORD PTR [rax+rcx*4+0x10]
addps xmm0,xmm1
addps xmm9,xmm15
addps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
addpd xmm0,xmm1
addpd xmm9,xmm15
addpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
addss xmm0,xmm1
addss xmm9,xmm15
addss xmm3,DWORD PTR [rax+rcx*4+0x10]
addsd xmm0,xmm1
addsd xmm9,xmm15
addsd xmm3,QWORD PTR [rax+rcx*4+0x10]
mulps xmm0,xmm1
mulps xmm9,xmm15
mulps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
mulpd xmm0,xmm1
mulpd xmm9,xmm15
mulpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
mulss xmm0,xmm1
mulss xmm9,xmm15
mulss xmm3,DWORD PTR [rax+rcx*4+0x10]
mulsd xmm0,xmm1
mulsd xmm9,xmm15
mulsd xmm3,QWORD PTR [rax+rcx*4+0x10]
subps xmm0,xmm1
subps xmm9,xmm15
subps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
subpd xmm0,xmm1
subpd xmm9,xmm15
subpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
subss xmm0,xmm1
subss xmm9,xmm15
subss xmm3,DWORD PTR [rax+rcx*4+0x10]
subsd xmm0,xmm1
subsd xmm9,xmm15
subsd xmm3,QWORD PTR [rax+rcx*4+0x10]
minps xmm0,xmm1
minps xmm9,xmm15
minps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
minpd xmm0,xmm1
minpd xmm9,xmm15
minpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
minss xmm0,xmm1
minss xmm9,xmm15
minss xmm3,DWORD PTR [rax+rcx*4+0x10]
minsd xmm0,xmm1
minsd xmm9,xmm15
minsd xmm3,QWORD PTR [rax+rcx*4+0x10]
divps xmm0,xmm1
divps xmm9,xmm15
divps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
divpd xmm0,xmm1
divpd xmm9,xmm15
divpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
divss xmm0,xmm1
divss xmm9,xmm15
divss xmm3,DWORD PTR [rax+rcx*4+0x10]
divsd xmm0,xmm1
divsd xmm9,xmm15
divsd xmm3,QWORD PTR [rax+rcx*4+0x10]
maxps xmm0,xmm1
maxps xmm9,xmm15
maxps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
maxpd xmm0,xmm1
maxpd xmm9,xmm15
maxpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
maxss xmm0,xmm1
maxss xmm9,xmm15
maxss xmm3,DWORD PTR [rax+rcx*4+0x10]
maxsd xmm0,xmm1
maxsd xmm9,xmm15
maxsd xmm3,QWORD PTR [rax+rcx*4+0x10]
sqrtps xmm0,xmm1
sqrtps xmm9,xmm15
sqrtps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
sqrtpd xmm0,xmm1
sqrtpd xmm9,xmm15
sqrtpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
sqrtss xmm0,xmm1
sqrtss xmm9,xmm15
sqrtss xmm3,DWORD PTR [rax+rcx*4+0x10]
sqrtsd xmm0,xmm1
sqrtsd xmm9,xmm15
sqrtsd xmm3,QWORD PTR [rax+rcx*4+0x10]
rsqrtps xmm0,xmm1
rsqrtps xmm9,xmm15
rsqrtps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
rsqrtss xmm0,xmm1
rsqrtss xmm9,xmm15
rsqrtss xmm3,DWORD PTR [rax+rcx*4+0x10]
rcpps xmm0,xmm1
rcpps xmm9,xmm15
rcpps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
rcpss xmm0,xmm1
rcpss xmm9,xmm15
rcpss xmm3,DWORD PTR [rax+rcx*4+0x10]
andps xmm0,xmm1
andps xmm9,xmm15
andps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
andpd xmm0,xmm1
andpd xmm9,xmm15
andpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
andnps xmm0,xmm1
andnps xmm9,xmm15
andnps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
andnpd xmm0,xmm1
andnpd xmm9,xmm15
andnpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
orps xmm0,xmm1
orps xmm9,xmm15
orps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
orpd xmm0,xmm1
orpd xmm9,xmm15
orpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
xorps xmm0,xmm1
xorps xmm9,xmm15
xorps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
xorpd xmm0,xmm1
xorpd xmm9,xmm15
xorpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
ucomiss xmm0,xmm1
ucomiss xmm9,xmm15
ucomiss xmm3,DWORD PTR [rax+rcx*4+0x10]
ucomisd xmm0,xmm1
ucomisd xmm9,xmm15
ucomisd xmm3,QWORD PTR [rax+rcx*4+0x10]
comiss xmm0,xmm1
comiss xmm9,xmm15
comiss xmm3,DWORD PTR [rax+rcx*4+0x10]
comisd xmm0,xmm1
comisd xmm9,xmm15
comisd xmm3,QWORD PTR [rax+rcx*4+0x10]
unpcklps xmm0,xmm1
unpcklps xmm9,xmm15
unpcklps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
unpcklpd xmm0,xmm1
unpcklpd xmm9,xmm15
unpcklpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
unpckhps xmm0,xmm1
unpckhps xmm9,xmm15
unpckhps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
unpckhpd xmm0,xmm1
unpckhpd xmm9,xmm15
unpckhpd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
cvtps2pd xmm0,xmm1
cvtps2pd xmm9,xmm15
cvtps2pd xmm3,QWORD PTR [rax+rcx*4+0x10]
cvtpd2ps xmm0,xmm1
cvtpd2ps xmm9,xmm15
cvtpd2ps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
cvtss2sd xmm0,xmm1
cvtss2sd xmm9,xmm15
cvtss2sd xmm3,DWORD PTR [rax+rcx*4+0x10]
cvtsd2ss xmm0,xmm1
cvtsd2ss xmm9,xmm15
cvtsd2ss xmm3,QWORD PTR [rax+rcx*4+0x10]
cvtdq2ps xmm0,xmm1
cvtdq2ps xmm9,xmm15
cvtdq2ps xmm3,XMMWORD PTR [rax+rcx*4+0x10]
cvtps2dq xmm0,xmm1
cvtps2dq xmm9,xmm15
cvtps2dq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
cvttps2dq xmm0,xmm1
cvttps2dq xmm9,xmm15
cvttps2dq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
cvttpd2dq xmm0,xmm1
cvttpd2dq xmm9,xmm15
cvttpd2dq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
cvtdq2pd xmm0,xmm1
cvtdq2pd xmm9,xmm15
cvtdq2pd xmm3,QWORD PTR [rax+rcx*4+0x10]
cvtpd2dq xmm0,xmm1
cvtpd2dq xmm9,xmm15
cvtpd2dq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpcklbw xmm0,xmm1
punpcklbw xmm9,xmm15
punpcklbw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpcklwd xmm0,xmm1
punpcklwd xmm9,xmm15
punpcklwd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpckldq xmm0,xmm1
punpckldq xmm9,xmm15
punpckldq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
packsswb xmm0,xmm1
packsswb xmm9,xmm15
packsswb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpgtb xmm0,xmm1
pcmpgtb xmm9,xmm15
pcmpgtb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpgtw xmm0,xmm1
pcmpgtw xmm9,xmm15
pcmpgtw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpgtd xmm0,xmm1
pcmpgtd xmm9,xmm15
pcmpgtd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
packuswb xmm0,xmm1
packuswb xmm9,xmm15
packuswb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpckhbw xmm0,xmm1
punpckhbw xmm9,xmm15
punpckhbw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpckhwd xmm0,xmm1
punpckhwd xmm9,xmm15
punpckhwd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpckhdq xmm0,xmm1
punpckhdq xmm9,xmm15
punpckhdq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
packssdw xmm0,xmm1
packssdw xmm9,xmm15
packssdw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpcklqdq xmm0,xmm1
punpcklqdq xmm9,xmm15
punpcklqdq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
punpckhqdq xmm0,xmm1
punpckhqdq xmm9,xmm15
punpckhqdq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpeqb xmm0,xmm1
pcmpeqb xmm9,xmm15
pcmpeqb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpeqw xmm0,xmm1
pcmpeqw xmm9,xmm15
pcmpeqw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pcmpeqd xmm0,xmm1
pcmpeqd xmm9,xmm15
pcmpeqd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psrlw xmm0,xmm1
psrlw xmm9,xmm15
psrlw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psrld xmm0,xmm1
psrld xmm9,xmm15
psrld xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psrlq xmm0,xmm1
psrlq xmm9,xmm15
psrlq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddq xmm0,xmm1
paddq xmm9,xmm15
paddq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmullw xmm0,xmm1
pmullw xmm9,xmm15
pmullw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubusb xmm0,xmm1
psubusb xmm9,xmm15
psubusb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubusw xmm0,xmm1
psubusw xmm9,xmm15
psubusw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pminub xmm0,xmm1
pminub xmm9,xmm15
pminub xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pand xmm0,xmm1
pand xmm9,xmm15
pand xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddusb xmm0,xmm1
paddusb xmm9,xmm15
paddusb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddusw xmm0,xmm1
paddusw xmm9,xmm15
paddusw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaxub xmm0,xmm1
pmaxub xmm9,xmm15
pmaxub xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pandn xmm0,xmm1
pandn xmm9,xmm15
pandn xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pavgb xmm0,xmm1
pavgb xmm9,xmm15
pavgb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psraw xmm0,xmm1
psraw xmm9,xmm15
psraw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psrad xmm0,xmm1
psrad xmm9,xmm15
psrad xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pavgw xmm0,xmm1
pavgw xmm9,xmm15
pavgw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmulhuw xmm0,xmm1
pmulhuw xmm9,xmm15
pmulhuw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmulhw xmm0,xmm1
pmulhw xmm9,xmm15
pmulhw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubsb xmm0,xmm1
psubsb xmm9,xmm15
psubsb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubsw xmm0,xmm1
psubsw xmm9,xmm15
psubsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pminsw xmm0,xmm1
pminsw xmm9,xmm15
pminsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
por xmm0,xmm1
por xmm9,xmm15
por xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddsb xmm0,xmm1
paddsb xmm9,xmm15
paddsb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddsw xmm0,xmm1
paddsw xmm9,xmm15
paddsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaxsw xmm0,xmm1
pmaxsw xmm9,xmm15
pmaxsw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pxor xmm0,xmm1
pxor xmm9,xmm15
pxor xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psllw xmm0,xmm1
psllw xmm9,xmm15
psllw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pslld xmm0,xmm1
pslld xmm9,xmm15
pslld xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psllq xmm0,xmm1
psllq xmm9,xmm15
psllq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmuludq xmm0,xmm1
pmuludq xmm9,xmm15
pmuludq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
pmaddwd xmm0,xmm1
pmaddwd xmm9,xmm15
pmaddwd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psadbw xmm0,xmm1
psadbw xmm9,xmm15
psadbw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubb xmm0,xmm1
psubb xmm9,xmm15
psubb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubw xmm0,xmm1
psubw xmm9,xmm15
psubw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubd xmm0,xmm1
psubd xmm9,xmm15
psubd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
psubq xmm0,xmm1
psubq xmm9,xmm15
psubq xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddb xmm0,xmm1
paddb xmm9,xmm15
paddb xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddw xmm0,xmm1
paddw xmm9,xmm15
paddw xmm3,XMMWORD PTR [rax+rcx*4+0x10]
paddd xmm0,xmm1
paddd xmm9,xmm15
paddd xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movddup xmm0,xmm1
movddup xmm9,xmm15
movddup xmm3,QWORD PTR [rax+rcx*4+0x10]
movsldup xmm0,xmm1
movsldup xmm9,xmm15
movsldup xmm3,XMMWORD PTR [rax+rcx*4+0x10]
movshdup xmm0,xmm1
movshdup xmm9,xmm15
movshdup xmm3,XMMWORD PTR [rax+rcx*4+0x10]
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
movups XMMWORD PTR [rip+0x40],xmm2
movupd XMMWORD PTR [rip+0x40],xmm2
movaps XMMWORD PTR [rip+0x40],xmm2
movapd XMMWORD PTR [rip+0x40],xmm2
movdqa XMMWORD PTR [rip+0x40],xmm2
movdqu XMMWORD PTR [rip+0x40],xmm2
movss xmm0,xmm1
movss xmm0,DWORD PTR [rax]
movss DWORD PTR [rax],xmm7
movsd xmm0,xmm1
movsd xmm8,QWORD PTR [rax]
movsd QWORD PTR [rax],xmm7
movhlps xmm0,xmm1
movlhps xmm2,xmm3
movlps xmm0,QWORD PTR [rax]
movlps QWORD PTR [rax],xmm1
movhps xmm0,QWORD PTR [rax]
movhps QWORD PTR [rax],xmm1
movlpd xmm0,QWORD PTR [rax]
movlpd QWORD PTR [rax],xmm1
movhpd xmm0,QWORD PTR [rax]
movhpd QWORD PTR [rax],xmm1
movd xmm0,eax
movd xmm0,DWORD PTR [rax]
movd eax,xmm0
movd DWORD PTR [rax],xmm0
movq xmm0,rax
movq rax,xmm8
movq xmm0,xmm1
movq xmm0,QWORD PTR [rax]
movq QWORD PTR [rax],xmm0
movntps XMMWORD PTR [rax],xmm0
movntpd XMMWORD PTR [rax],xmm0
movntdq XMMWORD PTR [rax],xmm0
movnti DWORD PTR [rax],eax
movnti QWORD PTR [rax],r9
maskmovdqu xmm0,xmm1
movmskps eax,xmm1
movmskpd r8d,xmm1
pmovmskb eax,xmm9
pextrw eax,xmm1,0x3
pinsrw xmm1,eax,0x2
pinsrw xmm1,WORD PTR [rax],0x2
lddqu xmm0,[rax]
cmpps xmm0,xmm1,0x0
cmpps xmm0,xmm1,0x5
cmpps xmm0,xmm1,0x7
cmppd xmm0,xmm1,0x0
cmppd xmm0,xmm1,0x5
cmppd xmm0,xmm1,0x7
cmpss xmm0,xmm1,0x0
cmpss xmm0,xmm1,0x5
cmpss xmm0,xmm1,0x7
cmpsd xmm0,xmm1,0x0
cmpsd xmm0,xmm1,0x5
cmpsd xmm0,xmm1,0x7
shufps xmm0,xmm1,0x1b
shufpd xmm0,XMMWORD PTR [rax],0x1
pshufd xmm0,xmm1,0x1b
pshufhw xmm0,xmm1,0x1b
pshuflw xmm0,XMMWORD PTR [rax],0x1b
psrlw xmm3,0x4
psrlw xmm12,0x4
psraw xmm3,0x4
psraw xmm12,0x4
psllw xmm3,0x4
psllw xmm12,0x4
psrld xmm3,0x4
psrld xmm12,0x4
psrad xmm3,0x4
psrad xmm12,0x4
pslld xmm3,0x4
pslld xmm12,0x4
psrlq xmm3,0x4
psrlq xmm12,0x4
psllq xmm3,0x4
psllq xmm12,0x4
psrldq xmm3,0x4
psrldq xmm12,0x4
pslldq xmm3,0x4
pslldq xmm12,0x4
cvtsi2ss xmm0,eax
cvtsi2ss xmm0,rax
cvtsi2ss xmm0,DWORD PTR [rax]
cvtsi2ss xmm0,QWORD PTR [rax]
cvtsi2sd xmm0,eax
cvtsi2sd xmm0,rax
cvtsi2sd xmm0,DWORD PTR [rax]
cvtsi2sd xmm0,QWORD PTR [rax]
cvttss2si eax,xmm0
cvttss2si rax,xmm0
cvttss2si eax,DWORD PTR [rax]
cvtss2si eax,xmm0
cvtss2si rax,xmm0
cvtss2si eax,DWORD PTR [rax]
cvttsd2si eax,xmm0
cvttsd2si r9,xmm0
cvttsd2si rax,QWORD PTR [rax]
cvtsd2si eax,xmm0
cvtsd2si r9,xmm0
cvtsd2si rax,QWORD PTR [rax]
.byte 0x66,0x48,0x0f,0xd7,0xc1
.byte 0x48,0x0f,0x50,0xc1
.byte 0x66,0x48,0x0f,0x50,0xc1
