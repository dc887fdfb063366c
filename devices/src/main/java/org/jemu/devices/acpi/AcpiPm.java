package org.jemu.devices.acpi;

import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.time.VirtualClock;

/**
 * The ACPI fixed-hardware registers the FADT points at (ACPI 6.5 §4.8): the PM1a event block
 * (PM1_STS, PM1_EN), the PM1a control block (SCI_EN, SLP_TYP, SLP_EN) and the 32-bit power-management
 * timer at 3.579545 MHz, driven by the virtual clock.
 *
 * <p>The machine is always in ACPI mode (the FADT has no SMI_CMD port), so SCI_EN reads as 1. Writing
 * SLP_EN with the \_S5 sleep type powers the machine off; other sleep states are not offered by the
 * DSDT and are ignored. No event ever raises the SCI: there are no fixed-feature buttons.
 */
public final class AcpiPm implements PortIoHandler {
    /** PM timer frequency (§4.8.3.3). */
    public static final long PM_TIMER_HZ = 3_579_545;
    static final int PM1_STS_WAK = 1 << 15;

    private final VirtualClock clock;
    private final Runnable powerOff;
    private int pm1Status, pm1Enable, pm1Control = AcpiPlatform.PM1_CNT_SCI_EN;

    public AcpiPm(VirtualClock clock, Runnable powerOff) {
        this.clock = clock;
        this.powerOff = powerOff;
    }

    public void attach(PortBus bus) {
        bus.register(AcpiPlatform.PM1A_EVT, 4, PortBus.SIZE_1 | PortBus.SIZE_2 | PortBus.SIZE_4, this);
        bus.register(AcpiPlatform.PM1A_CNT, 2, PortBus.SIZE_1 | PortBus.SIZE_2, this);
        bus.register(AcpiPlatform.PM_TMR, 4, PortBus.SIZE_ALL, this);
    }

    @Override
    public int read(int port, int size) {
        int v;
        if (port >= AcpiPlatform.PM_TMR) {
            v = (int) VirtualClock.scale(clock.nowNs(), PM_TIMER_HZ, VirtualClock.NS_PER_S);
            return v >>> (8 * (port - AcpiPlatform.PM_TMR));
        } else if (port >= AcpiPlatform.PM1A_CNT) {
            v = pm1Control >>> (8 * (port - AcpiPlatform.PM1A_CNT));
        } else {
            v = (pm1Status | pm1Enable << 16) >>> (8 * (port - AcpiPlatform.PM1A_EVT));
        }
        return size == 4 ? v : v & ((1 << (8 * size)) - 1);
    }

    @Override
    public void write(int port, int size, int value) {
        if (port >= AcpiPlatform.PM_TMR) return;                       // read-only
        boolean control = port >= AcpiPlatform.PM1A_CNT;
        int shift = 8 * (port - (control ? AcpiPlatform.PM1A_CNT : AcpiPlatform.PM1A_EVT));
        int mask = (size == 4 ? -1 : (1 << (8 * size)) - 1) << shift;
        int v = (value << shift) & mask;
        if (control) {
            int cnt = (pm1Control & ~mask | v) & 0xffff;
            int slpTyp = (cnt >>> AcpiPlatform.PM1_CNT_SLP_TYP_SHIFT) & 7;
            pm1Control = (cnt & ~AcpiPlatform.PM1_CNT_SLP_EN) | AcpiPlatform.PM1_CNT_SCI_EN;
            if ((cnt & AcpiPlatform.PM1_CNT_SLP_EN) != 0 && slpTyp == AcpiPlatform.S5_SLP_TYP) powerOff.run();
        } else {
            pm1Status &= ~(v & 0xffff);                                 // PM1_STS: write 1 to clear
            if ((mask >>> 16) != 0) pm1Enable = (pm1Enable & ~(mask >>> 16)) | (v >>> 16);
        }
    }
}
