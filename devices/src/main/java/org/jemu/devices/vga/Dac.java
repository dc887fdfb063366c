package org.jemu.devices.vga;

/**
 * The DAC: 256 colours of three 6-bit components, written through 0x3C8 (write index) and read
 * through 0x3C7 (read index), each followed by red, green and blue at 0x3C9 with the index
 * advancing after blue; 0x3C6 is the pixel mask; reading 0x3C7 tells whether the last index set
 * was for reading (3) or writing (0). IBM VGA Technical Reference, "Video DAC".
 */
final class Dac {
    private final int[] rgb = new int[256 * 3];
    private int writeIndex, readIndex, component;
    private boolean reading;
    int pixelMask = 0xff;

    /** The first 64 entries as a BIOS sets them for 16-colour modes: bits 0-2 = B,G,R at 2/3, bits 3-5 = b,g,r at 1/3. */
    Dac() {
        for (int i = 0; i < 64; i++) {
            for (int c = 0; c < 3; c++) {
                int primary = (i >> (2 - c)) & 1, secondary = (i >> (5 - c)) & 1;
                rgb[3 * i + c] = primary * 42 + secondary * 21;
            }
        }
    }

    int readState() { return reading ? 3 : 0; }

    int readWriteIndex() { return writeIndex; }

    void setReadIndex(int v) { readIndex = v & 0xff; component = 0; reading = true; }

    void setWriteIndex(int v) { writeIndex = v & 0xff; component = 0; reading = false; }

    int readData() {
        int v = rgb[3 * readIndex + component];
        if (++component == 3) { component = 0; readIndex = (readIndex + 1) & 0xff; }
        return v;
    }

    void writeData(int v) {
        rgb[3 * writeIndex + component] = v & 0x3f;
        if (++component == 3) { component = 0; writeIndex = (writeIndex + 1) & 0xff; }
    }

    /** Entry {@code i} (after the pixel mask) as 0xRRGGBB, each 6-bit component widened to 8 bits. */
    int rgb888(int i) {
        int e = 3 * (i & pixelMask);
        return widen(rgb[e]) << 16 | widen(rgb[e + 1]) << 8 | widen(rgb[e + 2]);
    }

    private static int widen(int v6) { return v6 << 2 | v6 >> 4; }
}
