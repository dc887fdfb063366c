/* An unhandled fault: the process dies with SIGSEGV (exit status 139) after flushing what it wrote. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    printf("before the fault\n");
    fflush(stdout);
    volatile int *p = (volatile int *) (long) (argc - 1);
    return *p;
}
