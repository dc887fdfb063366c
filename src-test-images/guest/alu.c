/*
 * Integer ALU: every common integer instruction at 8, 16, 32 and 64 bits, run through inline asm
 * on a grid of edge and pseudo-random operands, with both "all status flags clear" and "all set"
 * on input. Each line digests the results and the architecturally defined flags (Intel SDM and
 * AMD APM agree on them; undefined flags are masked out). Then the same territory from C:
 * overflow builtins, signed division, 128-bit arithmetic, bit scans and carry chains.
 */
#include "common.h"

#define CF 0x001
#define PF 0x004
#define AF 0x010
#define ZF 0x040
#define SF 0x080
#define OF 0x800
#define ALLF (CF | PF | AF | ZF | SF | OF)

/* Sets the status flags from fi, runs the instruction, captures RFLAGS. The red zone is skipped
 * because push/pop would clobber it. */
#define PRE "sub $128, %%rsp\n\tpush %[fi]\n\tpopfq\n\t"
#define POST "\n\tpushfq\n\tpop %[fo]\n\tadd $128, %%rsp"

#define BIN(op, s, T)                                                                              \
    static T op##_##s(T a, T b, uint64_t fi, uint64_t *fo)                                         \
    {                                                                                              \
        uint64_t f;                                                                                \
        __asm__ volatile(PRE #op #s " %[b], %[a]" POST                                             \
                         : [a] "+r"(a), [fo] "=&r"(f)                                              \
                         : [b] "r"(b), [fi] "r"(fi)                                                \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        return a;                                                                                  \
    }

#define UN(op, s, T)                                                                               \
    static T op##_##s(T a, uint64_t fi, uint64_t *fo)                                              \
    {                                                                                              \
        uint64_t f;                                                                                \
        __asm__ volatile(PRE #op #s " %[a]" POST                                                   \
                         : [a] "+r"(a), [fo] "=&r"(f)                                              \
                         : [fi] "r"(fi)                                                            \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        return a;                                                                                  \
    }

#define SHIFT(op, s, T)                                                                            \
    static T op##_##s(T a, uint8_t c, uint64_t fi, uint64_t *fo)                                   \
    {                                                                                              \
        uint64_t f;                                                                                \
        __asm__ volatile(PRE #op #s " %%cl, %[a]" POST                                             \
                         : [a] "+r"(a), [fo] "=&r"(f)                                              \
                         : "c"(c), [fi] "r"(fi)                                                    \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        return a;                                                                                  \
    }

#define DSHIFT(op, s, T)                                                                           \
    static T op##_##s(T a, T b, uint8_t c, uint64_t fi, uint64_t *fo)                              \
    {                                                                                              \
        uint64_t f;                                                                                \
        __asm__ volatile(PRE #op #s " %%cl, %[b], %[a]" POST                                       \
                         : [a] "+r"(a), [fo] "=&r"(f)                                              \
                         : [b] "r"(b), "c"(c), [fi] "r"(fi)                                        \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        return a;                                                                                  \
    }

/* One-operand MUL/IMUL: rAX * src -> rDX:rAX (16/32/64 bits). */
#define MUL1(op, s, T)                                                                             \
    static T op##1_##s(T a, T b, uint64_t fi, uint64_t *fo, T *hi)                                 \
    {                                                                                              \
        uint64_t f;                                                                                \
        T d;                                                                                       \
        __asm__ volatile(PRE #op #s " %[b]" POST                                                   \
                         : "+a"(a), "=&d"(d), [fo] "=&r"(f)                                        \
                         : [b] "r"(b), [fi] "r"(fi)                                                \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        *hi = d;                                                                                   \
        return a;                                                                                  \
    }

/* DIV/IDIV: rDX:rAX / src -> quotient in rAX, remainder in rDX (16/32/64 bits). */
#define DIV1(op, s, T)                                                                             \
    static T op##_##s(T lo, T hi, T b, T *rem)                                                     \
    {                                                                                              \
        __asm__ volatile(#op #s " %[b]" : "+a"(lo), "+d"(hi) : [b] "r"(b) : "cc");                 \
        *rem = hi;                                                                                 \
        return lo;                                                                                 \
    }

#define XADD(s, T)                                                                                 \
    static T xadd_##s(T a, T *b, uint64_t fi, uint64_t *fo)                                        \
    {                                                                                              \
        uint64_t f;                                                                                \
        T bb = *b;                                                                                 \
        __asm__ volatile(PRE "xadd" #s " %[b], %[a]" POST                                          \
                         : [a] "+r"(a), [b] "+r"(bb), [fo] "=&r"(f)                                \
                         : [fi] "r"(fi)                                                            \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        *b = bb;                                                                                   \
        return a;                                                                                  \
    }

/* CMPXCHG dst, src: if rAX == dst then dst = src else rAX = dst. Returns dst, updates *acc. */
#define CMPXCHG(s, T)                                                                              \
    static T cmpxchg_##s(T dst, T src, T *acc, uint64_t fi, uint64_t *fo)                          \
    {                                                                                              \
        uint64_t f;                                                                                \
        T a = *acc;                                                                                \
        __asm__ volatile(PRE "cmpxchg" #s " %[src], %[dst]" POST                                   \
                         : [dst] "+r"(dst), "+a"(a), [fo] "=&r"(f)                                 \
                         : [src] "r"(src), [fi] "r"(fi)                                            \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        *acc = a;                                                                                  \
        return dst;                                                                                \
    }

#define COMMON_OPS(s, T)                                                                           \
    BIN(add, s, T) BIN(adc, s, T) BIN(sub, s, T) BIN(sbb, s, T) BIN(cmp, s, T) BIN(and, s, T)      \
    BIN(or, s, T) BIN(xor, s, T) BIN(test, s, T) UN(neg, s, T) UN(not, s, T) UN(inc, s, T)         \
    UN(dec, s, T) SHIFT(shl, s, T) SHIFT(shr, s, T) SHIFT(sar, s, T) SHIFT(rol, s, T)              \
    SHIFT(ror, s, T) SHIFT(rcl, s, T) SHIFT(rcr, s, T) XADD(s, T) CMPXCHG(s, T)

#define WIDE_OPS(s, T)                                                                             \
    DSHIFT(shld, s, T) DSHIFT(shrd, s, T) BIN(bsf, s, T) BIN(bsr, s, T) BIN(bt, s, T)             \
    BIN(bts, s, T) BIN(btr, s, T) BIN(btc, s, T) BIN(imul, s, T) MUL1(mul, s, T)                   \
    MUL1(imul, s, T) DIV1(div, s, T) DIV1(idiv, s, T)

COMMON_OPS(b, uint8_t)
COMMON_OPS(w, uint16_t)
COMMON_OPS(l, uint32_t)
COMMON_OPS(q, uint64_t)
WIDE_OPS(w, uint16_t)
WIDE_OPS(l, uint32_t)
WIDE_OPS(q, uint64_t)

/* 8-bit MUL/IMUL/DIV/IDIV use AX only. */
#define BYTE_MULDIV(op)                                                                            \
    static uint16_t op##_b8(uint16_t ax, uint8_t b, uint64_t fi, uint64_t *fo)                     \
    {                                                                                              \
        uint64_t f;                                                                                \
        __asm__ volatile(PRE #op "b %[b]" POST                                                     \
                         : "+a"(ax), [fo] "=&r"(f)                                                 \
                         : [b] "q"(b), [fi] "r"(fi)                                                \
                         : "cc", "memory");                                                        \
        *fo = f;                                                                                   \
        return ax;                                                                                 \
    }
BYTE_MULDIV(mul)
BYTE_MULDIV(imul)
BYTE_MULDIV(div)
BYTE_MULDIV(idiv)

/* ---- operand grids ---- */

#define NVALS 28
static uint64_t vals[NVALS];

static void make_values(void)
{
    static const uint64_t edges[] = {
        0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
        0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x8000000000000001ULL, 0xffffffffffffffffULL,
        0xfffffffffffffffeULL, 0x5555555555555555ULL, 0xaaaaaaaaaaaaaaaaULL,
    };
    uint64_t s = 0x1234567887654321ULL;
    int n = 0;
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        vals[n++] = edges[i];
    while (n < NVALS)
        vals[n++] = rng_next(&s);
}

static const uint64_t fins[2] = {0x202, 0x202 | ALLF};

static uint64_t widthmask(int bits)
{
    return bits == 64 ? ~0ULL : (1ULL << bits) - 1;
}

/* Defined flags after a shift/rotate by (masked) count c. */
static uint64_t shift_mask(int kind, int bits, unsigned c)
{
    if (c == 0)
        return ALLF; /* nothing changes */
    uint64_t one = c == 1 ? OF : 0;
    switch (kind) {
    case 0: /* shl, shr, sar */
        return SF | ZF | PF | one | ((int)c < bits ? CF : 0);
    default: /* rol, ror, rcl, rcr: SF ZF AF PF untouched */
        return SF | ZF | AF | PF | CF | one;
    }
}

/* ---- per-width drivers, generated for b/w/l/q ---- */

#define RUN_COMMON(s, T, BITS)                                                                     \
    static void run_common_##s(void)                                                               \
    {                                                                                              \
        digest d;                                                                                  \
        uint64_t fo;                                                                               \
        const uint64_t m = widthmask(BITS);                                                        \
        const unsigned cmask = BITS == 64 ? 63 : 31;                                               \
        char name[32];                                                                             \
        static const struct {                                                                     \
            const char *n;                                                                         \
            T (*f)(T, T, uint64_t, uint64_t *);                                                    \
            uint64_t mask;                                                                         \
        } bins[] = {                                                                               \
            {"add", add_##s, ALLF}, {"adc", adc_##s, ALLF}, {"sub", sub_##s, ALLF},                \
            {"sbb", sbb_##s, ALLF}, {"cmp", cmp_##s, ALLF}, {"and", and_##s, ALLF & ~AF},          \
            {"or", or_##s, ALLF & ~AF}, {"xor", xor_##s, ALLF & ~AF},                              \
            {"test", test_##s, ALLF & ~AF},                                                        \
        };                                                                                         \
        for (size_t k = 0; k < sizeof bins / sizeof bins[0]; k++) {                                \
            d_init(&d);                                                                            \
            for (int fi = 0; fi < 2; fi++)                                                         \
                for (int i = 0; i < NVALS; i++)                                                    \
                    for (int j = 0; j < NVALS; j++) {                                              \
                        T r = bins[k].f((T)vals[i], (T)vals[j], fins[fi], &fo);                    \
                        d_u64(&d, r);                                                              \
                        d_u64(&d, fo & bins[k].mask);                                              \
                    }                                                                              \
            snprintf(name, sizeof name, "%s%d", bins[k].n, BITS);                                  \
            d_print(name, &d);                                                                     \
        }                                                                                          \
        static const struct {                                                                      \
            const char *n;                                                                         \
            T (*f)(T, uint64_t, uint64_t *);                                                       \
        } uns[] = {{"neg", neg_##s}, {"not", not_##s}, {"inc", inc_##s}, {"dec", dec_##s}};        \
        for (size_t k = 0; k < sizeof uns / sizeof uns[0]; k++) {                                  \
            d_init(&d);                                                                            \
            for (int fi = 0; fi < 2; fi++)                                                         \
                for (int i = 0; i < NVALS; i++) {                                                  \
                    T r = uns[k].f((T)vals[i], fins[fi], &fo);                                     \
                    d_u64(&d, r);                                                                  \
                    d_u64(&d, fo & ALLF);                                                          \
                }                                                                                  \
            snprintf(name, sizeof name, "%s%d", uns[k].n, BITS);                                   \
            d_print(name, &d);                                                                     \
        }                                                                                          \
        static const struct {                                                                      \
            const char *n;                                                                         \
            T (*f)(T, uint8_t, uint64_t, uint64_t *);                                              \
            int kind;                                                                              \
        } shs[] = {{"shl", shl_##s, 0}, {"shr", shr_##s, 0}, {"sar", sar_##s, 0},                  \
                   {"rol", rol_##s, 1}, {"ror", ror_##s, 1}, {"rcl", rcl_##s, 2},                  \
                   {"rcr", rcr_##s, 2}};                                                           \
        for (size_t k = 0; k < sizeof shs / sizeof shs[0]; k++) {                                  \
            d_init(&d);                                                                            \
            for (int fi = 0; fi < 2; fi++)                                                         \
                for (int i = 0; i < NVALS; i++)                                                    \
                    for (unsigned c = 0; c < 2 * BITS + 4; c++) {                                  \
                        unsigned mc = c & cmask;                                                   \
                        /* 8/16-bit RCL/RCR rotate modulo 9/17: keep to the plain range */         \
                        if (shs[k].kind == 2 && BITS < 32 && mc > BITS)                            \
                            continue;                                                              \
                        T r = shs[k].f((T)vals[i], (uint8_t)c, fins[fi], &fo);                     \
                        d_u64(&d, r);                                                              \
                        d_u64(&d, fo & shift_mask(shs[k].kind, BITS, mc));                         \
                    }                                                                              \
            snprintf(name, sizeof name, "%s%d", shs[k].n, BITS);                                   \
            d_print(name, &d);                                                                     \
        }                                                                                          \
        d_init(&d);                                                                                \
        for (int fi = 0; fi < 2; fi++)                                                             \
            for (int i = 0; i < NVALS; i++)                                                        \
                for (int j = 0; j < NVALS; j++) {                                                  \
                    T b = (T)vals[j];                                                              \
                    T r = xadd_##s((T)vals[i], &b, fins[fi], &fo);                                 \
                    d_u64(&d, r);                                                                  \
                    d_u64(&d, b);                                                                  \
                    d_u64(&d, fo & ALLF);                                                          \
                }                                                                                  \
        snprintf(name, sizeof name, "xadd%d", BITS);                                               \
        d_print(name, &d);                                                                         \
        d_init(&d);                                                                                \
        for (int i = 0; i < NVALS; i++)                                                            \
            for (int j = 0; j < NVALS; j++) {                                                      \
                T acc = (j & 1) ? (T)vals[i] : (T)vals[j];                                         \
                T r = cmpxchg_##s((T)vals[i], (T)vals[(j + 5) % NVALS], &acc, fins[j & 1], &fo);   \
                d_u64(&d, r);                                                                      \
                d_u64(&d, acc);                                                                    \
                d_u64(&d, fo & ALLF);                                                              \
            }                                                                                      \
        snprintf(name, sizeof name, "cmpxchg%d", BITS);                                            \
        d_print(name, &d);                                                                         \
        (void)m;                                                                                   \
    }

RUN_COMMON(b, uint8_t, 8)
RUN_COMMON(w, uint16_t, 16)
RUN_COMMON(l, uint32_t, 32)
RUN_COMMON(q, uint64_t, 64)

#define RUN_WIDE(s, T, ST, BITS)                                                                   \
    static void run_wide_##s(void)                                                                 \
    {                                                                                              \
        digest d;                                                                                  \
        uint64_t fo;                                                                               \
        const unsigned cmask = BITS == 64 ? 63 : 31;                                               \
        char name[32];                                                                             \
        static const struct {                                                                      \
            const char *n;                                                                         \
            T (*f)(T, T, uint8_t, uint64_t, uint64_t *);                                           \
        } ds[] = {{"shld", shld_##s}, {"shrd", shrd_##s}};                                         \
        for (size_t k = 0; k < 2; k++) {                                                           \
            d_init(&d);                                                                            \
            for (int fi = 0; fi < 2; fi++)                                                         \
                for (int i = 0; i < NVALS; i += 2)                                                 \
                    for (int j = 1; j < NVALS; j += 3)                                             \
                        for (unsigned c = 0; c < BITS + 3; c++) {                                  \
                            unsigned mc = c & cmask;                                               \
                            if (BITS == 16 && mc >= 16)                                            \
                                continue; /* result undefined */                                   \
                            T r = ds[k].f((T)vals[i], (T)vals[j], (uint8_t)c, fins[fi], &fo);      \
                            d_u64(&d, r);                                                          \
                            d_u64(&d, fo & (mc == 0 ? ALLF : (SF | ZF | PF | CF | (mc == 1 ? OF : 0)))); \
                        }                                                                          \
            snprintf(name, sizeof name, "%s%d", ds[k].n, BITS);                                    \
            d_print(name, &d);                                                                     \
        }                                                                                          \
        /* BSF/BSR: ZF defined; destination only when the source is non-zero. */                   \
        static const struct {                                                                      \
            const char *n;                                                                         \
            T (*f)(T, T, uint64_t, uint64_t *);                                                    \
            uint64_t mask;                                                                         \
            int kind;                                                                              \
        } bs[] = {{"bsf", bsf_##s, ZF, 1},   {"bsr", bsr_##s, ZF, 1},  {"bt", bt_##s, CF, 2},      \
                  {"bts", bts_##s, CF, 2},   {"btr", btr_##s, CF, 2},  {"btc", btc_##s, CF, 2},    \
                  {"imul2_", imul_##s, CF | OF, 0}};                                               \
        for (size_t k = 0; k < sizeof bs / sizeof bs[0]; k++) {                                    \
            d_init(&d);                                                                            \
            for (int fi = 0; fi < 2; fi++)                                                         \
                for (int i = 0; i < NVALS; i++)                                                    \
                    for (int j = 0; j < NVALS; j++) {                                              \
                        T src = (T)vals[j];                                                        \
                        if (bs[k].kind == 2)                                                       \
                            src = (T)(vals[j] % (2 * BITS + 7)); /* bit offset, wraps mod size */  \
                        T r = bs[k].f((T)vals[i], src, fins[fi], &fo);                             \
                        if (bs[k].kind != 1 || src != 0)                                           \
                            d_u64(&d, r);                                                          \
                        d_u64(&d, fo & bs[k].mask);                                                \
                    }                                                                              \
            snprintf(name, sizeof name, "%s%d", bs[k].n, BITS);                                    \
            d_print(name, &d);                                                                     \
        }                                                                                          \
        static const struct {                                                                      \
            const char *n;                                                                         \
            T (*f)(T, T, uint64_t, uint64_t *, T *);                                               \
        } ms[] = {{"mul", mul1_##s}, {"imul", imul1_##s}};                                         \
        for (size_t k = 0; k < 2; k++) {                                                           \
            d_init(&d);                                                                            \
            for (int fi = 0; fi < 2; fi++)                                                         \
                for (int i = 0; i < NVALS; i++)                                                    \
                    for (int j = 0; j < NVALS; j++) {                                              \
                        T hi;                                                                      \
                        T lo = ms[k].f((T)vals[i], (T)vals[j], fins[fi], &fo, &hi);                \
                        d_u64(&d, lo);                                                             \
                        d_u64(&d, hi);                                                             \
                        d_u64(&d, fo & (CF | OF));                                                 \
                    }                                                                              \
            snprintf(name, sizeof name, "%s%d", ms[k].n, BITS);                                    \
            d_print(name, &d);                                                                     \
        }                                                                                          \
        /* DIV/IDIV on dividends whose quotient fits (the faulting cases are in proc.c). */        \
        digest dd, di;                                                                             \
        d_init(&dd);                                                                               \
        d_init(&di);                                                                               \
        for (int i = 0; i < NVALS; i++)                                                            \
            for (int j = 0; j < NVALS; j++)                                                        \
                for (int h = 0; h < 3; h++) {                                                      \
                    T dv = (T)vals[j], lo = (T)vals[i], rem;                                       \
                    if (dv == 0)                                                                   \
                        continue;                                                                  \
                    T hi = h == 0 ? 0 : (T)(vals[(i + h) % NVALS] % dv);                           \
                    T q = div_##s(lo, hi, dv, &rem);                                               \
                    d_u64(&dd, q);                                                                 \
                    d_u64(&dd, rem);                                                               \
                    /* signed: sign-extend lo into hi, or pick a small hi; check the quotient fits */ \
                    ST sl = (ST)lo, sd = (ST)dv;                                                   \
                    if (h == 0) {                                                                  \
                        if (sd == -1 && sl == (ST)((T)1 << (BITS - 1)))                            \
                            continue;                                                              \
                        T shi = sl < 0 ? (T)~(T)0 : 0;                                             \
                        T sq = idiv_##s(lo, shi, dv, &rem);                                        \
                        d_u64(&di, sq);                                                            \
                        d_u64(&di, rem);                                                           \
                    }                                                                              \
                }                                                                                  \
        snprintf(name, sizeof name, "div%d", BITS);                                                \
        d_print(name, &dd);                                                                        \
        snprintf(name, sizeof name, "idiv%d", BITS);                                               \
        d_print(name, &di);                                                                        \
    }

RUN_WIDE(w, uint16_t, int16_t, 16)
RUN_WIDE(l, uint32_t, int32_t, 32)
RUN_WIDE(q, uint64_t, int64_t, 64)

static void run_byte_muldiv(void)
{
    digest d;
    uint64_t fo;
    static const struct {
        const char *n;
        uint16_t (*f)(uint16_t, uint8_t, uint64_t, uint64_t *);
    } ms[] = {{"mul8", mul_b8}, {"imul8", imul_b8}};
    for (int k = 0; k < 2; k++) {
        d_init(&d);
        for (int fi = 0; fi < 2; fi++)
            for (int i = 0; i < NVALS; i++)
                for (int j = 0; j < NVALS; j++) {
                    uint16_t r = ms[k].f((uint16_t)(0xab00 | (uint8_t)vals[i]), (uint8_t)vals[j], fins[fi], &fo);
                    d_u64(&d, r);
                    d_u64(&d, fo & (CF | OF));
                }
        d_print(ms[k].n, &d);
    }
    digest dd, di;
    d_init(&dd);
    d_init(&di);
    for (int i = 0; i < NVALS; i++)
        for (int j = 0; j < NVALS; j++) {
            uint8_t dv = (uint8_t)vals[j];
            if (dv == 0)
                continue;
            uint16_t ax = (uint16_t)((((uint8_t)vals[(i + 7) % NVALS] % dv) << 8) | (uint8_t)vals[i]);
            d_u64(&dd, div_b8(ax, dv, 0x202, &fo));
            int8_t sl = (int8_t)vals[i], sd = (int8_t)dv;
            if (sd == -1 && sl == -128)
                continue;
            d_u64(&di, idiv_b8((uint16_t)(int16_t)sl, dv, 0x202, &fo));
        }
    d_print("div8", &dd);
    d_print("idiv8", &di);
}

/* ---- conditions, sign/zero extension, partial registers ---- */

#define SETCC(cc)                                                                                  \
    static uint8_t set_##cc(uint64_t a, uint64_t b)                                                \
    {                                                                                              \
        uint8_t r;                                                                                 \
        __asm__("cmp %[b], %[a]\n\tset" #cc " %[r]" : [r] "=q"(r) : [a] "r"(a), [b] "r"(b) : "cc"); \
        return r;                                                                                  \
    }                                                                                              \
    static uint64_t cmov_##cc(uint64_t a, uint64_t b, uint64_t x, uint64_t y)                      \
    {                                                                                              \
        /* 32-bit CMOV writes (and so zero-extends) the destination even when false */            \
        __asm__("cmp %k[b], %k[a]\n\tcmov" #cc " %k[x], %k[y]"                                     \
                : [y] "+r"(y)                                                              \
                : [a] "r"(a), [b] "r"(b), [x] "r"(x)                                               \
                : "cc");                                                                           \
        return y;                                                                                  \
    }
SETCC(o) SETCC(no) SETCC(b) SETCC(ae) SETCC(e) SETCC(ne) SETCC(be) SETCC(a)
SETCC(s) SETCC(ns) SETCC(p) SETCC(np) SETCC(l) SETCC(ge) SETCC(le) SETCC(g)

static void run_conditions(void)
{
    digest d, dc;
    d_init(&d);
    d_init(&dc);
    uint8_t (*const set[16])(uint64_t, uint64_t) = {set_o, set_no, set_b, set_ae, set_e, set_ne, set_be, set_a,
                                                    set_s, set_ns, set_p, set_np, set_l, set_ge, set_le, set_g};
    uint64_t (*const cmov[16])(uint64_t, uint64_t, uint64_t, uint64_t) = {
        cmov_o, cmov_no, cmov_b, cmov_ae, cmov_e, cmov_ne, cmov_be, cmov_a,
        cmov_s, cmov_ns, cmov_p, cmov_np, cmov_l, cmov_ge, cmov_le, cmov_g};
    for (int c = 0; c < 16; c++)
        for (int i = 0; i < NVALS; i++)
            for (int j = 0; j < NVALS; j++) {
                d_u64(&d, set[c](vals[i], vals[j]));
                d_u64(&dc, cmov[c](vals[i], vals[j], 0x1111111122222222ULL, 0xffffffff33333333ULL));
            }
    d_print("setcc", &d);
    d_print("cmov32", &dc);

    digest e;
    d_init(&e);
    for (int i = 0; i < NVALS; i++) {
        uint64_t v = vals[i];
        d_u64(&e, (uint64_t)(int64_t)(int8_t)v);
        d_u64(&e, (uint64_t)(int64_t)(int16_t)v);
        d_u64(&e, (uint64_t)(int64_t)(int32_t)v);
        d_u64(&e, (uint64_t)(uint8_t)v);
        d_u64(&e, (uint64_t)(uint16_t)v);
        d_u64(&e, (uint64_t)(uint32_t)v);
        d_u64(&e, __builtin_bswap16((uint16_t)v));
        d_u64(&e, __builtin_bswap32((uint32_t)v));
        d_u64(&e, __builtin_bswap64(v));
        uint64_t r;
        /* 32-bit writes clear bits 63..32, 8/16-bit writes keep them */
        r = v;
        __asm__("addl $1, %k0" : "+r"(r) : : "cc");
        d_u64(&e, r);
        r = v;
        __asm__("addw $1, %w0" : "+r"(r) : : "cc");
        d_u64(&e, r);
        r = v;
        __asm__("addb $1, %b0" : "+q"(r) : : "cc");
        d_u64(&e, r);
        r = v;
        __asm__("xchgb %%ah, %%al\n\taddb %%al, %%ah" : "+a"(r) : : "cc");
        d_u64(&e, r);
        r = v;
        __asm__("movl %k0, %k0" : "+r"(r));
        d_u64(&e, r);
        r = v;
        __asm__("bswapl %k0" : "+r"(r));
        d_u64(&e, r);
        int64_t q;
        __asm__("cqto" : "=d"(q) : "a"(v));
        d_u64(&e, (uint64_t)q);
        __asm__("cltq" : "=a"(q) : "a"(v));
        d_u64(&e, (uint64_t)q);
        __asm__("cwtl" : "=a"(q) : "a"(v));
        d_u64(&e, (uint64_t)q);
    }
    d_print("extend/partial", &e);
}

/* ---- the same ground from C ---- */

#define OVF(T, name)                                                                               \
    static void ovf_##name(void)                                                                   \
    {                                                                                              \
        digest d;                                                                                  \
        d_init(&d);                                                                                \
        for (int i = 0; i < NVALS; i++)                                                            \
            for (int j = 0; j < NVALS; j++) {                                                      \
                T a = (T)vals[i], b = (T)vals[j], r;                                               \
                d_u64(&d, __builtin_add_overflow(a, b, &r));                                       \
                d_u64(&d, (uint64_t)r);                                                            \
                d_u64(&d, __builtin_sub_overflow(a, b, &r));                                       \
                d_u64(&d, (uint64_t)r);                                                            \
                d_u64(&d, __builtin_mul_overflow(a, b, &r));                                       \
                d_u64(&d, (uint64_t)r);                                                            \
            }                                                                                      \
        d_print("overflow_" #name, &d);                                                            \
    }
OVF(int8_t, s8)
OVF(uint8_t, u8)
OVF(int16_t, s16)
OVF(uint16_t, u16)
OVF(int32_t, s32)
OVF(uint32_t, u32)
OVF(int64_t, s64)
OVF(uint64_t, u64)

static void c_division(void)
{
    static const int64_t n[] = {7, -7, 8, -8, 1, -1, 0, INT64_MAX, INT64_MIN, 1000000007, -999999999999LL};
    static const int64_t dv[] = {2, -2, 3, -3, 1, 7, -7, INT64_MAX, 1000};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 4; j++)
            printf("%" PRId64 " / %" PRId64 " = %" PRId64 " rem %" PRId64 "\n", n[i], dv[j], n[i] / dv[j], n[i] % dv[j]);
    digest d;
    d_init(&d);
    for (size_t i = 0; i < sizeof n / sizeof n[0]; i++)
        for (size_t j = 0; j < sizeof dv / sizeof dv[0]; j++) {
            d_u64(&d, (uint64_t)(n[i] / dv[j]));
            d_u64(&d, (uint64_t)(n[i] % dv[j]));
            d_u64(&d, (uint64_t)(int32_t)((int32_t)n[i] / (int32_t)dv[j]));
            d_u64(&d, (uint64_t)(int32_t)((int32_t)n[i] % (int32_t)dv[j]));
            d_u64(&d, (uint64_t)(int16_t)((int16_t)n[i] / (int16_t)(dv[j] | 1)));
        }
    for (int i = 0; i < NVALS; i++)
        for (int j = 0; j < NVALS; j++) {
            int64_t a = (int64_t)vals[i], b = (int64_t)vals[j];
            if (b == 0 || (b == -1 && a == INT64_MIN))
                continue;
            d_u64(&d, (uint64_t)(a / b));
            d_u64(&d, (uint64_t)(a % b));
            d_u64(&d, vals[i] / vals[j]);
            d_u64(&d, vals[i] % vals[j]);
            d_u64(&d, (uint64_t)(a >> (j & 63))); /* arithmetic shift */
        }
    d_print("c_division", &d);
}

static void c_int128(void)
{
    digest d;
    d_init(&d);
    for (int i = 0; i < NVALS; i++)
        for (int j = 0; j < NVALS; j++) {
            unsigned __int128 p = (unsigned __int128)vals[i] * vals[j];
            __int128 sp = (__int128)(int64_t)vals[i] * (int64_t)vals[j];
            d_u64(&d, (uint64_t)p);
            d_u64(&d, (uint64_t)(p >> 64));
            d_u64(&d, (uint64_t)sp);
            d_u64(&d, (uint64_t)(sp >> 64));
            unsigned __int128 num = ((unsigned __int128)vals[j] << 64) | vals[(i + j) % NVALS];
            unsigned __int128 den = ((unsigned __int128)(vals[i] >> 17) << 32) | (vals[j] | 1);
            d_u64(&d, (uint64_t)(num / den));
            d_u64(&d, (uint64_t)(num % den));
        }
    d_print("int128", &d);
}

static void c_bits(void)
{
    digest d;
    d_init(&d);
    for (int i = 0; i < NVALS; i++) {
        uint64_t v = vals[i];
        d_u64(&d, (uint64_t)__builtin_popcountll(v));
        d_u64(&d, (uint64_t)__builtin_parityll(v));
        d_u64(&d, (uint64_t)__builtin_ffsll((long long)v));
        d_u64(&d, (uint64_t)__builtin_clrsbll((long long)v));
        if (v) {
            d_u64(&d, (uint64_t)__builtin_clzll(v));
            d_u64(&d, (uint64_t)__builtin_ctzll(v));
        }
        if ((uint32_t)v) {
            d_u64(&d, (uint64_t)__builtin_clz((uint32_t)v));
            d_u64(&d, (uint64_t)__builtin_ctz((uint32_t)v));
        }
        for (int r = 0; r < 64; r += 7) {
            d_u64(&d, (v << r) | (v >> ((64 - r) & 63)));
            uint32_t w = (uint32_t)v;
            d_u64(&d, (w >> (r & 31)) | (w << ((32 - r) & 31)));
        }
    }
    d_print("bits", &d);
    printf("popcount(0xf0f0) = %d, clz(1) = %d, ctz(0x80) = %d, ffs(0) = %d\n", __builtin_popcount(0xf0f0),
           __builtin_clz(1), __builtin_ctz(0x80), __builtin_ffs(0));
}

/* 256-bit addition and subtraction through ADC/SBB chains. */
static void carry_chains(void)
{
    digest d;
    d_init(&d);
    for (int i = 0; i < NVALS; i++)
        for (int j = 0; j < NVALS; j++) {
            uint64_t a[4] = {vals[i], vals[j], vals[(i + 1) % NVALS], vals[(j + 3) % NVALS]};
            uint64_t b[4] = {vals[j], vals[i], ~vals[(i + 2) % NVALS], vals[(i + j) % NVALS]};
            uint64_t s[4], t[4];
            uint8_t carry, borrow;
            __asm__ volatile("mov 0(%[a]), %%rax\n\tadd 0(%[b]), %%rax\n\tmov %%rax, 0(%[s])\n\t"
                    "mov 8(%[a]), %%rax\n\tadc 8(%[b]), %%rax\n\tmov %%rax, 8(%[s])\n\t"
                    "mov 16(%[a]), %%rax\n\tadc 16(%[b]), %%rax\n\tmov %%rax, 16(%[s])\n\t"
                    "mov 24(%[a]), %%rax\n\tadc 24(%[b]), %%rax\n\tmov %%rax, 24(%[s])\n\t"
                    "setc %[c]"
                    : [c] "=q"(carry)
                    : [a] "r"(a), [b] "r"(b), [s] "r"(s)
                    : "rax", "cc", "memory");
            __asm__ volatile("mov 0(%[a]), %%rax\n\tsub 0(%[b]), %%rax\n\tmov %%rax, 0(%[s])\n\t"
                    "mov 8(%[a]), %%rax\n\tsbb 8(%[b]), %%rax\n\tmov %%rax, 8(%[s])\n\t"
                    "mov 16(%[a]), %%rax\n\tsbb 16(%[b]), %%rax\n\tmov %%rax, 16(%[s])\n\t"
                    "mov 24(%[a]), %%rax\n\tsbb 24(%[b]), %%rax\n\tmov %%rax, 24(%[s])\n\t"
                    "setc %[c]"
                    : [c] "=q"(borrow)
                    : [a] "r"(a), [b] "r"(b), [s] "r"(t)
                    : "rax", "cc", "memory");
            for (int k = 0; k < 4; k++) {
                d_u64(&d, s[k]);
                d_u64(&d, t[k]);
            }
            d_u64(&d, carry);
            d_u64(&d, borrow);
            /* the same with the compiler's add-with-carry intrinsic */
            unsigned long long u[4];
            unsigned char c = 0;
            for (int k = 0; k < 4; k++)
                c = __builtin_ia32_addcarryx_u64(c, a[k], b[k], &u[k]);
            for (int k = 0; k < 4; k++)
                d_u64(&d, u[k] ^ s[k]);
            d_u64(&d, c ^ carry);
        }
    d_print("carry_chain256", &d);
    uint64_t ones[4] = {~0ULL, ~0ULL, ~0ULL, ~0ULL}, one[4] = {1, 0, 0, 0}, sum[4];
    uint8_t carry;
    __asm__ volatile("mov 0(%[a]), %%rax\n\tadd 0(%[b]), %%rax\n\tmov %%rax, 0(%[s])\n\t"
            "mov 8(%[a]), %%rax\n\tadc 8(%[b]), %%rax\n\tmov %%rax, 8(%[s])\n\t"
            "mov 16(%[a]), %%rax\n\tadc 16(%[b]), %%rax\n\tmov %%rax, 16(%[s])\n\t"
            "mov 24(%[a]), %%rax\n\tadc 24(%[b]), %%rax\n\tmov %%rax, 24(%[s])\n\t"
            "setc %[c]"
            : [c] "=q"(carry)
            : [a] "r"(ones), [b] "r"(one), [s] "r"(sum)
            : "rax", "cc", "memory");
    printf("(2^256-1)+1 = %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64 " carry %u\n", sum[3], sum[2], sum[1], sum[0],
           carry);
}

int main(void)
{
    make_values();
    printf("sample: add8 0x7f+1 flags=%03" PRIx64 "\n", ({
               uint64_t f;
               add_b(0x7f, 1, 0x202, &f);
               f & ALLF;
           }));
    run_common_b();
    run_common_w();
    run_common_l();
    run_common_q();
    run_wide_w();
    run_wide_l();
    run_wide_q();
    run_byte_muldiv();
    run_conditions();
    ovf_s8();
    ovf_u8();
    ovf_s16();
    ovf_u16();
    ovf_s32();
    ovf_u32();
    ovf_s64();
    ovf_u64();
    c_division();
    c_int128();
    c_bits();
    carry_chains();
    return finish();
}
