/*
 * Floating point: double and float arithmetic on edge values (signed zeros, subnormals,
 * infinities, NaNs), conversions, SSE min/max and integer-conversion corner cases, the four
 * rounding modes, exception flags, x87 long double, and libm functions. Every value is printed
 * with %a (exact), or condensed into a digest of its bits.
 *
 * Inputs go through volatile variables so that GCC cannot fold anything at compile time, and the
 * program is built with -frounding-math.
 */
#include "common.h"

#include <emmintrin.h>
#include <fenv.h>
#include <float.h>
#include <math.h>

static volatile double vd[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 0.1, -2.75, 1e300, -1e-300, 4.9406564584124654e-324,
    2.2250738585072014e-308, 1.7976931348623157e308, 1.0 / 3.0, 123456789.0, 9007199254740993.0,
};
#define NVD (sizeof vd / sizeof vd[0])

static uint64_t dbits(double x)
{
    uint64_t u;
    memcpy(&u, &x, 8);
    return u;
}

static uint32_t fbits(float x)
{
    uint32_t u;
    memcpy(&u, &x, 4);
    return u;
}

static void arithmetic(void)
{
    digest d, f;
    d_init(&d);
    d_init(&f);
    double specials[NVD + 3];
    for (size_t i = 0; i < NVD; i++)
        specials[i] = vd[i];
    volatile double inf = INFINITY, nan_ = NAN;
    specials[NVD] = inf;
    specials[NVD + 1] = -inf;
    specials[NVD + 2] = nan_;
    size_t n = NVD + 3;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            volatile double a = specials[i], b = specials[j];
            d_u64(&d, dbits(a + b));
            d_u64(&d, dbits(a - b));
            d_u64(&d, dbits(a * b));
            d_u64(&d, dbits(a / b));
            d_u64(&d, (uint64_t)(a < b) | (uint64_t)(a == b) << 1 | (uint64_t)(a > b) << 2 |
                          (uint64_t)isunordered(a, b) << 3);
            volatile float fa = (float)a, fb = (float)b;
            d_u64(&f, fbits(fa + fb));
            d_u64(&f, fbits(fa - fb));
            d_u64(&f, fbits(fa * fb));
            d_u64(&f, fbits(fa / fb));
        }
    d_print("double +-*/ cmp", &d);
    d_print("float +-*/", &f);

    volatile double zero = 0.0, one = 1.0, three = 3.0, tiny = 4.9406564584124654e-324;
    printf("1/3     = %a\n", one / three);
    printf("0/0     = %a (%f)\n", zero / zero, zero / zero);
    printf("-0+0    = %a, -0*-1 = %a\n", -zero + zero, -zero * -one);
    printf("1/-0    = %a\n", one / -zero);
    printf("tiny/2  = %a, tiny*0.5+tiny = %a\n", tiny / 2, tiny * 0.5 + tiny);
    printf("sqrt(2) = %a, sqrt(-0) = %a, sqrt(-1) = %a\n", sqrt(one + one), sqrt(-zero), sqrt(-one));
    volatile float f3 = 3.0f;
    printf("1f/3f   = %a\n", (double)(1.0f / f3));
}

static void conversions(void)
{
    digest d;
    d_init(&d);
    for (size_t i = 0; i < NVD; i++) {
        double x = vd[i];
        d_u64(&d, fbits((float)x));
        d_u64(&d, dbits((double)(float)x));
        /* out of range -> the "integer indefinite" value, well defined at the instruction level */
        d_u64(&d, (uint64_t)_mm_cvttsd_si64(_mm_set_sd(x)));
        d_u64(&d, (uint64_t)(uint32_t)_mm_cvttsd_si32(_mm_set_sd(x)));
        d_u64(&d, (uint64_t)_mm_cvtsd_si64(_mm_set_sd(x * 1000.5)));
        d_u64(&d, dbits((double)(int64_t)dbits(x)));
        d_u64(&d, dbits((double)dbits(x)));
        d_u64(&d, fbits((float)(int64_t)dbits(x)));
        d_u64(&d, fbits((float)dbits(x)));
    }
    d_print("conversions", &d);
    volatile int64_t big = (1LL << 53) + 1;
    volatile uint64_t ubig = 0xffffffffffffffffULL;
    printf("(double)(2^53+1) = %a, (double)UINT64_MAX = %a, (float)UINT64_MAX = %a\n", (double)big, (double)ubig,
           (double)(float)ubig);
    volatile double nan_ = NAN, big2 = 1e20;
    printf("cvttsd2si: nan -> %" PRIx64 ", 1e20 -> %" PRIx64 ", -1e20 -> %x\n",
           (uint64_t)_mm_cvttsd_si64(_mm_set_sd(nan_)), (uint64_t)_mm_cvttsd_si64(_mm_set_sd(big2)),
           (unsigned)_mm_cvttsd_si32(_mm_set_sd(-big2)));
    /* MINSD/MAXSD return the second operand when either is NaN or both are zeros */
    volatile double pz = 0.0, nz = -0.0;
    printf("minsd(nan,1) = %a, minsd(1,nan) = %a, maxsd(+0,-0) = %a, maxsd(-0,+0) = %a\n",
           _mm_cvtsd_f64(_mm_min_sd(_mm_set_sd(nan_), _mm_set_sd(1.0))),
           _mm_cvtsd_f64(_mm_min_sd(_mm_set_sd(1.0), _mm_set_sd(nan_))),
           _mm_cvtsd_f64(_mm_max_sd(_mm_set_sd(pz), _mm_set_sd(nz))),
           _mm_cvtsd_f64(_mm_max_sd(_mm_set_sd(nz), _mm_set_sd(pz))));
    __m128d v = _mm_sqrt_pd(_mm_set_pd(2.0, -4.0));
    printf("sqrtpd(-4, 2) = %a %a\n", _mm_cvtsd_f64(v), _mm_cvtsd_f64(_mm_unpackhi_pd(v, v)));
}

static const int modes[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
static const char *const mode_names[4] = {"nearest", "downward", "upward", "towardzero"};

static void rounding(void)
{
    volatile double one = 1.0, two = 2.0, three = 3.0, big = 1e308, small = 1e-308, half = 2.5;
    volatile float fone = 1.0f, fthree = 3.0f;
    volatile long double lone = 1.0L, lthree = 3.0L;
    volatile int64_t i53 = (1LL << 53) + 1;
    for (int m = 0; m < 4; m++) {
        if (fesetround(modes[m]) != 0) {
            printf("fesetround(%s) failed\n", mode_names[m]);
            check_failures++;
            continue;
        }
        double r1 = one / three, r2 = -one / three, r3 = sqrt(two), r4 = big * 10, r5 = small * 1e-10;
        float f1 = fone / fthree, f2 = (float)(one / three);
        long double l1 = lone / lthree, l2 = sqrtl(lone + lone);
        double c1 = (double)i53;
        printf("%-10s 1/3=%a -1/3=%a sqrt2=%a big*10=%a small*1e-10=%a\n", mode_names[m], r1, r2, r3, r4, r5);
        printf("%-10s 1f/3f=%a (float)(1/3)=%a 1L/3L=%La sqrtl2=%La (double)(2^53+1)=%a\n", mode_names[m],
               (double)f1, (double)f2, l1, l2, c1);
        printf("%-10s rint(2.5)=%a rint(-2.5)=%a nearbyint(3.5)=%a lrint(-0.5)=%ld llrint(1.5)=%lld "
               "cvtsd2si(2.5)=%d\n",
               mode_names[m], rint(half), rint(-half), nearbyint(half + one), lrint(-0.5 * one), llrint(1.5 * one),
               _mm_cvtsd_si32(_mm_set_sd(half)));
        double acc = 0;
        for (int i = 1; i <= 200; i++)
            acc += one / (i * (double)i);
        printf("%-10s sum 1/i^2 = %a\n", mode_names[m], acc);
    }
    fesetround(FE_TONEAREST);
    printf("fegetround back to nearest: %s\n", fegetround() == FE_TONEAREST ? "yes" : "no");
}

static void show_flags(const char *what)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    printf("%-22s%s%s%s%s%s%s\n", what, e & FE_INVALID ? " invalid" : "", e & FE_DIVBYZERO ? " divbyzero" : "",
           e & FE_OVERFLOW ? " overflow" : "", e & FE_UNDERFLOW ? " underflow" : "", e & FE_INEXACT ? " inexact" : "",
           e ? "" : " none");
}

static void exceptions(void)
{
    volatile double one = 1.0, zero = 0.0, three = 3.0, big = 1e308, small = 1e-308, two = 2.0, r;
    volatile float fbig = 3e38f, fr;
    volatile long double lone = 1.0L, lzero = 0.0L, lr;
    (void)r;
    (void)fr;
    (void)lr;
#define TRY(name, expr)                                                                            \
    do {                                                                                           \
        feclearexcept(FE_ALL_EXCEPT);                                                              \
        expr;                                                                                      \
        show_flags(name);                                                                          \
    } while (0)
    TRY("2+2", r = two + two);
    TRY("1/3", r = one / three);
    TRY("1/0", r = one / zero);
    TRY("0/0", r = zero / zero);
    TRY("1e308*10", r = big * 10);
    TRY("1e-308*1e-10", r = small * 1e-10);
    TRY("sqrt(-1)", r = sqrt(-one));
    TRY("float 3e38*10", fr = fbig * 10);
    TRY("(float)1e308", fr = (float)big);
    TRY("cvttsd2si(1e20)", r = (double)_mm_cvttsd_si64(_mm_set_sd(big)));
    TRY("long double 1/0", lr = lone / lzero);
    TRY("long double 0/0", lr = lzero / lzero);
    TRY("long double 1/3", lr = lone / (lone + lone + lone));
    TRY("nan < 1 (signals)", r = (double)(zero / zero < one));
    feclearexcept(FE_ALL_EXCEPT);
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    show_flags("feraiseexcept(ovf|inx)");
    feclearexcept(FE_ALL_EXCEPT);
}

static void long_double(void)
{
    volatile long double one = 1.0L, three = 3.0L, ten = 10.0L;
    long double third = one / three;
    printf("1/3L     = %La\n", third);
    printf("3*(1/3L) = %La\n", third * three);
    printf("sqrtl(10)= %La\n", sqrtl(ten));
    printf("LDBL_MAX = %La, LDBL_MIN = %La, LDBL_EPSILON = %La\n", (long double)LDBL_MAX, (long double)LDBL_MIN,
           (long double)LDBL_EPSILON);
    printf("(long double)0.1 = %La, 0.1L = %La\n", (long double)(double)(one / ten), one / ten);
    printf("fmodl(10, 3) = %La, remainderl(10, 3) = %La\n", fmodl(ten, three), remainderl(ten, three));
    int e;
    long double m = frexpl(ten * 1e100L, &e);
    printf("frexpl(1e101) = %La * 2^%d, ldexpl(1, -16400) = %La\n", m, e, ldexpl(one, -16400));
    printf("expl(1) = %La, logl(10) = %La, sinl(1) = %La, atanl(1)*4 = %La\n", expl(one), logl(ten), sinl(one),
           atanl(one) * 4);
    printf("powl(3, 0.5) = %La, cbrtl(10) = %La, (long double)INT64_MIN = %La\n", powl(three, 0.5L), cbrtl(ten),
           (long double)INT64_MIN);
    volatile long double huge = 1e4000L;
    printf("1e4000L = %La, %Lg; (double)1e4000L = %a\n", huge, huge, (double)huge);
    volatile long double big = 12345678901234567890.0L;
    printf("(uint64)12345678901234567890.0L = %" PRIu64 ", (int64)-9.2e18L = %" PRId64 "\n", (uint64_t)big,
           (int64_t)(-9.2e18L * one));
}

static void libm(void)
{
    static const double in[] = {0.5, 1.0, 2.0, 10.0, 1e-5, 100.25, -3.7, 1e10, 0.1, 0.7853981633974483, 3.0, -0.0};
    struct {
        const char *n;
        double (*f)(double);
    } f1[] = {
        {"sin", sin},     {"cos", cos},       {"tan", tan},     {"asin", asin},   {"acos", acos},   {"atan", atan},
        {"sinh", sinh},   {"cosh", cosh},     {"tanh", tanh},   {"asinh", asinh}, {"acosh", acosh}, {"atanh", atanh},
        {"exp", exp},     {"exp2", exp2},     {"expm1", expm1}, {"log", log},     {"log2", log2},   {"log10", log10},
        {"log1p", log1p}, {"sqrt", sqrt},     {"cbrt", cbrt},   {"erf", erf},     {"erfc", erfc},   {"lgamma", lgamma},
        {"tgamma", tgamma}, {"floor", floor}, {"ceil", ceil},   {"round", round}, {"trunc", trunc}, {"rint", rint},
    };
    for (size_t k = 0; k < sizeof f1 / sizeof f1[0]; k++) {
        printf("%-7s", f1[k].n);
        for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
            volatile double x = in[i];
            printf(" %a", f1[k].f(x));
        }
        printf("\n");
    }
    struct {
        const char *n;
        double (*f)(double, double);
    } f2[] = {{"pow", pow}, {"atan2", atan2}, {"hypot", hypot}, {"fmod", fmod}, {"remainder", remainder},
              {"fdim", fdim}, {"copysign", copysign}, {"nextafter", nextafter}};
    for (size_t k = 0; k < sizeof f2 / sizeof f2[0]; k++) {
        printf("%-9s", f2[k].n);
        for (size_t i = 0; i + 1 < sizeof in / sizeof in[0]; i += 2) {
            volatile double x = in[i], y = in[i + 1];
            printf(" %a", f2[k].f(x, y));
        }
        printf("\n");
    }
    volatile double a = 0.1, b = 10.0, c = -1.0;
    printf("fma(0.1, 10, -1) = %a, 0.1*10-1 = %a\n", fma(a, b, c), a * b + c);
    int q = 0;
    double rq = remquo(b, 3.0, &q);
    printf("remquo(10, 3) = %a q=%d, ldexp(1, -1074) = %a, logb(1e-310) = %a, ilogb(1e300) = %d\n", rq, q,
           ldexp(1.0, -1074), logb(1e-310), ilogb(1e300));
    double ip = 0;
    double frac = modf(-2.75, &ip);
    printf("modf(-2.75) = %a + %a\n", frac, ip);

    static const float fin[] = {0.5f, 1.0f, 2.0f, 10.0f, 1e-5f, 100.25f, -3.7f, 1e10f};
    struct {
        const char *n;
        float (*f)(float);
    } ff[] = {{"sinf", sinf}, {"cosf", cosf}, {"tanf", tanf}, {"expf", expf}, {"logf", logf}, {"sqrtf", sqrtf},
              {"atanf", atanf}, {"exp2f", exp2f}, {"log2f", log2f}, {"cbrtf", cbrtf}};
    for (size_t k = 0; k < sizeof ff / sizeof ff[0]; k++) {
        printf("%-7s", ff[k].n);
        for (size_t i = 0; i < sizeof fin / sizeof fin[0]; i++) {
            volatile float x = fin[i];
            printf(" %a", (double)ff[k].f(x));
        }
        printf("\n");
    }
    volatile float fx = 2.0f, fy = 0.5f;
    printf("powf(2, 0.5) = %a, atan2f(2, 0.5) = %a\n", (double)powf(fx, fy), (double)atan2f(fx, fy));

    digest d;
    d_init(&d);
    uint64_t s = 5;
    for (int i = 0; i < 2000; i++) {
        volatile double x = (double)(int64_t)(rng_next(&s) >> 11) / (double)(1LL << 50) - 4.0;
        d_u64(&d, dbits(sin(x)));
        d_u64(&d, dbits(exp(x)));
        d_u64(&d, dbits(log(fabs(x) + 1e-3)));
        d_u64(&d, dbits(atan2(x, 1.5)));
        d_u64(&d, dbits(pow(fabs(x), 1.37)));
        d_u64(&d, fbits(sinf((float)x)));
        d_u64(&d, fbits(expf((float)x)));
    }
    d_print("libm sweep", &d);
}

static void printing(void)
{
    static const double v[] = {0.1, 1.0 / 3.0, 1e21, 1e-7, 123.456, 5e-324, 1.7976931348623157e308, 0.5, 2.5, -0.0};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        volatile double x = v[i];
        printf("%.17g | %e | %.3f | %g | %.0f\n", x, x, x, x, x);
    }
    volatile double big = 1e300;
    char buf[400];
    snprintf(buf, sizeof buf, "%f", big);
    printf("1e300 %%f has %zu chars, starts %.20s\n", strlen(buf), buf);
    static const char *const strs[] = {"0.1", "1e-320", "0x1.8p1", "inf", "-nan", "2.2250738585072011e-308",
                                       "9007199254740993", "1e400", "-0", "4.9e-324", "123.456e-2", "  +7.5x"};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        char *end;
        double x = strtod(strs[i], &end);
        float f = strtof(strs[i], NULL);
        long double l = strtold(strs[i], NULL);
        printf("strtod(\"%s\") = %a [%td] strtof = %a strtold = %La\n", strs[i], x, end - strs[i], (double)f, l);
    }
}

int main(void)
{
    arithmetic();
    conversions();
    rounding();
    exceptions();
    long_double();
    libm();
    printing();
    return finish();
}
