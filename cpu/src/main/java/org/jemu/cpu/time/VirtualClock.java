package org.jemu.cpu.time;

import java.util.Arrays;
import org.jemu.cpu.io.CpuSignals;

/**
 * The machine's one clock (see the package documentation). All methods run on the CPU thread.
 */
public final class VirtualClock {
    public enum Mode { REALTIME, DETERMINISTIC }

    public static final long NS_PER_S = 1_000_000_000L;
    /** Default TSC frequency: 1 GHz makes TSC ticks and nanoseconds the same number. */
    public static final long DEFAULT_TSC_HZ = 1_000_000_000L;
    /**
     * In real-time mode the CPU checks timers at least this often (instructions): 0.1-1 ms of guest
     * time depending on the engine, finer than the kernel's tick. It was 4096; 65536 booted the
     * stock kernel about 1 s (5%) faster on the JIT (fewer returns to the run loop, loops in
     * compiled code cut less often). Host input and interrupts raised by other threads are seen
     * sooner, through the pending-event word.
     */
    public static final long DEFAULT_REALTIME_SLICE = 65536;
    /** Upper bound of one deterministic budget, so a run loop never runs unboundedly without a check. */
    private static final long MAX_BUDGET = 1L << 22;

    private final Mode mode;
    private final int shift;
    private final long tscHz;
    private final long wallEpochNs;
    private final long hostBase;
    private long realtimeSlice = DEFAULT_REALTIME_SLICE;

    private long icount;
    private long warpNs;
    /** Real time: host nanoseconds spent paused, and the host time of the current pause (-1: running). */
    private long pausedNs;
    private long pauseStart = -1;

    private Timer[] heap = new Timer[16];
    private int size;

    private VirtualClock(Mode mode, int shift, long tscHz, long wallEpochNs) {
        if (shift < 0 || shift > 10) throw new IllegalArgumentException("icount shift must be 0..10: " + shift);
        if (tscHz <= 0 || tscHz > 100L * NS_PER_S) throw new IllegalArgumentException("bad TSC frequency " + tscHz);
        this.mode = mode;
        this.shift = shift;
        this.tscHz = tscHz;
        this.wallEpochNs = wallEpochNs;
        this.hostBase = System.nanoTime();
    }

    /** Real-time clock; the RTC starts at the host's wall-clock time. */
    public static VirtualClock realtime(long tscHz) {
        return new VirtualClock(Mode.REALTIME, 0, tscHz, System.currentTimeMillis() * 1_000_000L);
    }

    /**
     * Deterministic clock: each retired instruction is {@code 1 << shift} ns; the RTC starts at
     * {@code wallEpochNs} (ns since 1970-01-01T00:00Z), a fixed value so runs are reproducible.
     */
    public static VirtualClock deterministic(int shift, long tscHz, long wallEpochNs) {
        return new VirtualClock(Mode.DETERMINISTIC, shift, tscHz, wallEpochNs);
    }

    public Mode mode() { return mode; }

    public long tscHz() { return tscHz; }

    public void setRealtimeSlice(long instructions) { realtimeSlice = Math.max(1, instructions); }

    // ---- reading the time --------------------------------------------------------------------

    /** Virtual nanoseconds since the machine started. */
    public long nowNs() {
        if (mode == Mode.DETERMINISTIC) return (icount << shift) + warpNs;
        return (pauseStart >= 0 ? pauseStart : System.nanoTime()) - hostBase - pausedNs;
    }

    // ---- stopping the machine ----------------------------------------------------------------

    /**
     * The machine is stopped (monitor {@code stop}): virtual time stands still until {@link #resume},
     * so timers do not all fall due at {@code cont} and the guest sees no lost time, as with QEMU's
     * virtual clock. Deterministic time already stands still without instructions; there this only
     * records the state. Idempotent.
     */
    public void pause() {
        if (pauseStart < 0) pauseStart = System.nanoTime();
    }

    /** Lets virtual time run again from where {@link #pause} froze it. Idempotent. */
    public void resume() {
        if (pauseStart < 0) return;
        pausedNs += System.nanoTime() - pauseStart;
        pauseStart = -1;
    }

    public boolean isPaused() { return pauseStart >= 0; }

    /** The TSC: virtual time in ticks of {@link #tscHz()}. */
    public long tsc() { return nsToTsc(nowNs()); }

    public long nsToTsc(long ns) { return scale(ns, tscHz, NS_PER_S); }

    /** The first virtual nanosecond at which the TSC is at least {@code tsc}. */
    public long tscToNs(long tsc) { return scaleCeil(tsc, NS_PER_S, tscHz); }

    /** Wall-clock time (ns since the Unix epoch, UTC) the RTC derives its registers from. */
    public long wallClockNs() { return wallEpochNs + nowNs(); }

    /** Instructions retired so far (deterministic mode; 0 in real-time mode). */
    public long instructions() { return icount; }

    /** {@code v * mul / div} without overflow for v &lt; 2^63 and mul, div &lt; 2^34; rounds down. */
    public static long scale(long v, long mul, long div) {
        long q = v / div, r = v % div;
        return q * mul + r * mul / div;
    }

    /** {@code ceil(v * mul / div)} for v &gt;= 0. */
    public static long scaleCeil(long v, long mul, long div) {
        long q = v / div, r = v % div;
        long rm = r * mul;
        return q * mul + rm / div + (rm % div != 0 ? 1 : 0);
    }

    // ---- the run loop ------------------------------------------------------------------------

    /** Reports {@code n} retired instructions (advances deterministic time; no-op in real time). */
    public void retire(long n) { icount += n; }

    /**
     * A timer was armed earlier than every other since the last {@link #instructionBudget}: the
     * budget the CPU runs on is too long. Both engines end their run after the instruction that
     * armed it, so deterministic runs fire the timer at the same instruction whatever the engine.
     */
    public boolean budgetCut() { return budgetCut; }

    private boolean budgetCut;

    /** Instructions the CPU may execute before it must call {@link #retire} and {@link #runDue}. */
    public long instructionBudget() {
        budgetCut = false;
        if (mode == Mode.REALTIME) return realtimeSlice;
        if (size == 0) return MAX_BUDGET;
        long delta = heap[0].deadline - nowNs();
        if (delta <= 0) return 1;
        long n = ((delta - 1) >>> shift) + 1;
        return Math.min(n, MAX_BUDGET);
    }

    /** The earliest armed deadline, or {@link Long#MAX_VALUE} if no timer is armed. */
    public long nextDeadlineNs() { return size == 0 ? Long.MAX_VALUE : heap[0].deadline; }

    /** Fires every timer whose deadline has passed, earliest first. Returns how many fired. */
    public int runDue() {
        int fired = 0;
        long now = nowNs();
        while (size > 0 && heap[0].deadline <= now) {
            Timer t = heap[0];
            removeAt(0);
            fired++;
            t.callback.expired(t.deadline);
            if (mode == Mode.REALTIME) now = nowNs();
        }
        return fired;
    }

    /**
     * HLT: waits until a bit of {@code wakeMask} is set in {@code signals}. Timers fire meanwhile
     * (they may raise INTR). In deterministic mode virtual time jumps to the next deadline instead of
     * passing (QEMU's icount "sleep=off"); in real time the thread sleeps until the deadline. Host
     * input ({@link CpuSignals#HOST}) is serviced here. With no timer armed, it blocks until another
     * thread raises a signal; callers that know nothing can wake the CPU (IF=0, no NMI source)
     * should not call this.
     */
    public void idle(CpuSignals signals, int wakeMask) {
        for (;;) {
            if (signals.isSet(CpuSignals.HOST)) signals.serviceHost();
            if ((signals.word() & wakeMask) != 0) return;
            long deadline = nextDeadlineNs();
            if (mode == Mode.DETERMINISTIC) {
                if (deadline != Long.MAX_VALUE) {
                    long now = nowNs();
                    if (deadline > now) warpNs += deadline - now;
                    runDue();
                    continue;
                }
                signals.await(wakeMask | CpuSignals.HOST, -1);
            } else {
                long wait = deadline == Long.MAX_VALUE ? -1 : Math.max(0, deadline - nowNs());
                if (wait != 0) signals.await(wakeMask | CpuSignals.HOST, wait);
                runDue();
            }
        }
    }

    // ---- timers ------------------------------------------------------------------------------

    public Timer newTimer(Timer.Callback callback) {
        return new Timer(this, callback);
    }

    /** Timers currently armed. */
    public int armedTimers() { return size; }

    void schedule(Timer t, long deadline) {
        if (size == 0 || deadline < heap[0].deadline) budgetCut = true;
        if (t.index >= 0) removeAt(t.index);
        t.deadline = deadline;
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        heap[size] = t;
        t.index = size++;
        siftUp(t.index);
    }

    void unschedule(Timer t) {
        if (t.index >= 0) removeAt(t.index);
    }

    private void removeAt(int i) {
        Timer t = heap[i];
        t.index = -1;
        size--;
        if (i == size) {
            heap[size] = null;
            return;
        }
        heap[i] = heap[size];
        heap[i].index = i;
        heap[size] = null;
        siftDown(i);
        siftUp(i);
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (p.deadline <= t.deadline) break;
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = t;
        t.index = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        for (;;) {
            int c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && heap[c + 1].deadline < heap[c].deadline) c++;
            if (heap[c].deadline >= t.deadline) break;
            heap[i] = heap[c];
            heap[i].index = i;
            i = c;
        }
        heap[i] = t;
        t.index = i;
    }
}
