package org.jemu.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.jemu.cpu.CpuState;

/** Identity, time, limits, signals and thread-setup syscalls of a single-threaded process. */
final class ProcessSyscalls {
    static final int ARCH_SET_GS = 0x1001, ARCH_SET_FS = 0x1002, ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004;
    static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3,
            CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5, CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
    static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1;
    static final long RLIM_INFINITY = -1;

    private final GuestProcess p;
    private final long startNanos = System.nanoTime();
    private SecureRandom random;

    ProcessSyscalls(GuestProcess p) {
        this.p = p;
    }

    long archPrctl(int code, long addr) throws GuestMemory.Fault {
        switch (code) {
            case ARCH_SET_FS: case ARCH_SET_GS:
                if ((addr << 16 >> 16) != addr) return -Errno.EPERM;   // must be canonical
                p.cpu.segBase[code == ARCH_SET_FS ? CpuState.FS : CpuState.GS] = addr;
                return 0;
            case ARCH_GET_FS: p.mem.write64(addr, p.cpu.segBase[CpuState.FS]); return 0;
            case ARCH_GET_GS: p.mem.write64(addr, p.cpu.segBase[CpuState.GS]); return 0;
            default: return -Errno.EINVAL;
        }
    }

    // ---- time ----------------------------------------------------------------------------------

    /** {seconds, nanoseconds} of a clock. */
    long[] clock(int id) {
        switch (id) {
            case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE: {
                Instant now = Instant.now();
                return new long[] {now.getEpochSecond(), now.getNano()};
            }
            case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME: {
                long ns = System.nanoTime();
                return new long[] {Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)};
            }
            case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID: {
                long ns = System.nanoTime() - startNanos;
                return new long[] {ns / 1_000_000_000L, ns % 1_000_000_000L};
            }
            default: return null;
        }
    }

    long clockGettime(int id, long tp) throws GuestMemory.Fault {
        long[] t = clock(id);
        if (t == null) return -Errno.EINVAL;
        p.mem.write64(tp, t[0]);
        p.mem.write64(tp + 8, t[1]);
        return 0;
    }

    long clockGetres(int id, long tp) throws GuestMemory.Fault {
        if (clock(id) == null) return -Errno.EINVAL;
        if (tp != 0) {
            p.mem.write64(tp, 0);
            p.mem.write64(tp + 8, 1);
        }
        return 0;
    }

    long gettimeofday(long tv, long tz) throws GuestMemory.Fault {
        long[] t = clock(CLOCK_REALTIME);
        if (tv != 0) {
            p.mem.write64(tv, t[0]);
            p.mem.write64(tv + 8, t[1] / 1000);
        }
        if (tz != 0) p.mem.write64(tz, 0);
        return 0;
    }

    long time(long tloc) throws GuestMemory.Fault {
        long s = clock(CLOCK_REALTIME)[0];
        if (tloc != 0) p.mem.write64(tloc, s);
        return s;
    }

    long nanosleep(long req) throws GuestMemory.Fault {
        long s = p.mem.read64(req), ns = p.mem.read64(req + 8);
        if (s < 0 || ns < 0 || ns >= 1_000_000_000L) return -Errno.EINVAL;
        try {
            Thread.sleep(Math.min(s, 1L << 30) * 1000 + ns / 1_000_000, (int) (ns % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -Errno.EINTR;
        }
        return 0;
    }

    // ---- identity and system information -------------------------------------------------------

    long uname(long buf) throws GuestMemory.Fault {
        String[] f = {"Linux", host("hostname", "jemu"), host("osrelease", "6.1.0"), host("version", "#1 SMP"),
            "x86_64", host("domainname", "(none)")};
        byte[] b = new byte[6 * 65];
        for (int i = 0; i < 6; i++) {
            byte[] s = f[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(s, 0, b, 65 * i, Math.min(s.length, 64));
        }
        p.mem.write(buf, b);
        return 0;
    }

    /** The host kernel's value from /proc/sys/kernel, so uname output matches a native run. */
    private static String host(String name, String fallback) {
        try {
            return Files.readString(Path.of("/proc/sys/kernel", name)).trim();
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }

    long sysinfo(long buf) throws GuestMemory.Fault {
        ByteBuffer b = ByteBuffer.allocate(112).order(ByteOrder.LITTLE_ENDIAN);
        long total = p.phys.ramSize(), free = p.space.framesAvailable() * AddressSpace.PAGE;
        b.putLong(0, (System.nanoTime() - startNanos) / 1_000_000_000L);
        b.putLong(32, total).putLong(40, free).putShort(80, (short) 1).putInt(104, 1);
        p.mem.write(buf, b.array());
        return 0;
    }

    long prlimit(int resource, long newLimit, long oldLimit) throws GuestMemory.Fault {
        if (resource < 0 || resource >= 16) return -Errno.EINVAL;
        if (oldLimit != 0) {
            long cur = RLIM_INFINITY, max = RLIM_INFINITY;
            if (resource == 3) cur = 8L << 20;                          // RLIMIT_STACK
            if (resource == 7) { cur = FileTable.MAX_FDS; max = FileTable.MAX_FDS; }   // RLIMIT_NOFILE
            p.mem.write64(oldLimit, cur);
            p.mem.write64(oldLimit + 8, max);
        }
        return 0;
    }

    long getrandom(long buf, long len) throws GuestMemory.Fault {
        if (random == null) random = new SecureRandom();
        byte[] b = new byte[(int) Math.min(Math.max(len, 0), 1 << 20)];
        random.nextBytes(b);
        p.mem.write(buf, b);
        return b.length;
    }

    long schedGetaffinity(long len, long mask) throws GuestMemory.Fault {
        if (len < 8 || (len & 7) != 0) return -Errno.EINVAL;
        p.mem.write(mask, new byte[(int) Math.min(len, 128)]);
        p.mem.write(mask, new byte[] {1});
        return 8;
    }

    long getrusage(long buf) throws GuestMemory.Fault {
        p.mem.write(buf, new byte[144]);
        long ns = System.nanoTime() - startNanos;
        p.mem.write64(buf, ns / 1_000_000_000L);
        p.mem.write64(buf + 8, ns % 1_000_000_000L / 1000);
        return 0;
    }

    long futex(long uaddr, int op, int val) throws GuestMemory.Fault {
        switch (op & 0x7f) {
            case FUTEX_WAIT: case 9:        // FUTEX_WAIT_BITSET
                // One thread: nobody could ever wake us, so a wait on the expected value would hang.
                return p.mem.read32(uaddr) != val ? -Errno.EAGAIN : -Errno.EINVAL;
            case FUTEX_WAKE: case 10:       // FUTEX_WAKE_BITSET
                return 0;
            default:
                return -Errno.ENOSYS;
        }
    }

    // ---- signals -------------------------------------------------------------------------------

    long rtSigaction(int sig, long act, long oldact, long setsize) throws GuestMemory.Fault {
        if (sig < 1 || sig > SignalState.NSIG || setsize != 8) return -Errno.EINVAL;
        long[] a = p.signals.actions[sig];
        if (oldact != 0) for (int i = 0; i < 4; i++) p.mem.write64(oldact + 8L * i, a[i]);
        if (act != 0) {
            if (sig == SignalState.SIGKILL || sig == SignalState.SIGSTOP) return -Errno.EINVAL;
            for (int i = 0; i < 4; i++) a[i] = p.mem.read64(act + 8L * i);
        }
        return 0;
    }

    long rtSigprocmask(int how, long set, long oldset, long setsize) throws GuestMemory.Fault {
        if (setsize != 8) return -Errno.EINVAL;
        if (oldset != 0) p.mem.write64(oldset, p.signals.blocked);
        if (set != 0) {
            long s = p.mem.read64(set) & ~(1L << (SignalState.SIGKILL - 1) | 1L << (SignalState.SIGSTOP - 1));
            switch (how) {
                case 0: p.signals.blocked |= s; break;
                case 1: p.signals.blocked &= ~s; break;
                case 2: p.signals.blocked = s; break;
                default: return -Errno.EINVAL;
            }
        }
        return 0;
    }

    /** kill/tgkill aimed at ourselves: default actions only (ignored signals are ignored). */
    long kill(long pid, int sig, int code) {
        if (pid != p.pid && pid != 0 && pid != -1) return -Errno.ESRCH;
        if (sig == 0) return 0;
        if (sig < 1 || sig > SignalState.NSIG) return -Errno.EINVAL;
        long h = p.signals.handler(sig);
        boolean ignoredByDefault = sig == 17 || sig == 23 || sig == 28;   // SIGCHLD, SIGURG, SIGWINCH
        if (h == SignalState.SIG_IGN || (h == SignalState.SIG_DFL && ignoredByDefault)) return 0;
        if (h != SignalState.SIG_DFL && p.signalDelivery != null) {
            p.pendingSignal = sig;
            p.pendingCode = code;
            return 0;
        }
        p.killedBy(sig);
        return 0;
    }
}
