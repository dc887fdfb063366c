package org.jemu.user;

/**
 * Signal dispositions and the blocked mask, as rt_sigaction and rt_sigprocmask record them. Each action
 * is the kernel's {@code struct sigaction} for x86-64: handler, flags, restorer, mask (4 longs).
 */
final class SignalState {
    static final int NSIG = 64;
    static final int SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGSEGV = 11,
            SIGSTOP = 19;
    static final long SIG_DFL = 0, SIG_IGN = 1;

    final long[][] actions = new long[NSIG + 1][4];
    long blocked;

    long handler(int sig) { return actions[sig][0]; }
}
