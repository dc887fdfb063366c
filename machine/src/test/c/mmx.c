/* cflags: -mmmx -mssse3 */
/* MMX (and SSSE3 on mm registers) through intrinsics, with EMMS before the x87 is used again:
 * the mm registers are the x87 registers, so interleaving also checks the aliasing. */
#include <mmintrin.h>
#include <tmmintrin.h>
#include <xmmintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t st = 0x2545f4914f6cdd1dULL;
static uint64_t rnd(void) { st ^= st << 13; st ^= st >> 7; st ^= st << 17; return st; }
static uint64_t h = 0xcbf29ce484222325ULL;
static void mixm(__m64 v) { uint64_t a; memcpy(&a, &v, 8); h = (h ^ a) * 0x100000001b3ULL; }
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; }
static __m64 rm(void) { uint64_t v = rnd(); if (v % 5 == 0) v &= 0x00ff00ff00ff00ffULL; __m64 m; memcpy(&m, &v, 8); return m; }

int main(void) {
    volatile long double acc = 1.0L;
    for (int i = 0; i < 3000; i++) {
        __m64 a = rm(), b = rm();
        mixm(_mm_add_pi8(a, b)); mixm(_mm_add_pi16(a, b)); mixm(_mm_add_pi32(a, b)); mixm(_mm_adds_pi8(a, b));
        mixm(_mm_adds_pu16(a, b)); mixm(_mm_sub_pi8(a, b)); mixm(_mm_subs_pi16(a, b)); mixm(_mm_subs_pu8(a, b));
        mixm(_mm_mullo_pi16(a, b)); mixm(_mm_mulhi_pi16(a, b)); mixm(_mm_madd_pi16(a, b));
        mixm(_mm_cmpeq_pi8(a, b)); mixm(_mm_cmpgt_pi16(a, b)); mixm(_mm_cmpgt_pi32(a, b));
        mixm(_mm_packs_pi16(a, b)); mixm(_mm_packs_pi32(a, b)); mixm(_mm_packs_pu16(a, b));
        mixm(_mm_unpackhi_pi8(a, b)); mixm(_mm_unpacklo_pi8(a, b)); mixm(_mm_unpackhi_pi16(a, b));
        mixm(_mm_unpacklo_pi32(a, b)); mixm(_mm_unpackhi_pi32(a, b));
        mixm(_mm_and_si64(a, b)); mixm(_mm_andnot_si64(a, b)); mixm(_mm_or_si64(a, b)); mixm(_mm_xor_si64(a, b));
        mixm(_mm_sll_pi16(a, _mm_cvtsi32_si64(i % 20))); mixm(_mm_srai_pi32(a, i % 40)); mixm(_mm_srli_si64(a, i % 70));
        mixm(_mm_slli_pi32(b, 7)); mixm(_mm_srl_pi32(b, _mm_cvtsi32_si64(i % 35)));
        /* SSE additions on mm */
        mixm(_mm_avg_pu8(a, b)); mixm(_mm_max_pi16(a, b)); mixm(_mm_min_pu8(a, b)); mixm(_mm_mulhi_pu16(a, b));
        mixm(_mm_sad_pu8(a, b)); mixm(_mm_shuffle_pi16(a, 0x4e)); mix(_mm_movemask_pi8(a));
        mix(_mm_extract_pi16(a, 2)); mixm(_mm_insert_pi16(a, i, 1));
        /* SSSE3 on mm */
        mixm(_mm_shuffle_pi8(a, b)); mixm(_mm_hadd_pi16(a, b)); mixm(_mm_hadd_pi32(a, b)); mixm(_mm_hsubs_pi16(a, b));
        mixm(_mm_maddubs_pi16(a, b)); mixm(_mm_mulhrs_pi16(a, b)); mixm(_mm_sign_pi8(a, b)); mixm(_mm_abs_pi16(a));
        mixm(_mm_alignr_pi8(a, b, 3)); mixm(_mm_alignr_pi8(a, b, 11));
        mix((uint64_t) _mm_cvtsi64_si32(a));
        __m128 f = _mm_cvtpi32_ps(_mm_setzero_ps(), a);
        mixm(_mm_cvtps_pi32(f)); mixm(_mm_cvttps_pi32(_mm_mul_ps(f, _mm_set1_ps(0.37f))));
        _mm_empty();
        acc = acc * 1.0000001L + (long double) i / 3.0L;   /* x87 after EMMS */
    }
    printf("mmx %016llx\n", (unsigned long long) h);
    printf("acc %.15Lg\n", (long double) acc);
    return 0;
}
