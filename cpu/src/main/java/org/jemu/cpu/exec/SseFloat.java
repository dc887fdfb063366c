package org.jemu.cpu.exec;

import org.jemu.cpu.CpuState;

/**
 * SSE/SSE2 floating-point arithmetic, compares and COMIS/UCOMIS, on raw IEEE bits.
 *
 * <p>Values are handled as raw bits ({@code int} for single, {@code long} for double) because the x86
 * NaN rules must survive: Java arithmetic turns every NaN into its canonical NaN. The rules (Intel
 * SDM Vol. 1 §4.8.3.5, Table 4-7, and §10.4/11.5 for SSE):
 * <ul>
 *   <li>a NaN operand is returned quieted (bit 22 / bit 51 set); with two NaN operands the first
 *       (destination) operand wins; an SNaN operand raises IE;
 *   <li>an invalid operation on non-NaN operands (inf - inf, 0 * inf, 0 / 0, sqrt of a negative)
 *       returns the "QNaN floating-point indefinite", sign set: 0xFFC00000 / 0xFFF8000000000000;
 *   <li>MIN/MAX return the second (source) operand, unquieted, when either operand is a NaN or both
 *       are zeros of any sign (SDM Vol. 2B, MINPS/MAXPS), and raise IE for any NaN.
 * </ul>
 *
 * <p>MXCSR is honoured in full: rounding control, FTZ, DAZ, the six flags and the masks. The common
 * case (round to nearest, all masked, normal results) is Java's arithmetic plus an exactness test;
 * the rest goes to {@link SseRounding}. Each instruction-level method brackets its lanes with
 * {@link SseRounding#begin}/{@link SseRounding#commit}, so an unmasked exception throws #XM (#UD
 * without CR4.OSXMMEXCPT) with the flags set and the destination unchanged.
 *
 * <p>Calling convention (see the package overview): packed forms take the CPU, the destination
 * register number and the source as two longs; scalar forms take only the source's low half and
 * leave the rest of the destination unchanged.
 */
public final class SseFloat {
    private SseFloat() {}

    /** MXCSR exception flag bits. */
    public static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 0x10, PE = 0x20;
    public static final int INDEFINITE_F = 0xffc00000;
    public static final long INDEFINITE_D = 0xfff8000000000000L;

    /** Operation selectors for {@link #op32} and {@link #op64}. */
    public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MIN = 4, MAX = 5, SQRT = 6;

    // ---- classification ----

    static boolean nan32(int a) { return (a & 0x7fffffff) > 0x7f800000; }
    static boolean snan32(int a) { return nan32(a) && (a & 0x00400000) == 0; }
    static boolean denormal32(int a) { return (a & 0x7f800000) == 0 && (a & 0x007fffff) != 0; }
    static boolean nan64(long a) { return (a & Long.MAX_VALUE) > 0x7ff0000000000000L; }
    static boolean snan64(long a) { return nan64(a) && (a & 0x0008000000000000L) == 0; }
    static boolean denormal64(long a) {
        return (a & 0x7ff0000000000000L) == 0 && (a & 0x000fffffffffffffL) != 0;
    }

    // ---- scalar primitives ----

    /** DAZ: a denormal operand becomes a zero of its sign (SDM Vol. 1 §10.2.3.4), with no DE. */
    static int daz32(int m, int a) {
        return (m & SseRounding.DAZ) != 0 && denormal32(a) ? a & 0x80000000 : a;
    }

    static long daz64(int m, long a) {
        return (m & SseRounding.DAZ) != 0 && denormal64(a) ? a & Long.MIN_VALUE : a;
    }

    /**
     * One single-precision operation: {@code a op b} ({@code SQRT}: of {@code b}), rounded and flagged
     * per MXCSR; the flags are ORed into {@code c.mxcsr} (see {@link SseRounding#begin}).
     */
    public static int op32(CpuState c, int op, int a, int b) {
        // The common case, inlinable as in op64 (see there); full32 for everything else.
        if (op != MIN && op != MAX && SseRounding.fast(c.mxcsr) && normal32(b) && (op == SQRT || normal32(a))) {
            float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
            float r = arith32(op, x, y);
            float ar = Math.abs(r);
            if (ar > Float.MIN_NORMAL && ar < Float.POSITIVE_INFINITY) {
                if (inexact32(op, x, y, r)) c.mxcsr |= PE;
                return Float.floatToRawIntBits(r);
            }
        }
        return full32(c, op, a, b);
    }

    /** {@code x op y} ({@code SQRT}: of {@code y}) in Java's arithmetic: round to nearest, no flags. */
    private static float arith32(int op, float x, float y) {
        return op == ADD ? x + y : op == SUB ? x - y : op == MUL ? x * y : op == DIV ? x / y : (float) Math.sqrt(y);
    }

    private static boolean normal32(int v) {
        int e = v & 0x7f800000;
        return e != 0 && e != 0x7f800000;
    }

    /**
     * Whether the normal result {@code r} of a single operation on normal operands is rounded: the
     * exact value computed in double (and, where double may itself round, checked exact). Shared
     * by the fast path and {@link #full32}.
     */
    private static boolean inexact32(int op, float x, float y, float r) {
        switch (op) {
            case ADD: case SUB: {
                double dx = x, dy = op == ADD ? y : -y, e = dx + dy;
                return !twoSumExact(dx, dy, e) || (double) r != e;
            }
            case MUL: return (double) r != (double) x * (double) y;
            case DIV: {
                double e = (double) x / (double) y;
                return Math.fma(-e, y, x) != 0 || (double) r != e;
            }
            default: {
                double e = Math.sqrt(y);
                return Math.fma(-e, e, y) != 0 || (double) r != e;
            }
        }
    }

    /** {@link #op32} for every input: NaNs, DAZ/FTZ, denormals, exceptions, directed rounding. */
    private static int full32(CpuState c, int op, int a, int b) {
        int m = c.mxcsr;
        a = daz32(m, a);
        b = daz32(m, b);
        boolean na = op != SQRT && nan32(a), nb = nan32(b);
        if (op == MIN || op == MAX) {
            if (na || nb) {
                c.mxcsr |= IE;
                return b;
            }
            if (denormal32(a) || denormal32(b)) c.mxcsr |= DE;
            float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
            return (op == MIN ? x < y : x > y) ? a : b;
        }
        if (na || nb) {
            if ((op != SQRT && snan32(a)) || snan32(b)) c.mxcsr |= IE;
            return (na ? a : b) | 0x00400000;
        }
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        int flags = 0;
        if ((op != SQRT && denormal32(a)) || denormal32(b)) flags |= DE;
        // Divide-by-zero outranks the denormal-operand exception (SDM Vol. 1 §11.5.2.1).
        if (op == DIV && y == 0 && x == x && !Float.isInfinite(x) && x != 0) flags = ZE;
        float r = arith32(op, x, y);
        if (r != r) {
            // Invalid takes precedence over denormal-operand (SDM Vol. 1 §11.5.2.1 ordering): IE only.
            c.mxcsr |= IE;
            return INDEFINITE_F;
        }
        boolean finiteIn = (op == SQRT || !Float.isInfinite(x)) && !Float.isInfinite(y);
        if ((flags & ZE) != 0 || !finiteIn) { // infinite results from these are exact
            c.mxcsr |= flags;
            return Float.floatToRawIntBits(r);
        }
        c.mxcsr |= flags;
        float ar = Math.abs(r);
        boolean exactZero = r == 0 && (op <= SUB || op == SQRT || x == 0 || (op == MUL && y == 0));
        if (!SseRounding.fast(m) || !(ar > Float.MIN_NORMAL || exactZero)) {
            // Directed rounding, an unmasked exception, or a result near or below the normal range.
            return (int) SseRounding.arith(c, op, a & 0xffffffffL, b & 0xffffffffL, false);
        }
        if (Float.isInfinite(r)) c.mxcsr |= OE | PE;
        else if (inexact32(op, x, y, r)) c.mxcsr |= PE;
        return Float.floatToRawIntBits(r);
    }

    /**
     * One double-precision operation: {@code a op b} ({@code SQRT}: of {@code b}).
     *
     * <p>The common case first, in few enough bytecodes that HotSpot inlines it into compiled
     * regions (where {@code op} is a constant and the selection folds away): round to nearest with
     * every exception masked, normal operands and a normal result not near the bottom of the range.
     * There Java's arithmetic is the SSE result and the only flag is PE, exactly as
     * {@link #full64} finds them for the same inputs; everything else goes to {@link #full64}.
     */
    public static long op64(CpuState c, int op, long a, long b) {
        if (op != MIN && op != MAX && SseRounding.fast(c.mxcsr) && normal64(b) && (op == SQRT || normal64(a))) {
            double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
            double r = arith64(op, x, y);
            double ar = Math.abs(r);
            // (NaN fails every comparison, so SQRT of a negative goes on to full64.)
            if (ar > Double.MIN_NORMAL && ar < Double.POSITIVE_INFINITY
                    && (op <= SUB || (ar >= 0x1p-900 && Math.abs(y) >= 0x1p-900 && (op == SQRT || Math.abs(x) >= 0x1p-900)))) {
                if (inexact64(op, x, y, r)) c.mxcsr |= PE;
                return Double.doubleToRawLongBits(r);
            }
        }
        return full64(c, op, a, b);
    }

    /** {@code x op y} ({@code SQRT}: of {@code y}) in Java's arithmetic: round to nearest, no flags. */
    private static double arith64(int op, double x, double y) {
        return op == ADD ? x + y : op == SUB ? x - y : op == MUL ? x * y : op == DIV ? x / y : Math.sqrt(y);
    }

    /** Neither zero, denormal, infinite nor NaN. */
    private static boolean normal64(long v) {
        long e = v & 0x7ff0000000000000L;
        return e != 0 && e != 0x7ff0000000000000L;
    }

    /** {@link #op64} for every input: NaNs, DAZ/FTZ, denormals, exceptions, directed rounding. */
    private static long full64(CpuState c, int op, long a, long b) {
        int m = c.mxcsr;
        a = daz64(m, a);
        b = daz64(m, b);
        boolean na = op != SQRT && nan64(a), nb = nan64(b);
        if (op == MIN || op == MAX) {
            if (na || nb) {
                c.mxcsr |= IE;
                return b;
            }
            if (denormal64(a) || denormal64(b)) c.mxcsr |= DE;
            double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
            return (op == MIN ? x < y : x > y) ? a : b;
        }
        if (na || nb) {
            if ((op != SQRT && snan64(a)) || snan64(b)) c.mxcsr |= IE;
            return (na ? a : b) | 0x0008000000000000L;
        }
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        int flags = 0;
        if ((op != SQRT && denormal64(a)) || denormal64(b)) flags |= DE;
        if (op == DIV && y == 0 && !Double.isInfinite(x) && x != 0) flags = ZE; // outranks DE
        double r = arith64(op, x, y);
        if (r != r) {
            c.mxcsr |= IE;
            return INDEFINITE_D;
        }
        boolean finiteIn = (op == SQRT || !Double.isInfinite(x)) && !Double.isInfinite(y);
        c.mxcsr |= flags;
        if ((flags & ZE) != 0 || !finiteIn) return Double.doubleToRawLongBits(r);
        double ar = Math.abs(r);
        boolean exactZero = r == 0 && (op <= SUB || op == SQRT || x == 0 || (op == MUL && y == 0));
        // FMA residuals are exact only away from the bottom of the exponent range.
        boolean small = op > SUB && (ar < 0x1p-900 || Math.abs(x) < 0x1p-900 || Math.abs(y) < 0x1p-900);
        if (!SseRounding.fast(m) || !(ar > Double.MIN_NORMAL || exactZero) || (small && !exactZero)) {
            return SseRounding.arith(c, op, a, b, true);
        }
        if (Double.isInfinite(r)) c.mxcsr |= OE | PE;
        else if (inexact64(op, x, y, r)) c.mxcsr |= PE;
        return Double.doubleToRawLongBits(r);
    }

    /** Whether the finite result {@code r} of a double operation on finite operands is rounded. */
    private static boolean inexact64(int op, double x, double y, double r) {
        switch (op) {
            case ADD: return !twoSumExact(x, y, r);
            case SUB: return !twoSumExact(x, -y, r);
            case MUL: return Math.fma(x, y, -r) != 0;
            case DIV: return Math.fma(-r, y, x) != 0;
            default: return Math.fma(-r, r, y) != 0;
        }
    }

    /** Whether {@code s = fl(a + b)} is exact (Knuth's TwoSum error term is zero). */
    private static boolean twoSumExact(double a, double b, double s) {
        if (Double.isInfinite(s)) return true;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return err == 0;
    }

    // ---- compares ----

    /** CMPPS/CMPSS predicate 0..7 (EQ, LT, LE, UNORD, NEQ, NLT, NLE, ORD) on singles. */
    public static boolean cmp32(CpuState c, int pred, int a, int b) {
        a = daz32(c.mxcsr, a);
        b = daz32(c.mxcsr, b);
        boolean unordered = nan32(a) || nan32(b);
        // LT, LE, NLT, NLE signal on any NaN; the others on SNaN only (SDM Vol. 2A, CMPPS).
        int p = pred & 7;
        boolean signalling = p == 1 || p == 2 || p == 5 || p == 6;
        if (unordered && (signalling || snan32(a) || snan32(b))) c.mxcsr |= IE;
        if (!unordered && (denormal32(a) || denormal32(b))) c.mxcsr |= DE;
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        return predicate(p, unordered, x == y, x < y);
    }

    /** CMPPD/CMPSD predicate 0..7 on doubles. */
    public static boolean cmp64(CpuState c, int pred, long a, long b) {
        a = daz64(c.mxcsr, a);
        b = daz64(c.mxcsr, b);
        boolean unordered = nan64(a) || nan64(b);
        int p = pred & 7;
        boolean signalling = p == 1 || p == 2 || p == 5 || p == 6;
        if (unordered && (signalling || snan64(a) || snan64(b))) c.mxcsr |= IE;
        if (!unordered && (denormal64(a) || denormal64(b))) c.mxcsr |= DE;
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        return predicate(p, unordered, x == y, x < y);
    }

    private static boolean predicate(int p, boolean unordered, boolean eq, boolean lt) {
        switch (p) {
            case 0: return eq;
            case 1: return lt;
            case 2: return lt || eq;
            case 3: return unordered;
            case 4: return !eq;
            case 5: return !lt;
            case 6: return !(lt || eq);
            default: return !unordered;
        }
    }

    /**
     * COMISS ({@code signalQnan}) / UCOMISS: ZF, PF, CF = 111 unordered, 000 greater, 001 less,
     * 100 equal; OF, SF, AF cleared (SDM Vol. 2A, COMISS). IE for SNaN, and for QNaN with COMISS.
     */
    public static void comis32(CpuState c, int a, int b, boolean signalQnan) {
        int saved = SseRounding.begin(c);
        a = daz32(saved, a);
        b = daz32(saved, b);
        boolean unordered = nan32(a) || nan32(b);
        if (unordered && (signalQnan || snan32(a) || snan32(b))) c.mxcsr |= IE;
        if (!unordered && (denormal32(a) || denormal32(b))) c.mxcsr |= DE;
        SseRounding.commit(c, saved);
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        c.flags.setArith(comisFlags(unordered, x == y, x < y));
    }

    /** COMISD / UCOMISD. */
    public static void comis64(CpuState c, long a, long b, boolean signalQnan) {
        int saved = SseRounding.begin(c);
        a = daz64(saved, a);
        b = daz64(saved, b);
        boolean unordered = nan64(a) || nan64(b);
        if (unordered && (signalQnan || snan64(a) || snan64(b))) c.mxcsr |= IE;
        if (!unordered && (denormal64(a) || denormal64(b))) c.mxcsr |= DE;
        SseRounding.commit(c, saved);
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        c.flags.setArith(comisFlags(unordered, x == y, x < y));
    }

    private static long comisFlags(boolean unordered, boolean eq, boolean lt) {
        if (unordered) return org.jemu.cpu.Flags.ZF | org.jemu.cpu.Flags.PF | org.jemu.cpu.Flags.CF;
        if (eq) return org.jemu.cpu.Flags.ZF;
        return lt ? org.jemu.cpu.Flags.CF : 0;
    }

    // ---- packed and scalar forms on registers ----

    private static long lanes32(CpuState c, int op, long a, long b) {
        long lo = op32(c, op, (int) a, (int) b) & 0xffffffffL;
        long hi = op32(c, op, (int) (a >>> 32), (int) (b >>> 32));
        return lo | (hi << 32);
    }

    /** ADDPS/SUBPS/MULPS/DIVPS/MINPS/MAXPS/SQRTPS by selector. */
    public static void ps(CpuState c, int op, int d, long sLo, long sHi) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long lo = lanes32(c, op, x[2 * d], sLo), hi = lanes32(c, op, x[2 * d + 1], sHi);
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** ADDSS..SQRTSS by selector: low single only. */
    public static void ss(CpuState c, int op, int d, long sLo) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long r = op32(c, op, (int) x[2 * d], (int) sLo) & 0xffffffffL;
        SseRounding.commit(c, saved);
        x[2 * d] = (x[2 * d] & 0xffffffff00000000L) | r;
    }

    /** ADDPD..SQRTPD by selector. */
    public static void pd(CpuState c, int op, int d, long sLo, long sHi) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long lo = op64(c, op, x[2 * d], sLo), hi = op64(c, op, x[2 * d + 1], sHi);
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** ADDSD..SQRTSD by selector: low double only. */
    public static void sd(CpuState c, int op, int d, long sLo) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long r = op64(c, op, x[2 * d], sLo);
        SseRounding.commit(c, saved);
        x[2 * d] = r;
    }

    public static void addps(CpuState c, int d, long sLo, long sHi) { ps(c, ADD, d, sLo, sHi); }
    public static void subps(CpuState c, int d, long sLo, long sHi) { ps(c, SUB, d, sLo, sHi); }
    public static void mulps(CpuState c, int d, long sLo, long sHi) { ps(c, MUL, d, sLo, sHi); }
    public static void divps(CpuState c, int d, long sLo, long sHi) { ps(c, DIV, d, sLo, sHi); }
    public static void minps(CpuState c, int d, long sLo, long sHi) { ps(c, MIN, d, sLo, sHi); }
    public static void maxps(CpuState c, int d, long sLo, long sHi) { ps(c, MAX, d, sLo, sHi); }
    public static void sqrtps(CpuState c, int d, long sLo, long sHi) { ps(c, SQRT, d, sLo, sHi); }
    public static void addss(CpuState c, int d, long sLo) { ss(c, ADD, d, sLo); }
    public static void subss(CpuState c, int d, long sLo) { ss(c, SUB, d, sLo); }
    public static void mulss(CpuState c, int d, long sLo) { ss(c, MUL, d, sLo); }
    public static void divss(CpuState c, int d, long sLo) { ss(c, DIV, d, sLo); }
    public static void minss(CpuState c, int d, long sLo) { ss(c, MIN, d, sLo); }
    public static void maxss(CpuState c, int d, long sLo) { ss(c, MAX, d, sLo); }
    public static void sqrtss(CpuState c, int d, long sLo) { ss(c, SQRT, d, sLo); }
    public static void addpd(CpuState c, int d, long sLo, long sHi) { pd(c, ADD, d, sLo, sHi); }
    public static void subpd(CpuState c, int d, long sLo, long sHi) { pd(c, SUB, d, sLo, sHi); }
    public static void mulpd(CpuState c, int d, long sLo, long sHi) { pd(c, MUL, d, sLo, sHi); }
    public static void divpd(CpuState c, int d, long sLo, long sHi) { pd(c, DIV, d, sLo, sHi); }
    public static void minpd(CpuState c, int d, long sLo, long sHi) { pd(c, MIN, d, sLo, sHi); }
    public static void maxpd(CpuState c, int d, long sLo, long sHi) { pd(c, MAX, d, sLo, sHi); }
    public static void sqrtpd(CpuState c, int d, long sLo, long sHi) { pd(c, SQRT, d, sLo, sHi); }
    public static void addsd(CpuState c, int d, long sLo) { sd(c, ADD, d, sLo); }
    public static void subsd(CpuState c, int d, long sLo) { sd(c, SUB, d, sLo); }
    public static void mulsd(CpuState c, int d, long sLo) { sd(c, MUL, d, sLo); }
    public static void divsd(CpuState c, int d, long sLo) { sd(c, DIV, d, sLo); }
    public static void minsd(CpuState c, int d, long sLo) { sd(c, MIN, d, sLo); }
    public static void maxsd(CpuState c, int d, long sLo) { sd(c, MAX, d, sLo); }
    public static void sqrtsd(CpuState c, int d, long sLo) { sd(c, SQRT, d, sLo); }

    /** CMPPS xmm, xmm/m128, imm8 (predicate = imm8 & 7): each lane all ones or zero. */
    public static void cmpps(CpuState c, int d, long sLo, long sHi, int pred) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long lo = cmpLanes32(c, pred, x[2 * d], sLo), hi = cmpLanes32(c, pred, x[2 * d + 1], sHi);
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    private static long cmpLanes32(CpuState c, int pred, long a, long b) {
        long lo = cmp32(c, pred, (int) a, (int) b) ? 0xffffffffL : 0;
        long hi = cmp32(c, pred, (int) (a >>> 32), (int) (b >>> 32)) ? 0xffffffff00000000L : 0;
        return lo | hi;
    }

    public static void cmpss(CpuState c, int d, long sLo, int pred) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long r = cmp32(c, pred, (int) x[2 * d], (int) sLo) ? 0xffffffffL : 0;
        SseRounding.commit(c, saved);
        x[2 * d] = (x[2 * d] & 0xffffffff00000000L) | r;
    }

    public static void cmppd(CpuState c, int d, long sLo, long sHi, int pred) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long lo = cmp64(c, pred, x[2 * d], sLo) ? -1L : 0, hi = cmp64(c, pred, x[2 * d + 1], sHi) ? -1L : 0;
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void cmpsd(CpuState c, int d, long sLo, int pred) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long r = cmp64(c, pred, x[2 * d], sLo) ? -1L : 0;
        SseRounding.commit(c, saved);
        x[2 * d] = r;
    }
}
