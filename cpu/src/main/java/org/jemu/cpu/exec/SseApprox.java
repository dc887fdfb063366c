package org.jemu.cpu.exec;

/**
 * RCPPS/RCPSS (0F 53 / F3 0F 53) and RSQRTPS/RSQRTSS (0F 52 / F3 0F 52): approximate reciprocal and
 * reciprocal square root. The SDM only bounds the relative error (|error| <= 1.5 * 2^-12, Vol. 2B
 * RCPPS); the exact bits come from a vendor table. jemu does not reproduce any vendor's table: it
 * returns the exact value rounded to nearest with 12 significant bits, which is within the bound.
 * Special cases are as on hardware (the host agrees): +-0 and denormal operands give +-infinity,
 * infinities give zeros, a NaN is returned quieted, RSQRT of a negative number gives the QNaN
 * indefinite, and RCP of an operand of magnitude 2^126 or more (a tiny reciprocal) gives a zero of
 * the operand's sign. No MXCSR flags are set and no exception is raised.
 */
public final class SseApprox {
    private SseApprox() {}

    /** x rounded to nearest with 12 significant bits (x a positive normal double). */
    private static double to12(double x) {
        long b = Double.doubleToRawLongBits(x);
        b = (b + (1L << 40)) & ~((1L << 41) - 1);
        return Double.longBitsToDouble(b);
    }

    static int rcp(int a) {
        int mag = a & 0x7fffffff, sign = a & 0x80000000;
        if (mag > 0x7f800000) return a | 0x00400000;
        if (mag < 0x00800000) return sign | 0x7f800000; // zero or denormal
        if (mag >= 0x7e800000) return sign; // infinity, or a tiny reciprocal flushed
        float r = (float) to12(1.0 / Float.intBitsToFloat(mag));
        return sign | Float.floatToRawIntBits(r);
    }

    static int rsqrt(int a) {
        int mag = a & 0x7fffffff;
        if (mag > 0x7f800000) return a | 0x00400000;
        if (mag < 0x00800000) return (a & 0x80000000) | 0x7f800000; // +-0 or denormal (read as 0)
        if (a < 0) return SseFloat.INDEFINITE_F;
        if (mag == 0x7f800000) return 0;
        return Float.floatToRawIntBits((float) to12(1.0 / Math.sqrt(Float.intBitsToFloat(a))));
    }

    private static long lanes(long v, boolean sqrt) {
        int lo = sqrt ? rsqrt((int) v) : rcp((int) v), hi = sqrt ? rsqrt((int) (v >>> 32)) : rcp((int) (v >>> 32));
        return (lo & 0xffffffffL) | (long) hi << 32;
    }

    public static void rcpps(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = lanes(sLo, false);
        x[2 * d + 1] = lanes(sHi, false);
    }

    public static void rsqrtps(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = lanes(sLo, true);
        x[2 * d + 1] = lanes(sHi, true);
    }

    /** RCPSS xmm, xmm/m32: the low single; the rest of the destination unchanged. */
    public static void rcpss(long[] x, int d, long sLo) {
        x[2 * d] = (x[2 * d] & 0xffffffff00000000L) | (rcp((int) sLo) & 0xffffffffL);
    }

    public static void rsqrtss(long[] x, int d, long sLo) {
        x[2 * d] = (x[2 * d] & 0xffffffff00000000L) | (rsqrt((int) sLo) & 0xffffffffL);
    }
}
