package org.jemu.devices.vga;

/**
 * Code page 437's shades (0xB0-0xB2), box-drawing characters (0xB3-0xDA) and blocks (0xDB-0xDF),
 * drawn on the 8×16 grid: a single line on column 3 / scan line 7, a double line on columns 2 and
 * 4 / scan lines 6 and 8. Each box character is four arms (up, down, left, right), each absent,
 * single or double; where double lines meet, each line stops at the line it meets, so corners and
 * tees come out as in the IBM font.
 */
final class BoxDrawing {
    static final int CX = 3, CY = 7;
    /** Arms of 0xB3-0xDA as up, down, left, right: 0 none, 1 single, 2 double (from the Unicode names of the characters). */
    private static final String[] ARMS = {
        "1100", "1110", "1120", "2210", "0210", "0120", "2220", "2200", "0220", "2020", "2010", "1020", "0110", // B3-BF
        "1001", "1011", "0111", "1101", "0011", "1111", "1102", "2201", "2002", "0202", "2022", "0222", "2202", // C0-CC
        "0022", "2222", "1022", "2011", "0122", "0211", "2001", "1002", "0102", "0201", "2211", "1122", "1010", // CD-D9
        "0101"};                                                                                                   // DA

    private BoxDrawing() {}

    static boolean draws(int ch) { return ch >= 0xb0 && ch <= 0xdf; }

    static void draw(int ch, int[] rows) {
        switch (ch) {
            case 0xb0 -> { for (int y = 0; y < 16; y++) rows[y] = (y & 1) == 0 ? 0x88 : 0x22; }     // light shade, 1/4
            case 0xb1 -> { for (int y = 0; y < 16; y++) rows[y] = (y & 1) == 0 ? 0xaa : 0x55; }     // medium shade, 1/2
            case 0xb2 -> { for (int y = 0; y < 16; y++) rows[y] = (y & 1) == 0 ? 0x77 : 0xdd; }     // dark shade, 3/4
            case 0xdb -> fill(rows, 0, 16, 0xff);   // full block
            case 0xdc -> fill(rows, 8, 16, 0xff);   // lower half
            case 0xdd -> fill(rows, 0, 16, 0xf0);   // left half
            case 0xde -> fill(rows, 0, 16, 0x0f);   // right half
            case 0xdf -> fill(rows, 0, 8, 0xff);    // upper half
            default -> box(ARMS[ch - 0xb3], rows);
        }
    }

    private static void fill(int[] rows, int from, int to, int v) {
        for (int y = from; y < to; y++) rows[y] = v;
    }

    private static void box(String arms, int[] rows) {
        int u = arms.charAt(0) - '0', d = arms.charAt(1) - '0', l = arms.charAt(2) - '0', r = arms.charAt(3) - '0';
        boolean vDouble = u == 2 || d == 2, hDouble = l == 2 || r == 2;
        // Horizontal arms.
        if (l == 1) hline(rows, CY, 0, vDouble ? CX - 1 : CX);
        if (r == 1) hline(rows, CY, vDouble ? CX + 1 : CX, 7);
        if (l == 2) {
            hline(rows, CY - 1, 0, u == 2 ? CX - 1 : d == 2 ? CX + 1 : CX);
            hline(rows, CY + 1, 0, d == 2 ? CX - 1 : u == 2 ? CX + 1 : CX);
        }
        if (r == 2) {
            hline(rows, CY - 1, u == 2 ? CX + 1 : d == 2 ? CX - 1 : CX, 7);
            hline(rows, CY + 1, d == 2 ? CX + 1 : u == 2 ? CX - 1 : CX, 7);
        }
        // Vertical arms.
        if (u == 1) vline(rows, CX, 0, hDouble ? CY - 1 : CY);
        if (d == 1) vline(rows, CX, hDouble ? CY + 1 : CY, 15);
        if (u == 2) {
            vline(rows, CX - 1, 0, l == 2 ? CY - 1 : r == 2 ? CY + 1 : CY);
            vline(rows, CX + 1, 0, r == 2 ? CY - 1 : l == 2 ? CY + 1 : CY);
        }
        if (d == 2) {
            vline(rows, CX - 1, l == 2 ? CY + 1 : r == 2 ? CY - 1 : CY, 15);
            vline(rows, CX + 1, r == 2 ? CY + 1 : l == 2 ? CY - 1 : CY, 15);
        }
    }

    private static void hline(int[] rows, int y, int x0, int x1) {
        for (int x = x0; x <= x1; x++) rows[y] |= 0x80 >> x;
    }

    private static void vline(int[] rows, int x, int y0, int y1) {
        for (int y = y0; y <= y1; y++) rows[y] |= 0x80 >> x;
    }
}
