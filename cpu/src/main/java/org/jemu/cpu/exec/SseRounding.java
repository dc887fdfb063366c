package org.jemu.cpu.exec;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;

/**
 * MXCSR in full: the four rounding modes, flush-to-zero and denormals-are-zero, the exception flags
 * in every mode, and the decision between a masked response and #XM.
 *
 * <p>Two paths. Java's arithmetic rounds to nearest only, so {@link SseFloat} and {@link SseConvert}
 * use it (the fast path) only when MXCSR.RC is nearest, every exception is masked, no operand is
 * denormal under DAZ and the result is a normal number, zero or (overflowed) infinity. Everything
 * else comes here: a small software floating point on {@code long} significands that computes the
 * exact result (or its leading bits and a sticky bit) and rounds it once with {@link #pack}.
 *
 * <p>{@link #pack} follows SDM Vol. 1 §4.8.4, §4.9.1.4-6 and §11.5.2.4-6 (and IEEE 754-2008 §7):
 * <ul>
 *   <li>overflow: the result rounded with an unbounded exponent exceeds the largest finite number;
 *       masked: OE and PE, and infinity or the largest finite number by the rounding direction
 *       (Table 4-10); unmasked: OE, and PE only if that rounding was inexact;
 *   <li>underflow: tininess is detected after rounding with an unbounded exponent; masked, UE is set
 *       only when the delivered result is also inexact (and then PE); unmasked, UE for any tiny
 *       result (PE if inexact); with FTZ (UE masked) a tiny result becomes a zero of its sign with
 *       UE and PE (§10.2.3.3).
 * </ul>
 *
 * <p>Exceptions. An instruction clears the flag bits at {@link #begin}, lets its lanes accumulate
 * their flags, and calls {@link #commit}, which merges them with the sticky flags and throws #XM
 * (or #UD) when one is unmasked, before the destination is written: the SSE unit never writes a
 * result when it reports an unmasked exception (SDM Vol. 1 §11.5.3.2). If an unmasked
 * pre-computation exception (IE, DE, ZE) occurs in any lane, only the pre-computation flags are
 * set; the post-computation ones (OE, UE, PE) are never looked at.
 */
public final class SseRounding {
    private SseRounding() {}

    /** MXCSR fields. */
    public static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 0x10, PE = 0x20, FLAGS = 0x3f,
            DAZ = 0x40, IM = 0x80, DM = 0x100, ZM = 0x200, OM = 0x400, UM = 0x800, PM = 0x1000,
            FTZ = 0x8000;
    /** MXCSR.RC values (bits 14:13). */
    public static final int RN = 0, RD = 1, RU = 2, RZ = 3;
    /** CR4.OSXMMEXCPT: without it an unmasked SIMD exception is #UD (SDM Vol. 3A §2.5, §6.15). */
    public static final long CR4_OSXMMEXCPT = 1L << 10;

    private static final int NEAREST = 0, TOWARD_ZERO = 1, AWAY = 2;

    /** The fast path applies: round to nearest and every exception masked (FTZ/DAZ are per value). */
    static boolean fast(int mxcsr) {
        return (mxcsr & 0x7f80) == 0x1f80;
    }

    static int rc(int mxcsr) {
        return (mxcsr >> 13) & 3;
    }

    // ---- exceptions ----

    /** Starts an instruction: returns MXCSR and clears its flags so this instruction's can be seen. */
    public static int begin(CpuState c) {
        int m = c.mxcsr;
        c.mxcsr = m & ~FLAGS;
        return m;
    }

    /**
     * Ends an instruction started with {@link #begin}: sets the flags it raised (sticky) and throws the
     * SIMD floating-point exception if one of them is unmasked. Call before writing the destination.
     */
    public static void commit(CpuState c, int saved) {
        int f = c.mxcsr & FLAGS, masks = (saved >> 7) & FLAGS;
        int pre = f & (IE | DE | ZE);
        if ((pre & ~masks) != 0) {
            c.mxcsr = saved | pre;
            throw fault(c);
        }
        c.mxcsr = saved | f;
        if ((f & ~masks) != 0) throw fault(c);
    }

    /**
     * Ends one step of a multi-step instruction (DPPS/DPPD: the products, then each level of sums):
     * as {@link #commit}, and returns the state for the next step. The host checks each step's
     * exceptions before starting the next, so a trap in the products hides the sums' exceptions.
     */
    static int step(CpuState c, int saved) {
        commit(c, saved);
        int m = c.mxcsr;
        c.mxcsr = m & ~FLAGS;
        return m;
    }

    /** Whether {@code flags} contain an exception that MXCSR leaves unmasked. */
    public static boolean unmasked(int mxcsr, int flags) {
        return (flags & ~(mxcsr >> 7) & FLAGS) != 0;
    }

    /** The fault for an unmasked SIMD exception: #XM with CR4.OSXMMEXCPT set, else #UD. */
    public static GuestFault fault(CpuState c) {
        return (c.cr4 & CR4_OSXMMEXCPT) != 0 ? new GuestFault(GuestFault.XM, -1, 0) : GuestFault.ud();
    }

    // ---- unpacking (finite values; float bits in the low 32 bits of a long) ----

    static long sig(long v, boolean dbl) {
        if (dbl) {
            long e = (v >>> 52) & 0x7ff, f = v & 0xfffffffffffffL;
            return e == 0 ? f : f | (1L << 52);
        }
        long e = (v >>> 23) & 0xff, f = v & 0x7fffff;
        return e == 0 ? f : f | (1L << 23);
    }

    static int exp(long v, boolean dbl) {
        int e = dbl ? (int) (v >>> 52) & 0x7ff : (int) (v >>> 23) & 0xff;
        return (e == 0 ? 1 : e) - (dbl ? 1075 : 150);
    }

    static boolean neg(long v, boolean dbl) {
        return ((dbl ? v >>> 63 : v >>> 31) & 1) != 0;
    }

    static long zero(boolean neg, boolean dbl) {
        return neg ? (dbl ? Long.MIN_VALUE : 0x80000000L) : 0;
    }

    // ---- rounding ----

    /**
     * Rounds {@code (-1)^neg * sig * 2^exp} to single ({@code dbl} false) or double per MXCSR, ORing the
     * flags into {@code c.mxcsr}. {@code sig} is positive; if the value is not exact its lowest bit is
     * a sticky bit set to one, with at least two bits between it and the rounding position (the value
     * and {@code sig} lie strictly between the same two consecutive even integers).
     */
    static long pack(CpuState c, boolean neg, long sig, int exp, boolean dbl) {
        int p = dbl ? 53 : 24, emin = dbl ? -1022 : -126, emax = dbl ? 1023 : 127;
        int m = c.mxcsr, rc = rc(m);
        int mode = rc == RN ? NEAREST : rc == RZ || (rc == RU) == neg ? TOWARD_ZERO : AWAY;
        long signBit = zero(neg, dbl);
        int n = Long.numberOfLeadingZeros(sig) - 1;
        sig <<= n; // now in [2^62, 2^63)
        int e = exp - n + 62; // exponent of the leading bit
        int sh = 63 - p;
        long q = roundBits(sig, sh, mode);
        boolean inexact = (sig & ((1L << sh) - 1)) != 0;
        int e1 = e;
        if (q == 1L << p) {
            q >>>= 1;
            e1++;
        }
        if (e1 > emax) {
            c.mxcsr |= (m & OM) != 0 || inexact ? OE | PE : OE;
            long inf = dbl ? 0x7ff0000000000000L : 0x7f800000L;
            return signBit | (mode == TOWARD_ZERO ? inf - 1 : inf);
        }
        if (e1 >= emin) {
            if (inexact) c.mxcsr |= PE;
            return signBit | ((long) (e1 + emax) << (p - 1)) | (q & ((1L << (p - 1)) - 1));
        }
        // Tiny after rounding.
        if ((m & UM) == 0) {
            c.mxcsr |= inexact ? UE | PE : UE;
            return signBit; // not delivered: the instruction traps
        }
        if ((m & FTZ) != 0) {
            c.mxcsr |= UE | PE;
            return signBit;
        }
        int sh2 = sh + (emin - e);
        long q2 = roundBits(sig, sh2, mode);
        if (sh2 >= 63 || (sig & ((1L << sh2) - 1)) != 0) c.mxcsr |= UE | PE;
        return signBit | q2; // a carry into bit p-1 gives the smallest normal's encoding
    }

    /** {@code sig >>> sh} rounded by {@code mode} on magnitudes (sh >= 1). */
    private static long roundBits(long sig, int sh, int mode) {
        long q, rem, half;
        if (sh >= 64) {
            q = 0;
            rem = 1; // below half an ulp, not zero
            half = 2;
        } else {
            q = sig >>> sh;
            rem = sig & ((1L << sh) - 1);
            half = 1L << (sh - 1);
        }
        boolean up = mode == NEAREST ? rem > half || (rem == half && (q & 1) != 0) : mode == AWAY && rem != 0;
        return up ? q + 1 : q;
    }

    // ---- exact operations on finite operands (the slow path) ----

    /**
     * {@code a op b} ({@link SseFloat#ADD}, SUB, MUL, DIV; SQRT of {@code b}) on finite, non-NaN raw
     * operands for which no invalid operation or division by zero is possible, rounded per MXCSR.
     * DAZ has already been applied by the caller.
     */
    static long arith(CpuState c, int op, long a, long b, boolean dbl) {
        boolean na = neg(a, dbl), nb = neg(b, dbl);
        long sa = sig(a, dbl), sb = sig(b, dbl);
        int ea = exp(a, dbl), eb = exp(b, dbl);
        switch (op) {
            case SseFloat.ADD: return add(c, na, sa, ea, nb, sb, eb, dbl);
            case SseFloat.SUB: return add(c, na, sa, ea, !nb, sb, eb, dbl);
            case SseFloat.MUL: return sa == 0 || sb == 0 ? zero(na != nb, dbl) : mul(c, na != nb, sa, ea, sb, eb, dbl);
            case SseFloat.DIV: return sa == 0 ? zero(na != nb, dbl) : div(c, na != nb, sa, ea, sb, eb, dbl);
            default: return sb == 0 ? b : sqrt(c, sb, eb, dbl);
        }
    }

    private static long add(CpuState c, boolean na, long sa, int ea, boolean nb, long sb, int eb, boolean dbl) {
        if (sa == 0 && sb == 0) {
            // An exact zero sum is +0 except in round-down (IEEE 754-2008 §6.3); equal signs keep theirs.
            return zero(na == nb ? na : rc(c.mxcsr) == RD, dbl);
        }
        if (sa == 0) return pack(c, nb, sb, eb, dbl);
        if (sb == 0) return pack(c, na, sa, ea, dbl);
        int s = Long.numberOfLeadingZeros(sa) - 2;
        sa <<= s;
        ea -= s;
        s = Long.numberOfLeadingZeros(sb) - 2;
        sb <<= s;
        eb -= s; // both in [2^61, 2^62)
        if (ea < eb) {
            long t = sa; sa = sb; sb = t;
            int u = ea; ea = eb; eb = u;
            boolean v = na; na = nb; nb = v;
        }
        int d = ea - eb;
        boolean sticky = false;
        if (d >= 63) {
            sticky = true;
            sb = 0;
        } else if (d > 0) {
            sticky = (sb & ((1L << d) - 1)) != 0;
            sb >>>= d;
        }
        long sig;
        boolean neg;
        if (na == nb) {
            sig = sa + sb;
            neg = na;
        } else if (sa > sb) {
            sig = sa - sb - (sticky ? 1 : 0);
            neg = na;
        } else if (sa == sb) {
            return zero(rc(c.mxcsr) == RD, dbl); // exact cancellation (no sticky: d == 0)
        } else {
            sig = sb - sa;
            neg = nb;
        }
        return pack(c, neg, sticky ? sig | 1 : sig, ea, dbl);
    }

    private static long mul(CpuState c, boolean neg, long sa, int ea, long sb, int eb, boolean dbl) {
        long hi = Math.multiplyHigh(sa, sb), lo = sa * sb; // operands < 2^53
        int e = ea + eb;
        if (hi == 0 && lo > 0) return pack(c, neg, lo, e, dbl);
        int total = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64;
        int s = total - 62;
        long sig = (hi << (64 - s)) | (lo >>> s);
        if ((lo & ((1L << s) - 1)) != 0) sig |= 1;
        return pack(c, neg, sig, e + s, dbl);
    }

    private static long div(CpuState c, boolean neg, long sa, int ea, long sb, int eb, boolean dbl) {
        int s = Long.numberOfLeadingZeros(sa) - 11;
        sa <<= s;
        ea -= s;
        s = Long.numberOfLeadingZeros(sb) - 11;
        sb <<= s;
        eb -= s; // both in [2^52, 2^53)
        long q = 0, r = sa;
        for (int i = 0; i < 62; i++) { // restoring division: q = floor(sa / sb * 2^61)
            q <<= 1;
            if (r >= sb) {
                r -= sb;
                q |= 1;
            }
            r <<= 1;
        }
        return pack(c, neg, r != 0 ? q | 1 : q, ea - eb - 61, dbl);
    }

    /**
     * Square root of a positive finite value: Math.sqrt of the operand scaled by a power of four into
     * [1, 4) is the nearest double, and the sign of the FMA residual tells on which side the exact root
     * lies (never on a midpoint: the square of a 54-bit midpoint is not a double).
     */
    private static long sqrt(CpuState c, long sb, int eb, boolean dbl) {
        int s = Long.numberOfLeadingZeros(sb) - 11;
        sb <<= s;
        eb -= s;
        int lead = eb + 52, k = lead & ~1; // value = (sb * 2^-52) * 2^lead; k even
        double y = Double.longBitsToDouble(((long) (1023 + lead - k) << 52) | (sb & 0xfffffffffffffL));
        double r = Math.sqrt(y);
        double res = Math.fma(-r, r, y);
        long rs = (Double.doubleToRawLongBits(r) & 0xfffffffffffffL) | (1L << 52);
        long sig = (rs << 2) + (res > 0 ? 1 : res < 0 ? -1 : 0);
        return pack(c, false, sig, k / 2 - 54, dbl);
    }

    // ---- conversions ----

    /** A signed 64-bit integer rounded to single or double per MXCSR.RC (PE when inexact). */
    static long fromLong(CpuState c, long v, boolean dbl) {
        if (v == 0) return 0;
        boolean neg = v < 0;
        long mag = neg ? -v : v;
        if (mag < 0) return pack(c, true, 1L << 62, 1, dbl); // -2^63
        return pack(c, neg, mag, 0, dbl);
    }

    /** A finite double (raw bits) narrowed to single per MXCSR (DAZ applied by the caller). */
    static long narrow(CpuState c, long v) {
        long s = sig(v, true);
        if (s == 0) return zero(neg(v, true), false);
        return pack(c, neg(v, true), s, exp(v, true), false);
    }
}
