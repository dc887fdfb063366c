package org.jemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to build and boot: the embedding API's description of a machine, filled from the command line
 * or by a program. Fields mirror QEMU's options of the same name.
 */
public final class MachineConfig implements Cloneable {
    /**
     * Accelerator: the interpreter only, the interpreter plus the JIT for hot code, or lockstep
     * verification (a JIT machine and an interpreter machine side by side, compared after every
     * run slice; see {@link Lockstep}).
     */
    public enum Accel { INTERP, JIT, LOCKSTEP }

    public static final long DEFAULT_RAM = 512L << 20;
    /** Smallest RAM a Linux kernel with an initramfs can reasonably boot in. */
    public static final long MIN_RAM = 16L << 20;
    /** One Java array holds guest RAM for now (see PhysicalMemory): just under 2 GiB. */
    public static final long MAX_RAM = 2047L << 20;

    public Path kernel;
    /** The -initrd entries: files or directories, concatenated in order. */
    public final List<Path> initrd = new ArrayList<>();
    public String append = "";
    public long ramSize = DEFAULT_RAM;
    public boolean nographic;
    /**
     * Describe the VGA's 80×25 text console to the kernel (the zero page's screen_info), as a BIOS
     * does under QEMU without -nographic: vgacon takes tty0, the default console. The VGA itself is
     * always there; without this the kernel leaves it alone.
     */
    public boolean vgaConsole;
    public boolean noReboot;
    public Accel accel = Accel.JIT;
    public int smp = 1;
    /**
     * Deterministic time (QEMU's {@code -icount shift=N}): each instruction advances the virtual clock
     * by 2^N ns, so a run is reproducible instruction for instruction. -1 (the default) is real time.
     */
    public int icountShift = -1;
    /**
     * Under {@code -icount}: the wall-clock time (ns since 1970) the RTC starts from, for runs that
     * must print the same dates every time; null means the host's time at start, as QEMU does.
     */
    public Long rtcBaseNs;

    /** A shallow copy (every field, present and future; the initrd list is shared, not copied). */
    public MachineConfig copy() {
        try {
            return (MachineConfig) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
