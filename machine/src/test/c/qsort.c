/* qsort and bsearch on integers and strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmpint(const void *a, const void *b) {
    int x = *(const int *) a, y = *(const int *) b;
    return (x > y) - (x < y);
}
static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *) a, *(char *const *) b); }

int main(void) {
    enum { N = 20000 };
    static int v[N];
    unsigned s = 1;
    for (int i = 0; i < N; i++) { s = s * 1103515245 + 12345; v[i] = (int) (s >> 1) % 100000 - 50000; }
    qsort(v, N, sizeof *v, cmpint);
    long sum = 0;
    for (int i = 0; i < N; i++) sum = sum * 31 + v[i];
    printf("ints: min %d max %d median %d hash %ld\n", v[0], v[N - 1], v[N / 2], sum);
    int found = 0;
    for (int k = -50000; k < 50000; k += 37) found += bsearch(&k, v, N, sizeof *v, cmpint) != NULL;
    printf("found %d\n", found);

    static char words[2000][12];
    static char *pw[2000];
    for (int i = 0; i < 2000; i++) {
        int len = 3 + i % 8;
        for (int j = 0; j < len; j++) { s = s * 1103515245 + 12345; words[i][j] = (char) ('a' + (s >> 16) % 26); }
        words[i][len] = 0;
        pw[i] = words[i];
    }
    qsort(pw, 2000, sizeof *pw, cmpstr);
    for (int i = 0; i < 2000; i += 250) printf("%s\n", pw[i]);
    return 0;
}
