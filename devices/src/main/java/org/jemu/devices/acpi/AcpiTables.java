package org.jemu.devices.acpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jemu.cpu.mem.PhysicalMemory;

/**
 * Builds the minimal ACPI tables a Linux kernel needs to find the CPU, the local APIC, the IO-APIC
 * and the ISA interrupt routing, and to power the machine off: RSDP (revision 2), RSDT and XSDT,
 * FADT (revision 3) with FACS and a DSDT holding only {@code \_S5}, and MADT. Layouts from the ACPI
 * Specification 6.5, chapter 5.
 *
 * <p>The tables go in the BIOS area (0xF0000-0xFFFFF) that the e820 map reserves, where Linux also
 * scans for the RSDP; the loader passes the RSDP address in boot_params too.
 */
public final class AcpiTables {
    public static final long BASE = 0xf0000;
    /** The BIOS area the tables are written into (0xF0000-0xFFFFF, reserved in the e820 map). */
    public static final long AREA_SIZE = 0x10000;
    static final byte[] OEM_ID = "JEMU  ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OEM_TABLE_ID = "JEMUPC  ".getBytes(StandardCharsets.US_ASCII);

    private AcpiTables() {}

    /** Writes all tables at {@link #BASE} and returns the RSDP's physical address. */
    public static long install(PhysicalMemory mem) {
        long rsdp = BASE;
        long facs = BASE + 0x40;             // FACS must be 64-byte aligned
        long dsdt = BASE + 0x80;
        byte[] dsdtT = dsdt();
        long fadt = align(dsdt + dsdtT.length);
        byte[] fadtT = fadt(facs, dsdt);
        long madt = align(fadt + fadtT.length);
        byte[] madtT = madt();
        long rsdt = align(madt + madtT.length);
        byte[] rsdtT = rsdt(fadt, madt);
        long xsdt = align(rsdt + rsdtT.length);
        byte[] xsdtT = xsdt(fadt, madt);
        put(mem, facs, facs());
        put(mem, dsdt, dsdtT);
        put(mem, fadt, fadtT);
        put(mem, madt, madtT);
        put(mem, rsdt, rsdtT);
        put(mem, xsdt, xsdtT);
        put(mem, rsdp, rsdp(rsdt, xsdt));
        return rsdp;
    }

    private static long align(long a) { return (a + 15) & ~15L; }

    private static void put(PhysicalMemory mem, long addr, byte[] t) { mem.load(addr, t, 0, t.length); }

    /** §5.2.5.3: "RSD PTR ", checksum over the first 20 bytes, extended checksum over all 36. */
    static byte[] rsdp(long rsdt, long xsdt) {
        ByteBuffer b = le(36);
        b.put("RSD PTR ".getBytes(StandardCharsets.US_ASCII));
        b.put(9, (byte) 0).position(9);
        b.put(OEM_ID);
        b.put((byte) 2);
        b.putInt((int) rsdt);
        b.putInt(36);
        b.putLong(xsdt);
        byte[] t = b.array();
        t[8] = checksum(t, 0, 20);
        t[32] = checksum(t, 0, 36);
        return t;
    }

    /** §5.2.6: the common 36-byte header; the checksum is filled by {@link #finish}. */
    static ByteBuffer header(String signature, int length, int revision) {
        ByteBuffer b = le(length);
        b.put(signature.getBytes(StandardCharsets.US_ASCII));
        b.putInt(length);
        b.put((byte) revision);
        b.put((byte) 0);
        b.put(OEM_ID);
        b.put(OEM_TABLE_ID);
        b.putInt(1);                                               // OEM revision
        b.put("JEMU".getBytes(StandardCharsets.US_ASCII));         // creator ID
        b.putInt(1);                                               // creator revision
        return b;
    }

    static byte[] finish(ByteBuffer b) {
        byte[] t = b.array();
        t[9] = 0;
        t[9] = checksum(t, 0, t.length);
        return t;
    }

    static byte[] rsdt(long... tables) {
        ByteBuffer b = header("RSDT", 36 + 4 * tables.length, 1);
        for (long t : tables) b.putInt((int) t);
        return finish(b);
    }

    static byte[] xsdt(long... tables) {
        ByteBuffer b = header("XSDT", 36 + 8 * tables.length, 1);
        for (long t : tables) b.putLong(t);
        return finish(b);
    }

    /** §5.2.10: 64 bytes, no checksum. */
    static byte[] facs() {
        ByteBuffer b = le(64);
        b.put("FACS".getBytes(StandardCharsets.US_ASCII));
        b.putInt(64);
        b.put(32, (byte) 2);                                       // version
        return b.array();
    }

    /**
     * A DSDT whose AML is one object, {@code Name (_S5, Package () {5, 5, 0, 0})} (§7.4.2: the
     * SLP_TYPa and SLP_TYPb values for S5). Encoded by hand: NameOp 0x08, NameSeg "_S5_",
     * PackageOp 0x12, PkgLength, NumElements, BytePrefix 0x0A values and ZeroOps (§20.2).
     */
    static byte[] dsdt() {
        byte[] aml = {0x08, '_', 'S', '5', '_', 0x12, 0x08, 0x04,
                0x0a, (byte) AcpiPlatform.S5_SLP_TYP, 0x0a, (byte) AcpiPlatform.S5_SLP_TYP, 0x00, 0x00};
        ByteBuffer b = header("DSDT", 36 + aml.length, 2);
        b.put(aml);
        return finish(b);
    }

    /** §5.2.9, revision 3 (244 bytes). Legacy block addresses only; the OS derives the X_ fields. */
    static byte[] fadt(long facs, long dsdt) {
        ByteBuffer b = header("FACP", 244, 3);
        b.putInt(36, (int) facs);
        b.putInt(40, (int) dsdt);
        b.putShort(46, (short) AcpiPlatform.SCI_IRQ);
        b.putInt(48, 0);                                           // SMI_CMD 0: always in ACPI mode
        b.putInt(56, AcpiPlatform.PM1A_EVT);
        b.putInt(64, AcpiPlatform.PM1A_CNT);
        b.putInt(76, AcpiPlatform.PM_TMR);
        b.put(88, (byte) 4);                                       // PM1_EVT_LEN
        b.put(89, (byte) 2);                                       // PM1_CNT_LEN
        b.put(91, (byte) 4);                                       // PM_TMR_LEN
        b.putShort(96, (short) 101);                               // P_LVL2_LAT > 100: C2 unsupported
        b.putShort(98, (short) 1001);                              // P_LVL3_LAT > 1000: C3 unsupported
        b.put(108, (byte) AcpiPlatform.CMOS_CENTURY);
        b.putShort(109, (short) 0x3);                              // IAPC_BOOT_ARCH: LEGACY_DEVICES | 8042
        int flags = 1                                              // WBINVD works
                | 1 << 2                                           // PROC_C1
                // PWR_BUTTON (bit 4) clear: the power button is the fixed-hardware one of the PM1
                // event block (§4.8.3.1.1.1), so Linux's button driver installs its fixed-event
                // handler and sets PWRBTN_EN. SLP_BUTTON set: there is no sleep button.
                | 1 << 5
                | 1 << 8                                           // TMR_VAL_EXT: 32-bit PM timer
                | 1 << 10;                                         // RESET_REG_SUP
        b.putInt(112, flags);
        gas(b, 116, 1, 8, AcpiPlatform.RESET_PORT);                // RESET_REG: system I/O, byte
        b.put(128, (byte) AcpiPlatform.RESET_VALUE);
        b.putLong(132, facs);
        b.putLong(140, dsdt);
        return finish(b);
    }

    /** A Generic Address Structure (§5.2.3.2). */
    private static void gas(ByteBuffer b, int off, int space, int bits, long address) {
        b.put(off, (byte) space);
        b.put(off + 1, (byte) bits);
        b.put(off + 2, (byte) 0);
        b.put(off + 3, (byte) 1);                                  // byte access
        b.putLong(off + 4, address);
    }

    /**
     * §5.2.12: one enabled processor, the IO-APIC with GSIs 0-23, ISA IRQ 0 routed to GSI 2 (as on
     * every PC with an IO-APIC), the SCI level-triggered active-high, and LINT1 as NMI.
     */
    static byte[] madt() {
        int len = 44 + 8 + 12 + 10 + 10 + 6;
        ByteBuffer b = header("APIC", len, 3);
        b.position(36);
        b.putInt((int) AcpiPlatform.LAPIC_BASE);
        b.putInt(1);                                               // PCAT_COMPAT: dual 8259s present
        b.put((byte) 0).put((byte) 8).put((byte) 0).put((byte) 0).putInt(1);        // Processor Local APIC
        b.put((byte) 1).put((byte) 12).put((byte) AcpiPlatform.IOAPIC_ID).put((byte) 0)
                .putInt((int) AcpiPlatform.IOAPIC_BASE).putInt(0);                  // I/O APIC, GSI base 0
        b.put((byte) 2).put((byte) 10).put((byte) 0).put((byte) 0).putInt(2).putShort((short) 0);   // IRQ0 -> GSI2
        b.put((byte) 2).put((byte) 10).put((byte) 0).put((byte) AcpiPlatform.SCI_IRQ)
                .putInt(AcpiPlatform.SCI_IRQ).putShort((short) 0xd);                // SCI: level, active high
        b.put((byte) 4).put((byte) 6).put((byte) 0xff).putShort((short) 0).put((byte) 1);  // LINT1 = NMI
        return finish(b);
    }

    static byte checksum(byte[] t, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) s += t[i];
        return (byte) -s;
    }

    private static ByteBuffer le(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }
}
