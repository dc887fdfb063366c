/* What the kernel hands a new process: argc, argv, envp and the auxiliary vector. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv, char **envp) {
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d] = '%s'\n", i, argv[i]);
    printf("argv[argc] %s\n", argv[argc] == NULL ? "NULL" : "set");
    for (char **e = envp; *e; e++) printf("env '%s'\n", *e);
    printf("environ same %d\n", environ == envp);
    printf("getenv(JEMU_TEST) = %s\n", getenv("JEMU_TEST") ? getenv("JEMU_TEST") : "(null)");
    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    printf("AT_PHENT %lu AT_PHNUM %lu\n", getauxval(AT_PHENT), getauxval(AT_PHNUM));
    printf("AT_ENTRY %#lx AT_PHDR %#lx\n", getauxval(AT_ENTRY), getauxval(AT_PHDR));
    printf("AT_UID %lu AT_EUID %lu AT_GID %lu AT_EGID %lu\n", getauxval(AT_UID), getauxval(AT_EUID),
           getauxval(AT_GID), getauxval(AT_EGID));
    printf("AT_SECURE %lu AT_CLKTCK %lu\n", getauxval(AT_SECURE), getauxval(AT_CLKTCK));
    printf("AT_PLATFORM %s\n", (const char *) getauxval(AT_PLATFORM));
    printf("AT_EXECFN %s\n", (const char *) getauxval(AT_EXECFN));
    const unsigned char *r = (const unsigned char *) getauxval(AT_RANDOM);
    int nz = 0;
    for (int i = 0; i < 16; i++) nz |= r[i];
    printf("AT_RANDOM set %d\n", r != NULL && nz != 0);
    printf("stack aligned %d\n", ((unsigned long) __builtin_frame_address(0) & 7) == 0);
    printf("sysconf pagesize %ld\n", sysconf(_SC_PAGESIZE));
    printf("uid %d gid %d\n", (int) getuid(), (int) getgid());
    return argc;
}
