/* exit() with a status and output written with write(2) and buffered stdio interleaved. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    fputs("buffered ", stdout);
    fflush(stdout);
    write(1, "direct\n", 7);
    printf("argc=%d\n", argc);
    exit(argc > 1 ? atoi(argv[1]) : 42);
}
