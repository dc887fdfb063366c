package org.jemu.devices.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jemu.cpu.mem.PhysicalMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACPI tables checked by an independent parser: ACPICA's disassembler ({@code iasl -d}, Debian
 * package acpica-tools), which verifies signatures, lengths and checksums and decodes every field.
 */
class AcpiTablesTest {
    private static final PhysicalMemory MEM = new PhysicalMemory(16 << 20);
    private static final long RSDP = AcpiTables.install(MEM);

    private static boolean haveIasl() {
        try {
            Process p = new ProcessBuilder("iasl", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static byte[] table(long addr) {
        int len = (int) MEM.read(addr + 4, 4);
        byte[] t = new byte[len];
        System.arraycopy(MEM.ram(), (int) addr, t, 0, len);
        return t;
    }

    /** Disassembles one table with iasl and returns the .dsl text. */
    private static String iasl(Path dir, String name, byte[] table) throws Exception {
        Path bin = dir.resolve(name + ".dat");
        Files.write(bin, table);
        Process p = new ProcessBuilder("iasl", "-d", bin.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Path dsl = dir.resolve(name + ".dsl");
        assertTrue(Files.exists(dsl), log);
        String text = Files.readString(dsl);
        assertFalse(text.toLowerCase().contains("incorrect checksum") || log.toLowerCase().contains("incorrect checksum"), text);
        return text;
    }

    private long xsdtEntry(int i) {
        long xsdt = MEM.read(RSDP + 24, 8);
        return MEM.read(xsdt + 36 + 8L * i, 8);
    }

    @Test
    void rsdpChecksumsAndPointers() {
        byte[] r = new byte[36];
        System.arraycopy(MEM.ram(), (int) RSDP, r, 0, 36);
        int s20 = 0, s36 = 0;
        for (int i = 0; i < 36; i++) { if (i < 20) s20 += r[i]; s36 += r[i]; }
        assertEquals(0, s20 & 0xff);
        assertEquals(0, s36 & 0xff);
        assertEquals("RSD PTR ", new String(r, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(0, RSDP & 15, "Linux scans for the RSDP on 16-byte boundaries");
    }

    @Test
    void iaslDecodesMadt(@TempDir Path dir) throws Exception {
        assumeTrue(haveIasl(), "iasl (acpica-tools) not installed");
        String t = iasl(dir, "apic", table(xsdtEntry(1)));
        assertTrue(t.contains("Local Apic Address : FEE00000"), t);
        assertTrue(t.contains("Processor Local APIC"), t);
        assertTrue(t.contains("I/O APIC"), t);
        assertTrue(t.matches("(?s).*Address : FEC00000.*"), t);
        assertTrue(t.contains("Interrupt Source Override"), t);
        assertTrue(t.matches("(?s).*Interrupt : 00000002.*"), t);
    }

    @Test
    void iaslDecodesFadt(@TempDir Path dir) throws Exception {
        assumeTrue(haveIasl(), "iasl (acpica-tools) not installed");
        String t = iasl(dir, "facp", table(xsdtEntry(0)));
        assertTrue(t.matches("(?s).*SCI Interrupt : 0009.*"), t);
        assertTrue(t.matches("(?s).*PM1A Control Block Address : 00000604.*"), t);
        assertTrue(t.matches("(?s).*PM Timer Block Address : 00000608.*"), t);
        assertTrue(t.matches("(?s).*8042 Present on ports 60/64 \\(V2\\) : 1.*"), t);
        // The fixed-hardware power button (PWR_BUTTON clear), no sleep button (SLP_BUTTON set).
        assertTrue(t.matches("(?s).*Control Method Power Button \\(V1\\) : 0.*"), t);
        assertTrue(t.matches("(?s).*Control Method Sleep Button \\(V1\\) : 1.*"), t);
    }

    @Test
    void iaslDecodesS5InDsdt(@TempDir Path dir) throws Exception {
        assumeTrue(haveIasl(), "iasl (acpica-tools) not installed");
        long fadt = xsdtEntry(0);
        long dsdt = MEM.read(fadt + 140, 8);
        String t = iasl(dir, "dsdt", table(dsdt));
        assertTrue(t.matches("(?s).*Name \\(_S5, Package \\(0x04\\)[^{]*\\{\\s*0x05,\\s*0x05,\\s*Zero,\\s*Zero\\s*\\}\\).*"), t);
    }
}
