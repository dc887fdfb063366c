package org.jemu.devices.vga;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * An 8×16 font in code page 437 order, one byte a scan line with bit 7 the leftmost dot, as the
 * VGA keeps its character generator in plane 2. No font file is copied: {@link #standard()}
 * generates it when first asked for.
 *
 * <ul>
 * <li>The shades, box-drawing characters and blocks (0xB0-0xDF) are drawn here, line by line,
 *     so that lines meet their neighbours at the cell edges (and, through the 9th-dot rule, across
 *     9-dot cells).
 * <li>Every other character is the host's monospaced font ({@code Font.MONOSPACED}: DejaVu Sans
 *     Mono on Debian) rasterised by the JDK without anti-aliasing at the size that makes its
 *     advance 8 dots, baseline on scan line 12.
 * <li>Where the JDK cannot rasterise (no fonts installed), a character is a hollow box, so text
 *     stays legible as cells and nothing fails.
 * </ul>
 */
public final class VgaFont {
    public static final int WIDTH = 8, HEIGHT = 16;
    static final int BASELINE = 12;
    private final byte[] bits;

    private VgaFont(byte[] bits) { this.bits = bits; }

    /** A font from 256 × 16 bytes in the VGA's layout. */
    public static VgaFont of(byte[] bits) {
        if (bits.length != 256 * HEIGHT) throw new IllegalArgumentException("a VGA font is 4096 bytes");
        return new VgaFont(bits.clone());
    }

    private static final class Holder {
        static final VgaFont STANDARD = generate();
    }

    /** The generated font (made once per JVM). */
    public static VgaFont standard() { return Holder.STANDARD; }

    /** Scan line {@code row} (0-15) of character {@code ch}. */
    public int row(int ch, int row) { return bits[(ch & 0xff) * HEIGHT + row] & 0xff; }

    /** Whether dot {@code x} (0-7) of scan line {@code row} of {@code ch} is set. */
    public boolean dot(int ch, int row, int x) { return (row(ch, row) >> (7 - x) & 1) != 0; }

    static VgaFont generate() {
        byte[] bits = new byte[256 * HEIGHT];
        Glyphs glyphs;
        try {
            glyphs = new Glyphs();
        } catch (RuntimeException | Error e) { // no font configuration on this host
            glyphs = null;
        }
        for (int ch = 1; ch < 256; ch++) {
            int[] rows = new int[HEIGHT];
            if (BoxDrawing.draws(ch)) BoxDrawing.draw(ch, rows);
            else if (ch != 0x20 && ch != 0xff && glyphs != null) glyphs.draw(Cp437.toUnicode(ch), rows);
            else if (ch != 0x20 && ch != 0xff) hollowBox(rows);
            for (int r = 0; r < HEIGHT; r++) bits[ch * HEIGHT + r] = (byte) rows[r];
        }
        return new VgaFont(bits);
    }

    private static void hollowBox(int[] rows) {
        rows[3] = rows[12] = 0x7e;
        for (int r = 4; r < 12; r++) rows[r] = 0x42;
    }

    /** The JDK's monospaced font, sized to an 8-dot advance, drawn 1 bit deep. */
    private static final class Glyphs {
        private final BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        private final Graphics2D g = img.createGraphics();
        private final Font font;

        Glyphs() {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            Font base = new Font(Font.MONOSPACED, Font.PLAIN, 100);
            g.setFont(base);
            float size = 100f * WIDTH / g.getFontMetrics().charWidth('M');
            Font f = base.deriveFont(size);
            g.setFont(f);
            // Keep the descenders inside the cell.
            FontMetrics m = g.getFontMetrics();
            while (m.getDescent() > HEIGHT - BASELINE && size > 6) {
                size -= 0.5f;
                f = base.deriveFont(size);
                g.setFont(f);
                m = g.getFontMetrics();
            }
            font = f;
        }

        void draw(char c, int[] rows) {
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            if (!font.canDisplay(c)) {
                hollowBox(rows);
                return;
            }
            g.setColor(java.awt.Color.WHITE);
            g.drawString(String.valueOf(c), 0, BASELINE);
            for (int y = 0; y < HEIGHT; y++) {
                int v = 0;
                for (int x = 0; x < WIDTH; x++) if ((img.getRaster().getSample(x, y, 0)) >= 128) v |= 0x80 >> x;
                rows[y] = v;
            }
        }
    }
}
