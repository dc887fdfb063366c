/*
 * Host-CPU oracle for jemu's x87 unit (org.jemu.cpu.x87). Built by X87OracleTest with gcc at test
 * time (-O1 -mno-red-zone: the asm pushes and pops RFLAGS).
 *
 * Every case loads a whole FPU state with FRSTOR (control word, status word with TOP and C0-C3,
 * tag word, eight registers), runs one x87 instruction natively, and saves the state with FNSAVE
 * (no-wait, so an unmasked exception stays pending and never traps). One line per case, all hex:
 *
 *   name opc modrm cw swIn twIn flagsIn d st0 .. st(d-1) memIn : cwOut swOut twOut flagsOut r0 .. rN memOut
 *
 * Registers are 20 hex digits (sign/exponent then significand); stN are in stack order, rN are
 * ST(0)..ST(7) as FNSAVE stores them, up to the last non-empty one; mem is the operand buffer in memory order (memLen bytes,
 * "-" when the instruction has no memory operand). Usage: x87_oracle [seed [randomCount [filter]]]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t u64;
typedef struct { uint16_t se; u64 sig; } f80;

static u64 rng_state;
static u64 rnd(void) { /* splitmix64 */
    u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static unsigned char img_in[108] __attribute__((aligned(16)));
static unsigned char img_out[108] __attribute__((aligned(16)));
static unsigned char mem[128] __attribute__((aligned(16)));
static u64 fl_in, fl_out;

#define OP(fn, insn)                                                                              \
    static void fn(void) {                                                                        \
        __asm__ volatile("pushq %[fi]\n\tpopfq\n\tfrstor %[ii]\n\t" insn                            \
                         "\n\tfnsave %[io]\n\tpushfq\n\tpopq %[fo]"                                \
                         : [io] "=m"(img_out), [fo] "=m"(fl_out), [m] "+m"(mem)                   \
                         : [ii] "m"(img_in), [fi] "m"(fl_in)                                      \
                         : "cc", "memory");                                                        \
    }

/* kinds of input state */
enum { BIN, UN, MEMOP, LOAD, STORE, NONE, CMOV };
/* memory formats */
enum { M_NONE, M16I, M32I, M64I, M32F, M64F, M80F, MBCD, M16W, MENV, MSAVE };
static const int mlen[] = {0, 2, 4, 8, 4, 8, 10, 10, 2, 28, 108};

typedef struct {
    const char *name;
    int opc, modrm, kind, mfmt, rounds;
    void (*fn)(void);
} op_t;

#define R(name, insn) OP(op_##name, insn)
/* arithmetic, register forms */
R(fadd_st_st1, "fadd %%st(1), %%st") R(fadd_st1_st, "fadd %%st, %%st(1)") R(faddp, "faddp %%st, %%st(1)")
R(fmul_st_st1, "fmul %%st(1), %%st") R(fmul_st1_st, "fmul %%st, %%st(1)") R(fmulp, "fmulp %%st, %%st(1)")
/* AT&T swaps fsub/fsubr (and fdiv/fdivr) for the STi-destination forms; give the bytes. */
R(fsub_st_st1, ".byte 0xd8, 0xe1") R(fsubr_st_st1, ".byte 0xd8, 0xe9")
R(fdiv_st_st1, ".byte 0xd8, 0xf1") R(fdivr_st_st1, ".byte 0xd8, 0xf9")
R(fsubr_st1_st, ".byte 0xdc, 0xe1") R(fsub_st1_st, ".byte 0xdc, 0xe9")
R(fdivr_st1_st, ".byte 0xdc, 0xf1") R(fdiv_st1_st, ".byte 0xdc, 0xf9")
R(fsubrp, ".byte 0xde, 0xe1") R(fsubp, ".byte 0xde, 0xe9") R(fdivrp, ".byte 0xde, 0xf1") R(fdivp, ".byte 0xde, 0xf9")
R(fsqrt, "fsqrt") R(fchs, "fchs") R(fabs, "fabs") R(frndint, "frndint") R(fscale, "fscale")
R(fxtract, "fxtract") R(fprem, "fprem") R(fprem1, "fprem1")
/* memory arithmetic */
R(fadd_m32, "fadds %[m]") R(fmul_m32, "fmuls %[m]") R(fsub_m32, "fsubs %[m]") R(fsubr_m32, "fsubrs %[m]")
R(fdiv_m32, "fdivs %[m]") R(fdivr_m32, "fdivrs %[m]") R(fcom_m32, "fcoms %[m]") R(fcomp_m32, "fcomps %[m]")
R(fadd_m64, "faddl %[m]") R(fmul_m64, "fmull %[m]") R(fsub_m64, "fsubl %[m]") R(fsubr_m64, "fsubrl %[m]")
R(fdiv_m64, "fdivl %[m]") R(fdivr_m64, "fdivrl %[m]") R(fcom_m64, "fcoml %[m]") R(fcomp_m64, "fcompl %[m]")
R(fiadd_m32, "fiaddl %[m]") R(fimul_m32, "fimull %[m]") R(fisub_m32, "fisubl %[m]") R(fisubr_m32, "fisubrl %[m]")
R(fidiv_m32, "fidivl %[m]") R(fidivr_m32, "fidivrl %[m]") R(ficom_m32, "ficoml %[m]") R(ficomp_m32, "ficompl %[m]")
R(fiadd_m16, "fiadds %[m]") R(fimul_m16, "fimuls %[m]") R(fisub_m16, "fisubs %[m]") R(fisubr_m16, "fisubrs %[m]")
R(fidiv_m16, "fidivs %[m]") R(fidivr_m16, "fidivrs %[m]") R(ficom_m16, "ficoms %[m]") R(ficomp_m16, "ficomps %[m]")
/* loads and stores */
R(fld_m32, "flds %[m]") R(fld_m64, "fldl %[m]") R(fld_m80, "fldt %[m]") R(fild_m16, "filds %[m]")
R(fild_m32, "fildl %[m]") R(fild_m64, "fildll %[m]") R(fbld, "fbld %[m]")
R(fst_m32, "fsts %[m]") R(fstp_m32, "fstps %[m]") R(fst_m64, "fstl %[m]") R(fstp_m64, "fstpl %[m]")
R(fstp_m80, "fstpt %[m]") R(fist_m16, "fists %[m]") R(fistp_m16, "fistps %[m]") R(fist_m32, "fistl %[m]")
R(fistp_m32, "fistpl %[m]") R(fistp_m64, "fistpll %[m]") R(fisttp_m16, "fisttps %[m]")
R(fisttp_m32, "fisttpl %[m]") R(fisttp_m64, "fisttpll %[m]") R(fbstp, "fbstp %[m]")
R(fld_st1, "fld %%st(1)") R(fst_st1, "fst %%st(1)") R(fstp_st1, "fstp %%st(1)") R(fstp_st0, "fstp %%st(0)")
R(fxch, "fxch %%st(1)") R(ffree_st1, "ffree %%st(1)") R(fincstp, "fincstp") R(fdecstp, "fdecstp")
R(fnop, "fnop")
/* constants */
R(fld1, "fld1") R(fldl2t, "fldl2t") R(fldl2e, "fldl2e") R(fldpi, "fldpi") R(fldlg2, "fldlg2")
R(fldln2, "fldln2") R(fldz, "fldz")
/* compares */
R(fcom_st1, "fcom %%st(1)") R(fcomp_st1, "fcomp %%st(1)") R(fcompp, "fcompp") R(fucom_st1, "fucom %%st(1)")
R(fucomp_st1, "fucomp %%st(1)") R(fucompp, "fucompp") R(ftst, "ftst") R(fxam, "fxam")
R(fcomi, "fcomi %%st(1), %%st") R(fcomip, "fcomip %%st(1), %%st") R(fucomi, "fucomi %%st(1), %%st")
R(fucomip, "fucomip %%st(1), %%st")
R(fcmovb, "fcmovb %%st(1), %%st") R(fcmove, "fcmove %%st(1), %%st") R(fcmovbe, "fcmovbe %%st(1), %%st")
R(fcmovu, "fcmovu %%st(1), %%st") R(fcmovnb, "fcmovnb %%st(1), %%st") R(fcmovne, "fcmovne %%st(1), %%st")
R(fcmovnbe, "fcmovnbe %%st(1), %%st") R(fcmovnu, "fcmovnu %%st(1), %%st")
/* control */
R(fnstsw_m, "fnstsw %[m]") R(fnstcw_m, "fnstcw %[m]") R(fldcw_m, "fldcw %[m]") R(fnclex, "fnclex")
R(fninit, "fninit") R(fnstenv, "fnstenv %[m]")
/* transcendentals */
R(fsin, "fsin") R(fcos, "fcos") R(fsincos, "fsincos") R(fptan, "fptan") R(fpatan, "fpatan")
R(f2xm1, "f2xm1") R(fyl2x, "fyl2x") R(fyl2xp1, "fyl2xp1")

#define E(n, o, m, k, f, r) {#n, o, m, k, f, r, op_##n}
static const op_t ops[] = {
    E(fadd_st_st1, 0xd8, 0xc1, BIN, M_NONE, 1), E(fmul_st_st1, 0xd8, 0xc9, BIN, M_NONE, 1),
    E(fsub_st_st1, 0xd8, 0xe1, BIN, M_NONE, 1), E(fsubr_st_st1, 0xd8, 0xe9, BIN, M_NONE, 1),
    E(fdiv_st_st1, 0xd8, 0xf1, BIN, M_NONE, 1), E(fdivr_st_st1, 0xd8, 0xf9, BIN, M_NONE, 1),
    E(fadd_st1_st, 0xdc, 0xc1, BIN, M_NONE, 2), E(fmul_st1_st, 0xdc, 0xc9, BIN, M_NONE, 2),
    E(fsubr_st1_st, 0xdc, 0xe1, BIN, M_NONE, 2), E(fsub_st1_st, 0xdc, 0xe9, BIN, M_NONE, 2),
    E(fdivr_st1_st, 0xdc, 0xf1, BIN, M_NONE, 2), E(fdiv_st1_st, 0xdc, 0xf9, BIN, M_NONE, 2),
    E(faddp, 0xde, 0xc1, BIN, M_NONE, 2), E(fmulp, 0xde, 0xc9, BIN, M_NONE, 2),
    E(fsubrp, 0xde, 0xe1, BIN, M_NONE, 2), E(fsubp, 0xde, 0xe9, BIN, M_NONE, 2),
    E(fdivrp, 0xde, 0xf1, BIN, M_NONE, 2), E(fdivp, 0xde, 0xf9, BIN, M_NONE, 2),
    E(fsqrt, 0xd9, 0xfa, UN, M_NONE, 1), E(fchs, 0xd9, 0xe0, UN, M_NONE, 0), E(fabs, 0xd9, 0xe1, UN, M_NONE, 0),
    E(frndint, 0xd9, 0xfc, UN, M_NONE, 1), E(fscale, 0xd9, 0xfd, BIN, M_NONE, 1),
    E(fxtract, 0xd9, 0xf4, UN, M_NONE, 0), E(fprem, 0xd9, 0xf8, BIN, M_NONE, 0),
    E(fprem1, 0xd9, 0xf5, BIN, M_NONE, 0),
    E(fadd_m32, 0xd8, 0x00, MEMOP, M32F, 1), E(fmul_m32, 0xd8, 0x08, MEMOP, M32F, 1),
    E(fcom_m32, 0xd8, 0x10, MEMOP, M32F, 0), E(fcomp_m32, 0xd8, 0x18, MEMOP, M32F, 0),
    E(fsub_m32, 0xd8, 0x20, MEMOP, M32F, 1), E(fsubr_m32, 0xd8, 0x28, MEMOP, M32F, 1),
    E(fdiv_m32, 0xd8, 0x30, MEMOP, M32F, 1), E(fdivr_m32, 0xd8, 0x38, MEMOP, M32F, 1),
    E(fadd_m64, 0xdc, 0x00, MEMOP, M64F, 1), E(fmul_m64, 0xdc, 0x08, MEMOP, M64F, 1),
    E(fcom_m64, 0xdc, 0x10, MEMOP, M64F, 0), E(fcomp_m64, 0xdc, 0x18, MEMOP, M64F, 0),
    E(fsub_m64, 0xdc, 0x20, MEMOP, M64F, 1), E(fsubr_m64, 0xdc, 0x28, MEMOP, M64F, 1),
    E(fdiv_m64, 0xdc, 0x30, MEMOP, M64F, 1), E(fdivr_m64, 0xdc, 0x38, MEMOP, M64F, 1),
    E(fiadd_m32, 0xda, 0x00, MEMOP, M32I, 1), E(fimul_m32, 0xda, 0x08, MEMOP, M32I, 1),
    E(ficom_m32, 0xda, 0x10, MEMOP, M32I, 0), E(ficomp_m32, 0xda, 0x18, MEMOP, M32I, 0),
    E(fisub_m32, 0xda, 0x20, MEMOP, M32I, 1), E(fisubr_m32, 0xda, 0x28, MEMOP, M32I, 1),
    E(fidiv_m32, 0xda, 0x30, MEMOP, M32I, 1), E(fidivr_m32, 0xda, 0x38, MEMOP, M32I, 1),
    E(fiadd_m16, 0xde, 0x00, MEMOP, M16I, 1), E(fimul_m16, 0xde, 0x08, MEMOP, M16I, 1),
    E(ficom_m16, 0xde, 0x10, MEMOP, M16I, 0), E(ficomp_m16, 0xde, 0x18, MEMOP, M16I, 0),
    E(fisub_m16, 0xde, 0x20, MEMOP, M16I, 1), E(fisubr_m16, 0xde, 0x28, MEMOP, M16I, 1),
    E(fidiv_m16, 0xde, 0x30, MEMOP, M16I, 1), E(fidivr_m16, 0xde, 0x38, MEMOP, M16I, 1),
    E(fld_m32, 0xd9, 0x00, LOAD, M32F, 0), E(fld_m64, 0xdd, 0x00, LOAD, M64F, 0),
    E(fld_m80, 0xdb, 0x28, LOAD, M80F, 0), E(fild_m16, 0xdf, 0x00, LOAD, M16I, 0),
    E(fild_m32, 0xdb, 0x00, LOAD, M32I, 0), E(fild_m64, 0xdf, 0x28, LOAD, M64I, 0),
    E(fbld, 0xdf, 0x20, LOAD, MBCD, 0),
    E(fst_m32, 0xd9, 0x10, STORE, M32F, 1), E(fstp_m32, 0xd9, 0x18, STORE, M32F, 1),
    E(fst_m64, 0xdd, 0x10, STORE, M64F, 1), E(fstp_m64, 0xdd, 0x18, STORE, M64F, 1),
    E(fstp_m80, 0xdb, 0x38, STORE, M80F, 0), E(fist_m16, 0xdf, 0x10, STORE, M16I, 1),
    E(fistp_m16, 0xdf, 0x18, STORE, M16I, 1), E(fist_m32, 0xdb, 0x10, STORE, M32I, 1),
    E(fistp_m32, 0xdb, 0x18, STORE, M32I, 1), E(fistp_m64, 0xdf, 0x38, STORE, M64I, 1),
    E(fisttp_m16, 0xdf, 0x08, STORE, M16I, 0), E(fisttp_m32, 0xdb, 0x08, STORE, M32I, 0),
    E(fisttp_m64, 0xdd, 0x08, STORE, M64I, 0), E(fbstp, 0xdf, 0x30, STORE, MBCD, 1),
    E(fld_st1, 0xd9, 0xc1, UN, M_NONE, 0), E(fst_st1, 0xdd, 0xd1, UN, M_NONE, 0),
    E(fstp_st1, 0xdd, 0xd9, UN, M_NONE, 0), E(fstp_st0, 0xdd, 0xd8, UN, M_NONE, 0),
    E(fxch, 0xd9, 0xc9, BIN, M_NONE, 0), E(ffree_st1, 0xdd, 0xc1, BIN, M_NONE, 0),
    E(fincstp, 0xd9, 0xf7, NONE, M_NONE, 0), E(fdecstp, 0xd9, 0xf6, NONE, M_NONE, 0),
    E(fnop, 0xd9, 0xd0, NONE, M_NONE, 0),
    E(fld1, 0xd9, 0xe8, NONE, M_NONE, 1), E(fldl2t, 0xd9, 0xe9, NONE, M_NONE, 1),
    E(fldl2e, 0xd9, 0xea, NONE, M_NONE, 1), E(fldpi, 0xd9, 0xeb, NONE, M_NONE, 1),
    E(fldlg2, 0xd9, 0xec, NONE, M_NONE, 1), E(fldln2, 0xd9, 0xed, NONE, M_NONE, 1),
    E(fldz, 0xd9, 0xee, NONE, M_NONE, 1),
    E(fcom_st1, 0xd8, 0xd1, BIN, M_NONE, 0), E(fcomp_st1, 0xd8, 0xd9, BIN, M_NONE, 0),
    E(fcompp, 0xde, 0xd9, BIN, M_NONE, 0), E(fucom_st1, 0xdd, 0xe1, BIN, M_NONE, 0),
    E(fucomp_st1, 0xdd, 0xe9, BIN, M_NONE, 0), E(fucompp, 0xda, 0xe9, BIN, M_NONE, 0),
    E(ftst, 0xd9, 0xe4, UN, M_NONE, 0), E(fxam, 0xd9, 0xe5, UN, M_NONE, 0),
    E(fcomi, 0xdb, 0xf1, BIN, M_NONE, 0), E(fcomip, 0xdf, 0xf1, BIN, M_NONE, 0),
    E(fucomi, 0xdb, 0xe9, BIN, M_NONE, 0), E(fucomip, 0xdf, 0xe9, BIN, M_NONE, 0),
    E(fcmovb, 0xda, 0xc1, CMOV, M_NONE, 0), E(fcmove, 0xda, 0xc9, CMOV, M_NONE, 0),
    E(fcmovbe, 0xda, 0xd1, CMOV, M_NONE, 0), E(fcmovu, 0xda, 0xd9, CMOV, M_NONE, 0),
    E(fcmovnb, 0xdb, 0xc1, CMOV, M_NONE, 0), E(fcmovne, 0xdb, 0xc9, CMOV, M_NONE, 0),
    E(fcmovnbe, 0xdb, 0xd1, CMOV, M_NONE, 0), E(fcmovnu, 0xdb, 0xd9, CMOV, M_NONE, 0),
    E(fnstsw_m, 0xdd, 0x38, NONE, M16W, 0), E(fnstcw_m, 0xd9, 0x38, NONE, M16W, 0),
    E(fldcw_m, 0xd9, 0x28, NONE, M16W, 0), E(fnclex, 0xdb, 0xe2, NONE, M_NONE, 0),
    E(fninit, 0xdb, 0xe3, NONE, M_NONE, 0), E(fnstenv, 0xd9, 0x30, NONE, MENV, 0),
    E(fsin, 0xd9, 0xfe, UN, M_NONE, 1), E(fcos, 0xd9, 0xff, UN, M_NONE, 1),
    E(fsincos, 0xd9, 0xfb, UN, M_NONE, 1), E(fptan, 0xd9, 0xf2, UN, M_NONE, 1),
    E(fpatan, 0xd9, 0xf3, BIN, M_NONE, 1), E(f2xm1, 0xd9, 0xf0, UN, M_NONE, 1),
    E(fyl2x, 0xd9, 0xf1, BIN, M_NONE, 1), E(fyl2xp1, 0xd9, 0xf9, BIN, M_NONE, 1),
};

/* ---- values ---- */

static const f80 edge80[] = {
    {0x0000, 0}, {0x8000, 0}, {0x3fff, 0x8000000000000000ULL}, {0xbfff, 0x8000000000000000ULL},
    {0x3fff, 0xc000000000000000ULL}, {0x4000, 0x8000000000000000ULL}, {0x4000, 0xc000000000000000ULL},
    {0x3ffb, 0xcccccccccccccccdULL}, {0x3ffe, 0x8000000000000000ULL}, {0x4000, 0xa000000000000000ULL},
    {0x3fff, 0x8000000000000001ULL}, {0x3ffe, 0xffffffffffffffffULL}, {0xbffe, 0xffffffffffffffffULL},
    {0x7ffe, 0xffffffffffffffffULL}, {0xfffe, 0xffffffffffffffffULL}, {0x0001, 0x8000000000000000ULL},
    {0x8001, 0x8000000000000000ULL}, {0x0001, 0xffffffffffffffffULL}, {0x0000, 0x7fffffffffffffffULL},
    {0x0000, 0x0000000000000001ULL}, {0x8000, 0x0000000000000001ULL}, {0x0000, 0x4000000000000000ULL},
    {0x0000, 0x8000000000000000ULL}, {0x8000, 0x8000000000000001ULL}, /* pseudo-denormals */
    {0x4000, 0x4000000000000000ULL}, {0x3fff, 0x0000000000000000ULL}, /* unnormals */
    {0x7fff, 0x8000000000000000ULL}, {0xffff, 0x8000000000000000ULL}, {0x7fff, 0xc000000000000000ULL},
    {0x7fff, 0xc000000000001234ULL}, {0xffff, 0xc000000000000000ULL}, {0x7fff, 0x8000000000000001ULL},
    {0xffff, 0x8000000000005678ULL}, {0x7fff, 0x0000000000000000ULL}, {0x7fff, 0x4000000000000001ULL},
    {0x403e, 0x8000000000000000ULL}, {0xc03e, 0x8000000000000000ULL}, {0x403d, 0xffffffffffffffffULL},
    {0x401d, 0xffffffff00000000ULL}, {0xc01e, 0x8000000000000000ULL}, {0x400d, 0xffff000000000000ULL},
    {0xc00e, 0x8000000000000000ULL}, {0xc00e, 0x8001000000000000ULL}, {0x3ffd, 0xc000000000000000ULL},
    {0x4000, 0xc90fdaa22168c235ULL}, {0x3fe0, 0xb504f333f9de6484ULL}, {0x43fe, 0x8000000000000000ULL},
    {0x3f80, 0xffffff8000000000ULL}, {0x3c00, 0xfffffffffffff800ULL}, {0x3c01, 0x8000000000000000ULL},
    {0x3bcd, 0x8000000000000000ULL}, {0x3f6a, 0x8000000000000000ULL},
};
#define NEDGE80 (int)(sizeof edge80 / sizeof edge80[0])

static f80 rand80(void) {
    f80 v;
    u64 r = rnd();
    int sign = (r >> 63) & 1;
    int e;
    switch (r & 15) {
    case 0: e = (int)(rnd() % 0x8000); break;              /* anywhere, incl. specials */
    case 1: e = (int)(rnd() % 80); break;                  /* near the bottom */
    case 2: e = 0x7fff - 1 - (int)(rnd() % 70); break;     /* near the top */
    case 3: e = 0x3fff - 0x3ff - 60 + (int)(rnd() % 120); break; /* double range edges */
    case 4: e = 0x3fff - 0x7f - 30 + (int)(rnd() % 60); break;
    case 5: e = 0x3fff + 0x3ff - 30 + (int)(rnd() % 60); break;
    default: e = 0x3fff - 70 + (int)(rnd() % 140); break;
    }
    u64 s = rnd() | 0x8000000000000000ULL;
    switch ((r >> 8) & 7) {
    case 0: s &= ~0ULL << (rnd() % 64); break;            /* trailing zeros: ties */
    case 1: s |= ~0ULL >> (rnd() % 64); break;             /* trailing ones */
    case 2: s = 0x8000000000000000ULL | (1ULL << (rnd() % 63)); break;
    default: break;
    }
    if (e == 0) s &= 0x7fffffffffffffffULL;
    if (e == 0x7fff && ((r >> 12) & 3) == 0) s = 0x8000000000000000ULL;
    v.se = (uint16_t)(sign << 15 | e);
    v.sig = s;
    return v;
}

/* A second operand near the first (cancellation, equal exponents, ties). */
static f80 near80(f80 a) {
    f80 b = a;
    u64 r = rnd();
    int e = a.se & 0x7fff;
    if (e == 0 || e == 0x7fff) return rand80();
    switch (r & 3) {
    case 0: b.sig ^= 1ULL << (rnd() % 64); b.sig |= 0x8000000000000000ULL; break;
    case 1: b.se ^= 0x8000; b.sig += rnd() % 5; b.sig |= 0x8000000000000000ULL; break;
    case 2: { int ne = e + (int)(rnd() % 130) - 65; if (ne < 1) ne = 1; if (ne > 0x7ffe) ne = 0x7ffe;
              b.se = (uint16_t)((b.se & 0x8000) | ne); b.sig = rnd() | 0x8000000000000000ULL; } break;
    default: b.sig = rnd() | 0x8000000000000000ULL; break;
    }
    return b;
}

static const uint32_t edge32[] = {0, 0x80000000, 0x3f800000, 0xbf800000, 0x00000001, 0x80000001, 0x007fffff,
    0x00800000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001,
    0x7fa00000, 0x7fc01234, 0x4b000000, 0x3effffff, 0x40490fdb};
static const u64 edge64[] = {0, 0x8000000000000000ULL, 0x3ff0000000000000ULL, 0xbff0000000000000ULL, 1,
    0x800fffffffffffffULL, 0x0010000000000000ULL, 0x7fefffffffffffffULL, 0x7ff0000000000000ULL,
    0xfff0000000000000ULL, 0x7ff8000000000000ULL, 0xfff8000000000000ULL, 0x7ff0000000000001ULL,
    0x7ff4000000000000ULL, 0x7ff8000000001234ULL, 0x4330000000000000ULL, 0x400921fb54442d18ULL};
static const u64 edgeInt[] = {0, 1, 2, 3, 7, 10, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xffffffffffffffffULL, 0xfffffffffffffffeULL, 12345, 99999};

static void put_le(unsigned char *p, u64 v, int n) { for (int i = 0; i < n; i++) p[i] = (unsigned char)(v >> (8 * i)); }

static void put80(unsigned char *p, f80 v) { put_le(p, v.sig, 8); put_le(p + 8, v.se, 2); }

static u64 rand_bcd_digits(int n) { u64 v = 0; for (int i = 0; i < n; i++) v = v << 4 | (rnd() % 10); return v; }

static void fill_mem(int fmt, int i) {
    memset(mem, 0xcc, sizeof mem);
    u64 r = rnd();
    switch (fmt) {
    case M16I: case M32I: case M64I: {
        int n = mlen[fmt];
        u64 v = (i >= 0 && r % 3 == 0) ? edgeInt[rnd() % (sizeof edgeInt / sizeof edgeInt[0])] : rnd();
        if (r % 5 == 1) { v = rnd() % 2000; if (r & 256) v = -v; }
        if (n == 8 && (r % 7 == 2)) v = (u64)((int64_t)v >> (rnd() % 64));
        if ((r % 11) == 3) v = -v;
        put_le(mem, v, n);
        break;
    }
    case M32F: {
        uint32_t v;
        if (r % 3 == 0) v = edge32[rnd() % (sizeof edge32 / sizeof edge32[0])];
        else { v = (uint32_t)rnd(); if (r % 3 == 1) v = (v & 0x807fffff) | (uint32_t)((0x7f - 20 + rnd() % 40) << 23); }
        put_le(mem, v, 4);
        break;
    }
    case M64F: {
        u64 v;
        if (r % 3 == 0) v = edge64[rnd() % (sizeof edge64 / sizeof edge64[0])];
        else { v = rnd(); if (r % 3 == 1) v = (v & 0x800fffffffffffffULL) | ((0x3ffULL - 70 + rnd() % 140) << 52); }
        put_le(mem, v, 8);
        break;
    }
    case M80F: put80(mem, (r % 3 == 0) ? edge80[rnd() % NEDGE80] : rand80()); break;
    case MBCD: {
        u64 d = rand_bcd_digits((int)(rnd() % 19) + 1);
        if (r % 5 == 0) d = 0x9999999999999999ULL;
        put_le(mem, d, 8);
        mem[8] = (r % 7 == 1) ? 0x99 : (unsigned char)(rnd() % 10 | (rnd() % 10) << 4);
        if (r % 3 == 0) mem[8] = 0;
        mem[9] = (r & 0x100) ? 0x80 : 0;
        break;
    }
    case M16W: {
        uint16_t cw = (uint16_t)rnd();
        put_le(mem, cw, 2);
        break;
    }
    default: break;
    }
}

/* ---- state ---- */

static int tag_of(f80 v) {
    int e = v.se & 0x7fff;
    if (e == 0x7fff) return 2;
    if (e == 0) return v.sig == 0 ? 1 : 2;
    return (v.sig >> 63) ? 0 : 2;
}

static void print80(const unsigned char *p) {
    unsigned se = p[8] | p[9] << 8;
    u64 s = 0;
    for (int i = 7; i >= 0; i--) s = s << 8 | p[i];
    printf(" %04x%016llx", se, (unsigned long long)s);
}

static void run_case(const op_t *op, uint16_t cw, int top, uint16_t cbits, int d, const f80 *st, u64 flags) {
    memset(img_in, 0, sizeof img_in);
    uint16_t tw = 0xffff;
    for (int i = 0; i < d; i++) {
        int phys = (top + i) & 7;
        tw = (uint16_t)((tw & ~(3 << (2 * phys))) | tag_of(st[i]) << (2 * phys));
        put80(img_in + 28 + 10 * i, st[i]);
    }
    uint16_t sw = (uint16_t)(cbits | top << 11);
    put_le(img_in, cw, 2);
    put_le(img_in + 4, sw, 2);
    put_le(img_in + 8, tw, 2);
    fl_in = flags | 0x202;
    unsigned char memin[128];
    memcpy(memin, mem, sizeof mem);
    op->fn();
    int ml = mlen[op->mfmt];
    printf("%s %02x %02x %04x %04x %04x %03llx %d", op->name, op->opc, op->modrm, cw, sw, tw,
           (unsigned long long)(fl_in & 0xfff), d);
    for (int i = 0; i < d; i++) print80(img_in + 28 + 10 * i);
    printf(" ");
    if (ml == 0) printf("-");
    for (int i = 0; i < ml; i++) printf("%02x", memin[i]);
    printf(" : %04x %04x %04x %03llx", img_out[0] | img_out[1] << 8, img_out[4] | img_out[5] << 8, img_out[8] | img_out[9] << 8,
           (unsigned long long)(fl_out & 0xfff));
    int otw = img_out[8] | img_out[9] << 8, otop = (img_out[5] >> 3) & 7, last = 0;
    for (int i = 0; i < 8; i++)
        if (((otw >> (2 * ((otop + i) & 7))) & 3) != 3) last = i + 1;
    for (int i = 0; i < last; i++) print80(img_out + 28 + 10 * i); /* trailing empty slots left out */
    printf(" ");
    if (ml == 0) printf("-");
    for (int i = 0; i < ml; i++) printf("%02x", mem[i]);
    printf("\n");
}

/* Control words: every RC x PC with all exceptions masked, plus unmasked and random masks. */
static int control_words(int rounds, uint16_t *cws) {
    int n = 0;
    if (rounds) {
        static const int pcs[] = {0, 2, 3};
        for (int rc = 0; rc < 4; rc++)
            for (int p = 0; p < 3; p++) cws[n++] = (uint16_t)(0x1040 | 0x3f | pcs[p] << 8 | rc << 10);
    } else {
        cws[n++] = 0x037f;
    }
    cws[n++] = (uint16_t)(0x0340 | (rnd() & 0xc00));                  /* all unmasked */
    cws[n++] = (uint16_t)(0x0040 | (rnd() & 0xf3f));                  /* random masks, RC, PC */
    return n;
}

static void gen_op(const op_t *op, int nrand) {
    uint16_t cws[16];
    int total = NEDGE80 + nrand;
    int pairs = op->kind == BIN || op->kind == CMOV;
    for (int i = 0; i < total; i++) {
        int inner = pairs && i < NEDGE80 ? NEDGE80 : 1;
        for (int j = 0; j < inner; j++) {
            f80 st[8];
            int d;
            st[0] = i < NEDGE80 ? edge80[i] : rand80();
            st[1] = pairs ? (i < NEDGE80 ? edge80[j] : ((rnd() & 1) ? near80(st[0]) : rand80())) : rand80();
            for (int k = 2; k < 8; k++) st[k] = rand80();
            switch (op->kind) {
            case BIN: case CMOV: d = 2; break;
            case UN: d = 1 + (int)(rnd() % 2); break;
            case MEMOP: d = 1; break;
            case STORE: d = 1 + (int)(rnd() % 2); break;
            case LOAD: d = (int)(rnd() % 3); break;
            default: d = (int)(rnd() % 3); break;
            }
            u64 r = rnd();
            if (r % 41 == 0) d = 0;                     /* stack underflow */
            else if (r % 41 == 1) d = 8;                /* full stack: overflow on push */
            else if (r % 41 == 2 && d > 0) d--;
            int top = (int)(rnd() & 7);
            uint16_t cbits = (uint16_t)(rnd() & 0x4700);
            u64 flags = rnd() & 0x8d5;
            int n = control_words(op->rounds, cws);
            if (op->kind == MEMOP || op->kind == LOAD) fill_mem(op->mfmt, i);
            else if (op->mfmt != M_NONE) fill_mem(op->mfmt, i);
            unsigned char saved[128];
            memcpy(saved, mem, sizeof mem);
            /* edge pairs get one control word each (cycling), the rest get all of them */
            int c0 = 0, c1 = n;
            if (inner > 1) { c0 = (i * inner + j) % n; c1 = c0 + 1; }
            for (int c = c0; c < c1; c++) {
                memcpy(mem, saved, sizeof mem);
                run_case(op, cws[c], top, cbits, d, st, flags);
            }
        }
    }
}

int main(int argc, char **argv) {
    rng_state = argc > 1 ? strtoull(argv[1], 0, 0) : 1;
    int nrand = argc > 2 ? atoi(argv[2]) : 200;
    const char *filter = argc > 3 ? argv[3] : 0;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (filter && !strstr(filter, ops[i].name)) continue;
        gen_op(&ops[i], nrand);
    }
    return 0;
}
