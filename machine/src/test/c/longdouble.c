/* long double (x87) arithmetic, conversions, the exact libm functions and printing, in every
 * rounding mode. The transcendental ones are in longdouble_libm.c. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile long double vals[] = {0.0L, -0.0L, 1.0L, -1.5L, 3.141592653589793238462643383279L, 1e-4000L, 1e4000L,
    LDBL_MIN, LDBL_MAX, LDBL_EPSILON, 2.5L, -2.5L, 0.1L, 1.0L / 3.0L, 123456789012345678.0L, 1e-310L};
static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
static const char *names[] = {"nearest", "down", "up", "zero"};

int main(void) {
    int n = sizeof vals / sizeof *vals;
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        printf("== %s\n", names[m]);
        for (int i = 0; i < n; i++) {
            long double a = vals[i], b = vals[(i * 5 + 3) % n];
            printf("%La %La %La %La\n", a + b, a - b, a * b, b != 0 ? a / b : 0.0L);
            printf("%.20Lg %Lf %.3Le\n", a * 7.0L / 3.0L, a, b);
            printf("%La %La %lld %ld\n", sqrtl(fabsl(a)), rintl(a * 10.5L), (long long) (a / 1e10L), lrintl(b / 1e300L));
            double d = (double) a;
            float f = (float) b;
            printf("%a %a %.17g\n", d, f, (double) (d * 3.0 + f));
        }
        long double x = 0.0L;
        for (int k = 1; k < 200; k++) x += 1.0L / ((long double) k * k);
        printf("zeta2 %.25Lg %La\n", x, x);
        printf("strtold %La %La\n", strtold("0.1", NULL), strtold("1e-4940", NULL));
    }
    fesetround(FE_TONEAREST);
    for (int i = 1; i < 40; i++) {
        long double a = (long double) i * 0.731L - 9.0L;
        printf("%d %La %La %La %La\n", i, fmodl(a, 2.3L), remainderl(a, 1.7L), floorl(a), truncl(a * 3.3L));
        printf("   %.18Lg %.18Lg %.18Lg\n", ceill(a * 1.5L), ldexpl(a, i * 10), frexpl(a, &(int){0}));
    }
    printf("%Lg %Lg %Lg\n", (long double) INFINITY, -(long double) NAN, LDBL_MAX * 2);
    printf("%.40Lf\n", 1.0L / 7.0L);
    return 0;
}
