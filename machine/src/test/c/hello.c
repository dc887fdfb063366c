/* The smallest end-to-end check: stdio, exit status. */
#include <stdio.h>

int main(void) {
    printf("Hello, world!\n");
    puts("second line");
    return 0;
}
