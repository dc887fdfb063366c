package org.jemu;

import java.io.IOException;
import java.util.Arrays;
import org.jemu.cpu.CpuState;
import org.jemu.devices.SerialSink;
import org.jemu.loader.linux.KernelFormatException;
import org.jemu.loader.initramfs.InitramfsException;

/**
 * {@code -accel lockstep}: the JIT checked against the interpreter on a whole run. Two machines are
 * built from one configuration, in deterministic time (-icount, shift 0 unless given) with one RTC
 * start, so both see the same devices at the same instruction: one runs the JIT and owns the
 * console, the other runs the interpreter with its serial output discarded. They run alternately,
 * one run-loop slice each (the same instruction budget), and after every slice their CPU states are
 * compared (RIP, GPRs, RFLAGS, control registers, instructions retired); RAM is compared every
 * {@link #RAM_EVERY} slices and at the end. The first difference stops both and is reported with
 * both states.
 *
 * <p>Console input goes to the JIT machine only, so lockstep is for runs that need no typing (a
 * boot to power-off, the test-program initramfs).
 */
public final class Lockstep {
    static final int RAM_EVERY = 256;

    private final Machine jit, interp;
    private long slices;
    /** Test seam: run on the JIT machine after slice {@link #perturbAt} (to show a difference is caught). */
    Runnable perturbation;
    long perturbAt = -1;

    public Lockstep(MachineConfig config, SerialSink console) throws IOException, KernelFormatException, InitramfsException {
        MachineConfig base = config.copy();
        if (base.icountShift < 0) base.icountShift = 0;
        if (base.rtcBaseNs == null) base.rtcBaseNs = System.currentTimeMillis() * 1_000_000L;
        MachineConfig a = base.copy(), b = base.copy();
        a.accel = MachineConfig.Accel.JIT;
        b.accel = MachineConfig.Accel.INTERP;
        jit = new Machine(a, console);
        interp = new Machine(b, SerialSink.NONE);
    }

    /** The machine the console and the monitor talk to (the JIT one). */
    public Machine primary() { return jit; }

    /** Runs both machines until either stops or they differ (then {@link Machine.Exit#ERROR}). */
    public Machine.Exit run() {
        while (true) {
            Machine.Exit x = jit.runSlice();
            Machine.Exit y = interp.runSlice();
            slices++;
            if (slices == perturbAt && perturbation != null) perturbation.run();
            String d = difference(x, y, slices % RAM_EVERY == 0 || x != null || y != null);
            if (d != null) {
                jit.setExitMessage("lockstep: the JIT and the interpreter differ after " + jit.clock().instructions()
                        + " instructions (slice " + slices + "): " + d);
                return Machine.Exit.ERROR;
            }
            if (x != null) return x;
        }
    }

    /** Slices run so far. */
    public long slices() { return slices; }

    private String difference(Machine.Exit x, Machine.Exit y, boolean ram) {
        if (x != y) return "the JIT machine " + (x == null ? "runs on" : "stops (" + x + ")")
                + ", the interpreter machine " + (y == null ? "runs on" : "stops (" + y + ")") + states();
        CpuState a = jit.cpu(), b = interp.cpu();
        if (jit.clock().instructions() != interp.clock().instructions())
            return "instruction counts " + jit.clock().instructions() + " vs " + interp.clock().instructions() + states();
        if (a.rip != b.rip || !Arrays.equals(a.gpr, b.gpr) || a.flags.get() != b.flags.get() || a.cr0 != b.cr0
                || a.cr2 != b.cr2 || a.cr3 != b.cr3 || a.cr4 != b.cr4 || a.efer != b.efer || a.cpl != b.cpl
                || a.halted != b.halted || !Arrays.equals(a.xmm, b.xmm) || a.mxcsr != b.mxcsr)
            return "CPU state" + states();
        if (ram) {
            byte[] ra = jit.memory().ram(), rb = interp.memory().ram();
            int i = Arrays.mismatch(ra, rb);
            if (i >= 0) return String.format(java.util.Locale.ROOT, "RAM at physical 0x%x: %02x vs %02x%s", i, ra[i] & 0xff,
                    rb[i] & 0xff, states());
        }
        return null;
    }

    private String states() {
        return "\n--- JIT ---\n" + org.jemu.monitor.Formats.registers(jit.cpu())
                + "--- interpreter ---\n" + org.jemu.monitor.Formats.registers(interp.cpu());
    }
}
