package org.jemu.devices.vga;

import java.nio.charset.Charset;

/**
 * Code page 437, the VGA BIOS font's character set, as Unicode: 0x00-0x1F and 0x7F are the IBM
 * PC's graphic characters (smileys, card suits, arrows, the house), 0x20-0x7E ASCII, and
 * 0x80-0xFF come from the JDK's IBM437 charset (the same table as Unicode's CP437.TXT mapping).
 */
public final class Cp437 {
    private static final String LOW = "\u0000\u263a\u263b\u2665\u2666\u2663\u2660\u2022\u25d8\u25cb\u25d9\u2642\u2640\u266a\u266b\u263c"
            + "\u25ba\u25c4\u2195\u203c\u00b6\u00a7\u25ac\u21a8\u2191\u2193\u2192\u2190\u221f\u2194\u25b2\u25bc";
    private static final char[] TABLE = build();

    private Cp437() {}

    private static char[] build() {
        char[] t = new char[256];
        for (int i = 0; i < 32; i++) t[i] = LOW.charAt(i);
        for (int i = 32; i < 127; i++) t[i] = (char) i;
        t[127] = '\u2302';
        byte[] high = new byte[128];
        for (int i = 0; i < 128; i++) high[i] = (byte) (128 + i);
        String s = new String(high, Charset.forName("IBM437"));
        for (int i = 0; i < 128; i++) t[128 + i] = s.charAt(i);
        return t;
    }

    /** The Unicode character code page 437 shows for byte {@code b}; 0x00 is shown as a space. */
    public static char toUnicode(int b) {
        char c = TABLE[b & 0xff];
        return c == 0 ? ' ' : c;
    }
}
