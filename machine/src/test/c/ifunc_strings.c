/* glibc's string routines as its ifunc resolvers pick them from CPUID: with SSSE3/SSE4.2 advertised
 * (and no AVX) the SSE4.2 strcmp/strcasecmp/strstr and SSSE3 memcpy variants run. Many sizes and
 * alignments, strings ending right before an unmapped page (where the 16-byte-block routines have
 * their page-crossing paths), and random differences. "cpu" as argument prints what
 * __builtin_cpu_supports sees (only for jemu's test; the native CPU has more). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <wchar.h>

static uint64_t h = 0xcbf29ce484222325ULL;
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; }
static uint64_t st = 88172645463325252ULL;
static uint64_t rnd(void) { st ^= st << 13; st ^= st >> 7; st ^= st << 17; return st; }
static long pos(const void *p, const void *base) { return p ? (const char *) p - (const char *) base : -1; }

static void strfuncs(char *p, char *q, size_t n) {
    mix(strlen(p)); mix(strnlen(p, n / 3 + 1));
    int c = strcmp(p, q); mix(c < 0 ? 1 : c > 0 ? 2 : 3);
    c = strncmp(p, q, n / 2 + 1); mix(c < 0 ? 1 : c > 0 ? 2 : 3);
    c = strcasecmp(p, q); mix(c < 0 ? 1 : c > 0 ? 2 : 3);
    c = strncasecmp(p, q, n / 2 + 3); mix(c < 0 ? 1 : c > 0 ? 2 : 3);
    mix(pos(strchr(p, 'k'), p)); mix(pos(strchr(p, 0), p)); mix(pos(strrchr(p, 'c'), p));
    mix(pos(strchrnul(p, 'Q'), p));
    mix(pos(strstr(p, "cab"), p)); mix(pos(strstr(p, q + n / 2), p)); mix(pos(strcasestr(p, "DEf"), p));
    mix(strspn(p, "abcdefghij")); mix(strcspn(p, "xyzk")); mix(strspn(p, "abcdefghijklmnopqrstu"));
    mix(strcspn(p, "0123456789ABCDEFGHIJz")); mix(pos(strpbrk(p, "jkl"), p));
    mix(pos(memchr(p, 'e', n), p)); mix(pos(memrchr(p, 'a', n), p)); mix(pos(rawmemchr(p, 0), p));
    c = memcmp(p, q, n); mix(c < 0 ? 1 : c > 0 ? 2 : 3);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "cpu") == 0) {
        __builtin_cpu_init();
        printf("sse3=%d ssse3=%d sse4.1=%d sse4.2=%d popcnt=%d mmx=%d avx=%d avx2=%d\n", !!__builtin_cpu_supports("sse3"),
               !!__builtin_cpu_supports("ssse3"), !!__builtin_cpu_supports("sse4.1"), !!__builtin_cpu_supports("sse4.2"),
               !!__builtin_cpu_supports("popcnt"), !!__builtin_cpu_supports("mmx"), !!__builtin_cpu_supports("avx"),
               !!__builtin_cpu_supports("avx2"));
        return 0;
    }
    /* Two pages, the second unmapped: strings end at every offset before it. */
    char *area = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(area + 4096, 4096);
    char *q2 = area + 2 * 4096;
    for (size_t n = 0; n < 80; n++) {
        for (size_t gap = 0; gap < 40; gap += 3) {
            char *p = area + 4096 - 1 - n - gap;
            char *q = q2 + 4096 - 1 - n - (gap * 7) % 37 - 3000;
            for (size_t i = 0; i < n; i++) p[i] = q[i] = (char) ('a' + (i * 5 + n) % 26);
            p[n] = q[n] = 0;
            if (n && (rnd() & 1)) q[rnd() % n] ^= (rnd() & 1) ? 0x20 : 1;
            strfuncs(p, q, n);
            strfuncs(q, p, n);
        }
    }
    printf("page   %016llx\n", (unsigned long long) h);

    h = 0xcbf29ce484222325ULL;
    static char a[8192], b[8192];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = rnd() % (iter < 2500 ? 300 : 5000);
        size_t ao = rnd() % 64, bo = rnd() % 64;
        char *p = a + ao, *q = b + bo;
        for (size_t i = 0; i < n; i++) p[i] = q[i] = (char) ('a' + rnd() % 26);
        p[n] = q[n] = 0;
        if (n && (rnd() % 3)) q[rnd() % n] = (char) ('a' + rnd() % 26);
        if (n && !(rnd() % 4)) q[rnd() % n] -= 32;
        strfuncs(p, q, n);
        /* memory routines */
        size_t m = rnd() % (iter < 2500 ? 600 : 6000);
        size_t s = rnd() % 64, d = rnd() % 64;
        static unsigned char x[8192], y[8192];
        for (size_t i = 0; i < m + 64; i++) x[i] = (unsigned char) rnd();
        memset(y, 0x5a, m + 128);
        memcpy(y + d, x + s, m);
        for (size_t i = 0; i < m + 128; i++) mix(y[i]);
        memmove(y + d + 7, y + d, m);
        memmove(y + d, y + d + 3, m);
        for (size_t i = 0; i < m + 128; i++) mix(y[i]);
        memset(y + s, (int) m, m);
        mix(memcmp(x, y, m) > 0); mix(pos(memchr(y, 0x11, m + 64), y));
        wchar_t w[300];
        size_t wn = rnd() % 290;
        wmemset(w, L'x', wn); w[wn] = 0;
        mix(wcslen(w)); mix(pos(wcschr(w, L'y'), w));
        mix(strlen(strcpy(q, p))); mix(strlen(stpcpy(q, p)) + 1);
        mix(strlen(strncpy(q, p, n / 2 + 1)));
    }
    printf("random %016llx\n", (unsigned long long) h);
    return 0;
}
