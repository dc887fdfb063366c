package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Intel 8254 datasheet behaviour and the PIT sequences of Linux's arch/x86/kernel/tsc.c. */
class Pit8254Test {
    final Rig rig = new Rig();

    /** Virtual ns for {@code ticks} PIT input clocks. */
    static long ns(long ticks) { return (ticks * 1_000_000_000L + Pit8254.FREQUENCY - 1) / Pit8254.FREQUENCY; }

    int readCounter2() {
        rig.outb(0x80, 0x43); // counter latch, counter 2
        return rig.inb(0x42) | (rig.inb(0x42) << 8);
    }

    @Test
    void mode0CountsDownAndRaisesOutAtTerminalCount() {
        rig.outb(0x01, 0x61);  // gate 2 high
        rig.outb(0xb0, 0x43);  // counter 2, LSB/MSB, mode 0, binary
        assertFalse(rig.pc.pit.out(2), "mode 0: OUT low after the control word");
        rig.outb(0xe8, 0x42);
        rig.outb(0x03, 0x42);  // 1000
        assertEquals(1000, readCounter2());
        rig.run(ns(400));
        assertEquals(600, readCounter2());
        assertEquals(0, rig.inb(0x61) & 0x20);
        rig.run(ns(600));
        assertEquals(0x20, rig.inb(0x61) & 0x20, "OUT2 high at terminal count");
        rig.run(ns(5));
        assertEquals(0xffff - 4, readCounter2(), "the counter wraps and keeps counting");
    }

    @Test
    void gateLowSuspendsMode0() {
        rig.outb(0x01, 0x61);
        rig.outb(0xb0, 0x43);
        rig.outb(100, 0x42);
        rig.outb(0, 0x42);
        rig.run(ns(30));
        rig.outb(0x00, 0x61); // gate low: counting stops
        rig.run(ns(1000));
        assertEquals(70, readCounter2());
        rig.outb(0x01, 0x61);
        rig.run(ns(10));
        assertEquals(60, readCounter2());
    }

    @Test
    void latchHoldsTheValueUntilRead() {
        rig.outb(0x01, 0x61);
        rig.outb(0xb4, 0x43); // counter 2, mode 2
        rig.outb(0x00, 0x42);
        rig.outb(0x10, 0x42); // 4096
        rig.outb(0x80, 0x43);
        rig.run(ns(100));
        rig.outb(0x80, 0x43); // a second latch before reading is ignored
        assertEquals(4096, rig.inb(0x42) | (rig.inb(0x42) << 8));
        assertEquals(3996, readCounter2());
    }

    @Test
    void readBackCommandLatchesStatusThenCount() {
        rig.outb(0x34, 0x43); // counter 0, LSB/MSB, mode 2
        rig.outb(0x9b, 0x40);
        rig.outb(0x2e, 0x40); // 11931 (100 Hz)
        rig.run(ns(31));
        rig.outb(0xc2, 0x43); // read-back: count and status of counter 0
        int status = rig.inb(0x40);
        assertEquals(0x80 | 0x30 | 0x04, status, "OUT high, RW=11, mode 2, binary, null count clear");
        assertEquals(11931 - 31, rig.inb(0x40) | (rig.inb(0x40) << 8));
        rig.outb(0xe2, 0x43); // status only
        assertEquals(status, rig.inb(0x40));
    }

    @Test
    void lsbOnlyMsbOnlyAndBcd() {
        rig.outb(0x01, 0x61);
        rig.outb(0x90, 0x43); // counter 2, LSB only, mode 0
        rig.outb(50, 0x42);
        assertEquals(50, rig.inb(0x42));
        rig.outb(0xa0, 0x43); // MSB only
        rig.outb(0x02, 0x42); // 512
        rig.run(ns(256));
        assertEquals(0x01, rig.inb(0x42));
        rig.outb(0xb1, 0x43); // LSB/MSB, mode 0, BCD
        rig.outb(0x00, 0x42);
        rig.outb(0x10, 0x42); // 1000 in BCD
        rig.run(ns(1));
        assertEquals(0x0999, readCounter2());
    }

    @Test
    void mode3SquareWaveOnCounter2() {
        rig.outb(0x01, 0x61);
        rig.outb(0xb6, 0x43); // counter 2, mode 3
        rig.outb(100, 0x42);
        rig.outb(0, 0x42);
        assertEquals(0x20, rig.inb(0x61) & 0x20);
        rig.run(ns(49));
        assertEquals(0x20, rig.inb(0x61) & 0x20);
        rig.run(ns(2));
        assertEquals(0x00, rig.inb(0x61) & 0x20, "second half low");
        rig.run(ns(50));
        assertEquals(0x20, rig.inb(0x61) & 0x20);
    }

    @Test
    void counter0Mode2RaisesIrq0Periodically() {
        rig.initPicLinux();
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP)); // PIC mode
        rig.outb(0xfe, 0x21);
        rig.outb(0x34, 0x43);
        rig.outb(1193 & 0xff, 0x40);
        rig.outb(1193 >> 8, 0x40); // HZ=1000 as Linux's setup_pit_timer programs it
        int ticks = 0;
        for (int ms = 0; ms < 50; ms++) {
            rig.run(1_000_000);
            if (rig.intr()) {
                assertEquals(0x30, rig.ack());
                rig.outb(0x20, 0x20);
                ticks++;
            }
        }
        assertTrue(ticks >= 49 && ticks <= 50, "ticks " + ticks);
    }

    @Test
    void mode4StrobeAtCountPlusOne() {
        rig.outb(0x01, 0x61);
        rig.outb(0xb8, 0x43); // counter 2, mode 4
        rig.outb(10, 0x42);
        rig.outb(0, 0x42);
        rig.run(ns(9));
        assertEquals(0x20, rig.inb(0x61) & 0x20);
        rig.run(ns(1));
        assertEquals(0x00, rig.inb(0x61) & 0x20, "one clock low at terminal count");
        rig.run(ns(1));
        assertEquals(0x20, rig.inb(0x61) & 0x20);
    }

    /** Linux pit_calibrate_tsc(): 50 ms of counter 2 in mode 0, polling OUT2 through port 0x61. */
    @Test
    void linuxPitCalibrateTscMeasuresTheTscFrequency() {
        int latch = (int) (Pit8254.FREQUENCY / 20);
        rig.outb((rig.inb(0x61) & ~0x02) | 0x01, 0x61);
        rig.outb(0xb0, 0x43);
        rig.outb(latch & 0xff, 0x42);
        rig.outb(latch >> 8, 0x42);
        long t1 = rig.clock.tsc(), t2 = t1;
        int pitcnt = 0;
        while ((rig.inb(0x61) & 0x20) == 0) {
            rig.clock.retire(150); // the loop body's instructions
            t2 = rig.clock.tsc();
            pitcnt++;
        }
        long khz = (t2 - t1) / 50;
        assertTrue(pitcnt > 1000);
        assertEquals(1_000_000, khz, 1_000, "TSC kHz");
    }

    /** Linux quick_pit_calibrate(): MSB transitions of counter 2 counting down from 0xFFFF. */
    @Test
    void linuxQuickPitCalibrate() {
        rig.outb((rig.inb(0x61) & ~0x02) | 0x01, 0x61);
        rig.outb(0xb0, 0x43);
        rig.outb(0xff, 0x42);
        rig.outb(0xff, 0x42);
        verifyMsb(0);
        long start = expectMsb(0xff);
        assertTrue(start >= 0);
        long end = -1;
        int i;
        for (i = 1; i <= 40; i++) {
            end = expectMsb(0xff - i);
            if (end < 0) break;
        }
        assertEquals(41, i);
        // 40 MSB steps of 256 PIT clocks each
        double hz = (end - start) / (40 * 256.0 / Pit8254.FREQUENCY);
        assertEquals(1e9, hz, 1e9 * 0.002);
    }

    private boolean verifyMsb(int val) {
        rig.inb(0x42); // ignore LSB
        rig.clock.retire(50);
        boolean same = rig.inb(0x42) == val;
        rig.clock.retire(50);
        return same;
    }

    /** Returns the TSC at the last read that still showed {@code val}, or -1 if it never did for long. */
    private long expectMsb(int val) {
        long tsc = 0;
        int count;
        for (count = 0; count < 50000; count++) {
            if (!verifyMsb(val)) break;
            tsc = rig.clock.tsc();
        }
        return count > 5 ? tsc : -1;
    }
}
