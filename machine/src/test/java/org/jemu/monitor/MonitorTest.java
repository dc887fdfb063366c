package org.jemu.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.PhysicalMemory;
import org.junit.jupiter.api.Test;

/** The command parser and the x/xp formatter. */
class MonitorTest {
    @Test
    void fmtParsesCountFormatAndSizeInQemuOrder() throws Exception {
        Monitor.Fmt f = Monitor.parseFmt("10xg", 'x', 4);
        assertEquals(10, f.count);
        assertEquals('x', f.format);
        assertEquals(8, f.size);
        f = Monitor.parseFmt("3i", 'x', 4);
        assertEquals('i', f.format);
        assertEquals(3, f.count);
        f = Monitor.parseFmt("", 'd', 2);   // defaults: the last format and size
        assertEquals(1, f.count);
        assertEquals('d', f.format);
        assertEquals(2, f.size);
        assertEquals(1, Monitor.parseFmt("4c", 'x', 4).size);
        assertEquals('s', Monitor.parseFmt("2s", 'x', 4).format);
        assertEquals(8, Monitor.parseFmt("xL", 'x', 4).size);
        assertThrows(Monitor.MonitorException.class, () -> Monitor.parseFmt("4q", 'x', 4));
    }

    @Test
    void addressesTakeRegistersAndOffsets() throws Exception {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        CpuState c = FormatsTest.longModeCpu(m);
        assertEquals(0x1000, Monitor.parseAddress("0x1000", c));
        assertEquals(4096, Monitor.parseAddress("4096", c));
        assertEquals(0xffffffff81050c32L, Monitor.parseAddress("$rip", c));
        assertEquals(0xffffffff8180bf90L + 16, Monitor.parseAddress("$rsp + 0x10", c));
        assertEquals(0xffffffff8180bf90L - 8, Monitor.parseAddress("$rsp-8", c));
        assertEquals(0xffffffffffffffffL, Monitor.parseAddress("0xffffffffffffffff", c));
        assertThrows(Monitor.MonitorException.class, () -> Monitor.parseAddress("$xyz", c));
        assertThrows(Monitor.MonitorException.class, () -> Monitor.parseAddress("zz", c));
    }

    private static String dump(PhysicalMemory m, long addr, String fmt) throws Exception {
        StringBuilder sb = new StringBuilder();
        Monitor.format(sb, m, pa -> m.isRam(pa) ? pa : -1, addr, Monitor.parseFmt(fmt, 'x', 4), true);
        return sb.toString();
    }

    @Test
    void dumpsInEachFormatAndSize() throws Exception {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        m.write(0x1000, 8, 0x8877665544332211L);
        m.write(0x1008, 8, 0xfffffffffffffffeL);
        assertEquals("0000000000001000: 0x44332211 0x88776655 0xfffffffe 0xffffffff\n", dump(m, 0x1000, "4xw"));
        assertEquals("0000000000001000: 0x8877665544332211 0xfffffffffffffffe\n", dump(m, 0x1000, "2xg"));
        assertEquals("0000000000001000: 0x11 0x22 0x33\n", dump(m, 0x1000, "3xb"));
        // QEMU's memory_dump widths: d and u right-aligned to the unit's widest value, o likewise.
        assertEquals("0000000000001008:    -2    -1\n", dump(m, 0x1008, "2dh"));
        assertEquals("0000000000001008:         -2\n", dump(m, 0x1008, "1dw"));
        assertEquals("0000000000001008: 65534\n", dump(m, 0x1008, "1uh"));
        assertEquals("0000000000001000: 021\n", dump(m, 0x1000, "1ob"));
        m.write(0x2000, 4, 0x0a694821);
        assertEquals("0000000000002000: '!' 'H' 'i' '\\n'\n", dump(m, 0x2000, "4c"), "QEMU's monitor_printc escapes");
        assertEquals("0000000000001000: 0x11 0x22 0x33 0x44 0x55 0x66 0x77 0x88\n0000000000001008: 0xfe\n",
                dump(m, 0x1000, "9xb"), "QEMU: 8 bytes a line");
        assertEquals(3, dump(m, 0x1000, "20xb").split("\n").length);
        assertEquals(2, dump(m, 0x1000, "5xw").split("\n").length, "16 bytes a line for wider units");
        assertEquals("0000000000001000: 0010001000010001\n", dump(m, 0x1000, "1th"), "t: binary, as GDB's x/t");
        assertEquals(dump(m, 0x1000, "2xg"), dump(m, 0x1000, "2xL"), "QEMU takes L for g");
        assertEquals("00000000fff00000: Cannot access memory\n", dump(m, 0xfff00000L, "1xw"));
    }

    @Test
    void stringsAsGdbPrintsThem() throws Exception {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        byte[] t = "Linux\0a\tb\"c\n\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        m.load(0x4000, t, 0, t.length);
        m.write(0x4008, 1, 0xe9);
        assertEquals("0000000000004000: \"Linux\"\n", dump(m, 0x4000, "s"));
        assertEquals(String.join("\n", "0000000000004000: \"Linux\"", "0000000000004006: \"a\\t\\351\\\"c\\n\"",
                "000000000000400d: \"\"", ""), dump(m, 0x4000, "3s"), "C escapes; each string after the last NUL");
        byte[] longText = "x".repeat(Monitor.STRING_LIMIT + 5).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        m.load(0x5000, longText, 0, longText.length);
        String two = dump(m, 0x5000, "2s");
        assertTrue(two.startsWith("0000000000005000: \"" + "x".repeat(Monitor.STRING_LIMIT) + "\"...\n"), two);
        assertTrue(two.endsWith(String.format("%016x: \"xxxxx\"\n", 0x5000 + Monitor.STRING_LIMIT)), two);
        m.write(0xffffe, 2, 0x4141);
        assertEquals("00000000000ffffe: \"AA\" <cannot access memory>\n", dump(m, 0xffffe, "s"));
        assertEquals("0000000000100000: Cannot access memory\n", dump(m, 0x100000, "s"));
    }

    @Test
    void disassembles() throws Exception {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        byte[] code = {0x55, 0x48, (byte) 0x89, (byte) 0xe5, (byte) 0xc3, 0x0f, 0x0b};
        m.load(0x3000, code, 0, code.length);
        String d = dump(m, 0x3000, "4i");
        assertEquals(String.join("\n",
                "0000000000003000:  55                   push %rbp",
                "0000000000003001:  4889e5               mov %rsp,%rbp",
                "0000000000003004:  c3                   ret",
                "0000000000003005:  0f0b                 ud2", ""), d, "AT&T by default, as QEMU");
        StringBuilder sb = new StringBuilder();
        Monitor.Fmt f = Monitor.parseFmt("2i", 'x', 4);
        f.syntax = org.jemu.cpu.decode.Disassembler.Syntax.INTEL;
        Monitor.format(sb, m, pa -> m.isRam(pa) ? pa : -1, 0x3000, f, true);
        assertEquals(String.join("\n",
                "0000000000003000:  55                   push rbp",
                "0000000000003001:  4889e5               mov rbp,rsp", ""), sb.toString());
    }

    @Test
    void commandsWithoutAMachineAnswerInsteadOfThrowing() {
        Monitor mon = new Monitor(() -> { });
        assertTrue(mon.execute("help").contains("info registers"));
        assertEquals("no machine is running\n", mon.execute("info registers"));
        assertEquals("unknown command: 'frobnicate'\n", mon.execute("frobnicate 1 2"));
        assertEquals("", mon.execute("   "));
        assertTrue(mon.execute("info").startsWith("info: which?"));
        assertEquals("no machine is running\n", mon.execute("system_powerdown"));
        assertEquals("no machine is running\n", mon.execute("disas_syntax intel"));
    }

    @Test
    void quitAsksTheHost() {
        boolean[] quit = {false};
        Monitor mon = new Monitor(() -> quit[0] = true);
        mon.execute("quit");
        assertTrue(quit[0]);
    }
}
