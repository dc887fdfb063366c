package org.jemu.devices.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.time.VirtualClock;
import org.junit.jupiter.api.Test;

/** The PM registers as Linux's ACPICA drives them (hwsleep.c, hwtimer.c), checked against ACPI 6.5 §4.8. */
class AcpiPmTest {
    private final VirtualClock clock = VirtualClock.deterministic(0, VirtualClock.DEFAULT_TSC_HZ, 0);
    private final boolean[] off = new boolean[1];
    private final PortBus bus = new PortBus();
    private final boolean[] sci = new boolean[1];
    private final AcpiPm pm = new AcpiPm(clock, level -> sci[0] = level, () -> off[0] = true);

    AcpiPmTest() {
        pm.attach(bus);
    }

    @Test
    void alwaysInAcpiMode() {
        assertEquals(1, bus.in(AcpiPlatform.PM1A_CNT, 2) & 1, "SCI_EN set: no SMI_CMD transition needed");
    }

    @Test
    void s5PowersOffAndOtherSleepTypesDoNot() {
        // acpi_hw_legacy_sleep: write SLP_TYP first, then SLP_TYP | SLP_EN.
        bus.out(AcpiPlatform.PM1A_CNT, 2, 3 << 10);
        bus.out(AcpiPlatform.PM1A_CNT, 2, 3 << 10 | 1 << 13);
        assertFalse(off[0], "S3 type is not offered by the DSDT");
        bus.out(AcpiPlatform.PM1A_CNT, 2, AcpiPlatform.S5_SLP_TYP << 10);
        assertFalse(off[0]);
        bus.out(AcpiPlatform.PM1A_CNT, 2, AcpiPlatform.S5_SLP_TYP << 10 | 1 << 13);
        assertTrue(off[0]);
        assertEquals(0, bus.in(AcpiPlatform.PM1A_CNT, 2) & (1 << 13), "SLP_EN reads as 0");
    }

    @Test
    void pmTimerCountsAt3579545Hz() {
        int t0 = bus.in(AcpiPlatform.PM_TMR, 4);
        clock.retire(1_000_000_000L);                 // one virtual second at shift 0 (1 ns per instruction)
        int t1 = bus.in(AcpiPlatform.PM_TMR, 4);
        assertEquals(AcpiPm.PM_TIMER_HZ, (t1 - t0) & 0xffffffffL);
    }

    @Test
    void enableRegisterHoldsItsBitsAndStatusIsWriteOneToClear() {
        bus.out(AcpiPlatform.PM1A_EVT + 2, 2, 0x0121);
        assertEquals(0x0121, bus.in(AcpiPlatform.PM1A_EVT + 2, 2));
        bus.out(AcpiPlatform.PM1A_EVT, 2, 0xffff);
        assertEquals(0, bus.in(AcpiPlatform.PM1A_EVT, 2));
        assertEquals(0x0121, bus.in(AcpiPlatform.PM1A_EVT + 2, 2), "clearing status leaves the enables");
    }

    /** The fixed power button as ACPICA handles it (evevent.c: status AND enable, then write 1 to clear). */
    @Test
    void powerButtonRaisesTheSciOnlyWhenEnabledAndClearingStatusLowersIt() {
        pm.pressPowerButton();
        assertEquals(0x0100, bus.in(AcpiPlatform.PM1A_EVT, 2), "PWRBTN_STS is set even while disabled");
        assertFalse(sci[0], "no SCI without PWRBTN_EN");
        bus.out(AcpiPlatform.PM1A_EVT + 2, 2, 0x0100);          // acpi_enable_event(ACPI_EVENT_POWER_BUTTON)
        assertTrue(sci[0], "status and enable: the SCI is asserted");
        bus.out(AcpiPlatform.PM1A_EVT, 2, 0x0100);              // the handler clears PWRBTN_STS
        assertFalse(sci[0], "the level drops with the status bit");
        assertEquals(0, bus.in(AcpiPlatform.PM1A_EVT, 2));
        pm.pressPowerButton();
        assertTrue(sci[0], "a second press while enabled raises it again");
        bus.out(AcpiPlatform.PM1A_EVT + 2, 2, 0);
        assertFalse(sci[0], "disabling the event lowers the SCI");
    }

    @Test
    void dwordWriteOfStatusAndEnableTogether() {
        pm.pressPowerButton();
        bus.out(AcpiPlatform.PM1A_EVT, 4, 0x0100_0000);          // PM1_EN = PWRBTN_EN, clears nothing
        assertTrue(sci[0]);
        assertEquals(0x0100_0100, bus.in(AcpiPlatform.PM1A_EVT, 4));
        bus.out(AcpiPlatform.PM1A_EVT, 4, 0x0100_0100);          // clear PWRBTN_STS, keep PWRBTN_EN
        assertFalse(sci[0]);
        assertEquals(0x0100_0000, bus.in(AcpiPlatform.PM1A_EVT, 4));
    }
}
