package org.jemu.display;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.jemu.devices.vga.Cp437;
import org.jemu.devices.vga.VgaFont;

/**
 * Reads text back from a screen image by glyph matching: each 9×16 (or 8×16) cell holds at most
 * two colours, and the dots of one of them must be exactly a glyph of the font. A cell showing only
 * the cursor (scan lines 13-14, mode 3's shape) reads as a space; a cell that matches nothing as
 * '?'. The oracle is the font's bits, not a stored picture.
 */
public final class ScreenDecoder {
    private final Map<String, Character> glyphs = new HashMap<>();
    private final String cursorOnly;

    public ScreenDecoder(VgaFont font) {
        for (int pass = 0; pass < 2; pass++) {             // printable ASCII wins over look-alikes
            for (int ch = 0; ch < 256; ch++) {
                boolean ascii = ch >= 0x20 && ch < 0x7f;
                if (ascii == (pass == 0)) glyphs.putIfAbsent(key(font, ch), Cp437.toUnicode(ch));
            }
        }
        int[] cursor = new int[16];
        cursor[13] = cursor[14] = 0xff;
        cursorOnly = key(cursor);
    }

    private static String key(VgaFont f, int ch) {
        int[] rows = new int[16];
        for (int y = 0; y < 16; y++) rows[y] = f.row(ch, y);
        return key(rows);
    }

    private static String key(int[] rows) {
        StringBuilder sb = new StringBuilder();
        for (int r : rows) sb.append((char) r);
        return sb.toString();
    }

    /** The screen's text, one line per character row, trailing blanks removed. */
    public String decode(BufferedImage img) {
        int cw = img.getWidth() % 9 == 0 ? 9 : 8, cols = img.getWidth() / cw, rows = img.getHeight() / 16;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) line.append(cell(img, c * cw, r * 16));
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private char cell(BufferedImage img, int x0, int y0) {
        int bg = img.getRGB(x0 + 7, y0), other = bg;
        boolean two = false;
        for (int y = 0; y < 16 && !two; y++)
            for (int x = 0; x < 8; x++) {
                int p = img.getRGB(x0 + x, y0 + y);
                if (p != bg) { other = p; two = true; break; }
            }
        if (!two) return ' ';
        for (int colour : new int[] {other, bg}) {
            int[] rows = new int[16];
            for (int y = 0; y < 16; y++)
                for (int x = 0; x < 8; x++) {
                    int p = img.getRGB(x0 + x, y0 + y);
                    if (p == colour) rows[y] |= 0x80 >> x;
                    else if (p != bg && p != other) return '?';  // a third colour: not a text cell
                }
            String k = key(rows);
            if (k.equals(cursorOnly)) return ' ';
            Character ch = glyphs.get(k);
            if (ch != null) return ch;
        }
        return '?';
    }
}
