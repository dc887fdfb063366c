/*
 * Host-CPU oracle for jemu's integer semantics (org.jemu.cpu.exec.Alu/Shift/MulDiv/Bits).
 * Built by IntOracleTest with gcc at test time (-O1 -mno-red-zone: the asm pushes and pops RFLAGS).
 * Runs each instruction natively on edge and seeded random inputs and prints one line per case:
 *
 *   op size flagsIn in1 in2 in3 : out1 out2 flagsOut        (all hex; unused fields are 0)
 *
 * flagsOut is the full RFLAGS after the instruction; the Java side masks it to the defined flags.
 * A divide that faults prints "DE" for out1 and out2.  Usage: int_oracle [seed [randomCount]]
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t u64;

static u64 rng_state;
static u64 rnd(void) { /* splitmix64 */
    u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

#define ARITH 0x8d5ULL
#define FIN "push %[f]\n\tpopfq\n\t"
#define FOUT "\n\tpushfq\n\tpop %[f]"

static u64 mask(int size) { return size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1; }

/* ---- instruction wrappers, one per size ---- */

#define BIN(name, insn)                                                                           \
    static u64 name(int size, u64 a, u64 b, u64 *f) {                                            \
        switch (size) {                                                                           \
        case 1: { uint8_t x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        case 2: { uint16_t x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        case 4: { uint32_t x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        default: { u64 x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        }                                                                                         \
    }
BIN(op_add, "add") BIN(op_adc, "adc") BIN(op_sub, "sub") BIN(op_sbb, "sbb") BIN(op_and, "and")
BIN(op_or, "or") BIN(op_xor, "xor") BIN(op_cmp, "cmp") BIN(op_test, "test")
/* Forms without an 8-bit encoding: */
#define BINW(name, insn)                                                                           \
    static u64 name(int size, u64 a, u64 b, u64 *f) {                                            \
        switch (size) {                                                                           \
        case 2: { uint16_t x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        case 4: { uint32_t x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        default: { u64 x = a, y = b; asm volatile(FIN insn " %[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y) : "cc"); return x; } \
        }                                                                                         \
    }
BINW(op_imul2, "imul") BINW(op_bt, "bt") BINW(op_bts, "bts") BINW(op_btr, "btr") BINW(op_btc, "btc")
BINW(op_bsf, "bsf") BINW(op_bsr, "bsr") BINW(op_tzcnt, "tzcnt") BINW(op_lzcnt, "lzcnt") BINW(op_popcnt, "popcnt")

#define UN(name, insn)                                                                            \
    static u64 name(int size, u64 a, u64 b, u64 *f) {                                            \
        (void)b;                                                                                  \
        switch (size) {                                                                           \
        case 1: { uint8_t x = a; asm volatile(FIN insn " %[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : : "cc"); return x; } \
        case 2: { uint16_t x = a; asm volatile(FIN insn " %[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : : "cc"); return x; } \
        case 4: { uint32_t x = a; asm volatile(FIN insn " %[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : : "cc"); return x; } \
        default: { u64 x = a; asm volatile(FIN insn " %[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : : "cc"); return x; } \
        }                                                                                         \
    }
UN(op_inc, "inc") UN(op_dec, "dec") UN(op_neg, "neg") UN(op_not, "not")
static u64 op_bswap(int size, u64 a, u64 b, u64 *f) {
    (void)b; (void)f;
    if (size == 4) { uint32_t x = a; asm("bswap %0" : "+r"(x)); return x; }
    asm("bswap %0" : "+r"(a));
    return a;
}

#define SH(name, insn)                                                                            \
    static u64 name(int size, u64 a, u64 b, u64 *f) {                                            \
        uint8_t c = b;                                                                            \
        switch (size) {                                                                           \
        case 1: { uint8_t x = a; asm volatile(FIN insn " %%cl,%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : "c"(c) : "cc"); return x; } \
        case 2: { uint16_t x = a; asm volatile(FIN insn " %%cl,%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : "c"(c) : "cc"); return x; } \
        case 4: { uint32_t x = a; asm volatile(FIN insn " %%cl,%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : "c"(c) : "cc"); return x; } \
        default: { u64 x = a; asm volatile(FIN insn " %%cl,%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : "c"(c) : "cc"); return x; } \
        }                                                                                         \
    }
SH(op_shl, "shl") SH(op_shr, "shr") SH(op_sar, "sar") SH(op_rol, "rol") SH(op_ror, "ror")
SH(op_rcl, "rcl") SH(op_rcr, "rcr")

#define SHD(name, insn)                                                                           \
    static u64 name(int size, u64 a, u64 b, u64 cnt, u64 *f) {                                   \
        uint8_t c = cnt;                                                                          \
        switch (size) {                                                                           \
        case 2: { uint16_t x = a, y = b; asm volatile(FIN insn " %%cl,%[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y), "c"(c) : "cc"); return x; } \
        case 4: { uint32_t x = a, y = b; asm volatile(FIN insn " %%cl,%[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y), "c"(c) : "cc"); return x; } \
        default: { u64 x = a, y = b; asm volatile(FIN insn " %%cl,%[y],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [y] "r"(y), "c"(c) : "cc"); return x; } \
        }                                                                                         \
    }
SHD(op_shld, "shld") SHD(op_shrd, "shrd")

/* CRC32 (SSE4.2) r32/r64 <- r/m8..64: a is the full 64-bit destination before, b the source. */
static u64 op_crc32(int size, u64 a, u64 b, u64 *f) {
    u64 d = a;
    switch (size) {
    case 1: { uint8_t s = b; asm volatile(FIN "crc32b %[s],%k[d]" FOUT : [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); break; }
    case 2: { uint16_t s = b; asm volatile(FIN "crc32w %[s],%k[d]" FOUT : [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); break; }
    case 4: { uint32_t s = b; asm volatile(FIN "crc32l %[s],%k[d]" FOUT : [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); break; }
    default: asm volatile(FIN "crc32q %[s],%q[d]" FOUT : [d] "+r"(d), [f] "+r"(*f) : [s] "r"(b) : "cc");
    }
    return d;
}

/* MOVBE r, m (0F 38 F0): a byte-swapping load (b is the memory operand). */
static u64 op_movbe(int size, u64 a, u64 b, u64 *f) {
    switch (size) {
    case 2: { uint16_t x = a, m = b; asm volatile(FIN "movbe %[m],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [m] "m"(m) : "cc"); return x; }
    case 4: { uint32_t x = a, m = b; asm volatile(FIN "movbe %[m],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [m] "m"(m) : "cc"); return x; }
    default: { u64 x = a, m = b; asm volatile(FIN "movbe %[m],%[x]" FOUT : [x] "+r"(x), [f] "+r"(*f) : [m] "m"(m) : "cc"); return x; }
    }
}

/* XADD: returns the sum, *b gets the old destination.  CMPXCHG: acc, dest, src. */
static u64 op_xadd(int size, u64 a, u64 *b, u64 *f) {
    switch (size) {
    case 1: { uint8_t x = a, y = *b; asm volatile(FIN "xadd %[y],%[x]" FOUT : [x] "+r"(x), [y] "+r"(y), [f] "+r"(*f) : : "cc"); *b = y; return x; }
    case 2: { uint16_t x = a, y = *b; asm volatile(FIN "xadd %[y],%[x]" FOUT : [x] "+r"(x), [y] "+r"(y), [f] "+r"(*f) : : "cc"); *b = y; return x; }
    case 4: { uint32_t x = a, y = *b; asm volatile(FIN "xadd %[y],%[x]" FOUT : [x] "+r"(x), [y] "+r"(y), [f] "+r"(*f) : : "cc"); *b = y; return x; }
    default: { u64 x = a, y = *b; asm volatile(FIN "xadd %[y],%[x]" FOUT : [x] "+r"(x), [y] "+r"(y), [f] "+r"(*f) : : "cc"); *b = y; return x; }
    }
}
static u64 op_cmpxchg(int size, u64 *acc, u64 dest, u64 src, u64 *f) {
    switch (size) {
    case 1: { uint8_t a = *acc, d = dest, s = src; asm volatile(FIN "cmpxchg %[s],%[d]" FOUT : "+a"(a), [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); *acc = a; return d; }
    case 2: { uint16_t a = *acc, d = dest, s = src; asm volatile(FIN "cmpxchg %[s],%[d]" FOUT : "+a"(a), [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); *acc = a; return d; }
    case 4: { uint32_t a = *acc, d = dest, s = src; asm volatile(FIN "cmpxchg %[s],%[d]" FOUT : "+a"(a), [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); *acc = a; return d; }
    default: { u64 a = *acc, d = dest, s = src; asm volatile(FIN "cmpxchg %[s],%[d]" FOUT : "+a"(a), [d] "+r"(d), [f] "+r"(*f) : [s] "r"(s) : "cc"); *acc = a; return d; }
    }
}

/* One-operand MUL/IMUL/DIV/IDIV on full 64-bit RAX/RDX (shows the register write rules). */
#define MD(name, insn)                                                                            \
    static void name(int size, u64 *rax, u64 *rdx, u64 src, u64 *f) {                            \
        u64 a = *rax, d = *rdx;                                                                   \
        switch (size) {                                                                           \
        case 1: { uint8_t s = src; asm volatile(FIN insn " %[s]" FOUT : "+a"(a), "+d"(d), [f] "+r"(*f) : [s] "c"(s) : "cc"); break; } \
        case 2: { uint16_t s = src; asm volatile(FIN insn " %[s]" FOUT : "+a"(a), "+d"(d), [f] "+r"(*f) : [s] "c"(s) : "cc"); break; } \
        case 4: { uint32_t s = src; asm volatile(FIN insn " %[s]" FOUT : "+a"(a), "+d"(d), [f] "+r"(*f) : [s] "c"(s) : "cc"); break; } \
        default: { u64 s = src; asm volatile(FIN insn " %[s]" FOUT : "+a"(a), "+d"(d), [f] "+r"(*f) : [s] "c"(s) : "cc"); break; } \
        }                                                                                         \
        *rax = a; *rdx = d;                                                                       \
    }
MD(op_mul1, "mul") MD(op_imul1, "imul") MD(op_div1, "div") MD(op_idiv1, "idiv")

/* ---- inputs ---- */

static const u64 EDGES[] = {
    0, 1, 2, 3, 0xf, 0x10, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x100, 0x7fff, 0x8000, 0x8001, 0xffff,
    0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0x100000000ULL, 0x7fffffffffffffffULL,
    0x8000000000000000ULL, 0x8000000000000001ULL, 0xfffffffffffffffeULL, 0xffffffffffffffffULL,
    0x5555555555555555ULL, 0xaaaaaaaaaaaaaaaaULL,
};
#define NEDGES (sizeof EDGES / sizeof EDGES[0])
static const int COUNTS[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 255};
#define NCOUNTS (sizeof COUNTS / sizeof COUNTS[0])

static u64 vals[64];
static int nvals;

/* Edge values for a size: each edge masked, also sign boundaries of this width, deduplicated. */
static void edges_for(int size) {
    u64 m = mask(size), sb = 1ULL << (size * 8 - 1);
    u64 extra[] = {sb - 1, sb, sb + 1, m - 1, m};
    nvals = 0;
    for (unsigned i = 0; i < NEDGES + 5; i++) {
        u64 v = (i < NEDGES ? EDGES[i] : extra[i - NEDGES]) & m;
        int dup = 0;
        for (int j = 0; j < nvals; j++) dup |= vals[j] == v;
        if (!dup) vals[nvals++] = v;
    }
}

/* A random value, biased: full random, small, near a sign boundary, or few bits. */
static u64 rval(int size) {
    u64 r = rnd(), m = mask(size);
    switch (rnd() & 3) {
    case 0: return r & m;
    case 1: return (r & 0x3f) & m;
    case 2: return ((1ULL << (size * 8 - 1)) + (r & 0xff) - 0x80) & m;
    default: return (r & rnd() & rnd()) & m;
    }
}

static u64 rflags(int cf) { return 0x202 | (rnd() & ARITH & ~1ULL) | (cf ? 1 : 0); }

static int has(const char *list, int size) { return strchr(list, '0' + size) != NULL; }

static void print(const char *op, int size, u64 fin, u64 i1, u64 i2, u64 i3, u64 o1, u64 o2, u64 fout) {
    printf("%s %d %llx %llx %llx %llx : %llx %llx %llx\n", op, size, (unsigned long long)fin,
           (unsigned long long)i1, (unsigned long long)i2, (unsigned long long)i3,
           (unsigned long long)o1, (unsigned long long)o2, (unsigned long long)fout);
}

typedef u64 (*binfn)(int, u64, u64, u64 *);
static const struct { const char *name; binfn fn; const char *sizes; } BINS[] = {
    {"add", op_add, "1248"}, {"adc", op_adc, "1248"}, {"sub", op_sub, "1248"},
    {"sbb", op_sbb, "1248"}, {"and", op_and, "1248"}, {"or", op_or, "1248"},
    {"xor", op_xor, "1248"}, {"cmp", op_cmp, "1248"}, {"test", op_test, "1248"},
    {"imul2", op_imul2, "248"}, {"bt", op_bt, "248"}, {"bts", op_bts, "248"},
    {"btr", op_btr, "248"}, {"btc", op_btc, "248"}, {"crc32", op_crc32, "1248"},
};
/* Unary forms: in1 is the destination's old value (BSF/BSR keep it for a zero source), in2 the source. */
static const struct { const char *name; binfn fn; const char *sizes; } SRCS[] = {
    {"bsf", op_bsf, "248"}, {"bsr", op_bsr, "248"}, {"tzcnt", op_tzcnt, "248"},
    {"lzcnt", op_lzcnt, "248"}, {"popcnt", op_popcnt, "248"}, {"movbe", op_movbe, "248"},
};
static const struct { const char *name; binfn fn; const char *sizes; } UNS[] = {
    {"inc", op_inc, "1248"}, {"dec", op_dec, "1248"}, {"neg", op_neg, "1248"},
    {"not", op_not, "1248"}, {"bswap", op_bswap, "48"},
};
static const struct { const char *name; binfn fn; } SHS[] = {
    {"shl", op_shl}, {"shr", op_shr}, {"sar", op_sar}, {"rol", op_rol}, {"ror", op_ror},
    {"rcl", op_rcl}, {"rcr", op_rcr},
};
typedef void (*mdfn)(int, u64 *, u64 *, u64, u64 *);
static const struct { const char *name; mdfn fn; } MDS[] = {
    {"mul1", op_mul1}, {"imul1", op_imul1}, {"div1", op_div1}, {"idiv1", op_idiv1},
};

static sigjmp_buf fpe_jump;
static void on_fpe(int sig) { (void)sig; siglongjmp(fpe_jump, 1); }

int main(int argc, char **argv) {
    rng_state = argc > 1 ? strtoull(argv[1], 0, 0) : 1;
    int nrand = argc > 2 ? atoi(argv[2]) : 300;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fpe;
    sigaction(SIGFPE, &sa, 0);
    static const int SIZES[] = {1, 2, 4, 8};

    for (int si = 0; si < 4; si++) {
        int size = SIZES[si];
        edges_for(size);
        u64 f, a, b;
        for (unsigned k = 0; k < sizeof BINS / sizeof BINS[0]; k++) {
            if (!has(BINS[k].sizes, size)) continue;
            for (int i = 0; i < nvals * nvals + nrand; i++) {
                a = i < nvals * nvals ? vals[i / nvals] : rval(size);
                b = i < nvals * nvals ? vals[i % nvals] : rval(size);
                for (int cf = 0; cf < 2; cf++) {
                    u64 fin = rflags(cf);
                    f = fin;
                    u64 r = BINS[k].fn(size, a, b, &f);
                    print(BINS[k].name, size, fin, a, b, 0, r, 0, f);
                }
            }
        }
        for (unsigned k = 0; k < sizeof SRCS / sizeof SRCS[0]; k++) {
            if (!has(SRCS[k].sizes, size)) continue;
            for (int i = 0; i < nvals + nrand; i++) {
                a = rval(size);
                b = i < nvals ? vals[i] : rval(size);
                u64 fin = rflags(i & 1);
                f = fin;
                u64 r = SRCS[k].fn(size, a, b, &f);
                print(SRCS[k].name, size, fin, a, b, 0, r, 0, f);
            }
        }
        for (unsigned k = 0; k < sizeof UNS / sizeof UNS[0]; k++) {
            if (!has(UNS[k].sizes, size)) continue;
            for (int i = 0; i < nvals + nrand; i++) {
                a = i < nvals ? vals[i] : rval(size);
                for (int cf = 0; cf < 2; cf++) {
                    u64 fin = rflags(cf);
                    f = fin;
                    u64 r = UNS[k].fn(size, a, 0, &f);
                    print(UNS[k].name, size, fin, a, 0, 0, r, 0, f);
                }
            }
        }
        for (unsigned k = 0; k < sizeof SHS / sizeof SHS[0]; k++) {
            for (int i = 0; i < (int)(nvals * NCOUNTS) + nrand; i++) {
                a = i < (int)(nvals * NCOUNTS) ? vals[i / NCOUNTS] : rval(size);
                b = i < (int)(nvals * NCOUNTS) ? (u64)COUNTS[i % NCOUNTS] : rnd() & 0xff;
                for (int cf = 0; cf < 2; cf++) {
                    u64 fin = rflags(cf);
                    f = fin;
                    u64 r = SHS[k].fn(size, a, b, &f);
                    print(SHS[k].name, size, fin, a, b, 0, r, 0, f);
                }
            }
        }
        if (size != 1) {
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < (int)NCOUNTS * 8 + nrand; i++) {
                    a = rval(size);
                    b = rval(size);
                    u64 c = i < (int)NCOUNTS * 8 ? (u64)COUNTS[i % NCOUNTS] : rnd() & 0xff;
                    u64 fin = rflags(i & 1);
                    f = fin;
                    u64 r = k == 0 ? op_shld(size, a, b, c, &f) : op_shrd(size, a, b, c, &f);
                    print(k == 0 ? "shld" : "shrd", size, fin, a, b, c, r, 0, f);
                }
            }
        }
        for (int i = 0; i < nvals * nvals + nrand; i++) {
            a = i < nvals * nvals ? vals[i / nvals] : rval(size);
            b = i < nvals * nvals ? vals[i % nvals] : rval(size);
            u64 src = rval(size);
            u64 fin = rflags(i & 1);
            if (i & 2) src = a; /* make the compare succeed half the time */
            f = fin;
            u64 acc = a;
            u64 d = op_cmpxchg(size, &acc, b, src, &f);
            print("cmpxchg", size, fin, a, b, src, acc, d, f);
            f = fin;
            u64 old = b;
            u64 sum = op_xadd(size, a, &old, &f);
            print("xadd", size, fin, a, b, 0, sum, old, f);
        }
        for (unsigned k = 0; k < sizeof MDS / sizeof MDS[0]; k++) {
            for (int i = 0; i < nvals * nvals + 2 * nrand; i++) {
                /* Full 64-bit RAX/RDX with random upper bits, to show the write rules. */
                volatile u64 rax = (i < nvals * nvals ? vals[i / nvals] : rval(size)) | (rnd() & ~mask(size));
                volatile u64 rdx = rnd();
                if (k >= 2 && (i & 1)) { /* divides: a high half that mostly does not fault */
                    u64 lo = rax & mask(size);
                    u64 hi = k == 3 ? (((lo >> (size * 8 - 1)) & 1) ? mask(size) : 0) : (rnd() & 1);
                    if (size == 1) rax = (rax & ~0xffffULL) | ((hi & 0xff) << 8) | lo;
                    else rdx = (rdx & ~mask(size)) | hi;
                }
                volatile u64 src = i < nvals * nvals ? vals[i % nvals] : rval(size);
                volatile u64 fin = rflags(i & 1);
                u64 ra = rax, rd = rdx;
                f = fin;
                if (sigsetjmp(fpe_jump, 1) == 0) {
                    MDS[k].fn(size, &ra, &rd, src, &f);
                    print(MDS[k].name, size, fin, rax, rdx, src, ra, rd, f);
                } else {
                    printf("%s %d %llx %llx %llx %llx : DE DE 0\n", MDS[k].name, size,
                           (unsigned long long)fin, (unsigned long long)rax, (unsigned long long)rdx,
                           (unsigned long long)src);
                }
            }
        }
    }
    return 0;
}
