package org.jemu.devices.vga;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VgaFontTest {
    final VgaFont font = VgaFont.standard();

    static String key(VgaFont f, int ch) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < 16; y++) sb.append((char) f.row(ch, y));
        return sb.toString();
    }

    @Test
    void printableAsciiGlyphsAreDistinctAndNotBlank() {
        Map<String, Integer> seen = new HashMap<>();
        for (int ch = 0x21; ch < 0x7f; ch++) {
            String k = key(font, ch);
            assertNotEquals(key(font, ' '), k, "glyph of '" + (char) ch + "' is blank");
            Integer other = seen.put(k, ch);
            assertNull(other, "'" + (char) ch + "' looks like '" + (other == null ? ' ' : (char) (int) other) + "'");
        }
        for (int y = 0; y < 16; y++) assertEquals(0, font.row(' ', y));
    }

    @Test
    void boxDrawingLinesReachTheCellEdges() {
        assertEquals(0xff, font.row(0xc4, 7), "single horizontal line across the cell");
        for (int y = 0; y < 16; y++) assertEquals(0x10, font.row(0xb3, y), "single vertical line, column 3");
        assertEquals(0xff, font.row(0xcd, 6));
        assertEquals(0xff, font.row(0xcd, 8));
        // Double down-and-right: outer corner at (2,6), inner at (4,8).
        assertEquals(0x3f, font.row(0xc9, 6));
        assertEquals(0x2f, font.row(0xc9, 8), "inner line from column 4, outer vertical at column 2");
        assertEquals(0x28, font.row(0xc9, 15));
        assertEquals(0xff, font.row(0xdb, 0), "full block");
        assertEquals(0, font.row(0xdc, 7), "lower half block starts at scan line 8");
    }

    @Test
    void codePage437Mapping() {
        assertEquals('\u2500', Cp437.toUnicode(0xc4));
        assertEquals('\u00e9', Cp437.toUnicode(0x82));
        assertEquals('\u263a', Cp437.toUnicode(0x01));
        assertEquals('A', Cp437.toUnicode(0x41));
    }
}
