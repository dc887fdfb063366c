# Instructions on MMX registers (MMX, and the SSE/SSE2 mm forms), Intel syntax.
.intel_syntax noprefix
.text
movd mm0,eax
movd mm7,DWORD PTR [rbx]
movq mm1,rax
movd eax,mm0
movd DWORD PTR [rbx],mm7
movq rax,mm1
movq mm0,mm1
movq mm2,QWORD PTR [rsp+0x10]
movq QWORD PTR [rax],mm3
movntq QWORD PTR [rax],mm3
movq2dq xmm1,mm2
movq2dq xmm11,mm7
movdq2q mm1,xmm2
movdq2q mm1,xmm12
maskmovq mm0,mm1
pmovmskb eax,mm1
pmovmskb r9d,mm7
pextrw eax,mm1,0x1
pinsrw mm0,eax,0x1
pinsrw mm0,WORD PTR [rax],0x2
pshufw mm0,mm1,0x1b
pshufw mm0,QWORD PTR [rax],0x1
emms
cvtpi2ps xmm1,mm2
cvtpi2ps xmm1,QWORD PTR [rax]
cvtpi2pd xmm9,mm2
cvtpi2pd xmm1,QWORD PTR [rax]
cvtps2pi mm1,xmm2
cvtps2pi mm1,QWORD PTR [rax]
cvttps2pi mm1,xmm12
cvttps2pi mm1,QWORD PTR [rax]
cvtpd2pi mm1,xmm2
cvtpd2pi mm1,XMMWORD PTR [rax]
cvttpd2pi mm1,xmm2
cvttpd2pi mm1,XMMWORD PTR [rax]
punpcklbw mm0,mm1
punpcklbw mm3,DWORD PTR [rax+0x4]
punpcklwd mm0,mm1
punpcklwd mm3,DWORD PTR [rax+0x4]
punpckldq mm0,mm1
punpckldq mm3,DWORD PTR [rax+0x4]
packsswb mm0,mm1
packsswb mm6,QWORD PTR [rax+rcx*8-0x8]
pcmpgtb mm0,mm1
pcmpgtb mm6,QWORD PTR [rax+rcx*8-0x8]
pcmpgtw mm0,mm1
pcmpgtw mm6,QWORD PTR [rax+rcx*8-0x8]
pcmpgtd mm0,mm1
pcmpgtd mm6,QWORD PTR [rax+rcx*8-0x8]
packuswb mm0,mm1
packuswb mm6,QWORD PTR [rax+rcx*8-0x8]
punpckhbw mm0,mm1
punpckhbw mm6,QWORD PTR [rax+rcx*8-0x8]
punpckhwd mm0,mm1
punpckhwd mm6,QWORD PTR [rax+rcx*8-0x8]
punpckhdq mm0,mm1
punpckhdq mm6,QWORD PTR [rax+rcx*8-0x8]
packssdw mm0,mm1
packssdw mm6,QWORD PTR [rax+rcx*8-0x8]
pcmpeqb mm0,mm1
pcmpeqb mm6,QWORD PTR [rax+rcx*8-0x8]
pcmpeqw mm0,mm1
pcmpeqw mm6,QWORD PTR [rax+rcx*8-0x8]
pcmpeqd mm0,mm1
pcmpeqd mm6,QWORD PTR [rax+rcx*8-0x8]
psrlw mm0,mm1
psrlw mm6,QWORD PTR [rax+rcx*8-0x8]
psrld mm0,mm1
psrld mm6,QWORD PTR [rax+rcx*8-0x8]
psrlq mm0,mm1
psrlq mm6,QWORD PTR [rax+rcx*8-0x8]
paddq mm0,mm1
paddq mm6,QWORD PTR [rax+rcx*8-0x8]
pmullw mm0,mm1
pmullw mm6,QWORD PTR [rax+rcx*8-0x8]
psubusb mm0,mm1
psubusb mm6,QWORD PTR [rax+rcx*8-0x8]
psubusw mm0,mm1
psubusw mm6,QWORD PTR [rax+rcx*8-0x8]
pminub mm0,mm1
pminub mm6,QWORD PTR [rax+rcx*8-0x8]
pand mm0,mm1
pand mm6,QWORD PTR [rax+rcx*8-0x8]
paddusb mm0,mm1
paddusb mm6,QWORD PTR [rax+rcx*8-0x8]
paddusw mm0,mm1
paddusw mm6,QWORD PTR [rax+rcx*8-0x8]
pmaxub mm0,mm1
pmaxub mm6,QWORD PTR [rax+rcx*8-0x8]
pandn mm0,mm1
pandn mm6,QWORD PTR [rax+rcx*8-0x8]
pavgb mm0,mm1
pavgb mm6,QWORD PTR [rax+rcx*8-0x8]
psraw mm0,mm1
psraw mm6,QWORD PTR [rax+rcx*8-0x8]
psrad mm0,mm1
psrad mm6,QWORD PTR [rax+rcx*8-0x8]
pavgw mm0,mm1
pavgw mm6,QWORD PTR [rax+rcx*8-0x8]
pmulhuw mm0,mm1
pmulhuw mm6,QWORD PTR [rax+rcx*8-0x8]
pmulhw mm0,mm1
pmulhw mm6,QWORD PTR [rax+rcx*8-0x8]
psubsb mm0,mm1
psubsb mm6,QWORD PTR [rax+rcx*8-0x8]
psubsw mm0,mm1
psubsw mm6,QWORD PTR [rax+rcx*8-0x8]
pminsw mm0,mm1
pminsw mm6,QWORD PTR [rax+rcx*8-0x8]
por mm0,mm1
por mm6,QWORD PTR [rax+rcx*8-0x8]
paddsb mm0,mm1
paddsb mm6,QWORD PTR [rax+rcx*8-0x8]
paddsw mm0,mm1
paddsw mm6,QWORD PTR [rax+rcx*8-0x8]
pmaxsw mm0,mm1
pmaxsw mm6,QWORD PTR [rax+rcx*8-0x8]
pxor mm0,mm1
pxor mm6,QWORD PTR [rax+rcx*8-0x8]
psllw mm0,mm1
psllw mm6,QWORD PTR [rax+rcx*8-0x8]
pslld mm0,mm1
pslld mm6,QWORD PTR [rax+rcx*8-0x8]
psllq mm0,mm1
psllq mm6,QWORD PTR [rax+rcx*8-0x8]
pmuludq mm0,mm1
pmuludq mm6,QWORD PTR [rax+rcx*8-0x8]
pmaddwd mm0,mm1
pmaddwd mm6,QWORD PTR [rax+rcx*8-0x8]
psadbw mm0,mm1
psadbw mm6,QWORD PTR [rax+rcx*8-0x8]
psubb mm0,mm1
psubb mm6,QWORD PTR [rax+rcx*8-0x8]
psubw mm0,mm1
psubw mm6,QWORD PTR [rax+rcx*8-0x8]
psubd mm0,mm1
psubd mm6,QWORD PTR [rax+rcx*8-0x8]
psubq mm0,mm1
psubq mm6,QWORD PTR [rax+rcx*8-0x8]
paddb mm0,mm1
paddb mm6,QWORD PTR [rax+rcx*8-0x8]
paddw mm0,mm1
paddw mm6,QWORD PTR [rax+rcx*8-0x8]
paddd mm0,mm1
paddd mm6,QWORD PTR [rax+rcx*8-0x8]
psrlw mm2,0x3
psraw mm2,0x3
psllw mm2,0x3
psrld mm2,0x3
psrad mm2,0x3
pslld mm2,0x3
psrlq mm2,0x3
psllq mm2,0x3
.byte 0x45,0x0f,0xfc,0xc1
.byte 0x41,0x0f,0x6f,0xc7
.byte 0x48,0x0f,0xd7,0xc1
