package org.jemu.devices.vga;

import static org.junit.jupiter.api.Assertions.*;

import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.time.VirtualClock;
import org.junit.jupiter.api.Test;

/** The VGA's registers as Linux's vgacon (drivers/video/console/vgacon.c) programs them, and the text scan-out. */
class VgaTest {
    final VirtualClock clock = VirtualClock.deterministic(0, VirtualClock.DEFAULT_TSC_HZ, 0);
    final PhysicalMemory mem = new PhysicalMemory(16 << 20);
    final PortBus bus = new PortBus();
    final Vga vga = new Vga(mem, clock);

    VgaTest() { vga.attach(bus); }

    int inb(int port) { return bus.in(port, 1); }

    void outb(int v, int port) { bus.out(port, 1, v); }

    void crtc(int reg, int v) { outb(reg, 0x3d4); outb(v, 0x3d5); }

    int crtc(int reg) { outb(reg, 0x3d4); return inb(0x3d5); }

    void text(int cell, String s, int attr) {
        for (int i = 0; i < s.length(); i++) mem.write(0xb8000 + 2L * (cell + i), 2, s.charAt(i) | attr << 8);
    }

    @Test
    void startsInMode3() {
        assertEquals(0x67, inb(0x3cc), "misc output");
        assertEquals(0x4f, crtc(0x09), "max scan line 15");
        TextFrame f = vga.snapshot();
        assertEquals(80, f.columns);
        assertEquals(25, f.rows);
        assertEquals(16, f.charHeight);
        assertTrue(f.nineDots && f.blink && f.lineGraphics && f.visible);
        assertEquals(0xaaaaaa, f.color(7), "light grey");
        assertEquals(0xaa5500, f.color(6), "brown: AR6 = 0x14");
        assertEquals(0xffffff, f.color(15));
        assertEquals(0x5555ff, f.color(9));
    }

    @Test
    void crtcWordWritesAndProtectBit() {
        bus.out(0x3d4, 2, 0x0e | 0x12 << 8); // outw(reg | val << 8), as vgacon's vga_wcrt does
        assertEquals(0x12, crtc(0x0e));
        crtc(0x01, 0x27);
        assertEquals(0x4f, crtc(0x01), "CR00-07 protected by CR11 bit 7");
        crtc(0x07, 0x00);
        assertEquals(0x0f, crtc(0x07), "only line compare bit 8 of CR07 is writable");
        crtc(0x11, crtc(0x11) & 0x7f);
        crtc(0x01, 0x27);
        assertEquals(0x27, crtc(0x01));
        assertEquals(0xff, inb(0x3b5), "mono CRTC port is silent in colour mode");
    }

    @Test
    void attributeFlipFlopResetByInputStatus1() {
        inb(0x3da);
        outb(0x06, 0x3c0);          // index 6, PAS clear: screen off while loading
        outb(0x06, 0x3c0);          // data
        assertEquals(0x06, inb(0x3c1));
        assertFalse(vga.snapshot().visible);
        outb(0x11, 0x3c0);          // index again (flip-flop back at index)
        inb(0x3da);                 // reset: the next write is an index
        outb(0x20, 0x3c0);          // PAS set: screen on
        assertEquals(0x20, inb(0x3c0));
        assertTrue(vga.snapshot().visible);
    }

    @Test
    void dacWriteAndReadBack() {
        outb(6, 0x3c8);
        outb(0x3f, 0x3c9);
        outb(0x00, 0x3c9);
        outb(0x15, 0x3c9);
        assertEquals(7, inb(0x3c8), "index advanced after blue");
        outb(6, 0x3c7);
        assertEquals(3, inb(0x3c7), "DAC state: read mode");
        assertEquals(0x3f, inb(0x3c9));
        assertEquals(0x00, inb(0x3c9));
        assertEquals(0x15, inb(0x3c9));
        // vgacon's palette normalisation: AR i = i, so colour 6 now shows DAC entry 6.
        for (int i = 0; i < 16; i++) { inb(0x3da); outb(i, 0x3c0); outb(i, 0x3c0); }
        outb(0x20, 0x3c0);
        assertEquals(0xff0055, vga.snapshot().color(6));
    }

    @Test
    void snapshotFollowsStartAddressAndCursor() {
        text(0, "first", 0x07);
        text(80, "second", 0x1f);
        crtc(0x0c, 0);
        crtc(0x0d, 80);             // start one row down: vgacon's hardware scroll
        crtc(0x0e, 0);
        crtc(0x0f, 80 + 80 + 3);    // cursor on screen row 1, column 3
        TextFrame f = vga.snapshot();
        assertEquals("second", f.text(0).stripTrailing());
        assertEquals('s', f.character(0, 0));
        assertEquals(0x1f, f.attribute(0, 0));
        assertEquals(3, f.cursorColumn);
        assertEquals(1, f.cursorRow);
        assertEquals(13, f.cursorStart);
        assertEquals(14, f.cursorEnd);
        crtc(0x0a, 0x20);           // cursor disable
        assertEquals(-1, vga.snapshot().cursorColumn);
    }

    @Test
    void geometryFromCrtc() {
        crtc(0x09, 0x47);           // 8 scan lines per row: 50 rows
        assertEquals(50, vga.snapshot().rows);
        outb(0x01, 0x3c4);
        outb(0x01, 0x3c5);          // SR01 bit 0: 8-dot characters
        assertFalse(vga.snapshot().nineDots);
    }

    @Test
    void inputStatus1RetraceFollowsTheClock() {
        int retrace = 0, blank = 0, samples = 2000;
        for (int i = 0; i < samples; i++) {
            int s = inb(0x3da);
            if ((s & 8) != 0) retrace++;
            if ((s & 1) != 0) blank++;
            clock.retire(Vga.FRAME_NS / samples);
        }
        assertTrue(retrace > 0 && retrace < samples / 50, "retrace is 2 of 449 lines: " + retrace);
        assertTrue(blank > samples / 5 && blank < samples / 2, "blanking: " + blank);
    }
}
