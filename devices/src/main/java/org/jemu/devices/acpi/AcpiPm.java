package org.jemu.devices.acpi;

import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.time.VirtualClock;

/**
 * The ACPI fixed-hardware registers the FADT points at (ACPI 6.5 §4.8): the PM1a event block
 * ({@link Pm1EventBlock}: PM1_STS, PM1_EN and the SCI), the PM1a control block (SCI_EN, SLP_TYP,
 * SLP_EN) and the 32-bit power-management timer at 3.579545 MHz, driven by the virtual clock.
 *
 * <p>The machine is always in ACPI mode (the FADT has no SMI_CMD port), so SCI_EN reads as 1. Writing
 * SLP_EN with the \_S5 sleep type powers the machine off; other sleep states are not offered by the
 * DSDT and are ignored. The one event source is the fixed-hardware power button
 * ({@link #pressPowerButton}, §4.8.3.1.1.1); the timer's overflow status (TMR_STS) is not modelled.
 */
public final class AcpiPm implements PortIoHandler {
    /** PM timer frequency (§4.8.3.3). */
    public static final long PM_TIMER_HZ = 3_579_545;

    private final VirtualClock clock;
    private final Runnable powerOff;
    private final Pm1EventBlock events;
    private int pm1Control = AcpiPlatform.PM1_CNT_SCI_EN;

    /** @param sci the System Control Interrupt's line (ISA IRQ {@link AcpiPlatform#SCI_IRQ}) */
    public AcpiPm(VirtualClock clock, InterruptLine sci, Runnable powerOff) {
        this.clock = clock;
        this.powerOff = powerOff;
        this.events = new Pm1EventBlock(sci);
    }

    /**
     * A press of the fixed-hardware power button (QEMU's {@code system_powerdown}): sets PWRBTN_STS,
     * which raises the SCI if the OS has set PWRBTN_EN (§4.8.3.1.1.1). What follows is the OS's policy.
     */
    public void pressPowerButton() { events.signal(Pm1EventBlock.PWRBTN_STS); }

    public Pm1EventBlock events() { return events; }

    /** QEMU's names for the three blocks. */
    @Override
    public String portName(int port) {
        return port >= AcpiPlatform.PM_TMR ? "acpi-tmr" : port >= AcpiPlatform.PM1A_CNT ? "acpi-cnt" : "acpi-evt";
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
            return events.read(port - AcpiPlatform.PM1A_EVT, size);
        }
        return size == 4 ? v : v & ((1 << (8 * size)) - 1);
    }

    @Override
    public void write(int port, int size, int value) {
        if (port >= AcpiPlatform.PM_TMR) return;                       // read-only
        if (port < AcpiPlatform.PM1A_CNT) {
            events.write(port - AcpiPlatform.PM1A_EVT, size, value);
            return;
        }
        int shift = 8 * (port - AcpiPlatform.PM1A_CNT);
        int mask = ((1 << (8 * size)) - 1) << shift;
        int cnt = (pm1Control & ~mask | (value << shift) & mask) & 0xffff;
        int slpTyp = (cnt >>> AcpiPlatform.PM1_CNT_SLP_TYP_SHIFT) & 7;
        pm1Control = (cnt & ~AcpiPlatform.PM1_CNT_SLP_EN) | AcpiPlatform.PM1_CNT_SCI_EN;
        if ((cnt & AcpiPlatform.PM1_CNT_SLP_EN) != 0 && slpTyp == AcpiPlatform.S5_SLP_TYP) powerOff.run();
    }
}
