package org.jemu.cpu.x87;

/** FRNDINT, FSCALE, FXTRACT, FPREM/FPREM1 and the constants (SDM Vol. 2A, Vol. 1 §8.3). */
final class Misc {
    private Misc() {}

    /**
     * FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2: the constant truncated to 64 bits and whether the
     * round-to-nearest result is one unit higher. The SDM (Vol. 1 §8.3.8) describes a 66-bit
     * internal constant rounded by RC; the host shows RN/RU = rounded up where the discarded
     * bits are above the half, RD/RZ = truncated, RU = truncated + 1, no PE, PC ignored.
     */
    static final int[] CONST_SE = {0x4000, 0x3fff, 0x4000, 0x3ffd, 0x3ffe};
    static final long[] CONST_SIG = {0xd49a784bcd1b8afeL, 0xb8aa3b295c17f0bbL, 0xc90fdaa22168c234L,
            0x9a209a84fbcff798L, 0xb17217f7d1cf79abL};
    static final boolean[] CONST_NEAREST_UP = {false, true, true, true, true};

    /** Constant {@code k} (0 = L2T ... 4 = LN2) under RC. */
    static void constant(FRes r, int k, int rc) {
        long s = CONST_SIG[k];
        if (rc == Rounding.RC_UP || (rc == Rounding.RC_NEAREST && CONST_NEAREST_UP[k])) s++;
        r.set(CONST_SE[k], s);
    }

    /** FRNDINT: round to an integer by RC (PC does not apply). */
    static void frndint(FRes r, int se, long sig, int cw) {
        int c = F80.classify(se, sig);
        if (c == F80.UNSUPPORTED) { Arith.invalid(r); return; }
        if (c == F80.SNAN) { r.flags |= X87.IE; r.set(se, sig | F80.QUIET); return; }
        if (c == F80.QNAN || c == F80.INF || c == F80.ZERO) { r.set(se, sig); return; }
        if (c == F80.DENORMAL) r.flags |= X87.DE;
        int e = Arith.exp(se, sig);
        if (e >= 63) { r.set(se, sig); return; }
        boolean neg = (se & F80.SIGN) != 0;
        // Round to 64 - (63 - e) bits at the integer position: reuse the general rounder with a
        // precision that puts the last kept bit at 2^0 (e + 1 bits), unbounded exponent range.
        long m = Arith.norm(sig);
        if (e < 0) {
            int rc = (cw >> 10) & 3;
            boolean up;
            switch (rc) {
                case Rounding.RC_NEAREST: up = e == -1 && m != F80.J; break;
                case Rounding.RC_DOWN: up = neg; break;
                case Rounding.RC_UP: up = !neg; break;
                default: up = false;
            }
            r.flags |= X87.PE | (up ? X87.C1 : 0);
            r.set(up ? (se & F80.SIGN) | F80.BIAS : se & F80.SIGN, up ? F80.J : 0);
            return;
        }
        Rounding.round(r, neg, e, m, 0, e + 1, F80.BIAS, 0x7ffe, (cw >> 10) & 3, true, true, false);
    }

    /** FSCALE: ST(0) * 2^trunc(ST(1)). */
    static void fscale(FRes r, int aSe, long aSig, int bSe, long bSig, int cw) {
        int ca = F80.classify(aSe, aSig), cb = F80.classify(bSe, bSig);
        if (Arith.nanOrUnsupported(r, aSe, aSig, ca, bSe, bSig, cb)) return;
        boolean bNeg = (bSe & F80.SIGN) != 0;
        if (cb == F80.INF) {
            if ((ca == F80.INF && bNeg) || (ca == F80.ZERO && !bNeg)) { Arith.invalid(r); return; }
            if (ca == F80.DENORMAL) r.flags |= X87.DE;
            if (ca == F80.INF || ca == F80.ZERO) { r.set(aSe, aSig); return; }
            r.set(bNeg ? aSe & F80.SIGN : (aSe & F80.SIGN) | 0x7fff, bNeg ? 0 : F80.J);
            return;
        }
        if (ca == F80.DENORMAL || cb == F80.DENORMAL) r.flags |= X87.DE;
        if (ca == F80.INF || ca == F80.ZERO) { r.set(aSe, aSig); return; }
        long n = 0;
        if (cb != F80.ZERO) {
            int eb = Arith.exp(bSe, bSig);
            if (eb >= 0) {
                n = eb >= 30 ? (1L << 30) : Arith.norm(bSig) >>> (63 - eb);
                if (bNeg) n = -n;
            }
        }
        // The host rounds FSCALE results at 64 bits whatever PC says, and gives the masked
        // response when the exponent is beyond even the 24576 wrap of an unmasked OE/UE.
        int e = Arith.exp(aSe, aSig) + (int) n;
        int be = e + F80.BIAS;
        int sign = aSe & F80.SIGN;
        if ((cw & X87.OE) == 0 && be - Rounding.WRAP > 0x7ffe) { // then infinity whatever RC says
            r.flags |= X87.OE | X87.PE | X87.C1;
            r.set(sign | 0x7fff, F80.J);
            return;
        }
        if ((cw & X87.UE) == 0 && be + Rounding.WRAP < 1) { // and zero
            r.flags |= X87.UE | X87.PE;
            r.set(sign, 0);
            return;
        }
        Rounding.round(r, sign != 0, e, Arith.norm(aSig), 0, 64, F80.BIAS, 0x7ffe, (cw >> 10) & 3,
                (cw & X87.OE) != 0, (cw & X87.UE) != 0, true);
    }

    /**
     * FXTRACT: the exponent into {@code ex} (pushed below) and the significand into {@code r}.
     * Zero: ZE, exponent -inf (SDM Vol. 2A FXTRACT).
     */
    static void fxtract(FRes r, FRes ex, int se, long sig, int cw) {
        int c = F80.classify(se, sig);
        if (c == F80.UNSUPPORTED) { Arith.invalid(r); ex.indefinite(); return; }
        if (F80.isNaN(c)) {
            if (c == F80.SNAN) r.flags |= X87.IE;
            r.set(se, sig | F80.QUIET);
            ex.set(se, sig | F80.QUIET);
            return;
        }
        if (c == F80.INF) { r.set(se, sig); ex.set(0x7fff, F80.J); return; }
        if (c == F80.ZERO) {
            r.flags |= X87.ZE;
            r.set(se, 0);
            ex.set(0xffff, F80.J);
            return;
        }
        if (c == F80.DENORMAL) r.flags |= X87.DE;
        r.set((se & F80.SIGN) | F80.BIAS, Arith.norm(sig));
        Convert.loadInt(ex, Arith.exp(se, sig));
    }

    /**
     * FPREM ({@code ieee} false: quotient truncated) and FPREM1 (true: quotient rounded to
     * nearest even). Returns the condition codes: C2 when the reduction is incomplete, else the
     * quotient's low bits Q2 Q1 Q0 in C0 C3 C1 (SDM Vol. 2A FPREM).
     */
    /** FPREM result for special operands: C1 and C2 cleared, C0 and C3 left alone (host). */
    static final int SPECIAL = -1;

    static int fprem(FRes r, int aSe, long aSig, int bSe, long bSig, boolean ieee, int cw) {
        int ca = F80.classify(aSe, aSig), cb = F80.classify(bSe, bSig);
        if (Arith.nanOrUnsupported(r, aSe, aSig, ca, bSe, bSig, cb)) return SPECIAL;
        if (ca == F80.INF || cb == F80.ZERO) { Arith.invalid(r); return SPECIAL; }
        if (ca == F80.DENORMAL || cb == F80.DENORMAL) r.flags |= X87.DE;
        if (ca == F80.ZERO) { r.set(aSe, aSig); return 0; } // quotient 0
        if (cb == F80.INF) { keep(r, aSe, aSig, cw); return 0; }
        boolean neg = (aSe & F80.SIGN) != 0;
        int ea = Arith.exp(aSe, aSig), eb = Arith.exp(bSe, bSig);
        long ma = Arith.norm(aSig), mb = Arith.norm(bSig);
        int d = ea - eb;
        if (d < 0) {
            if (ieee && (d == -1) && Long.compareUnsigned(ma, mb) > 0) {
                // |a| > |b|/2: the nearest quotient is 1
                return remainderStep(r, neg, ma, mb, ea, eb, 0, true, ieee, cw);
            }
            keep(r, aSe, aSig, cw);
            return 0;
        }
        if (d >= 64) {
            // partial: reduce the exponent difference by a chunk (SDM: N between 32 and 63)
            int n = 32 + (d % 32);
            return remainderStep(r, neg, ma, mb, ea, eb, d - n, false, false, cw) | X87.C2;
        }
        return remainderStep(r, neg, ma, mb, ea, eb, 0, true, ieee, cw);
    }

    /**
     * The dividend as the result: exact, but a tiny one still goes through the rounder (pseudo-
     * denormals come out normalised, an unmasked UE wraps the exponent, as on the host).
     */
    private static void keep(FRes r, int se, long sig, int cw) {
        Rounding.round(r, (se & F80.SIGN) != 0, Arith.exp(se, sig), Arith.norm(sig), 0, 64, F80.BIAS,
                0x7ffe, 0, true, (cw & X87.UE) != 0, true);
    }

    /**
     * Reduces a by q * b * 2^lowExp, q = the integer quotient of (a / b) / 2^lowExp (truncated, or
     * for FPREM1 rounded to nearest even). {@code complete}: the quotient bits go to C0 C3 C1.
     */
    private static int remainderStep(FRes r, boolean neg, long ma, long mb, int ea, int eb, int lowExp,
            boolean complete, boolean ieee, int cw) {
        // remainder R of (ma * 2^k) / mb, with k = (ea - eb) - lowExp bits of quotient below the top
        int k = ea - eb - lowExp;
        long rem;
        long q = 0;
        if (k < 0) { // only FPREM1 with d == -1
            rem = ma;
            q = 0;
        } else {
            rem = ma;
            if (Long.compareUnsigned(rem, mb) >= 0) { rem -= mb; q = 1; }
            for (int i = 0; i < k; i++) {
                boolean top = rem < 0;
                rem <<= 1;
                q <<= 1;
                if (top || Long.compareUnsigned(rem, mb) >= 0) { rem -= mb; q |= 1; }
            }
        }
        // remainder value = rem * 2^(eb - 63 + lowExp) where b's unit is mb*2^(eb-63)
        int remExp = eb + lowExp; // exponent of bit 63 of rem
        boolean rNeg = neg;
        if (ieee) {
            // round the quotient to nearest: if rem > mb/2 (or == and q odd), q++ and rem = mb - rem
            if (k < 0) {
                // FPREM1 with ea = eb - 1 and |a| > |b|/2: q = 1, |remainder| = b - a, in units
                // of 2^(eb-64) where a = ma and b = 2*mb (the wrapped difference is exact, < 2^64)
                return finishRemainder(r, !neg, (mb << 1) - ma, eb - 1, 1, cw);
            }
            int cmp;
            long half = mb >>> 1;
            boolean halfExact = (mb & 1) == 0;
            cmp = Long.compareUnsigned(rem, half);
            boolean over = cmp > 0 || (cmp == 0 && !halfExact);
            boolean tie = cmp == 0 && halfExact;
            if (over || (tie && (q & 1) != 0)) {
                q++;
                rem = mb - rem;
                rNeg = !neg;
            }
        }
        return complete ? finishRemainder(r, rNeg, rem, remExp, q, cw) : finishPartial(r, rNeg, rem, remExp, cw);
    }

    private static int finishRemainder(FRes r, boolean neg, long rem, int remExp, long q, int cw) {
        finishPartial(r, neg, rem, remExp, cw);
        int cc = 0;
        if ((q & 1) != 0) cc |= X87.C1;
        if ((q & 2) != 0) cc |= X87.C3;
        if ((q & 4) != 0) cc |= X87.C0;
        return cc;
    }

    private static int finishPartial(FRes r, boolean neg, long rem, int remExp, int cw) {
        if (rem == 0) { r.set(neg ? F80.SIGN : 0, 0); return 0; }
        int n = Long.numberOfLeadingZeros(rem);
        // exact; may be denormal (never inexact: the remainder lies on b's grid)
        Rounding.round(r, neg, remExp - n, rem << n, 0, 64, F80.BIAS, 0x7ffe, 0, true, (cw & X87.UE) != 0, true);
        return 0;
    }
}
