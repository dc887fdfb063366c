/* printf/strtod of integers and doubles: glibc's formatting uses integer, SSE2 and some x87 code. */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    long long ints[] = {0, 1, -1, 42, -42, 2147483647, -2147483647 - 1, 4294967295LL, 9223372036854775807LL,
                        -9223372036854775807LL - 1, 1000000, 123456789012345LL};
    for (unsigned i = 0; i < sizeof ints / sizeof *ints; i++)
        printf("%lld|%llu|%llx|%llo|%+lld|%20lld|%-8lld|%08lld\n", ints[i], (unsigned long long) ints[i],
               (unsigned long long) ints[i], (unsigned long long) ints[i], ints[i], ints[i], ints[i], ints[i]);
    printf("%hhd %hd %d %ld %zu %" PRIu64 "\n", (char) 300, (short) 70000, 1 << 31, -5L, (size_t) 77, UINT64_MAX);

    double ds[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e10, 1e-10, 123456.789, 6.02214076e23,
                   1.602176634e-19, DBL_MAX, DBL_MIN, 4.9406564584124654e-324, 3.141592653589793, 2.718281828459045,
                   1e300 * 10, 9007199254740993.0, 0.5, 2.5, -2.5, 1e22, 1e23};
    for (unsigned i = 0; i < sizeof ds / sizeof *ds; i++) {
        double d = ds[i];
        printf("%.17g|%a|%e|%f|%g|%.3f|%10.2e|%.0f\n", d, d, d, d, d, d, d, d);
    }
    printf("%f %f %f %F\n", NAN, -NAN, INFINITY, -INFINITY);
    printf("%.30f\n", 0.1);
    printf("%.60g\n", 1.0 / 3.0);

    const char *strs[] = {"0", "1e-5", "3.14159", "-2.5e+300", "0x1.8p3", "inf", "nan", "1e400", "4.9e-324",
                          "2.2250738585072011e-308", "123456789012345678901234567890", "0.1", ".5", "17.25abc"};
    for (unsigned i = 0; i < sizeof strs / sizeof *strs; i++) {
        char *end;
        double d = strtod(strs[i], &end);
        printf("strtod(%s) = %.17g rest '%s'\n", strs[i], d, end);
    }
    printf("atoi %d strtol %ld strtoul %lu\n", atoi("-1234"), strtol("0x7fff", NULL, 16), strtoul("777", NULL, 8));

    double acc = 0;
    for (int i = 1; i <= 1000; i++) acc += sqrt((double) i) / i - floor(i / 7.0) * 0.5 + fabs(sin(0.0) - i);
    printf("acc %.17g\n", acc);
    float f = 1.0f;
    for (int i = 0; i < 50; i++) f = f * 1.1f + 0.25f / (i + 1);
    printf("float %.9g %a\n", f, f);

    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s-%05d-%c-%%", "abc", 42, 'z');
    printf("snprintf %d '%s'\n", n, buf);
    return 0;
}
