package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PC16550D datasheet §8 registers, and Linux's drivers/tty/serial/8250 probe replayed. */
class Uart16550Test {
    static final int BASE = 0x3f8, RX = 0, TX = 0, IER = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7;
    final Rig rig = new Rig();

    int in(int reg) { return rig.inb(BASE + reg); }

    void out(int reg, int v) { rig.outb(v, BASE + reg); }

    // ---- Linux 8250_port.c autoconfig(), replayed step by step -------------------------------

    /** Returns what autoconfig() would conclude; the sequence and tests mirror the driver's. */
    String autoconfig() {
        // IER existence test
        int scratch = in(IER);
        out(IER, 0);
        int scratch2 = in(IER) & 0x0f;
        out(IER, 0x0f);
        int scratch3 = in(IER) & 0x0f;
        out(IER, scratch);
        if (scratch2 != 0 || scratch3 != 0x0f) return "none (IER test)";
        int saveMcr = in(MCR), saveLcr = in(LCR);
        // loopback test: MCR = LOOP | OUT2 | RTS must reflect as DCD | CTS
        out(MCR, 0x10 | 0x0a);
        int status1 = in(MSR) & 0xf0;
        out(MCR, saveMcr);
        if (status1 != 0x90) return "none (LOOP test " + Integer.toHexString(status1) + ")";
        out(LCR, 0xbf); // UART_LCR_CONF_MODE_B
        out(2, 0);      // EFR (FCR on a 16550A)
        out(LCR, 0);
        out(FCR, 0x01);
        int kind = in(IIR) >> 6;
        String type = switch (kind) {
            case 0 -> "8250/16450";
            case 1 -> "unknown";
            case 2 -> "16550";
            default -> autoconfig16550a();
        };
        out(LCR, saveLcr);
        // reset the UART as autoconfig does
        out(MCR, saveMcr);
        out(FCR, 0x01);
        out(FCR, 0x07);
        out(FCR, 0);
        in(RX);
        out(IER, 0);
        return type;
    }

    String autoconfig16550a() {
        out(LCR, 0x80); // CONF_MODE_A: EFR present only on ST16C650V1
        if (in(2) == 0) return "ST16650";
        out(LCR, 0xbf); // CONF_MODE_B: EFR on ST16C650V2 / TI16C752
        if (in(2) == 0) return "EFRv2";
        // National Semiconductor SuperIO: EXCR1 in bank 2 mirrors the LOOP bit
        out(LCR, 0);
        int status1 = in(MCR);
        out(LCR, 0xe0);
        int status2 = in(2);
        if (((status2 ^ status1) & 0x10) == 0) {
            out(LCR, 0);
            out(MCR, status1 ^ 0x10);
            out(LCR, 0xe0);
            status2 = in(2);
            out(LCR, 0);
            out(MCR, status1);
            if (((status2 ^ status1) & 0x10) != 0) return "NS16550A";
        }
        // TI16750: IIR bit 5 with the 64-byte FIFO enable, with and without DLAB
        out(LCR, 0);
        out(FCR, 0x21);
        int s1 = in(IIR) >> 5;
        out(FCR, 0x01);
        out(LCR, 0x80);
        out(FCR, 0x21);
        int s2 = in(IIR) >> 5;
        out(FCR, 0x01);
        out(LCR, 0);
        if (s1 == 6 && s2 == 7) return "16750";
        // Xscale: IER bit 6 (UUE) writable
        int iersave = in(IER);
        out(IER, iersave & ~0x40);
        if ((in(IER) & 0x40) == 0) {
            out(IER, iersave | 0x40);
            if ((in(IER) & 0x40) != 0) return "XScale";
        }
        out(IER, iersave);
        if (sizeFifo() == 64) return "U6_16550A";
        return "16550A";
    }

    /** size_fifo(): 256 bytes sent in loopback at divisor 1; the bytes that can be read back. */
    int sizeFifo() {
        int oldLcr = in(LCR);
        out(LCR, 0);
        int oldMcr = in(MCR);
        out(FCR, 0x07);
        out(MCR, 0x10);
        out(LCR, 0x80);
        int oldDl = in(0) | (in(1) << 8);
        out(0, 1);
        out(1, 0);
        out(LCR, 0x03);
        for (int i = 0; i < 256; i++) out(TX, i);
        rig.run(20_000_000); // mdelay(20)
        int count = 0;
        while ((in(LSR) & 0x01) != 0 && count < 256) {
            in(RX);
            count++;
        }
        out(FCR, 0);
        out(MCR, oldMcr);
        out(LCR, 0x80);
        out(0, oldDl & 0xff);
        out(1, oldDl >> 8);
        out(LCR, oldLcr);
        return count;
    }

    @Test
    void linuxAutoconfigIdentifiesA16550A() {
        assertEquals("16550A", autoconfig());
        assertEquals(16, sizeFifo());
        assertEquals(0, rig.console.size(), "loopback bytes must not reach the terminal");
    }

    @Test
    void absentPortFailsTheIerTest() {
        // COM3 is not created by the rig: the bus floats to 0xFF
        assertEquals(0xff, rig.inb(0x3e8 + IER));
    }

    // ---- registers (§8) -----------------------------------------------------------------------

    @Test
    void resetValuesAndReadOnlyBits() {
        assertEquals(0x01, in(IIR));          // no interrupt pending, FIFOs off
        assertEquals(0x60, in(LSR));          // THRE | TEMT
        assertEquals(0, in(IER));
        out(IER, 0xff);
        assertEquals(0x0f, in(IER));          // bits 7:4 always 0
        out(MCR, 0xff);
        assertEquals(0x1f, in(MCR));          // bits 7:5 always 0
        out(SCR, 0x5a);
        assertEquals(0x5a, in(SCR));
    }

    @Test
    void divisorLatchIsBehindDlab() {
        out(LCR, 0x83);
        out(0, 0x01);
        out(1, 0x02);
        assertEquals(0x01, in(0));
        assertEquals(0x02, in(1));
        out(LCR, 0x03);
        out(IER, 0x05);
        assertEquals(0x05, in(IER));
        out(LCR, 0x83);
        assertEquals(0x02, in(1));
    }

    @Test
    void transmitGoesToTheSinkInOrder() {
        for (byte b : "Hello Linux\n".getBytes(StandardCharsets.US_ASCII)) {
            while ((in(LSR) & 0x20) == 0) { }
            out(TX, b & 0xff);
        }
        assertEquals("Hello Linux\n", rig.console.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void fifoTriggerLevelAndCharacterTimeout() {
        out(MCR, 0x08); // OUT2: IRQ gate open
        out(FCR, 0x81); // FIFO on, trigger 8
        assertEquals(0xc1, in(IIR));
        out(IER, 0x01); // ERBFI
        rig.pc.com1().hostInput("abc".getBytes(StandardCharsets.US_ASCII));
        rig.signals.serviceHost();
        assertEquals(0xc1, in(IIR), "3 bytes < trigger 8: no RDA yet");
        assertEquals(0x61, in(LSR));
        rig.run(1_000_000); // 4 character times at 9600 baud (divisor 12) is ~4.2 ms... not yet
        assertEquals(0xc1, in(IIR));
        rig.run(4_000_000);
        assertEquals(0xcc, in(IIR), "character timeout");
        assertTrue(rig.pc.com1().irqAsserted());
        assertEquals('a', in(RX));
        assertEquals(0xc1, in(IIR), "reading RBR clears the timeout");
        rig.pc.com1().hostInput("0123456789".getBytes(StandardCharsets.US_ASCII));
        rig.signals.serviceHost();
        assertEquals(0xc4, in(IIR), "12 bytes >= trigger 8: RDA");
        StringBuilder sb = new StringBuilder();
        while ((in(LSR) & 1) != 0) sb.append((char) in(RX));
        assertEquals("bc0123456789", sb.toString());
        assertEquals(0xc1, in(IIR));
    }

    @Test
    void hostInputLargerThanTheFifoIsNeverLost() {
        out(FCR, 0x07);
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        rig.pc.com1().hostInput(data);
        rig.signals.serviceHost();
        for (int i = 0; i < data.length; i++) {
            assertEquals(1, in(LSR) & 1);
            assertEquals(i, in(RX));
        }
        assertEquals(0, in(LSR) & 0x03, "no data, no overrun");
    }

    @Test
    void threInterruptRulesLinuxTxenAndThreTests() {
        out(MCR, 0x08);
        // serial8250_do_startup's THRE test: enabling ETBEI with THR empty raises THRI
        out(IER, 0x02);
        assertEquals(0x02, in(IIR) & 0x0f);
        assertEquals(0x01, in(IIR) & 0x0f, "reading IIR cleared it");
        out(IER, 0);
        out(IER, 0x02);
        assertEquals(0x02, in(IIR) & 0x0f, "re-enabling raises it again");
        // a THR write clears it and, the byte gone at once, raises it again with a new edge
        int[] edges = new int[1];
        boolean[] last = new boolean[1];
        Uart16550 u = new Uart16550(0x2e8, rig.clock, level -> { if (level && !last[0]) edges[0]++; last[0] = level; }, null);
        u.write(0x2e8 + MCR, 1, 0x08);
        u.write(0x2e8 + IER, 1, 0x02);
        assertEquals(1, edges[0]);
        u.write(0x2e8 + TX, 1, 'x');
        u.write(0x2e8 + TX, 1, 'y');
        assertEquals(3, edges[0]);
    }

    @Test
    void interruptPriorityRlsOverRdaOverThreOverMs() {
        out(MCR, 0x08);
        out(IER, 0x0f);
        assertEquals(0x02, in(IIR) & 0x0f); // THRE
        out(MCR, 0x18);                      // loopback toggles modem inputs -> MS pending too
        out(TX, 'A');                        // loops back: RDA
        assertEquals(0x04, in(IIR) & 0x0f);
        for (int i = 0; i < 3; i++) out(TX, 'B'); // FIFO off: the 1-byte holding register overruns
        assertEquals(0x06, in(IIR) & 0x0f); // RLS (overrun) highest
        assertEquals(0x02, in(LSR) & 0x02);
        assertEquals(0x04, in(IIR) & 0x0f, "LSR read cleared OE; data still there");
        in(RX);
        assertEquals(0x02, in(IIR) & 0x0f);  // THRE (set by the writes)
        assertEquals(0x00, in(IIR) & 0x0f);  // IIR read cleared THRE: modem status left
        assertNotEquals(0, in(MSR) & 0x0f);
        assertEquals(0x01, in(IIR) & 0x0f);
    }

    @Test
    void loopbackModemLines() {
        out(MCR, 0x10);
        in(MSR);
        out(MCR, 0x1f); // DTR RTS OUT1 OUT2
        assertEquals(0xf0 | 0x0b, in(MSR)); // all inputs high; DCTS DDSR DDCD (TERI only on RI falling)
        out(MCR, 0x10);
        assertEquals(0x0f, in(MSR));        // RI fell: TERI
        out(MCR, 0x00);
        assertEquals(0xb0, in(MSR) & 0xf0); // terminal connected outside loopback
    }

    @Test
    void breakFromTheHostGivesBiAndRls() {
        out(FCR, 0x01);
        out(IER, 0x05);
        out(MCR, 0x08);
        rig.pc.com1().hostBreak();
        rig.signals.serviceHost();
        assertEquals(0x06, in(IIR) & 0x0f);
        int lsr = in(LSR);
        assertEquals(0x10, lsr & 0x10);
        assertEquals(0x80, lsr & 0x80, "error in FIFO");
        assertEquals(0, in(RX), "a break loads one zero character");
    }

    @Test
    void irqIsGatedByOut2() {
        out(IER, 0x02);
        assertFalse(rig.pc.com1().irqAsserted());
        out(MCR, 0x08);
        assertTrue(rig.pc.com1().irqAsserted());
    }
}
