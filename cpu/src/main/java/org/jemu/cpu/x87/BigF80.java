package org.jemu.cpu.x87;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * High-precision real arithmetic for the transcendental instructions: exact conversion of an
 * 80-bit value to {@link BigDecimal}, series evaluations at {@link #MC} (about 150 bits), and
 * rounding back to 80 bits by RC through {@link Rounding}. Transcendentals are rare; these
 * allocate, the arithmetic paths do not.
 */
final class BigF80 {
    private BigF80() {}

    static final MathContext MC = new MathContext(48, RoundingMode.HALF_EVEN);
    static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
            + "58209749445923078164062862089986280348253421170679821480865132823066470938446");
    static final BigDecimal LN2 = new BigDecimal("0.69314718055994530941723212145817656807550013436025"
            + "525412068000949339362196969471560586332699641868754200148102057068573368552023");
    static final BigDecimal HALF_PI = PI.divide(TWO);

    /** Working precision for conversions and reduction: 100 digits (about 330 bits). */
    static final MathContext WIDE = new MathContext(100, RoundingMode.HALF_EVEN);

    /** The value of a finite 80-bit operand (to {@link #WIDE}: exact for all but extreme exponents). */
    static BigDecimal of(int se, long sig) {
        if (sig == 0) return BigDecimal.ZERO;
        int e = Arith.exp(se, sig) - 63;
        BigDecimal m = new BigDecimal(new BigInteger(Long.toUnsignedString(Arith.norm(sig))));
        BigDecimal v = m.multiply(pow2(e), WIDE);
        return (se & F80.SIGN) != 0 ? v.negate() : v;
    }

    /** Rounds {@code v} (nonzero) to 64 significant bits by RC, with the 80-bit exponent range. */
    static void round(FRes r, BigDecimal v, int cw) {
        if (v.signum() == 0) { r.set(0, 0); return; }
        boolean neg = v.signum() < 0;
        BigDecimal a = v.abs();
        // e = floor(log2(a)), from the unscaled value's bit length and the decimal scale
        BigInteger un = a.unscaledValue();
        int scale = a.scale();
        int e = un.bitLength() - 1 - (int) Math.ceil(scale * 3.321928094887362);
        BigDecimal p = pow2(e);
        while (a.compareTo(p) < 0) { e--; p = p.divide(TWO); }
        while (a.compareTo(p.multiply(TWO)) >= 0) { e++; p = p.multiply(TWO); }
        // 128 bits below and including the leading one: floor(a * 2^(127 - e)), sticky from the rest
        BigDecimal scaled = a.multiply(pow2(127 - e), WIDE);
        BigInteger ip = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        boolean sticky = scaled.compareTo(new BigDecimal(ip)) != 0;
        long hi = ip.shiftRight(64).longValue(), lo = ip.longValue() | (sticky ? 1 : 0);
        Rounding.round(r, neg, e, hi, lo, 64, F80.BIAS, 0x7ffe, (cw >> 10) & 3, (cw & X87.OE) != 0,
                (cw & X87.UE) != 0, true);
    }

    /**
     * Rounds x - eps (dir < 0) or x + eps (dir > 0) for an eps below half an ulp of x: the result
     * of sin, tan, atan and cos at tiny arguments, whose distance from x a finite-precision series
     * cannot see. x is a finite nonzero 80-bit value.
     */
    static void roundNudged(FRes r, int se, long sig, int dir, int cw) {
        boolean neg = (se & F80.SIGN) != 0;
        int e = Arith.exp(se, sig);
        long hi = Arith.norm(sig), lo;
        if ((dir < 0) != neg) { // magnitude decreases
            lo = -1L; // (hi - 1) : 111...1 = hi * 2^64 - 1
            hi -= 1;
            if (hi >= 0) { hi = (hi << 1) | 1; e--; }
        } else {
            lo = 1;
        }
        Rounding.round(r, neg, e, hi, lo, 64, F80.BIAS, 0x7ffe, (cw >> 10) & 3, (cw & X87.OE) != 0,
                (cw & X87.UE) != 0, true);
    }

    static BigDecimal pow2(int e) {
        if (e >= 0 && e < 400) return new BigDecimal(BigInteger.ONE.shiftLeft(e));
        return TWO.pow(e, WIDE);
    }

    /** sin and cos of {@code x} by reduction modulo pi/2 and Taylor series: {sin, cos}. */
    static BigDecimal[] sinCos(BigDecimal x) {
        MathContext wide = new MathContext(80);
        BigDecimal q = x.divide(HALF_PI, wide).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal red = x.subtract(q.multiply(HALF_PI, wide), wide).round(MC);
        BigDecimal s = BigDecimal.ZERO, c = BigDecimal.ZERO;
        BigDecimal term = red, x2 = red.multiply(red, MC);
        BigDecimal eps = red.abs().movePointLeft(50);
        for (int k = 1; term.signum() != 0 && term.abs().compareTo(eps) > 0; k += 2) {
            s = s.add(term, MC);
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf(-(long) (k + 1) * (k + 2)), MC);
        }
        term = BigDecimal.ONE;
        for (int k = 0; term.abs().compareTo(BigDecimal.ONE.movePointLeft(60)) > 0; k += 2) {
            c = c.add(term, MC);
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf(-(long) (k + 1) * (k + 2)), MC);
        }
        int quadrant = q.remainder(BigDecimal.valueOf(4)).intValue() & 3;
        switch (quadrant) {
            case 0: return new BigDecimal[] {s, c};
            case 1: return new BigDecimal[] {c, s.negate()};
            case 2: return new BigDecimal[] {s.negate(), c.negate()};
            default: return new BigDecimal[] {c.negate(), s};
        }
    }

    /** atan(z) by argument halving and the Taylor series. */
    static BigDecimal atan(BigDecimal z) {
        boolean inv = z.abs().compareTo(BigDecimal.ONE) > 0;
        BigDecimal t = inv ? BigDecimal.ONE.divide(z, MC) : z;
        int halvings = 0;
        while (t.abs().compareTo(new BigDecimal("0.05")) > 0) {
            t = t.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(t.multiply(t, MC)).sqrt(MC)), MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ZERO, pw = t, t2 = t.multiply(t, MC);
        BigDecimal eps = t.abs().movePointLeft(50);
        for (int k = 1; pw.signum() != 0 && pw.abs().compareTo(eps) > 0; k += 2) {
            BigDecimal term = pw.divide(BigDecimal.valueOf(k), MC);
            sum = (k & 2) == 0 ? sum.add(term, MC) : sum.subtract(term, MC);
            pw = pw.multiply(t2, MC);
        }
        sum = sum.multiply(BigDecimal.ONE.movePointLeft(0).multiply(pow2(halvings)), MC);
        if (inv) sum = (z.signum() > 0 ? HALF_PI : HALF_PI.negate()).subtract(sum, MC);
        return sum;
    }

    /** atan2(y, x) for FPATAN (x, y finite, not both zero). */
    static BigDecimal atan2(BigDecimal y, BigDecimal x) {
        if (x.signum() == 0) return y.signum() > 0 ? HALF_PI : HALF_PI.negate();
        BigDecimal a = atan(y.divide(x, MC));
        if (x.signum() > 0) return a;
        return y.signum() >= 0 ? a.add(PI, MC) : a.subtract(PI, MC);
    }

    /** ln(x) for x > 0: x = m * 2^k, ln m = 2 atanh((m-1)/(m+1)). */
    static BigDecimal ln(BigDecimal x) {
        int k = x.unscaledValue().bitLength() - (int) Math.round(x.scale() * 3.321928094887362);
        BigDecimal m = x.multiply(pow2(-k), MC);
        return BigDecimal.valueOf(k).multiply(LN2, MC).add(atanh2(m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC)), MC);
    }

    /** ln(1 + x) = 2 atanh(x / (2 + x)), accurate for small x. */
    static BigDecimal ln1p(BigDecimal x) {
        if (x.abs().compareTo(new BigDecimal("0.25")) > 0) return ln(BigDecimal.ONE.add(x, WIDE));
        return atanh2(x.divide(TWO.add(x), MC));
    }

    /** 2 atanh(u) = 2 (u + u^3/3 + u^5/5 + ...). */
    private static BigDecimal atanh2(BigDecimal u) {
        BigDecimal sum = BigDecimal.ZERO, pw = u, u2 = u.multiply(u, MC);
        for (int k = 1; pw.signum() != 0 && pw.abs().compareTo(u.abs().movePointLeft(50)) > 0; k += 2) {
            sum = sum.add(pw.divide(BigDecimal.valueOf(k), MC), MC);
            pw = pw.multiply(u2, MC);
        }
        return sum.multiply(TWO, MC);
    }

    /** 2^x - 1 = expm1(x ln 2) by its Taylor series (|x| <= 1). */
    static BigDecimal exp2m1(BigDecimal x) {
        BigDecimal t = x.multiply(LN2, MC);
        BigDecimal sum = BigDecimal.ZERO, term = t;
        for (int k = 2; term.signum() != 0 && term.abs().compareTo(t.abs().movePointLeft(50)) > 0; k++) {
            sum = sum.add(term, MC);
            term = term.multiply(t, MC).divide(BigDecimal.valueOf(k), MC);
        }
        return sum;
    }
}
