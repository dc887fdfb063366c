/*
 * Shared helpers for the guest test programs.
 *
 * Every program prints only deterministic text: values, digests of many values, and yes/no
 * answers -- never addresses, pids, times or anything else that differs between runs or machines.
 * The same static binaries run natively (to produce expected.txt) and inside a guest; the output
 * must match byte for byte. stdout is line-buffered so output interleaves the same way whether it
 * goes to a file, a pipe or a console, and is flushed before every fork.
 */
#ifndef JEMU_GUEST_COMMON_H
#define JEMU_GUEST_COMMON_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((constructor)) static void common_line_buffered(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
}

/* A digest condenses many results into one printed line: FNV-1a (64-bit) over the values. */
typedef struct {
    uint64_t h;
    uint64_t n;
} digest;

static inline void d_init(digest *d)
{
    d->h = 0xcbf29ce484222325ULL;
    d->n = 0;
}

static inline void d_u64(digest *d, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        d->h ^= (v >> (8 * i)) & 0xff;
        d->h *= 0x100000001b3ULL;
    }
    d->n++;
}

static inline void d_bytes(digest *d, const void *p, size_t len)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++) {
        d->h ^= b[i];
        d->h *= 0x100000001b3ULL;
    }
    d->n++;
}

static inline void d_print(const char *name, const digest *d)
{
    printf("%-24s n=%-7" PRIu64 " digest=%016" PRIx64 "\n", name, d->n, d->h);
}

/* A small deterministic pseudo-random generator (xorshift64*), same sequence everywhere. */
static inline uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static int check_failures;

/* Prints "ok"/"FAIL" for a condition; a failure also makes the program exit non-zero. */
#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        int ok_ = (cond) != 0;                                                                     \
        printf("%-40s %s\n", (name), ok_ ? "ok" : "FAIL");                                         \
        if (!ok_)                                                                                  \
            check_failures++;                                                                      \
    } while (0)

static inline int finish(void)
{
    printf("failures: %d\n", check_failures);
    return check_failures ? 1 : 0;
}

#endif
