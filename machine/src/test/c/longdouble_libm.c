/* long double transcendental functions (FYL2X, F2XM1, FPATAN, FSIN, FPTAN... inside glibc's libm). */
#include <math.h>
#include <stdio.h>

int main(void) {
    for (int i = 1; i < 60; i++) {
        long double a = (long double) i * 0.731L - 9.0L;
        printf("%d %La %La %La\n", i, expl(a / 4), logl(fabsl(a) + 0.5L), powl(fabsl(a), 1.5L));
        printf("   %La %La %La %La\n", sinl(a), cosl(a), tanl(a / 10), atan2l(a, 1.5L));
        printf("   %.18Lg %.18Lg %.18Lg\n", log2l(fabsl(a) + 1), exp2l(a), log1pl(fabsl(a)));
    }
    return 0;
}
