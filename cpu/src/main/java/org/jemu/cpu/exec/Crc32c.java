package org.jemu.cpu.exec;

/**
 * CRC32 (SSE4.2, F2 0F 38 F0/F1): CRC-32C, the Castagnoli polynomial 0x11EDC6F41, bit-reflected, with
 * no initial or final inversion (SDM Vol. 2A, CRC32: the instruction only updates the running value).
 * The reflected form is the usual table-driven byte-at-a-time update with 0x82F63B78.
 */
public final class Crc32c {
    private Crc32c() {}

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) c = (c >>> 1) ^ ((c & 1) != 0 ? 0x82F63B78 : 0);
            TABLE[i] = c;
        }
    }

    /**
     * CRC32 r32/r64, r/m8/16/32/64: the low 32 bits of {@code crc} updated with the low {@code size}
     * bytes of {@code src} (little-endian order); returns the new value zero-extended to 64 bits, which
     * the caller writes to the full destination register (also for the 32-bit form). No flags change.
     */
    public static long crc32(long crc, long src, int size) {
        int c = (int) crc;
        for (int i = 0; i < size; i++) c = (c >>> 8) ^ TABLE[(c ^ (int) (src >>> (8 * i))) & 0xff];
        return c & 0xffffffffL;
    }
}
