package org.jemu.jit;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.sys.Interrupts;
import org.jemu.cpu.time.VirtualClock;

/**
 * What compiled code reaches besides the CPU state: the instruction budget of the current run, the
 * interrupt signals to poll at loop heads, the interpreter for instructions compiled as calls
 * (fallbacks), and the clock, kept exact at every fallback so device time read by IN, RDTSC or MMIO
 * inside a region is what the interpreter would give.
 *
 * <p>One frame per {@link Jit}; fields are plain because everything runs on the CPU thread.
 */
public final class JitFrame {
    final CpuState cpu;
    final Interpreter interp;
    /** Instructions the region may complete (set by the dispatcher before each region call). */
    public int max;
    /** Completed instructions when a fault propagates out of a region. */
    public int count;
    /** The fault (or {@link org.jemu.cpu.mem.Mmu#BAIL}) that stopped the last region. */
    GuestFault fault;
    /** Of the region's completed instructions, how many the clock has already been told about. */
    int retiredInRegion;
    /** A write hit a page with decoded code during a fallback: the running region may be stale. */
    boolean codeDirty;
    CpuSignals signals;
    VirtualClock clock;

    JitFrame(CpuState cpu, Interpreter interp) {
        this.cpu = cpu;
        this.interp = interp;
    }

    /** Loop heads: true when the dispatcher must take an interrupt or event now. */
    // pending() and signalled() are each under 35 bytes of bytecode, so C1 inlines them into loop
    // heads; the rare part is actionable().
    public boolean pending() {
        return signals != null ? signalled() : interp.stopRequested();
    }

    private boolean signalled() {
        int w = signals.word();
        return w != 0 && actionable(w);
    }

    private boolean actionable(int w) {
        return Interrupts.actionable(cpu, w) != 0;
    }

    /**
     * Runs instruction {@code in} (RIP already set to it by the caller) through the interpreter.
     * {@code done} is how many of the region's instructions completed before it: the clock is
     * brought to that count first. Returns true to go on in the region at {@code next}; false to
     * leave it, with RIP where the instruction put it (or at {@code next} when it wrote code or
     * made an interrupt deliverable).
     */
    /** Fallback executions by {@link org.jemu.cpu.decode.Op} id (statistics). */
    final long[] fallbacks = new long[1024];

    public boolean fallback(Insn in, long next, int done) {
        fallbacks[in.op & 1023]++;
        VirtualClock k = clock;
        if (k != null && done != retiredInRegion) {
            k.retire(done - retiredInRegion);
            retiredInRegion = done;
        }
        CpuState c = cpu;
        c.mmu.bailOnSlowAccess = false;
        boolean go = interp.exec(in, next);
        c.mmu.bailOnSlowAccess = true;
        if (!go) return false;
        c.rip = next;
        return !codeDirty && !pending() && (k == null || !k.budgetCut()) && !c.flags.tf();
    }
}
