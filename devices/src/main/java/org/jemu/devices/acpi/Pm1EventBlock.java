package org.jemu.devices.acpi;

import org.jemu.cpu.io.InterruptLine;

/**
 * The PM1a event register block (ACPI 6.5 §4.8.4.1): the 16-bit PM1_STS register followed by the
 * 16-bit PM1_EN register, and the System Control Interrupt they drive.
 *
 * <p>Hardware sets a status bit when its event happens, whether or not the event is enabled
 * (§4.8.4.1.1); software clears it by writing 1 to it. The SCI is asserted while any status bit
 * and its enable bit are both set and SCI_EN is 1 (§4.8.3.4): a level, shared and
 * level-triggered as the FADT's SCI_INT is (§5.2.9). jemu is always in ACPI mode (SCI_EN reads
 * 1), so the level is simply {@code PM1_STS & PM1_EN & SCI_EVENTS}.
 */
public final class Pm1EventBlock {
    /** PM1_STS bits (§4.8.4.1.1, table 4.11). */
    public static final int TMR_STS = 1, GBL_STS = 1 << 5, PWRBTN_STS = 1 << 8, SLPBTN_STS = 1 << 9,
            RTC_STS = 1 << 10, WAK_STS = 1 << 15;
    /** PM1_EN bits (§4.8.4.1.2, table 4.12): each at the position of its status bit. */
    public static final int TMR_EN = TMR_STS, GBL_EN = GBL_STS, PWRBTN_EN = PWRBTN_STS, SLPBTN_EN = SLPBTN_STS,
            RTC_EN = RTC_STS;
    /** The status bits that raise the SCI when enabled. WAK_STS has no enable and never does. */
    static final int SCI_EVENTS = TMR_STS | GBL_STS | PWRBTN_STS | SLPBTN_STS | RTC_STS;
    /** The bits the hardware implements; the rest read 0 and ignore writes. */
    static final int STS_IMPLEMENTED = SCI_EVENTS | WAK_STS;

    private final InterruptLine sci;
    private int status, enable;
    private boolean sciLevel;

    /** @param sci the SCI's interrupt line (ISA IRQ {@link AcpiPlatform#SCI_IRQ}) */
    public Pm1EventBlock(InterruptLine sci) { this.sci = sci; }

    /** The event hardware signals {@code bits} of PM1_STS (e.g. the power button was pressed). */
    public void signal(int bits) {
        status |= bits & STS_IMPLEMENTED;
        update();
    }

    public int status() { return status; }

    public int enable() { return enable; }

    /** The SCI's level. */
    public boolean sci() { return sciLevel; }

    /** Reads the block as one 32-bit register (PM1_STS low, PM1_EN high), {@code offset} bytes in. */
    public int read(int offset, int size) {
        int v = (status | enable << 16) >>> (8 * offset);
        return size == 4 ? v : v & ((1 << (8 * size)) - 1);
    }

    /** Writes {@code size} bytes at {@code offset}: PM1_STS bits are write-1-to-clear, PM1_EN is plain. */
    public void write(int offset, int size, int value) {
        int shift = 8 * offset;
        int mask = (size == 4 ? -1 : (1 << (8 * size)) - 1) << shift;
        int v = (value << shift) & mask;
        status &= ~(v & 0xffff);
        if ((mask >>> 16) != 0) enable = (enable & ~(mask >>> 16)) | ((v >>> 16) & SCI_EVENTS);
        update();
    }

    private void update() {
        boolean level = (status & enable & SCI_EVENTS) != 0;
        if (level != sciLevel) {
            sciLevel = level;
            sci.set(level);
        }
    }
}
