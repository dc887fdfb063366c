/* malloc/free/realloc/calloc churn, including blocks large enough for mmap. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    enum { SLOTS = 512 };
    static unsigned char *slot[SLOTS];
    static size_t size[SLOTS];
    uint32_t s = 7;
    uint64_t sum = 0;
    for (int round = 0; round < 6000; round++) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        int k = s % SLOTS;
        if (slot[k]) {
            for (size_t i = 0; i < size[k]; i += 97) sum += slot[k][i] ^ (unsigned char) (k + i);
            if (s & 0x100) {
                size_t nsz = (s >> 9) % 3000 + 1;
                unsigned char *p = realloc(slot[k], nsz);
                if (!p) return 2;
                if (nsz > size[k]) memset(p + size[k], (int) (k + 1), nsz - size[k]);
                slot[k] = p;
                size[k] = nsz;
                continue;
            }
            free(slot[k]);
            slot[k] = NULL;
        } else {
            size_t n = (s & 0xf000) == 0x1000 ? (s >> 8) % 300000 + 1 : (s >> 8) % 500 + 1;
            slot[k] = (s & 0x2000) ? calloc(1, n) : malloc(n);
            if (!slot[k]) return 3;
            if (s & 0x2000) for (size_t i = 0; i < n; i += 61) sum += slot[k][i];
            if (n > 1000) memset(slot[k], k, n);
            else for (size_t i = 0; i < n; i++) slot[k][i] = (unsigned char) (k + i);
            size[k] = n;
        }
    }
    for (int k = 0; k < SLOTS; k++) free(slot[k]);
    printf("checksum %llu\n", (unsigned long long) sum);
    void *big = malloc(64 << 20);
    memset(big, 1, 64 << 20);
    printf("big ok %d\n", ((unsigned char *) big)[12345678]);
    free(big);
    return 0;
}
