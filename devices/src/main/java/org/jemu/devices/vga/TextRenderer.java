package org.jemu.devices.vga;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Draws a {@link TextFrame} with a {@link VgaFont}: each cell's foreground dots in the colour of
 * the attribute's low nibble, the rest in the colour of its high nibble (bits 6:4 and blinking bit
 * 7 when AR10 enables blink). In 9-dot mode the 9th dot is background, except for 0xC0-0xDF with
 * line graphics enabled, where it repeats the 8th (IBM VGA Technical Reference, AR10 bit 2).
 *
 * <p>Blinking follows the frame counter as the VGA's does from vertical sync: the cursor toggles
 * every 8 frames, blinking characters every 16. A pure function of its inputs; no display needed.
 */
public final class TextRenderer {
    private final VgaFont font;

    public TextRenderer(VgaFont font) { this.font = font; }

    /** Pixel size of the frame's image. */
    public static int width(TextFrame f) { return f.columns * f.cellWidth(); }

    public static int height(TextFrame f) { return f.rows * f.charHeight; }

    /** A new image of the frame as scanned out at frame number {@code frameNumber}. */
    public BufferedImage render(TextFrame f, long frameNumber) {
        BufferedImage img = new BufferedImage(width(f), height(f), BufferedImage.TYPE_INT_RGB);
        render(f, frameNumber, img);
        return img;
    }

    /** Draws into {@code img}, a TYPE_INT_RGB image of the frame's size. */
    public void render(TextFrame f, long frameNumber, BufferedImage img) {
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int w = img.getWidth();
        if (!f.visible) {
            java.util.Arrays.fill(px, 0);
            return;
        }
        boolean cursorPhase = (frameNumber & 8) == 0, blinkPhase = (frameNumber & 16) == 0;
        int cw = f.cellWidth();
        for (int row = 0; row < f.rows; row++) {
            for (int col = 0; col < f.columns; col++) {
                int ch = f.character(col, row), attr = f.attribute(col, row);
                int fg = f.color(attr & 0x0f);
                int bg = f.color(f.blink ? attr >> 4 & 7 : attr >> 4);
                boolean hidden = f.blink && (attr & 0x80) != 0 && !blinkPhase;
                boolean cursorHere = cursorPhase && col == f.cursorColumn && row == f.cursorRow;
                boolean ninthRepeats = f.lineGraphics && ch >= 0xc0 && ch <= 0xdf;
                for (int y = 0; y < f.charHeight; y++) {
                    int bits = y < VgaFont.HEIGHT && !hidden ? font.row(ch, y) : 0;
                    if (cursorHere && y >= f.cursorStart && y <= f.cursorEnd) bits = 0x1ff;
                    else bits = bits << 1 | (ninthRepeats ? bits & 1 : 0);
                    int o = (row * f.charHeight + y) * w + col * cw;
                    for (int x = 0; x < cw; x++) px[o + x] = (bits >> (8 - x) & 1) != 0 ? fg : bg; // bit 8: leftmost dot
                }
            }
        }
    }
}
