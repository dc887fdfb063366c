/*
 * Sorting and hashing over generated data: qsort on integers, strings and records, our own merge
 * sort and heap sort, bsearch, then FNV-1a, CRC-32, Adler-32 and SHA-256 (each checked against its
 * published test vector first) and an open-addressing hash table.
 */
#include "common.h"

#define N 20000

static uint64_t data[N], copy[N], tmp[N], scratch[N];

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct rec {
    uint16_t key;
    uint32_t seq;
    double weight;
};

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->weight != y->weight)
        return x->weight < y->weight ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static void merge_sort(uint64_t *a, uint64_t *t, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(a, t, h);
    merge_sort(a + h, t, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        t[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h)
        t[k++] = a[i++];
    while (j < n)
        t[k++] = a[j++];
    memcpy(a, t, n * sizeof *a);
}

static void sift(int64_t *a, size_t root, size_t n)
{
    for (;;) {
        size_t c = 2 * root + 1;
        if (c >= n)
            return;
        if (c + 1 < n && a[c + 1] > a[c])
            c++;
        if (a[root] >= a[c])
            return;
        int64_t t = a[root];
        a[root] = a[c];
        a[c] = t;
        root = c;
    }
}

static void heap_sort(int64_t *a, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift(a, i, n);
    for (size_t e = n; e-- > 1;) {
        int64_t t = a[0];
        a[0] = a[e];
        a[e] = t;
        sift(a, 0, e);
    }
}

static void test_sorting(void)
{
    uint64_t s = 2024;
    for (size_t i = 0; i < N; i++)
        data[i] = rng_next(&s) >> (i % 3 == 0 ? 40 : 0); /* some small values, many duplicates */
    digest d;

    memcpy(copy, data, sizeof data);
    qsort(copy, N, sizeof copy[0], cmp_u64);
    int sorted = 1;
    for (size_t i = 1; i < N; i++)
        sorted &= copy[i - 1] <= copy[i];
    CHECK("qsort u64 sorted", sorted);
    d_init(&d);
    d_bytes(&d, copy, sizeof copy);
    d_print("qsort_u64", &d);

    memcpy(tmp, data, sizeof data);
    merge_sort(tmp, scratch, N);
    CHECK("merge sort == qsort", memcmp(tmp, copy, sizeof tmp) == 0);

    memcpy(tmp, data, sizeof data);
    heap_sort((int64_t *)tmp, N);
    sorted = 1;
    for (size_t i = 1; i < N; i++)
        sorted &= (int64_t)tmp[i - 1] <= (int64_t)tmp[i];
    CHECK("heap sort (signed) sorted", sorted);
    d_init(&d);
    d_bytes(&d, tmp, sizeof tmp);
    d_print("heapsort_s64", &d);

    static int32_t ints[N];
    for (size_t i = 0; i < N; i++)
        ints[i] = (int32_t)data[i];
    qsort(ints, N, sizeof ints[0], cmp_i32);
    d_init(&d);
    d_bytes(&d, ints, sizeof ints);
    d_print("qsort_i32", &d);

    size_t found = 0, missing = 0;
    for (size_t i = 0; i < N; i += 3) {
        uint64_t key = data[i];
        found += bsearch(&key, copy, N, sizeof copy[0], cmp_u64) != NULL;
        key ^= 1;
        missing += bsearch(&key, copy, N, sizeof copy[0], cmp_u64) == NULL;
    }
    printf("bsearch: found %zu of %d, absent %zu\n", found, (N + 2) / 3, missing);

    static char words[4000][12];
    static char *ptrs[4000];
    for (size_t i = 0; i < 4000; i++) {
        size_t len = 1 + rng_next(&s) % 10;
        for (size_t k = 0; k < len; k++)
            words[i][k] = (char)('a' + rng_next(&s) % 6);
        words[i][len] = 0;
        ptrs[i] = words[i];
    }
    qsort(ptrs, 4000, sizeof ptrs[0], cmp_str);
    d_init(&d);
    for (size_t i = 0; i < 4000; i++)
        d_bytes(&d, ptrs[i], strlen(ptrs[i]) + 1);
    d_print("qsort_strings", &d);
    printf("first/last word: %s %s\n", ptrs[0], ptrs[3999]);

    static struct rec recs[5000];
    for (size_t i = 0; i < 5000; i++) {
        recs[i].key = (uint16_t)(rng_next(&s) % 97);
        recs[i].seq = (uint32_t)i;
        recs[i].weight = (double)(rng_next(&s) % 1000) / 8.0;
    }
    qsort(recs, 5000, sizeof recs[0], cmp_rec);
    d_init(&d);
    for (size_t i = 0; i < 5000; i++) {
        d_u64(&d, recs[i].key);
        d_u64(&d, recs[i].seq);
    }
    d_print("qsort_records", &d);
}

/* ---- hashes ---- */

static uint32_t fnv1a32(const unsigned char *p, size_t n)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x01000193u;
    return h;
}

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(const unsigned char *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static uint32_t adler32(const unsigned char *p, size_t n)
{
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr32(uint32_t x, int r)
{
    return (x >> r) | (x << (32 - r));
}

static void sha256_block(uint32_t st[8], const unsigned char *blk)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)blk[4 * i] << 24 | (uint32_t)blk[4 * i + 1] << 16 | (uint32_t)blk[4 * i + 2] << 8 |
               blk[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
        uint32_t t2 = (rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
}

static void sha256(const unsigned char *p, size_t n, char hex[65])
{
    uint32_t st[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t i = 0;
    for (; i + 64 <= n; i += 64)
        sha256_block(st, p + i);
    unsigned char last[128] = {0};
    size_t rem = n - i;
    memcpy(last, p + i, rem);
    last[rem] = 0x80;
    size_t total = rem + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)n * 8;
    for (int k = 0; k < 8; k++)
        last[total - 1 - k] = (unsigned char)(bits >> (8 * k));
    sha256_block(st, last);
    if (total == 128)
        sha256_block(st, last + 64);
    for (int k = 0; k < 8; k++)
        snprintf(hex + 8 * k, 9, "%08x", st[k]);
}

static void test_hashes(void)
{
    crc_init();
    const unsigned char *check = (const unsigned char *)"123456789";
    char hex[65];
    printf("crc32(123456789)   = %08x\n", crc32(check, 9));
    printf("adler32(123456789) = %08x\n", adler32(check, 9));
    printf("fnv1a32(123456789) = %08x\n", fnv1a32(check, 9));
    sha256((const unsigned char *)"abc", 3, hex);
    printf("sha256(abc) = %s\n", hex);
    CHECK("sha256 test vector", strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0);
    CHECK("crc32 check value", crc32(check, 9) == 0xcbf43926u);

    static unsigned char blob[1 << 18];
    uint64_t s = 7;
    for (size_t i = 0; i < sizeof blob; i += 8) {
        uint64_t v = rng_next(&s);
        memcpy(blob + i, &v, 8);
    }
    printf("blob crc32=%08x adler32=%08x fnv1a32=%08x\n", crc32(blob, sizeof blob), adler32(blob, sizeof blob),
           fnv1a32(blob, sizeof blob));
    for (size_t n = 0; n < 200; n += 37) {
        sha256(blob, n, hex);
        printf("sha256(blob[0..%zu]) = %s\n", n, hex);
    }
    sha256(blob, sizeof blob, hex);
    printf("sha256(blob) = %s\n", hex);
}

/* Open addressing with linear probing: inserts, lookups, deletions by tombstone. */
#define TSIZE 16384
static uint64_t tkeys[TSIZE];
static uint8_t tstate[TSIZE]; /* 0 empty, 1 used, 2 deleted */

static size_t slot_hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return (size_t)(k & (TSIZE - 1));
}

static int t_insert(uint64_t k, uint64_t *probes)
{
    size_t i = slot_hash(k);
    for (;; i = (i + 1) & (TSIZE - 1)) {
        ++*probes;
        if (tstate[i] != 1) {
            tstate[i] = 1;
            tkeys[i] = k;
            return 1;
        }
        if (tkeys[i] == k)
            return 0;
    }
}

static int t_find(uint64_t k, uint64_t *probes)
{
    size_t i = slot_hash(k);
    for (;; i = (i + 1) & (TSIZE - 1)) {
        ++*probes;
        if (tstate[i] == 0)
            return -1;
        if (tstate[i] == 1 && tkeys[i] == k)
            return (int)i;
    }
}

static void test_table(void)
{
    uint64_t s = 31337, probes = 0;
    int inserted = 0, dup = 0, hits = 0, deleted = 0;
    for (int i = 0; i < 10000; i++) {
        uint64_t k = rng_next(&s) % 50000;
        if (t_insert(k, &probes))
            inserted++;
        else
            dup++;
    }
    s = 31337;
    for (int i = 0; i < 10000; i++) {
        uint64_t k = rng_next(&s) % 50000;
        int at = t_find(k, &probes);
        if (at >= 0) {
            hits++;
            if (k % 3 == 0) {
                tstate[at] = 2;
                deleted++;
            }
        }
    }
    int after = 0;
    for (uint64_t k = 0; k < 50000; k++)
        after += t_find(k, &probes) >= 0;
    printf("hash table: inserted %d dup %d hits %d deleted %d present %d probes %" PRIu64 "\n", inserted, dup, hits,
           deleted, after, probes);
}

int main(void)
{
    test_sorting();
    test_hashes();
    test_table();
    return finish();
}
