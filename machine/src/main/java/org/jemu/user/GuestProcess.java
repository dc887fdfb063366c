package org.jemu.user;

import java.io.PrintStream;
import java.nio.file.Path;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.PhysicalMemory;

/** The state of the one emulated Linux process that the syscalls act on. */
final class GuestProcess {
    final CpuState cpu;
    final PhysicalMemory phys;
    final AddressSpace space;
    final GuestMemory mem;
    final FileTable files = new FileTable();
    /** Where jemu's own diagnostics (-strace, unimplemented syscalls) go. */
    final PrintStream diag;
    final Path exe;
    final int pid, uid, gid;

    Path cwd;
    int umask = 022;
    long brkStart, brk;
    /** Top of the area where mmap places mappings without an address (Linux mmap_base). */
    long mmapTop;

    boolean strace;
    boolean logUnimplemented;

    boolean exited;
    int exitStatus;
    /** Set by the syscall layer when the process must stop; the run loop checks it. */
    Runnable stopper = () -> {};

    final SignalState signals = new SignalState();

    GuestProcess(CpuState cpu, PhysicalMemory phys, AddressSpace space, PrintStream diag, Path exe, int pid, int uid,
            int gid) {
        this.cpu = cpu;
        this.phys = phys;
        this.space = space;
        this.mem = new GuestMemory(space, phys);
        this.diag = diag;
        this.exe = exe;
        this.pid = pid;
        this.uid = uid;
        this.gid = gid;
    }

    /** Runs a guest signal handler for a signal; false when it cannot (then the default action applies). */
    interface SignalDelivery {
        boolean deliver(int sig, int code, long addr);
    }

    SignalDelivery signalDelivery;
    /** A signal raised during a syscall, delivered when the syscall returns; 0 for none. */
    int pendingSignal;
    int pendingCode;
    /** The signal that terminated the process, or 0. */
    int termSignal;

    /** Termination by a signal's default action: exit status 128 + signal, as a shell reports it. */
    void killedBy(int sig) {
        termSignal = sig;
        exit(128 + sig);
    }

    void exit(int status) {
        exited = true;
        exitStatus = status;
        stopper.run();
    }

    /** Resolves a guest path against the current directory. */
    Path resolve(String p) {
        return cwd.resolve(p).normalize();
    }
}
