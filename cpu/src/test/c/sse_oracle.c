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

/* SSE3, SSSE3, SSE4.1, SSE4.2 register-register forms */
#define FOR_FLOAT3(X) X(rcpps) X(rsqrtps) X(rcpss) X(rsqrtss) X(addsubps) X(haddps) X(hsubps) X(movshdup) X(movsldup)
#define FOR_DOUBLE3(X) X(addsubpd) X(haddpd) X(hsubpd) X(movddup)
#define FOR_INT3(X) X(pabsb) X(pabsw) X(pabsd) X(psignb) X(psignw) X(psignd) X(pshufb) X(phaddw) \
    X(phaddd) X(phaddsw) X(phsubw) X(phsubd) X(phsubsw) X(pmaddubsw) X(pmulhrsw) X(pminsb) X(pminsd) \
    X(pminuw) X(pminud) X(pmaxsb) X(pmaxsd) X(pmaxuw) X(pmaxud) X(pmulld) X(pmuldq) X(pcmpeqq) \
    X(packusdw) X(pmovsxbw) X(pmovsxbd) X(pmovsxbq) X(pmovsxwd) X(pmovsxwq) X(pmovsxdq) X(pmovzxbw) \
    X(pmovzxbd) X(pmovzxbq) X(pmovzxwd) X(pmovzxwq) X(pmovzxdq) X(phminposuw) X(pcmpgtq)

#define DEF(n) XX(x_##n, #n)
FOR_FLOAT(DEF) FOR_DOUBLE(DEF) FOR_INT(DEF) FOR_COUNT(DEF) FOR_FLOAT3(DEF) FOR_DOUBLE3(DEF) FOR_INT3(DEF)

#define IMMS(X, op) X(op, 0) X(op, 1) X(op, 2) X(op, 3) X(op, 4) X(op, 5) X(op, 6) X(op, 7)
#define DEFI(op, i) XX(x_##op##_##i, #op " $" #i ",")
IMMS(DEFI, cmpps) IMMS(DEFI, cmpss) IMMS(DEFI, cmppd) IMMS(DEFI, cmpsd)
#define SHUF_IMMS(X, op) X(op, 0x00) X(op, 0x1b) X(op, 0x4e) X(op, 0xe4) X(op, 0xb1) X(op, 0x39) X(op, 0xff) X(op, 0x8d)
SHUF_IMMS(DEFI, pshufd) SHUF_IMMS(DEFI, pshufhw) SHUF_IMMS(DEFI, pshuflw) SHUF_IMMS(DEFI, shufps)
DEFI(shufpd, 0) DEFI(shufpd, 1) DEFI(shufpd, 2) DEFI(shufpd, 3)
#define BYTE_IMMS(X, op) X(op, 0) X(op, 1) X(op, 3) X(op, 7) X(op, 8) X(op, 9) X(op, 15) X(op, 16) X(op, 200)
#define DEFB(op, i) XI(x_##op##_##i, #op " $" #i ",")
BYTE_IMMS(DEFB, pslldq) BYTE_IMMS(DEFB, psrldq)
#define ALIGN_IMMS(X, op) X(op, 0) X(op, 1) X(op, 4) X(op, 7) X(op, 8) X(op, 15) X(op, 16) X(op, 17) X(op, 24) X(op, 31) X(op, 32) X(op, 255)
#define IMM8S(X, op) X(op, 0x00) X(op, 0xff) X(op, 0xaa) X(op, 0x55) X(op, 0x0f) X(op, 0x81) X(op, 0x3c) X(op, 0x06)
#define IMM4S(X, op) X(op, 0) X(op, 1) X(op, 2) X(op, 3)
#define IMM16S(X, op) X(op, 0) X(op, 1) X(op, 2) X(op, 3) X(op, 4) X(op, 5) X(op, 6) X(op, 7) X(op, 8) X(op, 9) \
    X(op, 10) X(op, 11) X(op, 12) X(op, 13) X(op, 14) X(op, 15)
#define DPPS_IMMS(X, op) X(op, 0xff) X(op, 0xf1) X(op, 0x71) X(op, 0x3f) X(op, 0x55) X(op, 0xa5) X(op, 0x1e) X(op, 0x00) X(op, 0xf8) X(op, 0x8f) X(op, 0x33) X(op, 0xcc)
#define DPPD_IMMS(X, op) X(op, 0x33) X(op, 0x31) X(op, 0x13) X(op, 0x32) X(op, 0x23) X(op, 0x11) X(op, 0x30) X(op, 0x03) X(op, 0x22)
#define INSERTPS_IMMS(X, op) X(op, 0x00) X(op, 0x10) X(op, 0x20) X(op, 0x30) X(op, 0x40) X(op, 0x80) X(op, 0xc0) X(op, 0xe5) X(op, 0x1f) X(op, 0x5a) X(op, 0x37) X(op, 0xf0)
ALIGN_IMMS(DEFI, palignr) IMM8S(DEFI, pblendw) IMM16S(DEFI, blendps) IMM4S(DEFI, blendpd)
IMM16S(DEFI, roundps) IMM16S(DEFI, roundss) IMM16S(DEFI, roundpd) IMM16S(DEFI, roundsd)
DPPS_IMMS(DEFI, dpps) DPPD_IMMS(DEFI, dppd) INSERTPS_IMMS(DEFI, insertps) IMM8S(DEFI, mpsadbw)

/* BLENDV: destination xmm2 = a, source xmm1 = b, the implicit mask xmm0 = a XOR b */
#define BV(name, insn)                                                                            \
    static void name(u64 *a, const u64 *b, u32 *mx) {                                            \
        asm volatile("ldmxcsr %[m]\n\tmovdqu (%[a]), %%xmm2\n\tmovdqu (%[b]), %%xmm1\n\tmovdqa %%xmm2, %%xmm0\n\t" \
                     "pxor %%xmm1, %%xmm0\n\t" insn " %%xmm1, %%xmm2\n\tmovdqu %%xmm2, (%[a])\n\tstmxcsr %[m]\n\tldmxcsr %[d]" \
                     : [m] "+m"(*mx) : [a] "r"(a), [b] "r"(b), [d] "m"(MX_DEFAULT) : "xmm0", "xmm1", "xmm2", "memory"); \
    }
BV(x_blendvps, "blendvps") BV(x_blendvpd, "blendvpd") BV(x_pblendvb, "pblendvb")

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
#define GXQ(op, i) GX(g_##op##_##i, #op " $" #i ",", "q")
#define XGQ(op, i) XG(v_##op##_##i, #op " $" #i ",", "q")
#define B_IMMS(X, op) X(op, 0) X(op, 1) X(op, 7) X(op, 8) X(op, 13) X(op, 15)
#define Q_IMMS(X, op) X(op, 0) X(op, 1)
IMM4S(GXI, extractps) B_IMMS(GXI, pextrb) IMM4S(GXI, pextrd) Q_IMMS(GXQ, pextrq)
B_IMMS(XGI, pinsrb) IMM4S(XGI, pinsrd) Q_IMMS(XGQ, pinsrq)
CF(c_ptest, "ptest") CF(c_comiss, "comiss") CF(c_ucomiss, "ucomiss") CF(c_comisd, "comisd") CF(c_ucomisd, "ucomisd")


/* ---- SSE4.2 string compares: every imm8 (bit 7 is ignored) for each of the six forms ---- */

#define HEX16(X, h) X(h##0) X(h##1) X(h##2) X(h##3) X(h##4) X(h##5) X(h##6) X(h##7) \
    X(h##8) X(h##9) X(h##a) X(h##b) X(h##c) X(h##d) X(h##e) X(h##f)
#define HEX128(X) HEX16(X, 0x0) HEX16(X, 0x1) HEX16(X, 0x2) HEX16(X, 0x3) HEX16(X, 0x4) HEX16(X, 0x5) \
    HEX16(X, 0x6) HEX16(X, 0x7)
#define SIN "push %[f]\n\tpopfq\n\tmovdqu (%[a]), %%xmm1\n\tmovdqu (%[b]), %%xmm2\n\t"
#define SOUT "\n\tpushfq\n\tpop %[f]\n\tmovdqu %%xmm0, (%[o])"
/* a = xmm1, b = xmm2; out: rcx (STRI) or xmm0 (STRM) into o[0..1]; *f: RFLAGS in and out */
#define STR_FN(name, insn)                                                                        \
    static void name(int imm, const u64 *a, const u64 *b, u64 rax, u64 rdx, u64 *o, u64 *f) {     \
        u64 rcx = 0xdeadbeefcafef00dULL;                                                          \
        switch (imm) { HEX128(STR_CASE_##name) }                                                  \
        if (insn[8] == 'i') { o[0] = rcx; o[1] = 0; }                                            \
    }
#define STR_ASM(insn, i) asm volatile(SIN insn " $" #i ", %%xmm2, %%xmm1" SOUT : [f] "+r"(*f), "+c"(rcx) \
        : [a] "r"(a), [b] "r"(b), [o] "r"(o), "a"(rax), "d"(rdx) : "xmm0", "xmm1", "xmm2", "memory", "cc")
#define STR_CASE_s_pcmpestri(i) case i: STR_ASM("pcmpestri", i); break;
#define STR_CASE_s_pcmpestriq(i) case i: STR_ASM("pcmpestriq", i); break;
#define STR_CASE_s_pcmpestrm(i) case i: STR_ASM("pcmpestrm", i); break;
#define STR_CASE_s_pcmpestrmq(i) case i: STR_ASM("pcmpestrmq", i); break;
#define STR_CASE_s_pcmpistri(i) case i: STR_ASM("pcmpistri", i); break;
#define STR_CASE_s_pcmpistrm(i) case i: STR_ASM("pcmpistrm", i); break;
STR_FN(s_pcmpestri, "pcmpestri") STR_FN(s_pcmpestriq, "pcmpestri") STR_FN(s_pcmpestrm, "pcmpestrm")
STR_FN(s_pcmpestrmq, "pcmpestrm") STR_FN(s_pcmpistri, "pcmpistri") STR_FN(s_pcmpistrm, "pcmpistrm")
typedef void (*strfn)(int, const u64 *, const u64 *, u64, u64, u64 *, u64 *);
static const struct { const char *name; strfn f; int explicit_len; } STRS[] = {
    {"pcmpestri", s_pcmpestri, 1}, {"pcmpestriq", s_pcmpestriq, 1}, {"pcmpestrm", s_pcmpestrm, 1},
    {"pcmpestrmq", s_pcmpestrmq, 1}, {"pcmpistri", s_pcmpistri, 0}, {"pcmpistrm", s_pcmpistrm, 0},
};

/* String operands: bytes from a small alphabet (so that elements match), zeros to end strings. */
static void fill_str(u64 *v) {
    static const unsigned char ALPHA[] = {0, 'a', 'b', 'c', 'z', 'A', 0x80, 0xff, '0', 0x7f};
    unsigned char bytes[16];
    int zeros = rnd() % 3; /* 0: none, else a few */
    for (int i = 0; i < 16; i++) {
        unsigned char c = ALPHA[1 + rnd() % (sizeof ALPHA - 1)];
        if (rnd() % 4 == 0) c = (unsigned char)rnd();
        if (zeros && rnd() % 12 == 0) c = 0;
        bytes[i] = c;
    }
    if (rnd() % 8 == 0) memset(bytes + rnd() % 16, 0, 2); /* a zero word */
    memcpy(v, bytes, 16);
}
static u64 rlen(void) {
    static const u64 L[] = {0x7fffffff, 0x80000000, 0xffffffff, 0x100000003ULL, 0x8000000000000000ULL,
                            0xfffffffffffffff0ULL, 0xffffffff00000005ULL, 0xfffffffffffffffbULL};
    if (rnd() % 4 == 0) return L[rnd() % 8];
    return (u64)((int64_t)(rnd() % 41) - 20);
}

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
    FOR_FLOAT3(E_F) FOR_DOUBLE3(E_D) FOR_INT3(E_I)
    ALIGN_IMMS(E_II, palignr) IMM8S(E_II, pblendw) IMM16S(E_IF, blendps) IMM4S(E_ID, blendpd)
    IMM16S(E_IF, roundps) IMM16S(E_IF, roundss) IMM16S(E_ID, roundpd) IMM16S(E_ID, roundsd)
    DPPS_IMMS(E_IF, dpps) DPPD_IMMS(E_ID, dppd) INSERTPS_IMMS(E_II, insertps) IMM8S(E_II, mpsadbw)
    {"blendvps", 0, x_blendvps, 'f', 'f'}, {"blendvpd", 0, x_blendvpd, 'd', 'd'},
    {"pblendvb", 0, x_pblendvb, 'i', 'i'}, {"ptest", 0, c_ptest, 'i', 'i'},
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
    IMM4S(E_GXI, extractps) B_IMMS(E_GXI, pextrb) IMM4S(E_GXI, pextrd) Q_IMMS(E_GXI, pextrq)
    B_IMMS(E_XGI, pinsrb) IMM4S(E_XGI, pinsrd) Q_IMMS(E_XGI, pinsrq)
    {"comiss", 0, c_comiss, 'f', 'f'}, {"ucomiss", 0, c_ucomiss, 'f', 'f'},
    {"comisd", 0, c_comisd, 'd', 'd'}, {"ucomisd", 0, c_ucomisd, 'd', 'd'},
};

/* Whether an instruction depends on MXCSR (rounding, FTZ/DAZ, flags), so runs in every mode. */
static int mxcsr_sensitive(const struct op *o) {
    if (o->ta != 'f' && o->ta != 'd' && strncmp(o->name, "cvt", 3) != 0) return 0;
    return strncmp(o->name, "unpck", 5) && strncmp(o->name, "shuf", 4) && strncmp(o->name, "mov", 3)
        && strncmp(o->name, "blend", 5);
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
            volatile int trapped = 0;
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
    for (unsigned k = 0; k < sizeof STRS / sizeof STRS[0]; k++) {
        int per = n / 10 > 0 ? n / 10 : 1;
        for (int imm = 0; imm < 128; imm++) {
            for (int i = 0; i < per; i++) {
                u64 a[2], b[2], o[2], f = 0x8d7 | 0x200;
                fill_str(a);
                fill_str(b);
                if (i % 4 == 1) { b[0] = a[0]; b[1] = a[1]; }                 /* equal */
                if (i % 4 == 2) { b[0] = (a[0] << 16) | 0x6162; b[1] = (a[1] << 16) | (a[0] >> 48); } /* shifted */
                u64 rax = rlen(), rdx = rlen();
                if (!STRS[k].explicit_len) rax = rdx = 0;
                STRS[k].f(imm, a, b, rax, rdx, o, &f);
                printf("%s %x %llx %llx %llx %llx %llx %llx : %llx %llx 1f80 rflags=%llx\n", STRS[k].name, imm,
                       (unsigned long long)a[0], (unsigned long long)a[1], (unsigned long long)b[0],
                       (unsigned long long)b[1], (unsigned long long)rax, (unsigned long long)rdx,
                       (unsigned long long)o[0], (unsigned long long)o[1], (unsigned long long)(f & 0x8d5));
            }
        }
    }
    return 0;
}
