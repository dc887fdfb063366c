package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.SseFloat.DE;
import static org.jemu.cpu.exec.SseFloat.IE;
import static org.jemu.cpu.exec.SseFloat.OE;
import static org.jemu.cpu.exec.SseFloat.PE;

import org.jemu.cpu.CpuState;

/**
 * SSE/SSE2 conversions between integers, singles and doubles.
 *
 * <p>Float-to-integer conversions round per MXCSR.RC (all four modes: nearest-even, down, up,
 * toward zero); the CVTT forms always truncate. A NaN or out-of-range source gives the "integer
 * indefinite" 0x80000000 / 0x8000000000000000 and raises IE (SDM Vol. 2A, CVTSD2SI). Integer-to-float
 * and double-to-single conversions round per MXCSR.RC (via {@link SseRounding} unless it is nearest),
 * with FTZ and the OE/UE/PE rules of arithmetic; DAZ turns denormal sources into zeros. NaNs keep
 * their payload and sign and are quieted (SNaN raises IE). Instruction-level methods raise unmasked
 * exceptions through {@link SseRounding#commit} before writing their destination.
 */
public final class SseConvert {
    private SseConvert() {}

    private static final double TWO31 = 2147483648.0, TWO63 = 9223372036854775808.0;

    /** Rounds to an integral value per MXCSR.RC (bits 14:13), or truncates. */
    static double round(double v, int mxcsr, boolean truncate) {
        int rc = truncate ? 3 : (mxcsr >> 13) & 3;
        switch (rc) {
            case 0: return Math.rint(v);
            case 1: return Math.floor(v);
            case 2: return Math.ceil(v);
            default: return v < 0 ? Math.ceil(v) : Math.floor(v);
        }
    }

    /** A double (or a single widened exactly) to a signed integer of {@code size} 4 or 8 bytes. */
    public static long toInt(CpuState c, int size, double v, boolean truncate) {
        double r = round(v, c.mxcsr, truncate);
        if (size == 4) {
            if (!(r >= -TWO31 && r < TWO31)) {
                c.mxcsr |= IE;
                return 0x80000000L;
            }
            if (r != v) c.mxcsr |= PE;
            return ((long) r) & 0xffffffffL;
        }
        if (!(r >= -TWO63 && r < TWO63)) {
            c.mxcsr |= IE;
            return Long.MIN_VALUE;
        }
        if (r != v) c.mxcsr |= PE;
        return (long) r;
    }

    private static long ss2si(CpuState c, int size, long src, boolean truncate) {
        // No DE for float-to-integer conversions (they have no denormal-operand exception).
        return toInt(c, size, Float.intBitsToFloat(SseFloat.daz32(c.mxcsr, (int) src)), truncate);
    }

    private static long sd2si(CpuState c, int size, long src, boolean truncate) {
        return toInt(c, size, Double.longBitsToDouble(SseFloat.daz64(c.mxcsr, src)), truncate);
    }

    /** CVTSS2SI / CVTTSS2SI: the low single of {@code src} to a 32/64-bit integer (zero-extended). */
    public static long cvtss2si(CpuState c, int size, long src, boolean truncate) {
        int saved = SseRounding.begin(c);
        long r = ss2si(c, size, src, truncate);
        SseRounding.commit(c, saved);
        return r;
    }

    /** CVTSD2SI / CVTTSD2SI. */
    public static long cvtsd2si(CpuState c, int size, long src, boolean truncate) {
        int saved = SseRounding.begin(c);
        long r = sd2si(c, size, src, truncate);
        SseRounding.commit(c, saved);
        return r;
    }

    /** A signed integer to single bits, rounded per MXCSR.RC. */
    static int intToSingle(CpuState c, long v) {
        if (SseRounding.rc(c.mxcsr) != SseRounding.RN) return (int) SseRounding.fromLong(c, v, false);
        float f = (float) v;
        if (f == 0x1p63f || (long) f != v) c.mxcsr |= PE; // 2^63 is never exact: v < 2^63
        return Float.floatToRawIntBits(f);
    }

    /** A signed integer to double bits, rounded per MXCSR.RC. */
    static long intToDouble(CpuState c, long v) {
        if (SseRounding.rc(c.mxcsr) != SseRounding.RN) return SseRounding.fromLong(c, v, true);
        double d = (double) v;
        if ((d == TWO63) || (long) d != v) c.mxcsr |= PE;
        return Double.doubleToRawLongBits(d);
    }

    /** CVTSI2SS xmm, r/m32/64: {@code v} is the sign-extended (size 4) or full (size 8) source. */
    public static void cvtsi2ss(CpuState c, int d, int size, long v) {
        long s = size == 4 ? (int) v : v;
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long r = intToSingle(c, s) & 0xffffffffL;
        SseRounding.commit(c, saved);
        x[2 * d] = (x[2 * d] & 0xffffffff00000000L) | r;
    }

    /** CVTSI2SD xmm, r/m32/64. */
    public static void cvtsi2sd(CpuState c, int d, int size, long v) {
        long s = size == 4 ? (int) v : v;
        int saved = SseRounding.begin(c);
        long r = intToDouble(c, s);
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = r;
    }

    /** Single bits to double bits (exact; NaN payload kept and quieted; DAZ zeroes denormals). */
    static long singleToDouble(CpuState c, int f) {
        f = SseFloat.daz32(c.mxcsr, f);
        if (SseFloat.nan32(f)) {
            if (SseFloat.snan32(f)) c.mxcsr |= IE;
            return ((long) (f >>> 31) << 63) | 0x7ff8000000000000L | ((long) (f & 0x003fffff) << 29);
        }
        if (SseFloat.denormal32(f)) c.mxcsr |= DE;
        return Double.doubleToRawLongBits(Float.intBitsToFloat(f));
    }

    /** Double bits to single bits, rounded per MXCSR (NaN payload truncated and quieted). */
    static int doubleToSingle(CpuState c, long v) {
        int m = c.mxcsr;
        v = SseFloat.daz64(m, v);
        if (SseFloat.nan64(v)) {
            if (SseFloat.snan64(v)) c.mxcsr |= IE;
            return (int) ((v >>> 63) << 31) | 0x7fc00000 | (int) ((v >>> 29) & 0x003fffff);
        }
        if (SseFloat.denormal64(v)) c.mxcsr |= DE;
        double d = Double.longBitsToDouble(v);
        float f = (float) d;
        if (Double.isInfinite(d) || d == 0) return Float.floatToRawIntBits(f);
        if (!SseRounding.fast(m) || !(Math.abs(f) > Float.MIN_NORMAL)) return (int) SseRounding.narrow(c, v);
        if (f != d) c.mxcsr |= Float.isInfinite(f) ? OE | PE : PE;
        return Float.floatToRawIntBits(f);
    }

    /** CVTSS2SD xmm, xmm/m32. */
    public static void cvtss2sd(CpuState c, int d, long sLo) {
        int saved = SseRounding.begin(c);
        long r = singleToDouble(c, (int) sLo);
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = r;
    }

    /** CVTSD2SS xmm, xmm/m64: the low single of the destination; the rest unchanged. */
    public static void cvtsd2ss(CpuState c, int d, long sLo) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long r = doubleToSingle(c, sLo) & 0xffffffffL;
        SseRounding.commit(c, saved);
        x[2 * d] = (x[2 * d] & 0xffffffff00000000L) | r;
    }

    /** CVTDQ2PS: four int32 to four singles. */
    public static void cvtdq2ps(CpuState c, int d, long sLo, long sHi) {
        int saved = SseRounding.begin(c);
        long lo = pair(intToSingle(c, (int) sLo), intToSingle(c, (int) (sLo >> 32)));
        long hi = pair(intToSingle(c, (int) sHi), intToSingle(c, (int) (sHi >> 32)));
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = hi;
    }

    /** CVTPS2DQ ({@code truncate} false) / CVTTPS2DQ: four singles to four int32. */
    public static void cvtps2dq(CpuState c, int d, long sLo, long sHi, boolean truncate) {
        int saved = SseRounding.begin(c);
        long lo = pair((int) ss2si(c, 4, sLo, truncate), (int) ss2si(c, 4, sLo >>> 32, truncate));
        long hi = pair((int) ss2si(c, 4, sHi, truncate), (int) ss2si(c, 4, sHi >>> 32, truncate));
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = hi;
    }

    /** CVTDQ2PD: the low two int32 to two doubles (exact). */
    public static void cvtdq2pd(CpuState c, int d, long sLo) {
        long[] x = c.xmm;
        x[2 * d] = Double.doubleToRawLongBits((int) sLo);
        x[2 * d + 1] = Double.doubleToRawLongBits((int) (sLo >> 32));
    }

    /** CVTPD2DQ / CVTTPD2DQ: two doubles to two int32 in the low half; the high half is zeroed. */
    public static void cvtpd2dq(CpuState c, int d, long sLo, long sHi, boolean truncate) {
        int saved = SseRounding.begin(c);
        long lo = pair((int) sd2si(c, 4, sLo, truncate), (int) sd2si(c, 4, sHi, truncate));
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = 0;
    }

    /** CVTPS2PD: the low two singles to two doubles. */
    public static void cvtps2pd(CpuState c, int d, long sLo) {
        int saved = SseRounding.begin(c);
        long lo = singleToDouble(c, (int) sLo), hi = singleToDouble(c, (int) (sLo >>> 32));
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = hi;
    }

    /** CVTPD2PS: two doubles to two singles in the low half; the high half is zeroed. */
    public static void cvtpd2ps(CpuState c, int d, long sLo, long sHi) {
        int saved = SseRounding.begin(c);
        long lo = pair(doubleToSingle(c, sLo), doubleToSingle(c, sHi));
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = 0;
    }

    static long pair(int lo, int hi) {
        return (lo & 0xffffffffL) | ((long) hi << 32);
    }
}
