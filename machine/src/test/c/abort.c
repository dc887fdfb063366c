/* abort(): SIGABRT, exit status 134. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    puts("aborting");
    fflush(stdout);
    abort();
}
