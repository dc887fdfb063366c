package org.jemu.user;

import java.io.IOException;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.interp.SyscallHandler;

/**
 * The Linux x86-64 system call ABI: number in RAX, arguments in RDI, RSI, RDX, R10, R8, R9, result (or
 * -errno) in RAX (x86-64 psABI §A.2.1). Dispatches to the file, memory and process groups; an unknown
 * number returns -ENOSYS.
 */
final class LinuxSyscalls implements SyscallHandler {
    private final GuestProcess p;
    private final FileSyscalls file;
    private final MemorySyscalls mem;
    private final ProcessSyscalls proc;
    private final boolean[] reported = new boolean[1024];

    LinuxSyscalls(GuestProcess p) {
        this.p = p;
        this.file = new FileSyscalls(p);
        this.mem = new MemorySyscalls(p);
        this.proc = new ProcessSyscalls(p);
    }

    @Override
    public void syscall(CpuState cpu) {
        long[] r = cpu.gpr;
        long nr = r[CpuState.RAX];
        long a0 = r[CpuState.RDI], a1 = r[CpuState.RSI], a2 = r[CpuState.RDX], a3 = r[10], a4 = r[8], a5 = r[9];
        long result;
        try {
            result = dispatch(nr, a0, a1, a2, a3, a4, a5);
        } catch (GuestMemory.Fault f) {
            result = -Errno.EFAULT;
        } catch (IOException e) {
            result = -FileSyscalls.errno(e);
        }
        if (p.strace) trace(nr, a0, a1, a2, a3, a4, a5, result);
        if (!p.exited) r[CpuState.RAX] = result;
        int sig = p.pendingSignal;
        if (sig != 0 && !p.exited) {
            // A signal the process sent itself: delivered on the way back to user mode, as Linux does.
            p.pendingSignal = 0;
            if (!p.signalDelivery.deliver(sig, p.pendingCode, (p.pid & 0xffffffffL) | (long) p.uid << 32)) p.killedBy(sig);
        }
    }

    private void trace(long nr, long a0, long a1, long a2, long a3, long a4, long a5, long result) {
        p.diag.println(p.pid + " " + SyscallNames.name(nr) + "(0x" + Long.toHexString(a0) + ", 0x" + Long.toHexString(a1)
                + ", 0x" + Long.toHexString(a2) + ", 0x" + Long.toHexString(a3) + ", 0x" + Long.toHexString(a4) + ", 0x"
                + Long.toHexString(a5) + ") = " + (result < 0 && result > -4096 ? result + " (errno " + -result + ")"
                : p.exited ? "?" : "0x" + Long.toHexString(result)));
    }

    private long dispatch(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
            throws IOException, GuestMemory.Fault {
        int fd = (int) a0;
        switch ((int) nr == nr ? (int) nr : -1) {
            case 0: return file.read(fd, a1, a2);
            case 1: return file.write(fd, a1, a2);
            case 2: return file.openat(FileSyscalls.AT_FDCWD, a0, (int) a1, (int) a2);
            case 3: return file.close(fd);
            case 4: return file.fstatat(FileSyscalls.AT_FDCWD, a0, a1, 0, false);
            case 5: return file.fstat(fd, a1);
            case 6: return file.fstatat(FileSyscalls.AT_FDCWD, a0, a1, FileSyscalls.AT_SYMLINK_NOFOLLOW, false);
            case 8: return file.lseek(fd, a1, (int) a2);
            case 9: return mem.mmap(a0, a1, (int) a2, (int) a3, (int) a4, a5);
            case 10: return mem.mprotect(a0, a1, (int) a2);
            case 11: return mem.munmap(a0, a1);
            case 12: return mem.brk(a0);
            case 13: return proc.rtSigaction((int) a0, a1, a2, a3);
            case 14: return proc.rtSigprocmask((int) a0, a1, a2, a3);
            case 15: return p.signalDelivery != null ? ((SignalDelivery) p.signalDelivery).sigreturn() : -Errno.ENOSYS;
            case 16: return file.ioctl(fd, a1 & 0xffffffffL, a2);
            case 17: return file.pread(fd, a1, a2, a3);
            case 18: return file.pwrite(fd, a1, a2, a3);
            case 19: return file.vector(fd, a1, (int) a2, false);
            case 20: return file.vector(fd, a1, (int) a2, true);
            case 21: return file.faccessat(FileSyscalls.AT_FDCWD, a0, (int) a1);
            case 24: return 0;                                            // sched_yield
            case 25: return mem.mremap(a0, a1, a2, (int) a3, a4);
            case 28: return mem.madvise(a0, a1, (int) a2);
            case 32: return file.dup(fd, 0);
            case 33: return file.dup2(fd, (int) a1);
            case 35: return proc.nanosleep(a0);
            case 39: return p.pid;                                        // getpid
            case 60: p.exit((int) a0 & 0xff); return 0;                    // exit
            case 62: return proc.kill(a0, (int) a1, 0);                       // SI_USER
            case 63: return proc.uname(a0);
            case 72: return file.fcntl(fd, (int) a1, a2);
            case 74: case 75: return 0;                                   // fsync, fdatasync
            case 77: return file.ftruncate(fd, a1);
            case 79: return file.getcwd(a0, a1);
            case 80: return file.chdir(a0);
            case 82: return file.renameat(FileSyscalls.AT_FDCWD, a0, FileSyscalls.AT_FDCWD, a1);
            case 83: return file.mkdirat(FileSyscalls.AT_FDCWD, a0, (int) a1);
            case 84: return file.unlinkat(FileSyscalls.AT_FDCWD, a0, FileSyscalls.AT_REMOVEDIR);
            case 87: return file.unlinkat(FileSyscalls.AT_FDCWD, a0, 0);
            case 89: return file.readlinkat(FileSyscalls.AT_FDCWD, a0, a1, a2);
            case 95: { int old = p.umask; p.umask = (int) a0 & 0777; return old; }
            case 96: return proc.gettimeofday(a0, a1);
            case 97: return proc.prlimit((int) a0, 0, a1);                // getrlimit
            case 98: return proc.getrusage(a1);
            case 99: return proc.sysinfo(a0);
            case 102: case 107: return p.uid;                             // getuid, geteuid
            case 104: case 108: return p.gid;                             // getgid, getegid
            case 110: return 1;                                           // getppid
            case 131: return 0;                                           // sigaltstack
            case 158: return proc.archPrctl((int) a0, a1);
            case 186: return p.pid;                                       // gettid
            case 200: return proc.kill(a0, (int) a1, -6);                     // tkill: SI_TKILL
            case 201: return proc.time(a0);
            case 202: return proc.futex(a0, (int) a1, (int) a2);
            case 204: return proc.schedGetaffinity(a1, a2);
            case 217: return file.getdents64(fd, a1, (int) a2);
            case 218: return p.pid;                                       // set_tid_address
            case 221: return 0;                                           // fadvise64
            case 228: return proc.clockGettime((int) a0, a1);
            case 229: return proc.clockGetres((int) a0, a1);
            case 230: return proc.nanosleep(a2);                           // clock_nanosleep (relative)
            case 231: p.exit((int) a0 & 0xff); return 0;                   // exit_group
            case 234: return proc.kill(a1, (int) a2, -6);                     // tgkill: SI_TKILL
            case 257: return file.openat(fd, a1, (int) a2, (int) a3);
            case 258: return file.mkdirat(fd, a1, (int) a2);
            case 262: return file.fstatat(fd, a1, a2, (int) a3, false);
            case 263: return file.unlinkat(fd, a1, (int) a2);
            case 264: case 316: return file.renameat(fd, a1, (int) a2, a3);  // renameat, renameat2
            case 267: return file.readlinkat(fd, a1, a2, a3);
            case 269: case 439: return file.faccessat(fd, a1, (int) a2);   // faccessat, faccessat2
            case 273: return 0;                                           // set_robust_list
            case 292: return a0 == a1 ? -Errno.EINVAL : file.dup2(fd, (int) a1);   // dup3
            case 302: return proc.prlimit((int) a1, a2, a3);
            case 318: return proc.getrandom(a0, a1);
            case 332: return file.fstatat(fd, a1, a4, (int) a2, true);      // statx
            case 334: return -Errno.ENOSYS;                               // rseq: glibc copes
            default:
                if (p.logUnimplemented && !(nr >= 0 && nr < reported.length && reported[(int) nr])) {
                    if (nr >= 0 && nr < reported.length) reported[(int) nr] = true;
                    p.diag.println("jemu: unimplemented syscall " + nr + " (" + SyscallNames.name(nr) + ")");
                }
                return -Errno.ENOSYS;
        }
    }
}
