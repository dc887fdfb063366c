/*
 * String and memory routines across alignments: glibc's memcpy/memmove/memset/strlen/strcmp/...
 * (whichever vector variant it picks), the x86 string instructions themselves (REP MOVS/STOS/
 * LODS/CMPS/SCAS, forwards and backwards), strings that end right before an inaccessible page,
 * and formatting/parsing of integers. Results are digests of the touched buffers, so a single
 * wrong byte anywhere changes a line.
 */
#define _GNU_SOURCE /* memrchr, strcasecmp */
#include "common.h"

#include <sys/mman.h>
#include <unistd.h>

/* Deliberate edge cases that GCC's static checks flag. */
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#pragma GCC diagnostic ignored "-Wstringop-overflow"

#define BUF 8192
#define GUARD 32

static unsigned char src_buf[BUF + 64], dst_buf[BUF + 64];

static const size_t lens[] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  15, 16,  17,  23,  24,  31,  32,  33,
                              47, 48, 63, 64, 65, 95, 96, 127, 128, 129, 255, 256, 257, 511, 1000, 4000};
#define NLENS (sizeof lens / sizeof lens[0])

static void fill(unsigned char *p, size_t n, uint64_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)rng_next(&seed);
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_memcpy_memset(void)
{
    digest dc, ds;
    d_init(&dc);
    d_init(&ds);
    fill(src_buf, sizeof src_buf, 1);
    for (size_t so = 0; so < 16; so++)
        for (size_t dof = 0; dof < 16; dof++)
            for (size_t k = 0; k < NLENS; k++) {
                size_t n = lens[k];
                memset(dst_buf, 0xee, n + 2 * GUARD + 16);
                memcpy(dst_buf + GUARD + dof, src_buf + so, n);
                d_bytes(&dc, dst_buf, n + 2 * GUARD + 16);
            }
    for (size_t o = 0; o < 32; o++)
        for (size_t k = 0; k < NLENS; k++) {
            size_t n = lens[k];
            memset(dst_buf, 0x11, n + 2 * GUARD + 32);
            memset(dst_buf + GUARD + o, (int)(o * 37 + k), n);
            d_bytes(&ds, dst_buf, n + 2 * GUARD + 32);
        }
    d_print("memcpy", &dc);
    d_print("memset", &ds);
}

static void test_memmove(void)
{
    digest d;
    d_init(&d);
    for (size_t k = 0; k < NLENS; k++)
        for (int delta = -40; delta <= 40; delta += (delta > -3 && delta < 3) ? 1 : 7)
            for (size_t o = 0; o < 8; o++) {
                size_t n = lens[k];
                fill(dst_buf, n + 128, n + o);
                size_t from = 48 + o;
                memmove(dst_buf + from + delta, dst_buf + from, n);
                d_bytes(&d, dst_buf, n + 128);
            }
    d_print("memmove", &d);
}

static void test_compare(void)
{
    digest d;
    d_init(&d);
    static unsigned char a[600], b[600];
    for (size_t oa = 0; oa < 8; oa++)
        for (size_t ob = 0; ob < 8; ob++)
            for (size_t n = 0; n < 300; n += (n < 40 ? 1 : 37)) {
                for (size_t diff = 0; diff <= n; diff += (n < 20 ? 1 : 11)) {
                    /* a[oa..] and b[ob..] are equal strings of length n except at position diff */
                    for (size_t i = 0; i < n; i++)
                        a[oa + i] = b[ob + i] = (unsigned char)('a' + (i * 7 + n) % 26);
                    a[oa + n] = b[ob + n] = 0;
                    if (diff < n)
                        b[ob + diff] = (unsigned char)(a[oa + diff] + ((diff & 1) ? 1 : -1));
                    d_u64(&d, (uint64_t)sign(memcmp(a + oa, b + ob, n)));
                    d_u64(&d, (uint64_t)sign(strcmp((char *)a + oa, (char *)b + ob)));
                    d_u64(&d, (uint64_t)sign(strncmp((char *)a + oa, (char *)b + ob, diff + 1)));
                    d_u64(&d, (uint64_t)sign(strncmp((char *)a + oa, (char *)b + ob, diff)));
                    d_u64(&d, strlen((char *)a + oa));
                    d_u64(&d, strnlen((char *)a + oa, n / 2));
                    char *c = strchr((char *)a + oa, 'a' + (int)(n % 26));
                    d_u64(&d, c ? (uint64_t)(c - (char *)a - oa) : ~0ULL);
                    c = strrchr((char *)a + oa, 'a' + (int)(n % 26));
                    d_u64(&d, c ? (uint64_t)(c - (char *)a - oa) : ~0ULL);
                    void *m = memchr(a + oa, 'a' + (int)((n + 3) % 26), n);
                    d_u64(&d, m ? (uint64_t)((unsigned char *)m - a - oa) : ~0ULL);
                    m = memrchr(a + oa, 'a' + (int)((n + 3) % 26), n);
                    d_u64(&d, m ? (uint64_t)((unsigned char *)m - a - oa) : ~0ULL);
                }
            }
    d_print("compare/search", &d);
    printf("memcmp sign: %d %d %d\n", sign(memcmp("abc", "abd", 3)), sign(memcmp("\xff", "\x01", 1)),
           sign(memcmp("", "", 0)));
    printf("strcmp sign: %d %d %d\n", sign(strcmp("abc", "abc")), sign(strcmp("ab", "abc")),
           sign(strcmp("\x80", "\x7f")));
}

static void test_strfuncs(void)
{
    digest d;
    d_init(&d);
    char buf[512], out[600];
    for (size_t o = 0; o < 16; o++)
        for (size_t n = 0; n < 200; n += (n < 34 ? 1 : 17)) {
            memset(out, 'Z', sizeof out);
            for (size_t i = 0; i < n; i++)
                buf[o + i] = (char)('A' + (i * 5 + o) % 50);
            buf[o + n] = 0;
            strcpy(out + (15 - o), buf + o);
            d_bytes(&d, out, n + 40);
            char *e = stpcpy(out + 3, buf + o);
            d_u64(&d, (uint64_t)(e - out));
            strcat(out + 3, "-tail");
            d_bytes(&d, out, n + 40);
            memset(out, 'Z', sizeof out);
            strncpy(out + 1, buf + o, n / 2 + 5);
            d_bytes(&d, out, n + 40);
            d_u64(&d, strspn(buf + o, "ABCDEFGHIJ"));
            d_u64(&d, strcspn(buf + o, "xyz["));
            char *s = strstr(buf + o, "FKP");
            d_u64(&d, s ? (uint64_t)(s - buf - o) : ~0ULL);
            d_u64(&d, (uint64_t)sign(strcasecmp(buf + o, "abcdefg")));
        }
    d_print("strcpy/strcat/strstr", &d);
}

/* Strings and buffers that end exactly at the end of a readable page followed by PROT_NONE. */
static void test_page_end(void)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        printf("page_end: mmap failed\n");
        check_failures++;
        return;
    }
    mprotect(p + page, page, PROT_NONE);
    digest d;
    d_init(&d);
    for (size_t n = 0; n < 130; n++) {
        unsigned char *s = p + page - n - 1;
        memset(p, 'q', page);
        for (size_t i = 0; i < n; i++)
            s[i] = (unsigned char)('a' + i % 26);
        s[n] = 0;
        d_u64(&d, strlen((char *)s));
        char *c = strchr((char *)s, 'z');
        d_u64(&d, c ? (uint64_t)(c - (char *)s) : ~0ULL);
        c = strrchr((char *)s, 'c');
        d_u64(&d, c ? (uint64_t)(c - (char *)s) : ~0ULL);
        void *m = memchr(s, 0, n + 1);
        d_u64(&d, m ? (uint64_t)((unsigned char *)m - s) : ~0ULL);
        d_u64(&d, (uint64_t)sign(strcmp((char *)s, "abcdefghijklmnopqrstuvwxyzabcdef")));
        d_u64(&d, (uint64_t)sign(memcmp(s, "abcdefghijklmnop", n < 16 ? n : 16)));
        d_u64(&d, (uint64_t)sign(strncmp((char *)s, "abcdefghijklmnopqrstuvwxyz", 100)));
    }
    d_print("page_end", &d);
    munmap(p, 2 * page);
}

/* The string instructions themselves, with DF clear and set. */
static void test_string_insns(void)
{
    digest d;
    d_init(&d);
    static unsigned char a[1024], b[1024];
    for (int df = 0; df < 2; df++)
        for (size_t n = 0; n < 70; n += (n < 17 ? 1 : 13))
            for (size_t o = 0; o < 8; o++) {
                fill(a, sizeof a, n * 8 + o);
                memset(b, 0, sizeof b);
                unsigned char *s = a + 256 + o, *t = b + 256 + (7 - o);
                uint64_t rsi = (uint64_t)s, rdi = (uint64_t)t, rcx = n;
                if (df)
                    __asm__ volatile("std\n\trep movsb\n\tcld" : "+S"(rsi), "+D"(rdi), "+c"(rcx) : : "memory");
                else
                    __asm__ volatile("rep movsb" : "+S"(rsi), "+D"(rdi), "+c"(rcx) : : "memory");
                d_u64(&d, rsi - (uint64_t)s);
                d_u64(&d, rdi - (uint64_t)t);
                d_u64(&d, rcx);
                rsi = (uint64_t)s;
                rdi = (uint64_t)t;
                rcx = n / 4;
                if (df)
                    __asm__ volatile("std\n\trep movsl\n\tcld" : "+S"(rsi), "+D"(rdi), "+c"(rcx) : : "memory");
                else
                    __asm__ volatile("rep movsq" : "+S"(rsi), "+D"(rdi), "+c"(rcx) : : "memory");
                d_u64(&d, rsi - (uint64_t)s);
                d_u64(&d, rdi - (uint64_t)t);
                rdi = (uint64_t)t + 100;
                rcx = n;
                uint64_t rax = 0x1122334455667788ULL + n;
                if (df)
                    __asm__ volatile("std\n\trep stosw\n\tcld" : "+D"(rdi), "+c"(rcx) : "a"(rax) : "memory");
                else
                    __asm__ volatile("rep stosb" : "+D"(rdi), "+c"(rcx) : "a"(rax) : "memory");
                d_u64(&d, rdi - (uint64_t)t);
                rdi = (uint64_t)t + 300;
                rcx = n / 8;
                __asm__ volatile("rep stosq" : "+D"(rdi), "+c"(rcx) : "a"(rax) : "memory");
                d_bytes(&d, b, sizeof b);
                /* lods: the last element loaded */
                rsi = (uint64_t)s;
                rcx = n;
                rax = 0;
                if (n) {
                    __asm__ volatile("1: lodsw\n\tloop 1b" : "+S"(rsi), "+c"(rcx), "+a"(rax) : : "memory");
                    d_u64(&d, rax);
                    d_u64(&d, rsi - (uint64_t)s);
                }
                /* repe cmpsb / repne scasb: stop positions and flags */
                memcpy(b, a, sizeof a);
                b[256 + o + n / 2] ^= 0x40;
                rsi = (uint64_t)s;
                rdi = (uint64_t)(b + 256 + o);
                rcx = n;
                uint64_t fl;
                __asm__ volatile("cmp %%rcx, %%rcx\n\trepe cmpsb\n\tpushfq\n\tpop %[f]"
                                 : "+S"(rsi), "+D"(rdi), "+c"(rcx), [f] "=r"(fl)
                                 :
                                 : "memory", "cc");
                d_u64(&d, rsi - (uint64_t)s);
                d_u64(&d, rcx);
                d_u64(&d, fl & 0x8d5);
                rdi = (uint64_t)s;
                rcx = n;
                rax = a[256 + o + n / 3];
                __asm__ volatile("cmp %%rcx, %%rcx\n\trepne scasb\n\tpushfq\n\tpop %[f]"
                                 : "+D"(rdi), "+c"(rcx), [f] "=r"(fl)
                                 : "a"(rax)
                                 : "memory", "cc");
                d_u64(&d, rdi - (uint64_t)s);
                d_u64(&d, rcx);
                d_u64(&d, fl & 0x8d5);
                d_bytes(&d, b, sizeof b);
            }
    d_print("string_insns", &d);
}

static void test_format(void)
{
    digest d;
    d_init(&d);
    char buf[256];
    uint64_t s = 99;
    for (int i = 0; i < 400; i++) {
        uint64_t v = rng_next(&s) >> (i % 64);
        int n = snprintf(buf, sizeof buf, "%d|%u|%x|%o|%lld|%llu|%llX|%+.5d|%-8hhd|%8.3hx|%#lo|%'d", (int)v,
                         (unsigned)v, (unsigned)v, (unsigned)v, (long long)v, (unsigned long long)v,
                         (unsigned long long)v, (int)(v % 1000) - 500, (signed char)v, (unsigned short)v,
                         (unsigned long)v, (int)(v & 0xffff));
        d_bytes(&d, buf, (size_t)n);
        char *end;
        d_u64(&d, (uint64_t)strtoll(buf, &end, 10));
        d_u64(&d, (uint64_t)(end - buf));
        d_u64(&d, strtoull(buf + n / 2, &end, 16));
        d_u64(&d, (uint64_t)(end - buf));
    }
    d_print("format/parse", &d);
    snprintf(buf, sizeof buf, "[%d] [%5d] [%-5d] [%05d] [%x] [%#x] [%lld] [%llu] [%s] [%.3s] [%c]", -42, 42, 42, 42,
             255, 255, (long long)INT64_MIN, (unsigned long long)UINT64_MAX, "str", "string", 'c');
    printf("%s\n", buf);
    printf("strtol: %ld %ld %ld %lu\n", strtol("  -123abc", NULL, 10), strtol("0x7fffffff", NULL, 0),
           strtol("0777", NULL, 0), strtoul("-1", NULL, 10));
    printf("atoi: %d %d\n", atoi("2147483647"), atoi("-2147483648"));
}

int main(void)
{
    test_memcpy_memset();
    test_memmove();
    test_compare();
    test_strfuncs();
    test_page_end();
    test_string_insns();
    test_format();
    return finish();
}
