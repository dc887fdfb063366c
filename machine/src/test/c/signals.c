/* Signal handlers for faults (SIGSEGV, SIGFPE, SIGILL) and for raise(), with siglongjmp out of them. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile sig_atomic_t got;

static void fault(int sig, siginfo_t *si, void *uc) {
    (void) uc;
    printf("handler: signal %d code %d addr-is-null %d\n", sig, si->si_code, si->si_addr == NULL);
    siglongjmp(env, sig);
}

static void usr1(int sig) { got = sig; }

int main(int argc, char **argv) {
    (void) argv;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);

    if (sigsetjmp(env, 1) == 0) {
        volatile int *p = (volatile int *) (long) (argc - 1);
        printf("read %d\n", *p);
    } else {
        printf("recovered from SIGSEGV\n");
    }
    if (sigsetjmp(env, 1) == 0) {
        volatile int zero = argc - 1;
        printf("div %d\n", 10 / zero);
    } else {
        printf("recovered from SIGFPE\n");
    }
    if (sigsetjmp(env, 1) == 0) {
        __builtin_trap();
    } else {
        printf("recovered from SIGILL\n");
    }

    signal(SIGUSR1, usr1);
    volatile double d = 1.0 / 3.0;
    raise(SIGUSR1);
    printf("after raise: got %d, d %.17g\n", (int) got, d);

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    sigprocmask(SIG_SETMASK, &old, &set);
    printf("usr2 was blocked %d\n", sigismember(&set, SIGUSR2));
    signal(SIGSEGV, SIG_DFL);
    fflush(stdout);
    *(volatile int *) 0 = 1;
    return 0;
}
