/* glibc's string and memory routines (its SSE2 versions) at many lengths and alignments. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t h = 0xcbf29ce484222325ULL;
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; }
static void mixbuf(const unsigned char *p, size_t n) { for (size_t i = 0; i < n; i++) mix(p[i]); }

static unsigned char a[4096 + 64], b[4096 + 64];
static char s1[600], s2[600];

int main(void) {
    for (int i = 0; i < (int) sizeof a; i++) a[i] = (unsigned char) (i * 7 + 3);
    static const int lens[] = {0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 255, 256, 1000, 4000};
    for (unsigned li = 0; li < sizeof lens / sizeof *lens; li++) {
        int n = lens[li];
        for (int sa = 0; sa < 16; sa += 5) for (int da = 0; da < 16; da += 3) {
            memset(b, 0xee, sizeof b);
            memcpy(b + da, a + sa, n);
            mixbuf(b, n + 40);
            memmove(b + da + 1, b + da, n);
            mixbuf(b, n + 40);
            memmove(b + da, b + da + 3, n);
            mixbuf(b, n + 40);
            memset(b + sa, da, n);
            mixbuf(b, n + 40);
            mix(memcmp(a + sa, a + sa, n) == 0);
            if (n) { b[da + n - 1] ^= 1; memcpy(b + da, a + sa, n - 1); mix(memcmp(a + sa, b + da, n) > 0); }
            mix((uint64_t) (memchr(a + sa, a[sa + n / 2], n + 1) ? 1 : 0));
        }
    }
    printf("mem    %016llx\n", (unsigned long long) h);

    h = 0xcbf29ce484222325ULL;
    for (int n = 0; n < 300; n += 7) {
        for (int al = 0; al < 16; al += 3) {
            char *p = s1 + al, *q = s2 + (al * 5) % 16;
            for (int i = 0; i < n; i++) p[i] = (char) ('a' + (i * 11 + al) % 26);
            p[n] = 0;
            strcpy(q, p);
            mix(strlen(p)); mix(strnlen(p, n / 2)); mix(strcmp(p, q) == 0);
            if (n) { q[n / 2] = 'A'; mix(strcmp(p, q) > 0); mix(strncmp(p, q, n / 2) == 0); mix(strcasecmp(p, q) == 0); }
            char *c = strchr(p, 'q'); mix(c ? (uint64_t) (c - p) : 999);
            c = strrchr(p, 'e'); mix(c ? (uint64_t) (c - p) : 999);
            c = strstr(p, "mx"); mix(c ? (uint64_t) (c - p) : 999);
            mix(strspn(p, "abcdefghijklm")); mix(strcspn(p, "xyz"));
            c = memrchr(p, 'z', n); mix(c ? (uint64_t) (c - p) : 999);
            mix((uint64_t) ((char *) rawmemchr(p, 0) - p));
            strcat(q, "tail");
            mix(strlen(q));
            char *d = strdup(p); mix(strlen(d)); free(d);
        }
    }
    printf("str    %016llx\n", (unsigned long long) h);

    char buf[128];
    strcpy(buf, "The quick brown fox jumps over the lazy dog");
    char *save, *tok;
    for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) printf("[%s]", tok);
    printf("\n");
    return 0;
}
