/* Integer arithmetic at every width over edge values; prints checksums of the results. */
#include <stdint.h>
#include <stdio.h>

static const uint64_t vals[] = {
    0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000ULL,
    0xffffffffULL, 0x100000000ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xffffffffffffffffULL,
    0xfffffffffffffffeULL, 0x123456789abcdef0ULL, 0xdeadbeefcafebabeULL, 0x5555555555555555ULL,
    0xaaaaaaaaaaaaaaaaULL, 0x0123456789abcdefULL, 0xfedcba9876543210ULL, 1000000007, 0x8000000080000000ULL,
};
#define N (sizeof vals / sizeof vals[0])

static uint64_t h = 0xcbf29ce484222325ULL;
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; }

#define OPS(T, tag) do { \
    uint64_t s = h; h = 0xcbf29ce484222325ULL; \
    for (unsigned i = 0; i < N; i++) for (unsigned j = 0; j < N; j++) { \
        T a = (T) vals[i], b = (T) vals[j]; \
        mix((uint64_t) (T) (a + b)); mix((uint64_t) (T) (a - b)); mix((uint64_t) (T) (a * b)); \
        mix((uint64_t) (T) (a & b)); mix((uint64_t) (T) (a | b)); mix((uint64_t) (T) (a ^ b)); \
        mix(a < b); mix(a == b); mix(a > b); \
        if (b != 0 && !((T) -1 < 0 && b == (T) -1)) { mix((uint64_t) (T) (a / b)); mix((uint64_t) (T) (a % b)); } \
        unsigned sh = (unsigned) b % (sizeof(T) * 8); \
        mix((uint64_t) (T) (a << sh)); mix((uint64_t) (T) (a >> sh)); \
        mix((uint64_t) (T) ~a); mix((uint64_t) (T) -a); \
    } \
    printf("%-8s %016llx\n", tag, (unsigned long long) h); h ^= s; \
} while (0)

static uint64_t rotl64(uint64_t x, unsigned r) { return (x << (r & 63)) | (x >> ((64 - r) & 63)); }
static uint32_t rotr32(uint32_t x, unsigned r) { return (x >> (r & 31)) | (x << ((32 - r) & 31)); }

int main(void) {
    OPS(uint8_t, "u8");
    OPS(int8_t, "i8");
    OPS(uint16_t, "u16");
    OPS(int16_t, "i16");
    OPS(uint32_t, "u32");
    OPS(int32_t, "i32");
    OPS(uint64_t, "u64");
    OPS(int64_t, "i64");

    h = 0xcbf29ce484222325ULL;
    for (unsigned i = 0; i < N; i++) {
        uint64_t a = vals[i];
        mix(__builtin_popcountll(a));
        mix(a ? (uint64_t) __builtin_clzll(a) : 99);
        mix(a ? (uint64_t) __builtin_ctzll(a) : 99);
        mix((uint32_t) a ? (uint64_t) __builtin_clz((uint32_t) a) : 99);
        mix(__builtin_bswap64(a));
        mix(__builtin_bswap32((uint32_t) a));
        mix(__builtin_bswap16((uint16_t) a));
        for (unsigned r = 0; r < 70; r += 7) { mix(rotl64(a, r)); mix(rotr32((uint32_t) a, r)); }
        for (unsigned j = 0; j < N; j++) {
            uint64_t b = vals[j];
            unsigned __int128 p = (unsigned __int128) a * b;
            mix((uint64_t) p); mix((uint64_t) (p >> 64));
            __int128 q = (__int128) (int64_t) a * (int64_t) b;
            mix((uint64_t) q); mix((uint64_t) (q >> 64));
            if (b) {
                unsigned __int128 n = ((unsigned __int128) a << 64) | b;
                mix((uint64_t) (n / b)); mix((uint64_t) (n % b));
            }
            uint64_t r;
            mix(__builtin_add_overflow(a, b, &r)); mix(r);
            mix(__builtin_sub_overflow((int64_t) a, (int64_t) b, (int64_t *) &r)); mix(r);
            mix(__builtin_mul_overflow((int32_t) a, (int32_t) b, (int32_t *) &r)); mix((uint32_t) r);
            mix((int64_t) a < (int64_t) b ? a : b);
            mix((int32_t) a >> (b & 31));
            mix((int16_t) a * (int16_t) b);
            mix((int8_t) a / ((int8_t) b ? (int8_t) b : 1));
        }
    }
    printf("bits     %016llx\n", (unsigned long long) h);

    /* A long loop of mixed ops: the interpreter's bread and butter. */
    uint32_t x = 12345, acc = 0;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        acc += (x % 1000) * (i & 7) - (x >> 3);
        if (x & 1) acc ^= x; else acc = (acc << 1) | (acc >> 31);
    }
    printf("loop     %08x\n", acc);
    return 0;
}
