package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;

/** Placeholder until the decoder lands. */
public final class Interpreter {
    private final CpuState cpu;
    private SyscallHandler syscalls;
    private boolean stop;

    public Interpreter(CpuState cpu) {
        this.cpu = cpu;
    }

    public void setSyscallHandler(SyscallHandler h) { syscalls = h; }

    public void requestStop() { stop = true; }

    public long run(long max) {
        throw new UnsupportedOperationException("interpreter not yet available");
    }
}
