package org.jemu.cpu.time;

/**
 * A one-shot timer on a {@link VirtualClock}. Created once by a device ({@link VirtualClock#newTimer})
 * and re-armed as often as needed; arming and firing allocate nothing. A periodic device re-arms the
 * timer from its callback, computing the next deadline from the previous one so it does not drift.
 */
public final class Timer {
    /** Called on the CPU thread from {@link VirtualClock#runDue()} with the deadline that expired. */
    @FunctionalInterface
    public interface Callback {
        void expired(long deadlineNs);
    }

    final VirtualClock clock;
    final Callback callback;
    long deadline;
    /** Position in the clock's heap, or -1 when not armed. */
    int index = -1;

    Timer(VirtualClock clock, Callback callback) {
        this.clock = clock;
        this.callback = callback;
    }

    /** Arms (or re-arms) the timer to fire when virtual time reaches {@code deadlineNs}. */
    public void arm(long deadlineNs) { clock.schedule(this, deadlineNs); }

    public void cancel() { clock.unschedule(this); }

    public boolean isArmed() { return index >= 0; }

    /** The armed deadline (meaningful while {@link #isArmed()}). */
    public long deadline() { return deadline; }
}
