/*
 * Process behaviour: fork/wait and exit statuses, exec, pipes, signals (handlers, masks, SA_SIGINFO,
 * timers), hardware faults recovered with sigsetjmp/siglongjmp (page faults, divide error, invalid
 * opcode, breakpoint), mmap/mprotect/mremap/madvise, shared memory across fork, and the fd-based
 * event APIs (eventfd, signalfd, timerfd, epoll, Unix socket pairs).
 * Only pid-, address- and time-independent facts are printed.
 */
#define _GNU_SOURCE
#include "common.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long page;

static void test_fork_wait(void)
{
    int st;
    pid_t kids[5];
    for (int i = 0; i < 5; i++) {
        fflush(stdout);
        kids[i] = fork();
        if (kids[i] == 0)
            _exit(10 + i);
    }
    for (int i = 4; i >= 0; i--) {
        pid_t w = waitpid(kids[i], &st, 0);
        printf("child %d: waited=%s exited=%d status=%d\n", i, w == kids[i] ? "yes" : "no", WIFEXITED(st),
               WEXITSTATUS(st));
    }
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        pause();
        _exit(0);
    }
    kill(p, SIGKILL);
    waitpid(p, &st, 0);
    printf("killed child: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
    fflush(stdout);
    p = fork();
    if (p == 0) {
        printf("child writes before exit\n");
        exit(3); /* exit() flushes stdio */
    }
    waitpid(p, &st, 0);
    printf("child exit(3): status=%d\n", WEXITSTATUS(st));
    printf("wait with no children: %s\n", wait(&st) == -1 && errno == ECHILD ? "ECHILD" : "other");
}

static void test_exec(const char *self)
{
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        execl(self, self, "--exec-child", "hello", (char *)NULL);
        _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
    printf("exec child status=%d\n", WEXITSTATUS(st));
}

static void test_pipes(void)
{
    int to[2], back[2];
    if (pipe(to) || pipe(back)) {
        printf("pipe failed\n");
        check_failures++;
        return;
    }
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        close(to[1]);
        close(back[0]);
        digest d;
        d_init(&d);
        unsigned char buf[4096];
        ssize_t n;
        uint64_t total = 0;
        while ((n = read(to[0], buf, sizeof buf)) > 0) {
            d_bytes(&d, buf, (size_t)n);
            total += (uint64_t)n;
        }
        /* chunking differs between kernels: send the byte count and a digest of a re-hash */
        uint64_t msg[1] = {total};
        if (write(back[1], msg, sizeof msg) != sizeof msg)
            _exit(1);
        _exit(0);
    }
    close(to[0]);
    close(back[1]);
    static unsigned char data[300000];
    uint64_t s = 11;
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)rng_next(&s);
    size_t off = 0;
    while (off < sizeof data) {
        ssize_t n = write(to[1], data + off, sizeof data - off);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    close(to[1]);
    uint64_t msg[1] = {0};
    ssize_t got = read(back[0], msg, sizeof msg);
    int st;
    waitpid(p, &st, 0);
    printf("pipe: sent %zu, child received %" PRIu64 " (%zd-byte reply), child status %d\n", off, msg[0], got,
           WEXITSTATUS(st));
    close(back[0]);

    int fds[2];
    pipe(fds);
    close(fds[0]);
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    ssize_t w = write(fds[1], "x", 1);
    printf("write to closed pipe: %zd %s\n", w, errno == EPIPE ? "EPIPE" : "other");
    signal(SIGPIPE, SIG_DFL);
    close(fds[1]);

    pipe2(fds, O_NONBLOCK);
    char c;
    errno = 0;
    ssize_t nr = read(fds[0], &c, 1);
    printf("nonblocking empty read: %zd %s\n", nr, errno == EAGAIN ? "EAGAIN" : "other");
    close(fds[0]);
    close(fds[1]);
}

static volatile sig_atomic_t usr1_count, rt_count, last_code, alarm_count;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (sig == SIGUSR1)
        usr1_count++;
    else
        rt_count++;
    last_code = si->si_code;
}

static void on_alarm(int sig)
{
    (void)sig;
    alarm_count++;
}

static void test_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("raise: count=%d code=%s\n", (int)usr1_count, last_code == SI_TKILL ? "SI_TKILL" : "other");
    kill(getpid(), SIGUSR1);
    printf("kill: count=%d code=%s\n", (int)usr1_count, last_code == SI_USER ? "SI_USER" : "other");
    union sigval v = {.sival_int = 42};
    sigqueue(getpid(), SIGUSR1, v);
    printf("sigqueue: count=%d code=%s\n", (int)usr1_count, last_code == SI_QUEUE ? "SI_QUEUE" : "other");

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    raise(SIGUSR1); /* standard signals do not queue */
    sigset_t pend;
    sigpending(&pend);
    printf("blocked: count=%d pending=%d\n", (int)usr1_count, sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: count=%d\n", (int)usr1_count);

    /* real-time signals queue */
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, &old);
    for (int i = 0; i < 3; i++)
        sigqueue(getpid(), SIGRTMIN + 1, v);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("queued rt signals delivered: %d\n", (int)rt_count);

    /* wait for the timer without a race: SIGALRM stays blocked except inside sigsuspend */
    signal(SIGALRM, on_alarm);
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, &old);
    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    while (!alarm_count)
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("SIGALRM from setitimer: %d\n", (int)alarm_count);

    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    printf("ignored SIGUSR2: still running\n");
    signal(SIGUSR2, SIG_DFL);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    int sig = 0;
    sigwait(&set, &sig);
    printf("sigwait got %s\n", sig == SIGUSR2 ? "SIGUSR2" : "other");
    sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- faults ---- */

static sigjmp_buf fault_jmp;
static volatile int fault_sig, fault_code;
static volatile uintptr_t fault_addr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    fault_sig = sig;
    fault_code = si->si_code;
    fault_addr = (uintptr_t)si->si_addr;
    siglongjmp(fault_jmp, 1);
}

static const char *sig_name(int s)
{
    switch (s) {
    case 0:
        return "none";
    case SIGSEGV:
        return "SIGSEGV";
    case SIGBUS:
        return "SIGBUS";
    case SIGFPE:
        return "SIGFPE";
    case SIGILL:
        return "SIGILL";
    case SIGTRAP:
        return "SIGTRAP";
    default:
        return "other";
    }
}

#define FAULT(what, base, stmt)                                                                    \
    do {                                                                                           \
        fault_sig = 0;                                                                             \
        fault_code = 0;                                                                            \
        fault_addr = 0;                                                                            \
        if (sigsetjmp(fault_jmp, 1) == 0) {                                                        \
            stmt;                                                                                  \
        }                                                                                          \
        printf("%-28s %-8s code=%d offset=%ld\n", what, sig_name(fault_sig), fault_code,            \
               fault_sig == SIGSEGV || fault_sig == SIGBUS ? (long)(fault_addr - (uintptr_t)(base)) : 0L); \
    } while (0)

static void test_faults(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);

    volatile unsigned char *m = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    m[0] = 1;
    mprotect((void *)(m + page), page, PROT_NONE);
    mprotect((void *)(m + 2 * page), page, PROT_READ);
    munmap((void *)(m + 3 * page), page);

    FAULT("read PROT_NONE", m, (void)m[page + 123]);
    FAULT("write PROT_NONE", m, m[page + 7] = 1);
    FAULT("write PROT_READ", m, m[2 * page + 4095] = 1);
    FAULT("read PROT_READ", m, (void)m[2 * page + 5]);
    FAULT("read unmapped", m, (void)m[3 * page + 64]);
    FAULT("read NULL", 0, (void)*(volatile int *)0);
    FAULT("8-byte read across into NONE", m, (void)*(volatile uint64_t *)(m + page - 4));
    mprotect((void *)(m + 2 * page), page, PROT_READ | PROT_WRITE);
    FAULT("write after mprotect RW", m, m[2 * page + 4095] = 2);
    printf("value written after mprotect: %d\n", m[2 * page + 4095]);
    FAULT("kernel address", 0, (void)*(volatile int *)0xffff800000000000ULL);
    FAULT("non-canonical address", 0, (void)*(volatile int *)0x0000800000000000ULL);

    volatile uint32_t zero = 0, minus1 = 0xffffffffu;
    uint32_t q;
    FAULT("div by zero", 0, __asm__ volatile("xor %%edx, %%edx\n\tmov $7, %%eax\n\tdivl %1" : "=&a"(q) : "r"(zero) : "rdx"));
    FAULT("idiv INT_MIN/-1", 0,
          __asm__ volatile("mov $0x80000000, %%eax\n\tcltd\n\tidivl %1" : "=&a"(q) : "r"(minus1) : "rdx"));
    FAULT("ud2", 0, __asm__ volatile("ud2"));
    FAULT("int3", 0, __asm__ volatile("int3"));
    FAULT("hlt in user mode", 0, __asm__ volatile("hlt"));
    FAULT("cli in user mode", 0, __asm__ volatile("cli"));
    FAULT("in from port 0x80", 0, __asm__ volatile("inb $0x80, %%al" : : : "rax"));
    FAULT("rdmsr in user mode", 0, __asm__ volatile("rdmsr" : : "c"(0x10) : "rax", "rdx"));
    FAULT("no fault", 0, (void)m[0]);
    munmap((void *)m, 3 * page);
    signal(SIGSEGV, SIG_DFL);

    /* a child that dies of a fault */
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        signal(SIGSEGV, SIG_DFL);
        volatile int *volatile bad = (volatile int *)8;
        *bad = 1;
        _exit(0);
    }
    int st;
    waitpid(p, &st, 0);
    printf("child segfault: signaled=%d sig=%s\n", WIFSIGNALED(st), sig_name(WTERMSIG(st)));
}

/* ---- memory mappings ---- */

static void test_mmap(void)
{
    unsigned char *a = mmap(NULL, 64 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int zero = 1;
    for (long i = 0; i < 64 * page; i += 61)
        zero &= a[i] == 0;
    printf("anonymous mapping zero-filled: %d\n", zero);
    for (long i = 0; i < 64 * page; i++)
        a[i] = (unsigned char)(i * 7);
    digest d;
    d_init(&d);
    d_bytes(&d, a, (size_t)(64 * page));
    d_print("anon pages", &d);

    madvise(a, 4 * page, MADV_DONTNEED);
    printf("after MADV_DONTNEED: %d %d\n", a[0], a[4 * page]);

    unsigned char *b = mremap(a, 64 * page, 128 * page, MREMAP_MAYMOVE);
    printf("mremap grow: %s, old data kept: %d, new tail zero: %d\n", b == MAP_FAILED ? "failed" : "ok",
           b != MAP_FAILED && b[5 * page] == (unsigned char)(5 * page * 7), b != MAP_FAILED && b[100 * page] == 0);
    munmap(b, 128 * page);

    /* MAP_SHARED anonymous memory is shared with a child; MAP_PRIVATE is copy-on-write */
    volatile int *shared = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    volatile int *priv = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    *shared = 1;
    *priv = 1;
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        *shared = 42;
        *priv = 42;
        _exit(0);
    }
    waitpid(p, NULL, 0);
    printf("after child wrote 42: shared=%d private=%d\n", *shared, *priv);

    /* a file in /tmp mapped shared, written through the mapping, read back with read() */
    char path[] = "/tmp/jemu-proc-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        printf("mkstemp failed\n");
        check_failures++;
        return;
    }
    unlink(path);
    if (ftruncate(fd, 3 * page) != 0)
        printf("ftruncate failed\n");
    char *f = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    for (long i = 0; i < 3 * page; i++)
        f[i] = (char)('a' + i % 26);
    msync(f, 3 * page, MS_SYNC);
    char buf[16] = {0};
    pread(fd, buf, 10, page + 3);
    printf("file mapping read back: %s\n", buf);
    munmap(f, 3 * page);
    char *r = mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, page);
    printf("private file mapping at offset: %.5s\n", r);
    munmap(r, page);
    close(fd);

    /* brk via malloc of many small blocks, and a large malloc (mmap) */
    digest m;
    d_init(&m);
    void *blocks[1000];
    for (int i = 0; i < 1000; i++) {
        blocks[i] = malloc((size_t)(i % 50) * 16 + 1);
        memset(blocks[i], i, (size_t)(i % 50) * 16 + 1);
    }
    for (int i = 0; i < 1000; i++) {
        d_bytes(&m, blocks[i], (size_t)(i % 50) * 16 + 1);
        free(blocks[i]);
    }
    char *big = malloc(8 << 20);
    memset(big, 0x5a, 8 << 20);
    d_bytes(&m, big + (4 << 20), 100);
    free(big);
    d_print("malloc", &m);
}

/* ---- fd-based event APIs ---- */

static void test_events(void)
{
    int efd = eventfd(3, EFD_NONBLOCK);
    uint64_t v = 4;
    write(efd, &v, 8);
    v = 0;
    read(efd, &v, 8);
    errno = 0;
    ssize_t again = read(efd, &v, 8);
    printf("eventfd: read %" PRIu64 ", then %zd %s\n", v, again, errno == EAGAIN ? "EAGAIN" : "other");

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 1};
    epoll_ctl(ep, EPOLL_CTL_ADD, sv[1], &ev);
    ev.data.u32 = 2;
    epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
    struct epoll_event out[4];
    int n = epoll_wait(ep, out, 4, 0);
    printf("epoll idle: %d ready\n", n);
    write(sv[0], "ping", 4);
    v = 1;
    write(efd, &v, 8);
    n = epoll_wait(ep, out, 4, 1000);
    unsigned mask = 0;
    for (int i = 0; i < n; i++)
        mask |= 1u << out[i].data.u32;
    printf("epoll after writes: %d ready, ids mask %u\n", n, mask);
    char buf[8] = {0};
    read(sv[1], buf, sizeof buf - 1);
    printf("socketpair received: %s\n", buf);
    close(ep);
    close(efd);

    /* datagram socketpair keeps message boundaries */
    int dg[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, dg);
    send(dg[0], "one", 3, 0);
    send(dg[0], "three", 5, 0);
    char b1[16] = {0}, b2[16] = {0};
    ssize_t r1 = recv(dg[1], b1, sizeof b1, 0), r2 = recv(dg[1], b2, sizeof b2, 0);
    printf("dgram: %zd '%s', %zd '%s'\n", r1, b1, r2, b2);
    close(dg[0]);
    close(dg[1]);
    close(sv[0]);
    close(sv[1]);

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    int sfd = signalfd(-1, &set, 0);
    raise(SIGUSR2);
    struct signalfd_siginfo si;
    ssize_t got = read(sfd, &si, sizeof si);
    printf("signalfd: %s signo=%s\n", got == sizeof si ? "full record" : "short", si.ssi_signo == SIGUSR2 ? "SIGUSR2" : "other");
    close(sfd);
    sigprocmask(SIG_SETMASK, &old, NULL);

    int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
    struct itimerspec its = {{0, 0}, {0, 5 * 1000 * 1000}};
    timerfd_settime(tfd, 0, &its, NULL);
    uint64_t exp = 0;
    read(tfd, &exp, 8);
    printf("timerfd expired: %s\n", exp >= 1 ? "yes" : "no");
    close(tfd);

    struct timespec t0, t1, res;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct timespec sl = {0, 2 * 1000 * 1000};
    nanosleep(&sl, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long dt = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    printf("nanosleep 2ms: monotonic advanced >= 2ms: %s\n", dt >= 2000000 ? "yes" : "no");
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("clock_getres monotonic > 0: %s\n", res.tv_sec > 0 || res.tv_nsec > 0 ? "yes" : "no");
    struct timeval tv;
    gettimeofday(&tv, NULL);
    printf("gettimeofday after 2000-01-01: %s\n", tv.tv_sec > 946684800 ? "yes" : "no");
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--exec-child") == 0) {
        printf("exec'd child says %s\n", argv[2]);
        return 5;
    }
    page = sysconf(_SC_PAGESIZE);
    printf("page size: %ld\n", page);
    test_fork_wait();
    test_exec(argv[0]);
    test_pipes();
    test_signals();
    test_faults();
    test_mmap();
    test_events();
    return finish();
}
