/* File system calls: create, write, read back, stat, seek, list a directory, rename, unlink. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *) a, *(char *const *) b); }

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    if (chdir(argv[1]) != 0) { perror("chdir"); return 3; }
    mkdir("d", 0755);
    FILE *f = fopen("d/a.txt", "w");
    for (int i = 0; i < 1000; i++) fprintf(f, "line %d\n", i);
    fclose(f);
    int fd = open("d/b.bin", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    char buf[8192];
    for (int i = 0; i < (int) sizeof buf; i++) buf[i] = (char) (i * 13);
    printf("write %zd\n", write(fd, buf, sizeof buf));
    close(fd);

    struct stat st;
    int r = stat("d/a.txt", &st);
    printf("stat %d size %lld reg %d\n", r, (long long) st.st_size, S_ISREG(st.st_mode));
    printf("stat missing %d\n", stat("d/none", &st));
    fd = open("d/b.bin", O_RDONLY);
    r = fstat(fd, &st);
    printf("fstat %d size %lld\n", r, (long long) st.st_size);
    printf("lseek %lld\n", (long long) lseek(fd, 4000, SEEK_SET));
    ssize_t n = read(fd, buf, 100);
    printf("read %zd first %d\n", n, buf[0]);
    printf("pread %zd\n", pread(fd, buf, 10, 8190));
    printf("lseek end %lld\n", (long long) lseek(fd, 0, SEEK_END));
    close(fd);

    f = fopen("d/a.txt", "r");
    char line[64];
    long total = 0;
    int lines = 0;
    while (fgets(line, sizeof line, f)) { total += atoi(line + 5); lines++; }
    fclose(f);
    printf("lines %d total %ld\n", lines, total);

    rename("d/b.bin", "d/c.bin");
    DIR *dir = opendir("d");
    char *names[16];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && count < 16) names[count++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, count, sizeof *names, cmp);
    for (int i = 0; i < count; i++) printf("entry %s\n", names[i]);
    printf("open missing %d\n", open("d/b.bin", O_RDONLY));
    int u1 = unlink("d/a.txt"), u2 = unlink("d/c.bin"), rd = rmdir("d");
    printf("unlink %d %d rmdir %d\n", u1, u2, rd);
    char cwd[256];
    printf("getcwd ok %d\n", getcwd(cwd, sizeof cwd) != NULL);
    return 0;
}
