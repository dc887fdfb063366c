package org.jemu.cpu.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The CPU's pending-event word: one volatile int the CPU reads between instructions (interpreter)
 * or at region exits and loop back-edges (JIT). Zero means nothing to do. See the package
 * documentation for the threading model.
 *
 * <p>Bits are set and cleared atomically, so a console thread raising {@link #HOST} never loses a
 * concurrent change of {@link #INTR} by the CPU thread. Setters skip the atomic operation when the
 * bit already has the wanted value, so steady state costs one volatile read.
 */
public final class CpuSignals {
    /** A maskable interrupt is deliverable (a level, maintained by the interrupt controllers). */
    public static final int INTR = 1;
    /** An NMI is latched; the CPU clears it when it takes the NMI. */
    public static final int NMI = 2;
    /** INIT was signalled (ignored with one CPU, reserved for SMP). */
    public static final int INIT = 4;
    /** A platform reset was requested (i8042 0xFE, port 0x92, 0xCF9, triple fault). */
    public static final int RESET = 8;
    /** Host-side input is waiting: call {@link #serviceHost()} on the CPU thread. */
    public static final int HOST = 16;
    /** Leave the run loop (monitor {@code stop}, {@code quit}, embedding API stop). */
    public static final int STOP = 32;

    private static final VarHandle WORD;
    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(CpuSignals.class, "word", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through WORD
    private volatile int word;
    private volatile Thread sleeper;
    private Runnable[] hostPollers = new Runnable[0];

    /** The pending-event word: the one cheap read on the CPU's hot path. */
    public int word() { return word; }

    public boolean isSet(int bits) { return (word & bits) != 0; }

    /** Sets bits; any thread. Wakes the CPU thread if it is halted in {@link #await}. */
    public void raise(int bits) {
        if ((word & bits) != bits) WORD.getAndBitwiseOr(this, bits);
        Thread t = sleeper;
        if (t != null) LockSupport.unpark(t);
    }

    /** Clears bits; any thread. */
    public void clear(int bits) {
        if ((word & bits) != 0) WORD.getAndBitwiseAnd(this, ~bits);
    }

    /** Sets or clears bits, e.g. the INTR level after an interrupt controller recomputes it. */
    public void set(int bits, boolean on) {
        if (on) raise(bits);
        else clear(bits);
    }

    /** Registers a poller that moves queued host input into its device (runs on the CPU thread). */
    public synchronized void addHostPoller(Runnable poller) {
        Runnable[] a = Arrays.copyOf(hostPollers, hostPollers.length + 1);
        a[a.length - 1] = poller;
        hostPollers = a;
    }

    /** CPU thread: clears {@link #HOST} and runs every host poller. */
    public void serviceHost() {
        clear(HOST);
        for (Runnable r : hostPollers) r.run();
    }

    /**
     * CPU thread: blocks until a bit in {@code wakeMask} is set, or {@code timeoutNanos} of host time
     * pass (negative: no timeout). May return early (spurious wakeups); callers loop.
     */
    public void await(int wakeMask, long timeoutNanos) {
        sleeper = Thread.currentThread();
        try {
            if ((word & wakeMask) != 0) return;
            if (timeoutNanos < 0) LockSupport.park(this);
            else if (timeoutNanos > 0) LockSupport.parkNanos(this, timeoutNanos);
        } finally {
            sleeper = null;
        }
    }
}
