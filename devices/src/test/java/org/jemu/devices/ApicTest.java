package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import org.jemu.cpu.io.CpuSignals;
import org.junit.jupiter.api.Test;

/** Local APIC (Intel SDM Vol. 3A ch. 11) and I/O APIC (82093AA datasheet), alone and routed. */
class ApicTest {
    static final int ID = 0x20, VER = 0x30, TPR = 0x80, PPR = 0xa0, EOI = 0xb0, LDR = 0xd0, DFR = 0xe0, SVR = 0xf0,
            ISR = 0x100, TMR = 0x180, IRR = 0x200, ESR = 0x280, ICR_LO = 0x300, ICR_HI = 0x310, LVTT = 0x320,
            LINT0 = 0x350, LINT1 = 0x360, LVTERR = 0x370, TMICT = 0x380, TMCCT = 0x390, TDCR = 0x3e0;
    final Rig rig = new Rig();
    final LocalApic lapic = rig.pc.lapic;

    void enableApic() {
        rig.apic(SVR, 0x1ff); // software enable, spurious vector 0xFF
    }

    @Test
    void powerUpRegisters() {
        assertEquals(0xfee00900L, lapic.apicBase(), "base, BSP, enabled");
        assertEquals(0x00050014, rig.apic(VER));
        assertEquals(0xffffffff, rig.apic(DFR));
        assertEquals(0xff, rig.apic(SVR));
        assertEquals(0x10000, rig.apic(LVTT));
        assertEquals(0x700, rig.apic(LINT0), "virtual wire: ExtINT, as a BIOS leaves it");
        assertEquals(0x400, rig.apic(LINT1), "NMI");
    }

    @Test
    void apicBaseMsrRules() {
        assertFalse(lapic.setApicBase(0xfee00000L | LocalApic.BASE_EN | LocalApic.BASE_EXTD), "x2APIC not advertised");
        assertFalse(lapic.setApicBase(1L << 40), "above MAXPHYADDR");
        assertTrue(lapic.setApicBase(0xfee00000L));
        assertEquals(0xfee00100L, lapic.apicBase(), "BSP bit is read-only");
        assertEquals(0xffffffff, rig.apic(VER), "globally disabled: no registers");
    }

    @Test
    void selfIpiAcceptanceTprPprAndEoi() {
        enableApic();
        rig.apic(ICR_LO, 0x40000 | 0x41); // shorthand self, fixed, vector 0x41
        assertTrue(rig.intr());
        assertEquals(0x2, rig.apic(IRR + 0x20) & 0x2, "IRR bit 0x41 (register 2, bit 1)");
        rig.apic(TPR, 0x40);
        assertFalse(rig.intr(), "class 4 not above TPR class 4");
        assertEquals(4, lapic.cr8());
        lapic.setCr8(3);
        assertEquals(0x30, rig.apic(TPR));
        assertTrue(rig.intr());
        assertEquals(0x41, rig.ack());
        assertEquals(0x40, rig.apic(PPR), "PPR from ISR class");
        assertTrue(lapic.isrBit(0x41));
        rig.apic(ICR_LO, 0x40000 | 0x45);
        assertFalse(rig.intr(), "same class as in service");
        rig.apic(ICR_LO, 0x40000 | 0x51);
        assertEquals(0x51, rig.ack(), "higher class preempts");
        rig.apic(EOI, 0);
        assertFalse(lapic.isrBit(0x51));
        rig.apic(EOI, 0);
        assertEquals(0x45, rig.ack());
        rig.apic(EOI, 0);
        assertEquals(0x30, rig.apic(PPR));
    }

    @Test
    void illegalVectorSetsEsrAfterWrite() {
        enableApic();
        rig.apic(LVTERR, 0xfe);
        rig.apic(ICR_LO, 0x40000 | 0x05);
        rig.apic(ESR, 0);
        assertEquals(0x20, rig.apic(ESR), "send illegal vector");
        assertEquals(0xfe, rig.ack(), "error LVT delivered");
    }

    @Test
    void softwareDisableMasksLvts() {
        enableApic();
        rig.apic(LVTT, 0xec);
        assertEquals(0xec, rig.apic(LVTT));
        rig.apic(SVR, 0xff);
        assertEquals(0x100ec, rig.apic(LVTT));
        rig.apic(LVTT, 0xec);
        assertEquals(0x100ec, rig.apic(LVTT), "cannot unmask while software-disabled");
    }

    @Test
    void logicalDestinationFlatAndCluster() {
        enableApic();
        rig.apic(LDR, 0x01000000);
        assertTrue(lapic.matchesDestination(true, 0x01));
        assertFalse(lapic.matchesDestination(true, 0x02));
        rig.apic(DFR, 0x0fffffff); // cluster
        rig.apic(LDR, 0x21000000);
        assertTrue(lapic.matchesDestination(true, 0x21));
        assertFalse(lapic.matchesDestination(true, 0x11));
        assertTrue(lapic.matchesDestination(true, 0xf1));
        assertTrue(lapic.matchesDestination(false, 0));
        assertTrue(lapic.matchesDestination(false, 0xff));
    }

    // ---- timer ----------------------------------------------------------------------------

    @Test
    void oneShotTimerCountsDownFromTheVirtualClock() {
        enableApic();
        rig.apic(TDCR, 0x3);       // divide by 16
        rig.apic(LVTT, 0xec);      // one-shot, vector 0xEC
        rig.apic(TMICT, 1000);
        rig.run(16 * 250);
        assertEquals(750, rig.apic(TMCCT));
        assertFalse(rig.intr());
        rig.run(16 * 750);
        assertEquals(0, rig.apic(TMCCT));
        assertTrue(rig.intr());
        assertEquals(0xec, rig.ack());
        rig.apic(EOI, 0);
        rig.run(100_000);
        assertFalse(rig.intr(), "one-shot fires once");
    }

    @Test
    void periodicTimerAndDivideByOne() {
        enableApic();
        rig.apic(TDCR, 0xb);                // divide by 1
        rig.apic(LVTT, 0x20000 | 0xef);     // periodic
        rig.apic(TMICT, 10_000);
        int n = 0;
        for (int i = 0; i < 100; i++) {
            rig.run(1000);
            if (rig.intr()) { assertEquals(0xef, rig.ack()); rig.apic(EOI, 0); n++; }
        }
        assertEquals(10, n);
        rig.run(2500);
        assertEquals(7500, rig.apic(TMCCT));
    }

    @Test
    void tscDeadlineMode() {
        enableApic();
        lapic.setTscDeadline(5000);
        assertEquals(0, lapic.tscDeadline(), "ignored outside TSC-deadline mode");
        rig.apic(LVTT, 0x40000 | 0xee);
        rig.apic(TMICT, 123);
        assertEquals(0, rig.apic(TMICT), "initial count ignored in TSC-deadline mode");
        long deadline = rig.clock.tsc() + 50_000;
        lapic.setTscDeadline(deadline);
        rig.run(49_000);
        assertFalse(rig.intr());
        rig.run(2_000);
        assertTrue(rig.intr());
        assertEquals(0, lapic.tscDeadline(), "cleared when it fires");
        assertEquals(0xee, rig.ack());
        lapic.setTscDeadline(rig.clock.tsc() + 10);
        lapic.setTscDeadline(0);
        rig.run(1000);
        assertFalse(lapic.irrBit(0xee), "writing 0 disarms");
    }

    /**
     * Linux calibrate_APIC_clock(): LVTT masked periodic, divide by 16, initial count 0xFFFFFFFF,
     * measure TMCCT across 100 PIT ticks of the global clock event (HZ=1000) delivered through the
     * I/O APIC, then lapic_timer_period = delta * 16 / 100 (bus clocks per jiffy).
     */
    @Test
    void linuxApicTimerCalibrationAgainstThePit() {
        enableApic();
        routePitThroughIoApic();
        rig.apic(LVTT, 0x10000 | 0x20000 | 0xec);
        rig.apic(TDCR, 0x3);
        rig.apic(TMICT, 0xffffffff);
        int ticks = 0;
        long t1 = -1;
        while (ticks < 101) {
            rig.clock.retire(100);
            rig.clock.runDue();
            if (rig.intr()) {
                assertEquals(0x30, rig.ack());
                rig.apic(EOI, 0);
                if (ticks == 0) t1 = rig.apic(TMCCT) & 0xffffffffL;
                ticks++;
            }
        }
        long t2 = rig.apic(TMCCT) & 0xffffffffL;
        long period = (t1 - t2) * 16 / 100;
        // 1 GHz APIC bus: 1 ms per jiffy = 1e6 bus clocks (the PIT's 1193 count is 0.99985 ms)
        assertEquals(999_847, period, 200);
    }

    /** IO-APIC pin 2 (ISA IRQ 0 after the MADT override) edge, vector 0x30, physical dest 0. */
    private void routePitThroughIoApic() {
        rig.ioapicWrite(0x10 + 2 * 2 + 1, 0x00000000);
        rig.ioapicWrite(0x10 + 2 * 2, 0x30);
        rig.outb(0x34, 0x43);
        rig.outb(1193 & 0xff, 0x40);
        rig.outb(1193 >> 8, 0x40);
        rig.apic(LINT0, 0x10700); // Linux masks the virtual wire once the I/O APIC is used
    }

    // ---- I/O APIC ----------------------------------------------------------------------------

    @Test
    void ioApicRegisters() {
        assertEquals(0x00170020, rig.ioapicRead(0x01), "version 0x20, 24 entries");
        rig.ioapicWrite(0x00, 0x0f000000);
        assertEquals(0x0f000000, rig.ioapicRead(0x00));
        for (int pin = 0; pin < IoApic.PINS; pin++) assertEquals(0x10000, rig.ioapicRead(0x10 + 2 * pin), "masked at reset");
        rig.ioapicWrite(0x10 + 2 * 5, 0xffffffff);
        assertEquals(0x1afff, rig.ioapicRead(0x10 + 2 * 5), "delivery status (12), remote IRR (14) read-only");
        rig.ioapicWrite(0x11 + 2 * 5, 0xffffffff);
        assertEquals(0xff000000, rig.ioapicRead(0x11 + 2 * 5));
    }

    @Test
    void levelTriggeredIoApicInterruptWithRemoteIrrAndEoi() {
        enableApic();
        rig.apic(LINT0, 0x10700);
        rig.ioapicWrite(0x10 + 2 * 10, 0x8000 | 0x2000 | 0x61); // level, active low (PCI style), vector 0x61
        rig.pc.ioapic.setPin(10, true);
        assertTrue(rig.intr());
        assertTrue(lapic.tmrBit(0x61));
        assertEquals(0x4000, rig.ioapicRead(0x10 + 2 * 10) & 0x4000, "remote IRR set");
        assertEquals(0x61, rig.ack());
        rig.apic(EOI, 0); // line still asserted: EOI broadcast clears remote IRR and it fires again
        assertTrue(rig.intr());
        assertEquals(0x61, rig.ack());
        rig.pc.ioapic.setPin(10, false);
        rig.apic(EOI, 0);
        assertFalse(rig.intr());
        assertEquals(0, rig.ioapicRead(0x10 + 2 * 10) & 0x4000);
        assertEquals(2, rig.pc.ioapic.delivered(10), "info irq: two messages from pin 10");
        assertEquals(2, lapic.delivered(0x61), "info irq: vector 0x61 put in service twice");
        assertEquals(0, rig.pc.ioapic.delivered(9));
    }

    @Test
    void maskedEdgeIsLostMaskedLevelFiresOnUnmask() {
        enableApic();
        rig.apic(LINT0, 0x10700);
        rig.ioapicWrite(0x10 + 2 * 4, 0x10000 | 0x44);
        rig.pc.isaIrq(4).set(true);
        rig.pc.isaIrq(4).set(false);
        rig.ioapicWrite(0x10 + 2 * 4, 0x44);
        assertFalse(rig.intr(), "masked edge is not remembered");
        assertEquals(0, rig.pc.ioapic.delivered(4), "a masked edge is not counted");
        rig.ioapicWrite(0x10 + 2 * 9, 0x18000 | 0x49);
        rig.pc.isaIrq(9).set(true);
        assertFalse(rig.intr());
        rig.ioapicWrite(0x10 + 2 * 9, 0x8000 | 0x49);
        assertEquals(0x49, rig.ack());
    }

    // ---- the virtual wire and routing --------------------------------------------------------

    @Test
    void picThroughLint0ExtIntWithApicEnabled() {
        rig.initPicLinux();
        rig.outb(0xef, 0x21); // IRQ4 only
        rig.outb(0x08, 0x3f8 + 4); // UART OUT2
        rig.outb(0x02, 0x3f8 + 1); // THRE interrupt -> IRQ4
        assertTrue(rig.intr());
        assertEquals(0x34, rig.ack(), "vector supplied by the 8259 via ExtINT");
        rig.outb(0x64, 0x20);
    }

    @Test
    void uartInterruptThroughIoApic() {
        enableApic();
        rig.initPicLinux();
        rig.outb(0xff, 0x21); // Linux masks the 8259 in APIC mode
        rig.ioapicWrite(0x10 + 2 * 4, 0x24);
        rig.outb(0x08, 0x3f8 + 4);
        rig.outb(0x02, 0x3f8 + 1);
        assertEquals(0x24, rig.ack());
        rig.inb(0x3f8 + 2); // IIR read clears THRE
        rig.apic(EOI, 0);
        assertFalse(rig.intr());
        rig.outb('x', 0x3f8); // the next THR-empty edge
        assertTrue(rig.intr());
    }

    @Test
    void extIntThroughIoApicPin0() {
        enableApic();
        rig.apic(LINT0, 0x10700);
        rig.initPicLinux();
        rig.outb(0xfe, 0x21);
        rig.ioapicWrite(0x10, 0x700); // pin 0: ExtINT, edge
        rig.outb(0x34, 0x43);
        rig.outb(0xa9, 0x40);
        rig.outb(0x04, 0x40);
        rig.run(2_000_000);
        assertTrue(rig.intr());
        assertEquals(0x30, rig.ack(), "the 8259 supplies the vector");
    }

    @Test
    void nmiThroughLint1AndSelfNmi() {
        enableApic();
        lapic.setLint1(true);
        assertTrue(rig.signals.isSet(CpuSignals.NMI));
        rig.signals.clear(CpuSignals.NMI);
        rig.apic(ICR_LO, 0x40000 | 0x400);
        assertTrue(rig.signals.isSet(CpuSignals.NMI));
    }
}
