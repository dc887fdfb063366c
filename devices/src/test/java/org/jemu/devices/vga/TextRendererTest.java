package org.jemu.devices.vga;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Renders known cells and checks every pixel against the font's glyph bits and the palette. */
class TextRendererTest {
    static final int[] PALETTE = new int[16];
    static {
        for (int i = 0; i < 16; i++) PALETTE[i] = 0x010203 * (i + 1) | (i << 20);
    }

    final VgaFont font = VgaFont.standard();
    final TextRenderer renderer = new TextRenderer(font);

    static int[] cells(int columns, int rows, String text, int attr) {
        int[] c = new int[columns * rows];
        for (int i = 0; i < c.length; i++) c[i] = ' ' | 0x07 << 8;
        for (int i = 0; i < text.length(); i++) c[i] = text.charAt(i) | attr << 8;
        return c;
    }

    /** Checks cell (col,row) of img shows ch in fg on bg, dot by dot (9th dot per the line-graphics rule). */
    void assertCell(BufferedImage img, int col, int row, int ch, int fg, int bg) {
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 9; x++) {
                boolean on = x < 8 ? font.dot(ch, y, x) : ch >= 0xc0 && ch <= 0xdf && font.dot(ch, y, 7);
                int got = img.getRGB(col * 9 + x, row * 16 + y) & 0xffffff;
                assertEquals(on ? fg : bg, got, String.format("char 0x%02x dot (%d,%d)", ch, x, y));
            }
        }
    }

    @Test
    void cellsShowGlyphBitsInAttributeColours() {
        String s = "Hello, \u00c4\u00c5\u00cd\u00b3 world"; // bytes 0xC4 0xC5 0xCD 0xB3: box drawing
        TextFrame f = TextFrame.of(20, 2, cells(20, 2, s, 0x1e), PALETTE, -1, -1);
        BufferedImage img = renderer.render(f, 0);
        assertEquals(180, img.getWidth());
        assertEquals(32, img.getHeight());
        for (int i = 0; i < s.length(); i++) assertCell(img, i, 0, s.charAt(i), PALETTE[0xe], PALETTE[1]);
        assertCell(img, 0, 1, ' ', PALETTE[7], PALETTE[0]);
        // The glyphs are not blank: 'H' has dots, and the horizontal line 0xC4 runs through the 9th dot.
        int hDots = 0;
        for (int y = 0; y < 16; y++) hDots += Integer.bitCount(font.row('H', y));
        assertTrue(hDots > 10, "H has " + hDots + " dots");
        assertEquals(PALETTE[0xe], img.getRGB(7 * 9 + 8, 7) & 0xffffff, "0xC4's 9th dot repeats the 8th");
    }

    @Test
    void blinkingCharactersAndCursor() {
        int[] c = cells(4, 1, "ab", 0x07);
        c[1] = 'b' | 0x9c << 8; // blink, background 1 (bit 7 is blink), foreground 0xC
        TextFrame f = TextFrame.of(4, 1, c, PALETTE, 0, 0);
        BufferedImage on = renderer.render(f, 0);
        assertCell(on, 1, 0, 'b', PALETTE[0xc], PALETTE[1]);
        BufferedImage off = renderer.render(f, 16);
        assertCell(off, 1, 0, ' ', PALETTE[0xc], PALETTE[1]);
        // Cursor: scan lines 13-14 of cell 0 in the foreground colour, shown in frames 0-7, hidden in 8-15.
        for (int x = 0; x < 9; x++) {
            assertEquals(PALETTE[7], on.getRGB(x, 13) & 0xffffff);
            assertEquals(PALETTE[7], on.getRGB(x, 14) & 0xffffff);
        }
        assertCell(renderer.render(f, 8), 0, 0, 'a', PALETTE[7], PALETTE[0]);
    }

    @Test
    void vgaSnapshotRendersWhatTheGuestWrote() {
        org.jemu.cpu.mem.PhysicalMemory mem = new org.jemu.cpu.mem.PhysicalMemory(16 << 20);
        Vga vga = new Vga(mem, org.jemu.cpu.time.VirtualClock.deterministic(0, 1_000_000_000L, 0));
        String s = "jemu";
        for (int i = 0; i < s.length(); i++) mem.write(0xb8000 + 2L * (80 + i), 2, s.charAt(i) | 0x4f << 8);
        TextFrame f = vga.snapshot();
        BufferedImage img = renderer.render(f, 0);
        assertEquals(720, img.getWidth());
        assertEquals(400, img.getHeight());
        for (int i = 0; i < s.length(); i++) assertCell(img, i, 1, s.charAt(i), 0xffffff, 0xaa0000);
    }
}
