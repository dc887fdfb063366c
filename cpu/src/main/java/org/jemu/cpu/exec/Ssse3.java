package org.jemu.cpu.exec;

/**
 * SSSE3 on XMM registers (66 0F 38 xx and 66 0F 3A 0F; the MMX forms are not provided): PABS, PSIGN,
 * PSHUFB, PALIGNR, PHADD/PHSUB (wrapping and saturating), PMADDUBSW, PMULHRSW. Operands follow the
 * package convention ({@code x} = CpuState.xmm, destination {@code d} updated in place, source by
 * value); none of these touch MXCSR or RFLAGS. Element {@code i} of a 128-bit value is read with
 * {@link #b}, {@link #w}, {@link #dw}.
 */
public final class Ssse3 {
    private Ssse3() {}

    /** Unsigned byte {@code i} (0..15) of lo:hi. */
    static int b(long lo, long hi, int i) { return (int) ((i < 8 ? lo : hi) >>> (8 * (i & 7))) & 0xff; }
    /** Unsigned word {@code i} (0..7). */
    static int w(long lo, long hi, int i) { return (int) ((i < 4 ? lo : hi) >>> (16 * (i & 3))) & 0xffff; }
    /** Dword {@code i} (0..3). */
    static int dw(long lo, long hi, int i) { return (int) ((i < 2 ? lo : hi) >>> (32 * (i & 1))); }

    private static int sat16(int v) { return v < -32768 ? -32768 : v > 32767 ? 32767 : v; }

    private static long words(int w0, int w1, int w2, int w3) {
        return (w0 & 0xffffL) | (w1 & 0xffffL) << 16 | (w2 & 0xffffL) << 32 | (long) (w3 & 0xffff) << 48;
    }

    private static long dwords(int d0, int d1) { return (d0 & 0xffffffffL) | (long) d1 << 32; }

    // ---- PABS (66 0F 38 1C/1D/1E): unsigned absolute values; abs(-128) is 0x80 ----

    public static void pabsb(long[] x, int d, long sLo, long sHi) {
        long lo = 0, hi = 0;
        for (int i = 0; i < 8; i++) {
            lo |= (long) (Math.abs((byte) (sLo >>> (8 * i))) & 0xff) << (8 * i);
            hi |= (long) (Math.abs((byte) (sHi >>> (8 * i))) & 0xff) << (8 * i);
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void pabsw(long[] x, int d, long sLo, long sHi) {
        long lo = 0, hi = 0;
        for (int i = 0; i < 4; i++) {
            lo |= (long) (Math.abs((short) (sLo >>> (16 * i))) & 0xffff) << (16 * i);
            hi |= (long) (Math.abs((short) (sHi >>> (16 * i))) & 0xffff) << (16 * i);
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void pabsd(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = dwords(Math.abs((int) sLo), Math.abs((int) (sLo >>> 32)));
        x[2 * d + 1] = dwords(Math.abs((int) sHi), Math.abs((int) (sHi >>> 32)));
    }

    // ---- PSIGN (66 0F 38 08/09/0A): negate, keep or zero each destination element by the source's sign ----

    private static int sign(int dst, int src) { return src < 0 ? -dst : src == 0 ? 0 : dst; }

    public static void psignb(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1], lo = 0, hi = 0;
        for (int i = 0; i < 8; i++) {
            lo |= (long) (sign((byte) (a >>> (8 * i)), (byte) (sLo >>> (8 * i))) & 0xff) << (8 * i);
            hi |= (long) (sign((byte) (b >>> (8 * i)), (byte) (sHi >>> (8 * i))) & 0xff) << (8 * i);
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void psignw(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1], lo = 0, hi = 0;
        for (int i = 0; i < 4; i++) {
            lo |= (long) (sign((short) (a >>> (16 * i)), (short) (sLo >>> (16 * i))) & 0xffff) << (16 * i);
            hi |= (long) (sign((short) (b >>> (16 * i)), (short) (sHi >>> (16 * i))) & 0xffff) << (16 * i);
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void psignd(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1];
        x[2 * d] = dwords(sign((int) a, (int) sLo), sign((int) (a >>> 32), (int) (sLo >>> 32)));
        x[2 * d + 1] = dwords(sign((int) b, (int) sHi), sign((int) (b >>> 32), (int) (sHi >>> 32)));
    }

    // ---- shuffles ----

    /** PSHUFB (66 0F 38 00): byte i := source byte i has bit 7 set ? 0 : destination byte (src & 15). */
    public static void pshufb(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1], lo = 0, hi = 0;
        for (int i = 0; i < 8; i++) {
            int m = (int) (sLo >>> (8 * i)) & 0xff, n = (int) (sHi >>> (8 * i)) & 0xff;
            if (m < 0x80) lo |= (long) b(a, b, m & 15) << (8 * i);
            if (n < 0x80) hi |= (long) b(a, b, n & 15) << (8 * i);
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** PALIGNR (66 0F 3A 0F): (destination:source) as 32 bytes, shifted right by imm8 bytes, low 16 kept. */
    public static void palignr(long[] x, int d, long sLo, long sHi, int imm) {
        long a = x[2 * d], b = x[2 * d + 1];
        int n = (imm & 0xff) * 8;
        x[2 * d] = bits256(sLo, sHi, a, b, n);
        x[2 * d + 1] = bits256(sLo, sHi, a, b, n + 64);
    }

    /** Bits [bit, bit+64) of the 256-bit value q3:q2:q1:q0 (zero beyond). */
    private static long bits256(long q0, long q1, long q2, long q3, int bit) {
        int i = bit >>> 6, s = bit & 63;
        long lo = qword(q0, q1, q2, q3, i), hi = qword(q0, q1, q2, q3, i + 1);
        return s == 0 ? lo : (lo >>> s) | (hi << (64 - s));
    }

    private static long qword(long q0, long q1, long q2, long q3, int i) {
        switch (i) {
            case 0: return q0;
            case 1: return q1;
            case 2: return q2;
            case 3: return q3;
            default: return 0;
        }
    }

    // ---- horizontal add/subtract (66 0F 38 01/02/03 add, 05/06/07 subtract) ----

    private static final int ADD = 0, SUB = 1, ADDS = 2, SUBS = 3;

    private static int hw(int op, int a, int b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case ADDS: return sat16((short) a + (short) b);
            default: return sat16((short) a - (short) b);
        }
    }

    private static void phw(int op, long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1];
        x[2 * d] = words(hw(op, w(a, b, 0), w(a, b, 1)), hw(op, w(a, b, 2), w(a, b, 3)),
                hw(op, w(a, b, 4), w(a, b, 5)), hw(op, w(a, b, 6), w(a, b, 7)));
        x[2 * d + 1] = words(hw(op, w(sLo, sHi, 0), w(sLo, sHi, 1)), hw(op, w(sLo, sHi, 2), w(sLo, sHi, 3)),
                hw(op, w(sLo, sHi, 4), w(sLo, sHi, 5)), hw(op, w(sLo, sHi, 6), w(sLo, sHi, 7)));
    }

    private static void phd(boolean sub, long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1];
        x[2 * d] = sub ? dwords((int) a - (int) (a >>> 32), (int) b - (int) (b >>> 32))
                : dwords((int) a + (int) (a >>> 32), (int) b + (int) (b >>> 32));
        x[2 * d + 1] = sub ? dwords((int) sLo - (int) (sLo >>> 32), (int) sHi - (int) (sHi >>> 32))
                : dwords((int) sLo + (int) (sLo >>> 32), (int) sHi + (int) (sHi >>> 32));
    }

    public static void phaddw(long[] x, int d, long sLo, long sHi) { phw(ADD, x, d, sLo, sHi); }
    public static void phaddsw(long[] x, int d, long sLo, long sHi) { phw(ADDS, x, d, sLo, sHi); }
    public static void phsubw(long[] x, int d, long sLo, long sHi) { phw(SUB, x, d, sLo, sHi); }
    public static void phsubsw(long[] x, int d, long sLo, long sHi) { phw(SUBS, x, d, sLo, sHi); }
    public static void phaddd(long[] x, int d, long sLo, long sHi) { phd(false, x, d, sLo, sHi); }
    public static void phsubd(long[] x, int d, long sLo, long sHi) { phd(true, x, d, sLo, sHi); }

    // ---- multiplies ----

    /**
     * PMADDUBSW (66 0F 38 04): unsigned destination bytes times signed source bytes, adjacent pairs
     * added with signed saturation into words.
     */
    public static void pmaddubsw(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1], lo = 0, hi = 0;
        for (int i = 0; i < 8; i++) {
            int r = sat16(b(a, b, 2 * i) * (byte) b(sLo, sHi, 2 * i) + b(a, b, 2 * i + 1) * (byte) b(sLo, sHi, 2 * i + 1));
            if (i < 4) lo |= (r & 0xffffL) << (16 * i);
            else hi |= (r & 0xffffL) << (16 * (i - 4));
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** PMULHRSW (66 0F 38 0B): signed words, ((a * b >> 14) + 1) >> 1, low 16 bits. */
    public static void pmulhrsw(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1], lo = 0, hi = 0;
        for (int i = 0; i < 8; i++) {
            int r = ((((short) w(a, b, i) * (short) w(sLo, sHi, i)) >> 14) + 1) >> 1;
            if (i < 4) lo |= (r & 0xffffL) << (16 * i);
            else hi |= (r & 0xffffL) << (16 * (i - 4));
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }
}
