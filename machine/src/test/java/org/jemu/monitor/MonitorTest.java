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
        assertEquals("0000000000001008: -2 -1\n", dump(m, 0x1008, "2dh"));
        assertEquals("0000000000001008: 65534\n", dump(m, 0x1008, "1uh"));
        assertEquals("0000000000001000: 021\n", dump(m, 0x1000, "1ob"));
        m.write(0x2000, 4, 0x0a694821);
        assertEquals("0000000000002000: '!' 'H' 'i' '\\x0a'\n", dump(m, 0x2000, "4c"));
        assertTrue(dump(m, 0x1000, "20xb").startsWith("0000000000001000: 0x11"), "16 bytes a line");
        assertEquals(2, dump(m, 0x1000, "20xb").split("\n").length);
        assertEquals("00000000fff00000: Cannot access memory\n", dump(m, 0xfff00000L, "1xw"));
    }

    @Test
    void disassembles() throws Exception {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        byte[] code = {0x55, 0x48, (byte) 0x89, (byte) 0xe5, (byte) 0xc3, 0x0f, 0x0b};
        m.load(0x3000, code, 0, code.length);
        String d = dump(m, 0x3000, "4i");
        assertEquals(String.join("\n",
                "0000000000003000:  55                   push rbp",
                "0000000000003001:  4889e5               mov rbp,rsp",
                "0000000000003004:  c3                   ret",
                "0000000000003005:  0f0b                 ud2", ""), d);
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
    }

    @Test
    void quitAsksTheHost() {
        boolean[] quit = {false};
        Monitor mon = new Monitor(() -> quit[0] = true);
        mon.execute("quit");
        assertTrue(quit[0]);
    }
}
