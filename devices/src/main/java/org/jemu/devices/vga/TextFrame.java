package org.jemu.devices.vga;

import java.util.Arrays;

/**
 * One frame of the VGA's text mode as the CRTC scans it out: the visible cells from the start
 * address on, the cursor, and the 16 colours the attribute nibbles stand for. Immutable; taken by
 * {@link Vga#snapshot} and drawn by {@link TextRenderer}.
 */
public final class TextFrame {
    public final int columns, rows;
    /** Scan lines per character row (CR09 bits 4:0, plus one). */
    public final int charHeight;
    /** 9-dot characters (SR01 bit 0 clear), as in mode 3; else 8. */
    public final boolean nineDots;
    /** AR10: attribute bit 7 blinks the foreground (else it is a bright background). */
    public final boolean blink;
    /** AR10: the 9th dot of 0xC0-0xDF repeats the 8th, so box-drawing lines join. */
    public final boolean lineGraphics;
    /** False while the screen is off (AR index PAS clear, SR01 screen off) or not in a text mode. */
    public final boolean visible;
    /** Cursor cell (-1 when it is off the screen or disabled) and its first and last scan line. */
    public final int cursorColumn, cursorRow, cursorStart, cursorEnd;
    /** (attribute << 8) | character, row by row. */
    private final int[] cells;
    /** 0xRRGGBB for attribute colours 0-15. */
    private final int[] palette;

    TextFrame(int columns, int rows, int charHeight, boolean nineDots, boolean blink, boolean lineGraphics,
            boolean visible, int cursorColumn, int cursorRow, int cursorStart, int cursorEnd, int[] cells, int[] palette) {
        this.columns = columns;
        this.rows = rows;
        this.charHeight = charHeight;
        this.nineDots = nineDots;
        this.blink = blink;
        this.lineGraphics = lineGraphics;
        this.visible = visible;
        this.cursorColumn = cursorColumn;
        this.cursorRow = cursorRow;
        this.cursorStart = cursorStart;
        this.cursorEnd = cursorEnd;
        this.cells = cells;
        this.palette = palette;
    }

    /**
     * A frame built from cells and colours, for tests and programs that draw text themselves; mode
     * 3's geometry (9×16 cells, blink on, line graphics on), cursor at (cursorColumn, cursorRow)
     * with mode 3's underline shape (scan lines 13-14), or none when cursorColumn is -1.
     */
    public static TextFrame of(int columns, int rows, int[] cells, int[] palette, int cursorColumn, int cursorRow) {
        if (cells.length != columns * rows || palette.length != 16) throw new IllegalArgumentException("cells or palette size");
        return new TextFrame(columns, rows, 16, true, true, true, true, cursorColumn, cursorRow, 13, 14,
                cells.clone(), palette.clone());
    }

    public int character(int column, int row) { return cells[row * columns + column] & 0xff; }

    public int attribute(int column, int row) { return cells[row * columns + column] >>> 8 & 0xff; }

    public int color(int index) { return palette[index]; }

    /** Pixel size of a character cell. */
    public int cellWidth() { return nineDots ? 9 : 8; }

    /** Row {@code row}'s characters as text (code page 437 to Unicode), trailing blanks kept. */
    public String text(int row) {
        StringBuilder sb = new StringBuilder(columns);
        for (int c = 0; c < columns; c++) sb.append(Cp437.toUnicode(character(c, row)));
        return sb.toString();
    }

    /** The whole screen, one line per row, trailing blanks removed. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) sb.append(text(r).stripTrailing()).append('\n');
        return sb.toString();
    }

    /** Whether drawing {@code other} would give the same pixels as this frame in every blink phase. */
    public boolean sameAs(TextFrame other) {
        return other != null && columns == other.columns && rows == other.rows && charHeight == other.charHeight
                && nineDots == other.nineDots && blink == other.blink && lineGraphics == other.lineGraphics
                && visible == other.visible && cursorColumn == other.cursorColumn && cursorRow == other.cursorRow
                && cursorStart == other.cursorStart && cursorEnd == other.cursorEnd
                && Arrays.equals(cells, other.cells) && Arrays.equals(palette, other.palette);
    }
}
