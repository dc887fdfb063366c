/* cflags: -msse4.2 */
/* SSE3, SSSE3, SSE4.1 and SSE4.2 through compiler intrinsics and auto-vectorised loops: every
 * result is hashed and printed, so native and jemu output must be identical. */
#include <nmmintrin.h>
#include <smmintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t st = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void) { st ^= st << 13; st ^= st >> 7; st ^= st << 17; return st; }
static uint64_t h;
static void mixv(__m128i v) { uint64_t a[2]; memcpy(a, &v, 16); h = (h ^ a[0]) * 0x100000001b3ULL; h = (h ^ a[1]) * 0x100000001b3ULL; }
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; }
static __m128i rv(void) {
    uint64_t a[2] = {rnd(), rnd()};
    int k = rnd() % 8;
    if (k == 0) a[0] &= 0x00ff00ff00ff00ffULL;
    if (k == 1) a[1] = 0;
    if (k == 2) { float f[4] = {1.5f, -2.25f, 0.0f, 1e10f}; memcpy(a, f, 16); }
    if (k == 3) { double d[2] = {-0.5, 2.5}; memcpy(a, d, 16); }
    __m128i v;
    memcpy(&v, a, 16);
    return v;
}
static void report(const char *name) { printf("%-8s %016llx\n", name, (unsigned long long) h); h = 0xcbf29ce484222325ULL; }

static float fa[1024], fb[1024], fc[1024];
static int ia[1024], ib[1024], ic[1024];
static unsigned char ua[1024], ub[1024];

int main(void) {
    h = 0xcbf29ce484222325ULL;
    for (int i = 0; i < 2000; i++) {
        __m128 a = _mm_castsi128_ps(rv()), b = _mm_castsi128_ps(rv());
        __m128d c = _mm_castsi128_pd(rv()), d = _mm_castsi128_pd(rv());
        mixv(_mm_castps_si128(_mm_addsub_ps(a, b))); mixv(_mm_castps_si128(_mm_hadd_ps(a, b)));
        mixv(_mm_castps_si128(_mm_hsub_ps(a, b))); mixv(_mm_castpd_si128(_mm_addsub_pd(c, d)));
        mixv(_mm_castpd_si128(_mm_hadd_pd(c, d))); mixv(_mm_castpd_si128(_mm_hsub_pd(c, d)));
        mixv(_mm_castps_si128(_mm_movehdup_ps(a))); mixv(_mm_castps_si128(_mm_moveldup_ps(b)));
        mixv(_mm_castpd_si128(_mm_movedup_pd(c)));
    }
    report("sse3");
    for (int i = 0; i < 2000; i++) {
        __m128i a = rv(), b = rv();
        mixv(_mm_shuffle_epi8(a, b)); mixv(_mm_hadd_epi16(a, b)); mixv(_mm_hadd_epi32(a, b));
        mixv(_mm_hadds_epi16(a, b)); mixv(_mm_hsub_epi16(a, b)); mixv(_mm_hsub_epi32(a, b));
        mixv(_mm_hsubs_epi16(a, b)); mixv(_mm_maddubs_epi16(a, b)); mixv(_mm_mulhrs_epi16(a, b));
        mixv(_mm_sign_epi8(a, b)); mixv(_mm_sign_epi16(a, b)); mixv(_mm_sign_epi32(a, b));
        mixv(_mm_abs_epi8(a)); mixv(_mm_abs_epi16(a)); mixv(_mm_abs_epi32(a));
        mixv(_mm_alignr_epi8(a, b, 3)); mixv(_mm_alignr_epi8(a, b, 12)); mixv(_mm_alignr_epi8(a, b, 20));
    }
    report("ssse3");
    for (int i = 0; i < 2000; i++) {
        __m128i a = rv(), b = rv(), m = rv();
        __m128 fa4 = _mm_castsi128_ps(a), fb4 = _mm_castsi128_ps(b);
        __m128d da = _mm_castsi128_pd(a), db = _mm_castsi128_pd(b);
        mixv(_mm_blendv_epi8(a, b, m)); mixv(_mm_castps_si128(_mm_blendv_ps(fa4, fb4, _mm_castsi128_ps(m))));
        mixv(_mm_castpd_si128(_mm_blendv_pd(da, db, _mm_castsi128_pd(m))));
        mixv(_mm_blend_epi16(a, b, 0x35)); mixv(_mm_castps_si128(_mm_blend_ps(fa4, fb4, 6)));
        mix(_mm_testz_si128(a, b)); mix(_mm_testc_si128(a, b)); mix(_mm_testnzc_si128(a, m));
        mixv(_mm_cvtepi8_epi16(a)); mixv(_mm_cvtepu8_epi32(a)); mixv(_mm_cvtepi16_epi64(b)); mixv(_mm_cvtepu32_epi64(b));
        mixv(_mm_mul_epi32(a, b)); mixv(_mm_mullo_epi32(a, b)); mixv(_mm_cmpeq_epi64(a, a)); mixv(_mm_packus_epi32(a, b));
        mixv(_mm_min_epi8(a, b)); mixv(_mm_max_epu16(a, b)); mixv(_mm_min_epu32(a, b)); mixv(_mm_max_epi32(a, b));
        mixv(_mm_minpos_epu16(a)); mixv(_mm_mpsadbw_epu8(a, b, 5));
        mixv(_mm_castps_si128(_mm_round_ps(fa4, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)));
        mixv(_mm_castps_si128(_mm_floor_ps(fb4))); mixv(_mm_castpd_si128(_mm_ceil_pd(da)));
        mixv(_mm_castpd_si128(_mm_round_sd(da, db, _MM_FROUND_TO_ZERO)));
        mixv(_mm_castps_si128(_mm_dp_ps(fa4, fb4, 0xf1))); mixv(_mm_castpd_si128(_mm_dp_pd(da, db, 0x31)));
        mix(_mm_extract_epi8(a, 5)); mix(_mm_extract_epi16(a, 6)); mix(_mm_extract_epi32(b, 3)); mix(_mm_extract_epi64(b, 1));
        mixv(_mm_insert_epi8(a, i, 9)); mixv(_mm_insert_epi32(a, i, 2)); mixv(_mm_insert_epi64(b, i * 77LL, 0));
        mixv(_mm_castps_si128(_mm_insert_ps(fa4, fb4, 0x9a)));
        mix(_mm_extract_ps(fa4, 2));
    }
    report("sse41");
    for (int i = 0; i < 2000; i++) {
        __m128i a = rv(), b = rv();
        mixv(_mm_cmpgt_epi64(a, b));
        mix(_mm_cmpistri(a, b, _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_ANY));
        mix(_mm_cmpistri(a, b, _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_ORDERED | _SIDD_MOST_SIGNIFICANT));
        mix(_mm_cmpistri(a, b, _SIDD_SWORD_OPS | _SIDD_CMP_RANGES | _SIDD_NEGATIVE_POLARITY));
        mix(_mm_cmpistrz(a, b, _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_EACH));
        mix(_mm_cmpistrc(a, b, _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_EACH | _SIDD_MASKED_NEGATIVE_POLARITY));
        mixv(_mm_cmpistrm(a, b, _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_ANY | _SIDD_UNIT_MASK));
        mixv(_mm_cmpistrm(a, b, _SIDD_UWORD_OPS | _SIDD_CMP_RANGES));
        int la = (int) (rnd() % 20) - 2, lb = (int) (rnd() % 20) - 2;
        mix(_mm_cmpestri(a, la, b, lb, _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_ANY));
        mix(_mm_cmpestri(a, la, b, lb, _SIDD_SBYTE_OPS | _SIDD_CMP_EQUAL_ORDERED));
        mixv(_mm_cmpestrm(a, la, b, lb, _SIDD_UWORD_OPS | _SIDD_CMP_EQUAL_EACH | _SIDD_UNIT_MASK));
        mix(_mm_cmpestra(a, la, b, lb, _SIDD_UBYTE_OPS | _SIDD_CMP_RANGES));
        mix(_mm_crc32_u8(i, (uint8_t) rnd())); mix(_mm_crc32_u16(i, (uint16_t) rnd()));
        mix(_mm_crc32_u32(i, (uint32_t) rnd())); mix(_mm_crc32_u64(i, rnd()));
        mix(_mm_popcnt_u64(rnd())); mix(_mm_popcnt_u32((uint32_t) rnd()));
    }
    report("sse42");
    /* Loops the compiler vectorises with SSE4.1 (pmulld, pminsd, blends, pmovzx, roundps). */
    for (int i = 0; i < 1024; i++) {
        fa[i] = (float) (rnd() % 20000) / 7.0f - 1000.0f; fb[i] = (float) (rnd() % 1000) / 3.0f;
        ia[i] = (int) rnd(); ib[i] = (int) rnd(); ua[i] = (unsigned char) rnd();
    }
    for (int r = 0; r < 20; r++) {
        for (int i = 0; i < 1024; i++) ic[i] = ia[i] * ib[i] + (ia[i] < ib[i] ? ia[i] : ib[i]);
        for (int i = 0; i < 1024; i++) fc[i] = __builtin_floorf(fa[i] * fb[i]) + (fa[i] > 0 ? fa[i] : fb[i]);
        for (int i = 0; i < 1024; i++) ub[i] = (unsigned char) ((ua[i] * 3 + r) >> 1);
        for (int i = 0; i < 1024; i++) ia[i] += ub[i];
    }
    for (int i = 0; i < 1024; i++) { uint32_t u; memcpy(&u, &fc[i], 4); mix(u); mix((uint32_t) ic[i]); mix(ub[i]); }
    report("loops");
    return 0;
}
