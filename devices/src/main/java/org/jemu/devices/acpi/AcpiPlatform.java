package org.jemu.devices.acpi;

/**
 * The fixed facts of jemu's PC that the ACPI tables describe and the devices implement: where the
 * interrupt controllers are, which ports the ACPI PM registers use, and how the interrupt lines are
 * wired. The devices module and the table builder read the same constants.
 */
public final class AcpiPlatform {
    private AcpiPlatform() {}

    public static final long LAPIC_BASE = 0xfee00000L;
    public static final long IOAPIC_BASE = 0xfec00000L;
    public static final int IOAPIC_ID = 0;
    /** ISA IRQ of the System Control Interrupt (as on PIIX4/ICH9 PCs). */
    public static final int SCI_IRQ = 9;
    /** The ACPI PM I/O block (the ICH9 layout): PM1a_EVT (4 bytes), PM1a_CNT (2 bytes), PM_TMR (4 bytes). */
    public static final int PM_BASE = 0x600;
    public static final int PM1A_EVT = PM_BASE, PM1A_CNT = PM_BASE + 4, PM_TMR = PM_BASE + 8;
    /** SLP_TYP value of \_S5 in the DSDT; PM1a_CNT with SLP_EN and this type powers the machine off. */
    public static final int S5_SLP_TYP = 5;
    /** PM1_CNT bits (ACPI 6.5 §4.8.4.2.1). */
    public static final int PM1_CNT_SCI_EN = 1, PM1_CNT_SLP_EN = 1 << 13, PM1_CNT_SLP_TYP_SHIFT = 10;
    /** The reset register (the PC's Reset Control Register) and the value that resets. */
    public static final int RESET_PORT = 0xcf9, RESET_VALUE = 0x06;
    /** CMOS register holding the century (as the FADT's CENTURY field says). */
    public static final int CMOS_CENTURY = 0x32;
}
