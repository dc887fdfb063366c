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

    AcpiPmTest() {
        new AcpiPm(clock, () -> off[0] = true).attach(bus);
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
}
