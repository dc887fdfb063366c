/*
 * Host-CPU oracle for jemu's SSE/SSE2 semantics (org.jemu.cpu.exec.SseFloat/SseConvert/SseInt).
 * Built by SseOracleTest with gcc at test time. For each instruction it loads xmm0 (destination) and
 * xmm1 (source) from edge-biased and seeded random inputs, executes it natively with MXCSR = 0x1F80,
 * and prints one line per case:
 *
 *   op imm a.lo a.hi b.lo b.hi : r.lo r.hi mxcsr        (hex)
 *
 * r is xmm0 afterwards, or for instructions writing a GPR: r.lo = the 64-bit register, r.hi = 0;
 * for CVTSI2SS/SD b.lo is the integer source; for COMIS/UCOMIS r.lo is RFLAGS (arithmetic flags)
 * and the input flags were all set.
 *
 * Floating-point instructions also run under other MXCSR settings (every rounding mode with and
 * without FTZ and DAZ, and with exceptions unmasked); then op is written "op@mxcsrIn". When an
 * unmasked exception traps (#XM, SIGFPE here), r is xmm0 as the handler saw it (the destination must
 * be unchanged) and the mxcsr field is "mxcsr/XM", with the flags the CPU had set.
 * Usage: sse_oracle [seed [casesPerOp]]
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <ucontext.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t u64;
typedef uint32_t u32;

static u64 rng_state;
static u64 rnd(void) {
    u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Every wrapper restores the default MXCSR before C code runs again (no stray traps). */
static const u32 MX_DEFAULT = 0x1f80;
#define PRE "ldmxcsr %[m]\n\tmovdqu (%[a]), %%xmm0\n\tmovdqu (%[b]), %%xmm1\n\t"
#define POST "\n\tmovdqu %%xmm0, (%[a])\n\tstmxcsr %[m]\n\tldmxcsr %[d]"
typedef void (*fn)(u64 *a, const u64 *b, u32 *mx);

/* xmm0 op= xmm1 (insn may carry an immediate: "cmpps $3,") */
#define XX(name, insn)                                                                            \
    static void name(u64 *a, const u64 *b, u32 *mx) {                                            \
        asm volatile(PRE insn " %%xmm1, %%xmm0" POST : [m] "+m"(*mx) : [a] "r"(a), [b] "r"(b), [d] "m"(MX_DEFAULT) : "xmm0", "xmm1", "memory"); \
    }
/* xmm0 op= imm (the byte shifts) */
#define XI(name, insn)                                                                            \
    static void name(u64 *a, const u64 *b, u32 *mx) {                                            \
        asm volatile(PRE insn " %%xmm0" POST : [m] "+m"(*mx) : [a] "r"(a), [b] "r"(b), [d] "m"(MX_DEFAULT) : "xmm0", "xmm1", "memory"); \
    }
/* GPR (64-bit, or 32-bit zero-extended with k) := op xmm0 */
#define GX(name, insn, w)                                                                         \
    static void name(u64 *a, const u64 *b, u32 *mx) {                                            \
        u64 r;                                                                                    \
        asm volatile(PRE insn " %%xmm0, %" w "[r]\n\tstmxcsr %[m]\n\tldmxcsr %[d]" : [m] "+m"(*mx), [r] "=r"(r) : [a] "r"(a), [b] "r"(b), [d] "m"(MX_DEFAULT) : "xmm0", "xmm1", "memory"); \
        a[0] = r; a[1] = 0;                                                                       \
    }
/* xmm0 := op GPR (b[0]) */
#define XG(name, insn, w)                                                                         \
    static void name(u64 *a, const u64 *b, u32 *mx) {                                            \
        asm volatile(PRE insn " %" w "[v], %%xmm0" POST : [m] "+m"(*mx) : [a] "r"(a), [b] "r"(b), [d] "m"(MX_DEFAULT), [v] "r"(b[0]) : "xmm0", "xmm1", "memory"); \
    }
/* RFLAGS := compare xmm0, xmm1 */
#define CF(name, insn)                                                                            \
    static void name(u64 *a, const u64 *b, u32 *mx) {                                            \
        u64 f = 0x8d7 | 0x200;                                                                    \
        asm volatile(PRE "push %[f]\n\tpopfq\n\t" insn " %%xmm1, %%xmm0\n\tpushfq\n\tpop %[f]\n\tstmxcsr %[m]\n\tldmxcsr %[d]" : [m] "+m"(*mx), [f] "+r"(f) : [a] "r"(a), [b] "r"(b), [d] "m"(MX_DEFAULT) : "xmm0", "xmm1", "memory", "cc"); \
        a[0] = f & 0x8d5; a[1] = 0;                                                               \
    }

#define FOR_FLOAT(X) X(addps) X(subps) X(mulps) X(divps) X(minps) X(maxps) X(sqrtps) \
    X(addss) X(subss) X(mulss) X(divss) X(minss) X(maxss) X(sqrtss) \
    X(cvtps2dq) X(cvttps2dq) X(cvtps2pd) X(cvtss2sd) X(unpcklps) X(unpckhps)
#define FOR_DOUBLE(X) X(addpd) X(subpd) X(mulpd) X(divpd) X(minpd) X(maxpd) X(sqrtpd) \
    X(addsd) X(subsd) X(mulsd) X(divsd) X(minsd) X(maxsd) X(sqrtsd) \
    X(cvtpd2dq) X(cvttpd2dq) X(cvtpd2ps) X(cvtsd2ss) X(unpcklpd) X(unpckhpd)
#define FOR_INT(X) X(paddb) X(paddw) X(paddd) X(paddq) X(psubb) X(psubw) X(psubd) X(psubq) \
    X(paddsb) X(paddusb) X(psubsb) X(psubusb) X(paddsw) X(paddusw) X(psubsw) X(psubusw) \
    X(pmullw) X(pmulhw) X(pmulhuw) X(pmuludq) X(pmaddwd) X(pcmpeqb) X(pcmpeqw) X(pcmpeqd) \
    X(pcmpgtb) X(pcmpgtw) X(pcmpgtd) X(punpcklbw) X(punpcklwd) X(punpckldq) X(punpcklqdq) \
    X(punpckhbw) X(punpckhwd) X(punpckhdq) X(punpckhqdq) X(packsswb) X(packssdw) X(packuswb) \
    X(pminub) X(pmaxub) X(pminsw) X(pmaxsw) X(pavgb) X(pavgw) X(psadbw) X(pand) X(pandn) \
    X(por) X(pxor) X(cvtdq2ps) X(cvtdq2pd)
#define FOR_COUNT(X) X(psllw) X(pslld) X(psllq) X(psrlw) X(psrld) X(psrlq) X(psraw) X(psrad)

#define DEF(n) XX(x_##n, #n)
FOR_FLOAT(DEF) FOR_DOUBLE(DEF) FOR_INT(DEF) FOR_COUNT(DEF)

#define IMMS(X, op) X(op, 0) X(op, 1) X(op, 2) X(op, 3) X(op, 4) X(op, 5) X(op, 6) X(op, 7)
#define DEFI(op, i) XX(x_##op##_##i, #op " $" #i ",")
IMMS(DEFI, cmpps) IMMS(DEFI, cmpss) IMMS(DEFI, cmppd) IMMS(DEFI, cmpsd)
#define SHUF_IMMS(X, op) X(op, 0x00) X(op, 0x1b) X(op, 0x4e) X(op, 0xe4) X(op, 0xb1) X(op, 0x39) X(op, 0xff) X(op, 0x8d)
SHUF_IMMS(DEFI, pshufd) SHUF_IMMS(DEFI, pshufhw) SHUF_IMMS(DEFI, pshuflw) SHUF_IMMS(DEFI, shufps)
DEFI(shufpd, 0) DEFI(shufpd, 1) DEFI(shufpd, 2) DEFI(shufpd, 3)
#define BYTE_IMMS(X, op) X(op, 0) X(op, 1) X(op, 3) X(op, 7) X(op, 8) X(op, 9) X(op, 15) X(op, 16) X(op, 200)
#define DEFB(op, i) XI(x_##op##_##i, #op " $" #i ",")
BYTE_IMMS(DEFB, pslldq) BYTE_IMMS(DEFB, psrldq)

GX(g_cvtss2si32, "cvtss2si", "k") GX(g_cvtss2si64, "cvtss2si", "q")
GX(g_cvttss2si32, "cvttss2si", "k") GX(g_cvttss2si64, "cvttss2si", "q")
GX(g_cvtsd2si32, "cvtsd2si", "k") GX(g_cvtsd2si64, "cvtsd2si", "q")
GX(g_cvttsd2si32, "cvttsd2si", "k") GX(g_cvttsd2si64, "cvttsd2si", "q")
GX(g_pmovmskb, "pmovmskb", "k") GX(g_movmskps, "movmskps", "k") GX(g_movmskpd, "movmskpd", "k")
XG(v_cvtsi2ss32, "cvtsi2ssl", "k") XG(v_cvtsi2ss64, "cvtsi2ssq", "q")
XG(v_cvtsi2sd32, "cvtsi2sdl", "k") XG(v_cvtsi2sd64, "cvtsi2sdq", "q")
#define GXI(op, i) GX(g_##op##_##i, #op " $" #i ",", "k")
#define XGI(op, i) XG(v_##op##_##i, #op " $" #i ",", "k")
#define WORD_IMMS(X, op) X(op, 0) X(op, 1) X(op, 3) X(op, 4) X(op, 7) X(op, 13)
WORD_IMMS(GXI, pextrw) WORD_IMMS(XGI, pinsrw)
CF(c_comiss, "comiss") CF(c_ucomiss, "ucomiss") CF(c_comisd, "comisd") CF(c_ucomisd, "ucomisd")

/* ---- inputs ---- */

static const u32 F_EDGE[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0xbfc00000, 0x3f000000, 0x40200000,
    0x40400000, 0x3dcccccd, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc12345, 0xffe00001,
    0x7f800001, 0xff812345, 0x7fa00000, 0x00000001, 0x807fffff, 0x00400000, 0x00800000, 0x80800000,
    0x7f7fffff, 0xff7fffff, 0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001, 0x5f000000, 0xdf000000,
    0x5effffff, 0x3effffff, 0x3f400000, 0x4b000001, 0x0c000000, 0x33800000, 0x7e000000, 0x1a000000,
};
static const u64 D_EDGE[] = {
    0, 0x8000000000000000ULL, 0x3ff0000000000000ULL, 0xbff0000000000000ULL, 0x3ff8000000000000ULL,
    0xbff8000000000000ULL, 0x3fe0000000000000ULL, 0x4004000000000000ULL, 0x3fb999999999999aULL,
    0x7ff0000000000000ULL, 0xfff0000000000000ULL, 0x7ff8000000000000ULL, 0xfff8000000000000ULL,
    0x7ff8000012345678ULL, 0xfffc000000000001ULL, 0x7ff0000000000001ULL, 0xfff0000123456789ULL,
    0x7ff4000000000000ULL, 0x0000000000000001ULL, 0x800fffffffffffffULL, 0x0010000000000000ULL,
    0x8010000000000000ULL, 0x7fefffffffffffffULL, 0xffefffffffffffffULL, 0x41e0000000000000ULL,
    0xc1e0000000000000ULL, 0x41dfffffffffffffULL, 0xc1e0000000200000ULL, 0x41dfffffffe00000ULL,
    0xc1e00000001fffffULL, 0x43e0000000000000ULL, 0xc3e0000000000000ULL, 0x43dfffffffffffffULL,
    0x3fdfffffffffffffULL, 0x47efffffe0000000ULL, 0x47efffffefffffffULL, 0x36a0000000000000ULL,
    0x3810000000000000ULL, 0x380fffffffffffffULL, 0x7fe0000000000000ULL, 0x0008000000000000ULL,
};
#define NF (sizeof F_EDGE / sizeof F_EDGE[0])
#define ND (sizeof D_EDGE / sizeof D_EDGE[0])

/* random significand with an exponent from a small set near the edges of the range: products,
   quotients and sums of such values land near the underflow and overflow thresholds */
static u32 redgef(void) {
    static const int E[] = {-62, -63, -64, 62, 63, 64, -126, -125, -127, -149, 126, 127, 1, 0, -1, -24, 24};
    int e = E[rnd() % (sizeof E / sizeof E[0])];
    u32 m = (u32)rnd() & 0x7fffff, s = (u32)(rnd() & 1) << 31;
    if (rnd() % 4 == 0) m &= 0x7f0000; /* short significands: exact cases */
    if (e <= -127) return s | (m >> (e == -127 ? 1 : 10)); /* subnormals */
    return s | (u32)(e + 127) << 23 | m;
}
static u64 redged(void) {
    static const int E[] = {-510, -511, -512, 510, 511, 512, -1022, -1021, -1023, -1074, 1022, 1023, 1, 0,
                            -1, -53, 53, -126, -127, -149, -150, 127, 128};
    int e = E[rnd() % (sizeof E / sizeof E[0])];
    u64 m = rnd() & 0xfffffffffffffULL, s = (rnd() & 1) << 63;
    if (rnd() % 4 == 0) m &= 0xfffff00000000ULL;
    if (e <= -1023) return s | (m >> (e == -1023 ? 1 : 20));
    return s | (u64)(e + 1023) << 52 | m;
}
static u32 rfloat(void) {
    switch (rnd() % 5) {
    case 4: return redgef();
    case 0: return F_EDGE[rnd() % NF];
    case 1: return (u32)rnd();
    case 2: { float f = (float)((int64_t)(rnd() % 200001) - 100000) / 64.0f; u32 u; memcpy(&u, &f, 4); return u; }
    default: { float f = (float)((int64_t)(rnd() % 2000001) - 1000000) / 7.0f; u32 u; memcpy(&u, &f, 4); return u; }
    }
}
static u64 rdouble(void) {
    switch (rnd() % 5) {
    case 4: return redged();
    case 0: return D_EDGE[rnd() % ND];
    case 1: return rnd();
    case 2: { double f = (double)((int64_t)(rnd() % 200001) - 100000) / 64.0; u64 u; memcpy(&u, &f, 8); return u; }
    default: { double f = (double)((int64_t)(rnd() % 2000001) - 1000000) / 7.0; u64 u; memcpy(&u, &f, 8); return u; }
    }
}
static u64 rint64(void) {
    static const u64 LANES[] = {0, 0xff, 0x7f, 0x80, 0x81, 0xffff, 0x7fff, 0x8000, 0x8001,
                                0x7fffffff, 0x80000000, 0xffffffff, 0x01, 0xfe, 0xfffe};
    u64 v = 0;
    switch (rnd() % 3) {
    case 0: return rnd();
    case 1: /* 16-bit lanes from the edge list */
        for (int i = 0; i < 4; i++) v |= (LANES[rnd() % 15] & 0xffff) << (16 * i);
        return v;
    default: /* 8-bit lanes */
        for (int i = 0; i < 8; i++) v |= (LANES[rnd() % 15] & 0xff) << (8 * i);
        return v;
    }
}
static void fill(char type, u64 *v) {
    switch (type) {
    case 'f': for (int i = 0; i < 2; i++) v[i] = rfloat() | ((u64)rfloat() << 32); break;
    case 'd': v[0] = rdouble(); v[1] = rdouble(); break;
    default: v[0] = rint64(); v[1] = rint64();
    }
}

struct op { const char *name; int imm; fn f; char ta, tb; };
#define E_F(n) {#n, 0, x_##n, 'f', 'f'},
#define E_D(n) {#n, 0, x_##n, 'd', 'd'},
#define E_I(n) {#n, 0, x_##n, 'i', 'i'},
#define E_C(n) {#n, 0, x_##n, 'i', 'c'},
#define E_IMM(op, i, ta) {#op, i, x_##op##_##i, ta, ta},
#define E_IF(op, i) E_IMM(op, i, 'f')
#define E_ID(op, i) E_IMM(op, i, 'd')
#define E_II(op, i) E_IMM(op, i, 'i')
static const struct op OPS[] = {
    FOR_FLOAT(E_F) FOR_DOUBLE(E_D) FOR_INT(E_I) FOR_COUNT(E_C)
    IMMS(E_IF, cmpps) IMMS(E_IF, cmpss) IMMS(E_ID, cmppd) IMMS(E_ID, cmpsd)
    SHUF_IMMS(E_II, pshufd) SHUF_IMMS(E_II, pshufhw) SHUF_IMMS(E_II, pshuflw) SHUF_IMMS(E_IF, shufps)
    E_ID(shufpd, 0) E_ID(shufpd, 1) E_ID(shufpd, 2) E_ID(shufpd, 3)
    BYTE_IMMS(E_II, pslldq) BYTE_IMMS(E_II, psrldq)
    {"cvtss2si32", 0, g_cvtss2si32, 'f', 'f'}, {"cvtss2si64", 0, g_cvtss2si64, 'f', 'f'},
    {"cvttss2si32", 0, g_cvttss2si32, 'f', 'f'}, {"cvttss2si64", 0, g_cvttss2si64, 'f', 'f'},
    {"cvtsd2si32", 0, g_cvtsd2si32, 'd', 'd'}, {"cvtsd2si64", 0, g_cvtsd2si64, 'd', 'd'},
    {"cvttsd2si32", 0, g_cvttsd2si32, 'd', 'd'}, {"cvttsd2si64", 0, g_cvttsd2si64, 'd', 'd'},
    {"pmovmskb", 0, g_pmovmskb, 'i', 'i'}, {"movmskps", 0, g_movmskps, 'f', 'f'},
    {"movmskpd", 0, g_movmskpd, 'd', 'd'},
    {"cvtsi2ss32", 0, v_cvtsi2ss32, 'f', 'g'}, {"cvtsi2ss64", 0, v_cvtsi2ss64, 'f', 'g'},
    {"cvtsi2sd32", 0, v_cvtsi2sd32, 'd', 'g'}, {"cvtsi2sd64", 0, v_cvtsi2sd64, 'd', 'g'},
#define E_GXI(op, i) {#op, i, g_##op##_##i, 'i', 'i'},
#define E_XGI(op, i) {#op, i, v_##op##_##i, 'i', 'g'},
    WORD_IMMS(E_GXI, pextrw) WORD_IMMS(E_XGI, pinsrw)
    {"comiss", 0, c_comiss, 'f', 'f'}, {"ucomiss", 0, c_ucomiss, 'f', 'f'},
    {"comisd", 0, c_comisd, 'd', 'd'}, {"ucomisd", 0, c_ucomisd, 'd', 'd'},
};

/* Whether an instruction depends on MXCSR (rounding, FTZ/DAZ, flags), so runs in every mode. */
static int mxcsr_sensitive(const struct op *o) {
    if (o->ta != 'f' && o->ta != 'd' && strncmp(o->name, "cvt", 3) != 0) return 0;
    return strncmp(o->name, "unpck", 5) && strncmp(o->name, "shuf", 4) && strncmp(o->name, "movmsk", 6);
}

/* MXCSR settings: every RC with FTZ/DAZ off and on (all masked), then unmasked-exception patterns. */
static const u32 MODES[] = {
    0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9f80, 0xbf80, 0xdf80, 0xff80,
    0x1fc0, 0x3fc0, 0x5fc0, 0x7fc0, 0x9fc0, 0xbfc0, 0xdfc0, 0xffc0,
    0x0000, 0x1000, 0x0f80, 0x1780, 0x1b80, 0x1d80, 0x1e80, 0x1f00,
    0x9780, 0xd7c0, 0x3b80, 0x7b80, 0x4780, 0x6f80, 0x8000, 0x2040,
};
#define NMODES (sizeof MODES / sizeof MODES[0])

static sigjmp_buf trap_env;
static u64 trap_xmm0[2];
static u32 trap_mxcsr;
static void on_fpe(int sig, siginfo_t *si, void *ctx) {
    (void)sig; (void)si;
    ucontext_t *uc = ctx;
    memcpy(trap_xmm0, &uc->uc_mcontext.fpregs->_xmm[0], 16);
    trap_mxcsr = uc->uc_mcontext.fpregs->mxcsr;
    siglongjmp(trap_env, 1);
}

int main(int argc, char **argv) {
    rng_state = argc > 1 ? strtoull(argv[1], 0, 0) : 1;
    int n = argc > 2 ? atoi(argv[2]) : 400;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGFPE, &sa, 0);
    for (unsigned k = 0; k < sizeof OPS / sizeof OPS[0]; k++) {
        const struct op *o = &OPS[k];
        int modes = mxcsr_sensitive(o) ? NMODES : 1;
        for (int mi = 0; mi < modes; mi++) {
        u32 mode = MODES[mi];
        int cases = mi == 0 ? n : (n / 4 > 0 ? n / 4 : 1);
        for (int i = 0; i < cases; i++) {
            u64 a[2], b[2], r[2];
            fill(o->ta, a);
            if (o->tb == 'c') { /* shift count: small, lane-width boundaries, or huge */
                static const u64 C[] = {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 0x100000000ULL, ~0ULL};
                b[0] = i % 3 == 2 ? rnd() % 80 : C[rnd() % 15];
                b[1] = rnd();
            } else if (o->tb == 'g') {
                static const u64 G[] = {0, 1, ~0ULL, 0x7fffffff, 0x80000000, 0xffffffff, 0x1000001, 0x1000003,
                                        0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x20000000000001ULL, 0xfffffffffffffe01ULL};
                b[0] = i % 2 ? G[rnd() % 12] : rnd() >> (rnd() % 64);
                b[1] = 0;
            } else if (o->ta == 'f' && i < (int)(NF * 2) && i < cases / 2) {
                /* lane 0 of both operands walks the edge list against edges */
                fill(o->tb, b);
                a[0] = (a[0] & ~0xffffffffULL) | F_EDGE[i % NF];
                b[0] = (b[0] & ~0xffffffffULL) | F_EDGE[(i * 7 + i / NF) % NF];
            } else if (o->ta == 'd' && i < (int)(ND * 2) && i < cases / 2) {
                fill(o->tb, b);
                a[0] = D_EDGE[i % ND];
                b[0] = D_EDGE[(i * 7 + i / ND) % ND];
            } else {
                fill(o->tb, b);
            }
            u32 mx = mode;
            int trapped = 0;
            r[0] = a[0]; r[1] = a[1];
            if (sigsetjmp(trap_env, 1) == 0) {
                o->f(r, b, &mx);
            } else {
                trapped = 1;
                r[0] = trap_xmm0[0]; r[1] = trap_xmm0[1];
                mx = trap_mxcsr;
            }
            char name[48];
            if (mode == 0x1f80) snprintf(name, sizeof name, "%s", o->name);
            else snprintf(name, sizeof name, "%s@%x", o->name, mode);
            printf("%s %x %llx %llx %llx %llx : %llx %llx %x%s\n", name, o->imm,
                   (unsigned long long)a[0], (unsigned long long)a[1], (unsigned long long)b[0],
                   (unsigned long long)b[1], (unsigned long long)r[0], (unsigned long long)r[1], mx,
                   trapped ? "/XM" : "");
        }
        }
    }
    return 0;
}
