package org.jemu.devices;

import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.time.Timer;
import org.jemu.cpu.time.VirtualClock;

/**
 * The 8254 programmable interval timer (ports 0x40-0x43) and the PC's system control port B (0x61),
 * which gates counter 2 and reads its output (the speaker channel Linux's PIT calibration uses).
 * Facts from the Intel 8254 datasheet (order no. 231164): "Control Word Format", "Read-Back
 * Command", "Counter Latch Command", "Mode Definitions" (modes 0-5), "Gate".
 *
 * <p>Counters are not stepped: each counter's value and OUT level are computed from the virtual
 * clock ({@link #FREQUENCY} Hz input) and the tick at which counting started. Counter 0's rising
 * OUT edges are scheduled on the clock and drive IRQ 0. Simplification: a new count written to a
 * counter in mode 2 or 3 takes effect at once instead of at the end of the current period.
 */
public final class Pit8254 implements PortIoHandler {
    /** The PC's PIT input clock, 14.31818 MHz / 12 (Linux's PIT_TICK_RATE). */
    public static final long FREQUENCY = 1_193_182;
    public static final int PORT_COUNTER0 = 0x40, PORT_CONTROL = 0x43, PORT_B = 0x61;

    private static final int RW_LATCH = 0, RW_LSB = 1, RW_MSB = 2, RW_WORD = 3;

    final class Counter {
        final int index;
        int mode, rw = RW_WORD;
        boolean bcd;
        /** The count register (CR) as written; 0 means 0x10000 (binary) or 10000 (BCD). */
        int countRegister;
        boolean countWritten;
        boolean gate;
        /** Tick at which the counting element was loaded (counting runs while gate allows). */
        long startTick;
        /** Modes 0/4 with gate low: counting suspended; the frozen elapsed ticks. */
        long frozenElapsed = -1;
        /** Modes 1/5 before the first gate trigger. */
        boolean waitingForTrigger;
        boolean nullCount;
        // read/write state machine
        boolean writeMsbNext, readMsbNext;
        int writeLsb;
        int latchedValue = -1;
        boolean latchedMsbNext;
        int latchedStatus = -1;
        /** OUT before any count was written in the current mode. */
        boolean outBeforeCount;

        Counter(int index, boolean gate) {
            this.index = index;
            this.gate = gate;
        }

        int modulus() {
            if (countRegister == 0) return bcd ? 10000 : 0x10000;
            return bcd ? fromBcd(countRegister) : countRegister;
        }

        long elapsed(long tick) {
            if (frozenElapsed >= 0) return frozenElapsed;
            return Math.max(0, tick - startTick);
        }

        /** The counting element (CE) in binary. */
        int value(long tick) {
            if (!countWritten || waitingForTrigger) return 0;
            int n = modulus();
            long e = elapsed(tick);
            int span = bcd ? 10000 : 0x10000;
            switch (mode) {
                case 2: {
                    if (!gate) return n;
                    return (int) (n - (e % n));
                }
                case 3: {
                    if (!gate) return n;
                    long p = e % n;
                    int high = (n + 1) / 2;
                    int v = (p < high ? (int) (n - 2 * p) : (int) (n - 2 * (p - high))) & ~1;
                    return v == 0 ? 2 : v; // the CE counts down by two (datasheet, mode 3)
                }
                default: // modes 0, 1, 4, 5: count down once, then wrap and keep counting
                    return (int) Math.floorMod(n - e, (long) span);
            }
        }

        boolean out(long tick) {
            if (!countWritten) return outBeforeCount;
            if (waitingForTrigger) return true;
            int n = modulus();
            long e = elapsed(tick);
            return switch (mode) {
                case 0, 1 -> e >= n;
                case 2 -> !gate || (n - (e % n)) != 1;
                case 3 -> !gate || (e % n) < (n + 1) / 2;
                default -> e != n; // 4, 5: one CLK low pulse at terminal count
            };
        }

        /** The tick of the next rising OUT edge strictly after {@code tick}, or -1. */
        long nextRisingEdge(long tick) {
            if (!countWritten || waitingForTrigger || frozenElapsed >= 0) return -1;
            int n = modulus();
            long e = tick - startTick;
            switch (mode) {
                case 0: case 1:
                    return e < n ? startTick + n : -1;
                case 4: case 5:
                    return e < n + 1 ? startTick + n + 1 : -1;
                case 2: case 3:
                    if (!gate) return -1;
                    return startTick + (Math.floorDiv(e, n) + 1) * n;
                default:
                    return -1;
            }
        }

        void writeControl(int rwMode, int m, boolean isBcd) {
            rw = rwMode;
            mode = m > 5 ? m - 4 : m; // modes 6 and 7 are modes 2 and 3
            bcd = isBcd;
            countWritten = false;
            writeMsbNext = false;
            readMsbNext = false;
            latchedValue = -1;
            nullCount = true;
            frozenElapsed = -1;
            waitingForTrigger = false;
            outBeforeCount = mode != 0; // mode 0: OUT goes low on the control word
            outputChanged();
        }

        void writeCount(int v, long tick) {
            switch (rw) {
                case RW_LSB -> load(v, tick);
                case RW_MSB -> load(v << 8, tick);
                default -> {
                    if (!writeMsbNext) {
                        writeLsb = v;
                        writeMsbNext = true;
                        if (mode == 0) { // writing the first byte stops the count in mode 0
                            countWritten = false;
                            outBeforeCount = false;
                        }
                        return;
                    }
                    writeMsbNext = false;
                    load(writeLsb | (v << 8), tick);
                }
            }
        }

        private void load(int cr, long tick) {
            countRegister = cr & 0xffff;
            countWritten = true;
            nullCount = false;
            startTick = tick;
            frozenElapsed = -1;
            waitingForTrigger = mode == 1 || mode == 5;
            if ((mode == 0 || mode == 4) && !gate) frozenElapsed = 0;
            outputChanged();
        }

        void setGate(boolean g, long tick) {
            if (g == gate) return;
            if (!g) {
                if ((mode == 0 || mode == 4) && countWritten) frozenElapsed = elapsed(tick);
                gate = false;
            } else {
                gate = true;
                if (countWritten) {
                    if (mode == 0 || mode == 4) {
                        if (frozenElapsed >= 0) startTick = tick - frozenElapsed;
                        frozenElapsed = -1;
                    } else {
                        // Modes 1, 2, 3, 5: a rising gate edge (re)triggers: the count is reloaded.
                        startTick = tick;
                        waitingForTrigger = false;
                    }
                }
            }
            outputChanged();
        }

        void latchCount(long tick) {
            if (latchedValue >= 0) return; // a second latch before the read is ignored
            int v = value(tick);
            latchedValue = bcd ? toBcd(v % 10000) : v & 0xffff;
            latchedMsbNext = false;
        }

        void latchStatus(long tick) {
            if (latchedStatus >= 0) return;
            latchedStatus = (out(tick) ? 0x80 : 0) | (nullCount ? 0x40 : 0) | (rw << 4) | (mode << 1) | (bcd ? 1 : 0);
        }

        int read(long tick) {
            if (latchedStatus >= 0) {
                int s = latchedStatus;
                latchedStatus = -1;
                return s;
            }
            if (latchedValue >= 0) {
                int v = latchedValue;
                if (rw == RW_WORD && !latchedMsbNext) {
                    latchedMsbNext = true;
                    return v & 0xff;
                }
                latchedValue = -1;
                return rw == RW_LSB ? v & 0xff : (v >>> 8) & 0xff;
            }
            int raw = value(tick);
            int v = bcd ? toBcd(raw % 10000) : raw & 0xffff;
            switch (rw) {
                case RW_LSB: return v & 0xff;
                case RW_MSB: return (v >>> 8) & 0xff;
                default:
                    readMsbNext = !readMsbNext;
                    return readMsbNext ? v & 0xff : (v >>> 8) & 0xff;
            }
        }

        void outputChanged() {
            if (index == 0) reschedule();
        }
    }

    private final VirtualClock clock;
    private final InterruptLine irq0;
    final Counter[] counters = { new Counter(0, true), new Counter(1, true), new Counter(2, false) };
    private final Timer timer;
    /** Port 0x61 bits 3:0 as written (bit 0 gate 2, bit 1 speaker data enable, bits 2/3 check enables). */
    private int portB;
    private boolean irqLevel;

    public Pit8254(VirtualClock clock, InterruptLine irq0) {
        this.clock = clock;
        this.irq0 = irq0;
        this.timer = clock.newTimer(this::counter0Edge);
        // Power-up as a PC BIOS leaves it: counter 0 in mode 3 with count 0 (65536, 18.2 Hz), so
        // OUT0 is high and the OS's own mode-2 programming makes no spurious edge.
        counters[0].writeControl(RW_WORD, 3, false);
        counters[0].writeCount(0, 0);
        counters[0].writeCount(0, 0);
    }

    @Override
    public String portName(int port) { return port == PORT_B ? "port61" : "pit"; }

    public void attach(PortBus bus) {
        bus.register(PORT_COUNTER0, 4, this);
        bus.register(PORT_B, 1, this);
    }

    long tick() {
        return VirtualClock.scale(clock.nowNs(), FREQUENCY, VirtualClock.NS_PER_S);
    }

    private static long tickToNs(long tick) {
        return VirtualClock.scaleCeil(tick, VirtualClock.NS_PER_S, FREQUENCY);
    }

    private void setIrq(boolean level) {
        if (level != irqLevel) {
            irqLevel = level;
            irq0.set(level);
        }
    }

    private void reschedule() {
        Counter c = counters[0];
        long t = tick();
        setIrq(c.out(t));
        long edge = c.nextRisingEdge(t);
        if (edge < 0) timer.cancel();
        else timer.arm(tickToNs(edge));
    }

    private void counter0Edge(long deadlineNs) {
        // A rising edge of OUT0: drive the line low then high so edge-triggered inputs latch it.
        setIrq(false);
        setIrq(true);
        Counter c = counters[0];
        long t = tick();
        long next = c.nextRisingEdge(t); // a late run loop skips missed edges (they coalesce anyway)
        if (next >= 0) timer.arm(tickToNs(next));
        setIrq(c.out(t));
    }

    @Override
    public int read(int port, int size) {
        long t = tick();
        return switch (port) {
            case 0x40, 0x41, 0x42 -> counters[port - 0x40].read(t) & 0xff;
            case PORT_B -> portBRead(t);
            default -> 0xff; // the control word register cannot be read
        };
    }

    private int portBRead(long t) {
        // Bit 4: refresh request toggle (every 15.085 us); bit 5: OUT2; bits 6/7 (IOCHK/SERR) clear.
        int refresh = (int) ((clock.nowNs() / 15_085) & 1);
        return (portB & 0x0f) | (refresh << 4) | (counters[2].out(t) ? 0x20 : 0);
    }

    @Override
    public void write(int port, int size, int value) {
        value &= 0xff;
        long t = tick();
        switch (port) {
            case 0x40, 0x41, 0x42 -> counters[port - 0x40].writeCount(value, t);
            case PORT_CONTROL -> writeControl(value, t);
            case PORT_B -> {
                portB = value & 0x0f;
                counters[2].setGate((value & 1) != 0, t);
            }
            default -> { }
        }
    }

    private void writeControl(int v, long t) {
        int sc = v >>> 6;
        if (sc == 3) { // read-back: bit 5 = 0 latches counts, bit 4 = 0 latches status, bits 3:1 select counters
            for (int i = 0; i < 3; i++) {
                if ((v & (2 << i)) == 0) continue;
                if ((v & 0x20) == 0) counters[i].latchCount(t);
                if ((v & 0x10) == 0) counters[i].latchStatus(t);
            }
            return;
        }
        int rw = (v >>> 4) & 3;
        if (rw == RW_LATCH) {
            counters[sc].latchCount(t);
            return;
        }
        counters[sc].writeControl(rw, (v >>> 1) & 7, (v & 1) != 0);
    }

    /** OUT of counter {@code i} now (tests, port 0x61). */
    public boolean out(int i) { return counters[i].out(tick()); }

    static int fromBcd(int v) {
        return (v & 0xf) + ((v >>> 4) & 0xf) * 10 + ((v >>> 8) & 0xf) * 100 + ((v >>> 12) & 0xf) * 1000;
    }

    static int toBcd(int v) {
        return (v % 10) | ((v / 10 % 10) << 4) | ((v / 100 % 10) << 8) | ((v / 1000 % 10) << 12);
    }
}
