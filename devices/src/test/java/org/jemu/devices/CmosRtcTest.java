package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** MC146818A datasheet behaviour through ports 0x70/0x71. 1_700_000_000 s = 2023-11-14 22:13:20 UTC, a Tuesday. */
class CmosRtcTest {
    final Rig rig = new Rig();

    int cmos(int reg) {
        rig.outb(reg, 0x70);
        return rig.inb(0x71);
    }

    void cmos(int reg, int v) {
        rig.outb(reg, 0x70);
        rig.outb(v, 0x71);
    }

    @Test
    void bcdTimeFromTheVirtualClock() {
        assertEquals(0x20, cmos(0));
        assertEquals(0x13, cmos(2));
        assertEquals(0x22, cmos(4));
        assertEquals(0x03, cmos(6), "Tuesday (Sunday = 1)");
        assertEquals(0x14, cmos(7));
        assertEquals(0x11, cmos(8));
        assertEquals(0x23, cmos(9));
        assertEquals(0x20, cmos(0x32), "century");
        rig.run(5_000_000_000L);
        assertEquals(0x25, cmos(0));
        assertEquals(0x80, cmos(0x0d), "VRT");
        assertEquals(0x26, cmos(0x0a));
    }

    @Test
    void binaryAnd12HourFormats() {
        cmos(0x0b, 0x04); // binary, 12-hour
        assertEquals(20, cmos(0));
        assertEquals(0x80 | 10, cmos(4), "10 PM");
        cmos(0x0b, 0x00); // BCD, 12-hour
        assertEquals(0x90, cmos(4));
    }

    @Test
    void settingTheTimeWithTheSetBit() {
        cmos(0x0b, 0x82); // SET, 24h, BCD
        cmos(0, 0x00);
        cmos(2, 0x30);
        cmos(4, 0x08);
        cmos(7, 0x01);
        cmos(8, 0x01);
        cmos(9, 0x24);
        assertEquals(0x30, cmos(2), "frozen registers read back what was written");
        cmos(0x0b, 0x02);
        rig.run(61_000_000_000L);
        assertEquals(0x01, cmos(0));
        assertEquals(0x31, cmos(2));
        assertEquals(0x08, cmos(4));
        assertEquals(0x24, cmos(9));
        assertEquals(0x02, cmos(6), "2024-01-01 was a Monday");
    }

    @Test
    void updateInProgressIsHighJustBeforeEachSecond() {
        long frac = rig.clock.wallClockNs() % 1_000_000_000L;
        assertEquals(0, frac);
        assertEquals(0, cmos(0x0a) & 0x80);
        rig.run(999_800_000);
        assertEquals(0x80, cmos(0x0a) & 0x80);
        rig.run(300_000);
        assertEquals(0, cmos(0x0a) & 0x80);
    }

    @Test
    void periodicInterruptOnIrq8AndRegisterCClearsOnRead() {
        rig.initPicLinux();
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP));
        rig.outb(0xfb, 0x21);
        rig.outb(0xfe, 0xa1);
        cmos(0x0a, 0x26);       // 1024 Hz
        cmos(0x0b, 0x42);       // PIE
        rig.run(976_563);
        assertTrue(rig.intr());
        assertEquals(0x38, rig.ack());
        assertEquals(0xc0, cmos(0x0c) & 0xc0, "IRQF | PF");
        assertEquals(0, cmos(0x0c) & 0xc0, "cleared by the read");
        rig.outb(0x20, 0xa0);
        rig.outb(0x20, 0x20);
        int n = 0;
        for (int i = 0; i < 1024 * 4; i++) {
            rig.run(250_000);
            if (rig.intr()) { rig.ack(); cmos(0x0c); rig.outb(0x20, 0xa0); rig.outb(0x20, 0x20); n++; }
        }
        assertEquals(1048, n, 1); // 1.024 s at 1024 Hz
    }

    @Test
    void updateAndAlarmInterrupts() {
        cmos(0x01, 0x25);         // alarm at xx:xx:25 (minutes/hours don't care)
        cmos(0x03, 0xc0);
        cmos(0x05, 0xc0);
        cmos(0x0b, 0x32);         // AIE | UIE
        rig.run(1_000_000_000L);
        int c = cmos(0x0c);
        assertEquals(0x90, c & 0xb0, "IRQF | UF (PF is set too: rate 1024 Hz, PIE off)");
        rig.run(4_000_000_000L);
        assertEquals(0xb0, cmos(0x0c) & 0xb0, "IRQF | AF | UF at :25");
    }

    @Test
    void flagsAreSetEvenWhenTheirInterruptIsDisabled() {
        cmos(0x0c);
        rig.run(1_500_000_000L);
        assertEquals(0x50, cmos(0x0c), "PF and UF, but no IRQF");
    }

    @Test
    void nmiMaskBitAndNvram() {
        rig.outb(0x80 | 0x40, 0x70);
        assertTrue(rig.pc.rtc.nmiDisabled());
        rig.outb(0x55, 0x71);
        rig.outb(0x40, 0x70);
        assertFalse(rig.pc.rtc.nmiDisabled());
        assertEquals(0x55, rig.inb(0x71));
    }

    @Test
    void memorySizeBytesAsABiosFillsThem() {
        // the rig has 64 MiB
        assertEquals(640, cmos(0x15) | cmos(0x16) << 8);
        assertEquals(63 * 1024, cmos(0x17) | cmos(0x18) << 8);
        assertEquals(63 * 1024, cmos(0x30) | cmos(0x31) << 8);
        assertEquals((64 - 16) * 16, cmos(0x34) | cmos(0x35) << 8);
        assertEquals(0, cmos(0x5b) | cmos(0x5c) | cmos(0x5d));
        int sum = 0;
        for (int i = 0x10; i <= 0x2d; i++) sum += cmos(i);
        assertEquals(sum, cmos(0x2e) << 8 | cmos(0x2f));
        CmosRtc rtc = new CmosRtc(rig.clock, level -> { });
        rtc.setMemorySize(3L << 30, 5L << 30);
        assertEquals(0xffff, rtc.cmos(0x17) | rtc.cmos(0x18) << 8);
        assertEquals((3072 - 16) * 16, rtc.cmos(0x34) | rtc.cmos(0x35) << 8);
        assertEquals(5 * 16384, rtc.cmos(0x5b) | rtc.cmos(0x5c) << 8 | rtc.cmos(0x5d) << 16);
    }
}
