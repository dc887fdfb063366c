package org.jemu.devices.ps2;

/**
 * The i8042's set-2-to-set-1 translation (IBM PS/2 Hardware Interface Technical Reference,
 * "Keyboard/Auxiliary Device Controller", command byte bit 6): every byte from the keyboard goes
 * through a 128-entry table; bytes from 0x80 up pass unchanged except 0x83 (F7), and an 0xF0 (set
 * 2's break prefix) is swallowed and sets bit 7 of the byte after it.
 *
 * <p>The table here is built from {@link Key}'s two code sets, so it agrees with the keyboard by
 * construction; codes no key sends keep their value, except the two the controller's table maps
 * that the keyboard does send as command answers: 0x00 (buffer overrun, which set 1 spells 0xFF) and
 * 0x02 (the answer "set 2" to F0 00, which a PC reads as 0x41).
 */
public final class Set2Translation {
    private static final int[] TABLE = build();
    private boolean breakPending;

    private static int[] build() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) t[i] = i;
        for (Key k : Key.values()) t[k.set2] = k.set1;
        t[0x00] = 0xff;
        t[0x02] = 0x41;
        return t;
    }

    /** The set-1 byte for set-2 byte {@code b}, without the break-prefix state. */
    public static int translate(int b) { return TABLE[b & 0xff]; }

    /** The byte the controller puts in its output buffer for keyboard byte {@code b}, or -1 for none (an 0xF0 prefix). */
    public int next(int b) {
        if (b == 0xf0) {
            breakPending = true;
            return -1;
        }
        int v = TABLE[b & 0xff];
        if (breakPending) {
            breakPending = false;
            v |= 0x80;
        }
        return v;
    }

    public void reset() { breakPending = false; }
}
