# x87 escape opcodes, Intel syntax.
.intel_syntax noprefix
.text
fadd DWORD PTR [rax+0x8]
fmul QWORD PTR [rax+0x8]
fcom DWORD PTR [rax+0x8]
fcomp QWORD PTR [rax+0x8]
fsub DWORD PTR [rax+0x8]
fsubr QWORD PTR [rax+0x8]
fdiv DWORD PTR [rax+0x8]
fdivr QWORD PTR [rax+0x8]
fld DWORD PTR [rax+0x8]
fld QWORD PTR [rax+0x8]
fld TBYTE PTR [rax+0x8]
fst DWORD PTR [rax+0x8]
fstp QWORD PTR [rax+0x8]
fstp TBYTE PTR [rax+0x8]
fild WORD PTR [rax+0x8]
fild DWORD PTR [rax+0x8]
fild QWORD PTR [rax+0x8]
fist WORD PTR [rax+0x8]
fistp QWORD PTR [rax+0x8]
fisttp DWORD PTR [rax+0x8]
fiadd WORD PTR [rax+0x8]
fimul DWORD PTR [rax+0x8]
ficom WORD PTR [rax+0x8]
fidivr DWORD PTR [rax+0x8]
fbld TBYTE PTR [rax+0x8]
fbstp TBYTE PTR [rax+0x8]
fldcw WORD PTR [rax+0x8]
fnstcw WORD PTR [rax+0x8]
fnstsw WORD PTR [rax+0x8]
fldenv [rax]
fnstenv [rax]
frstor [rax]
fnsave [rax]
fadd st,st(1)
fmul st,st(2)
fcom st(3)
fcomp st(4)
fsub st,st(5)
fsubr st,st(6)
fdiv st,st(7)
fdivr st,st(1)
fadd st(1),st
fmul st(2),st
fsub st(3),st
fsubr st(4),st
fdiv st(5),st
fdivr st(6),st
faddp st(1),st
fmulp st(2),st
fsubp st(3),st
fsubrp st(4),st
fdivp st(5),st
fdivrp st(6),st
fld st(1)
fxch st(2)
fst st(3)
fstp st(4)
ffree st(5)
fucom st(6)
fucomp st(7)
fucompp
fcompp
fcmovb st,st(1)
fcmove st,st(2)
fcmovbe st,st(3)
fcmovu st,st(4)
fcmovnb st,st(1)
fcmovne st,st(2)
fcmovnbe st,st(3)
fcmovnu st,st(4)
fucomi st,st(1)
fcomi st,st(2)
fucomip st,st(3)
fcomip st,st(4)
fnstsw ax
fnclex
fninit
fnop
fchs
fabs
ftst
fxam
fld1
fldl2t
fldl2e
fldpi
fldlg2
fldln2
fldz
f2xm1
fyl2x
fptan
fpatan
fxtract
fprem1
fdecstp
fincstp
fprem
fyl2xp1
fsqrt
fsincos
frndint
fscale
fsin
fcos
fwait
nop
ffreep st(1)
