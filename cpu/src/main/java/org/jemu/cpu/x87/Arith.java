package org.jemu.cpu.x87;

/**
 * Exactly rounded FADD/FSUB/FMUL/FDIV/FSQRT on 80-bit operands, into an {@link FRes}. The exact
 * result is formed in 128 bits (plus a jammed sticky bit) and handed to {@link Rounding}.
 *
 * <p>Operand checks follow SDM Vol. 1 §4.9.2 priorities: unsupported encodings and SNaNs (#IA),
 * then QNaN propagation (Table 4-7), then the other invalid cases and divide-by-zero, then the
 * denormal-operand flag (which lets the operation continue when masked).
 */
final class Arith {
    private Arith() {}

    static final int NEG = F80.SIGN;

    /** Unbiased exponent of a finite nonzero operand after normalisation. */
    static int exp(int se, long sig) {
        int e = se & 0x7fff;
        if (e == 0) e = 1; // denormals and pseudo-denormals read with exponent 1
        return e - F80.BIAS - Long.numberOfLeadingZeros(sig);
    }

    static long norm(long sig) { return sig << Long.numberOfLeadingZeros(sig); }

    /**
     * Handles unsupported and NaN operands of a two-operand arithmetic instruction; returns true
     * when that decided the result.
     */
    static boolean nanOrUnsupported(FRes r, int aSe, long aSig, int ca, int bSe, long bSig, int cb) {
        if (ca == F80.UNSUPPORTED || cb == F80.UNSUPPORTED) {
            r.flags |= X87.IE;
            r.indefinite();
            return true;
        }
        boolean an = F80.isNaN(ca), bn = F80.isNaN(cb);
        if (!an && !bn) return false;
        if (ca == F80.SNAN || cb == F80.SNAN) r.flags |= X87.IE;
        if (an && bn) {
            // SDM Vol. 1 Table 4-7: an SNaN and a QNaN give the QNaN; otherwise the NaN with the
            // larger significand; on equal significands the host returns the positive one
            int c;
            if (ca != cb) c = ca == F80.QNAN ? 1 : -1;
            else {
                c = Long.compareUnsigned(aSig, bSig);
                if (c == 0) c = (aSe & NEG) == 0 ? 1 : -1;
            }
            if (c > 0) r.set(aSe, aSig | F80.QUIET);
            else r.set(bSe, bSig | F80.QUIET);
        } else if (an) {
            r.set(aSe, aSig | F80.QUIET);
        } else {
            r.set(bSe, bSig | F80.QUIET);
        }
        return true;
    }

    static void invalid(FRes r) {
        r.flags |= X87.IE;
        r.indefinite();
    }

    /** a + b, with {@code bFlip} (0 or 8000H) applied to b's sign for subtraction. */
    static void add(FRes r, int aSe, long aSig, int bSe, long bSig, int bFlip, int cw) {
        int ca = F80.classify(aSe, aSig), cb = F80.classify(bSe, bSig);
        if (nanOrUnsupported(r, aSe, aSig, ca, bSe, bSig, cb)) return;
        bSe ^= bFlip;
        boolean aNeg = (aSe & NEG) != 0, bNeg = (bSe & NEG) != 0;
        if (ca == F80.INF || cb == F80.INF) {
            if (ca == F80.INF && cb == F80.INF && aNeg != bNeg) { invalid(r); return; }
            if (ca == F80.DENORMAL || cb == F80.DENORMAL || r.srcDenormal) r.flags |= X87.DE;
            r.set(ca == F80.INF ? (aSe & NEG) | 0x7fff : (bSe & NEG) | 0x7fff, F80.J);
            return;
        }
        if (ca == F80.DENORMAL || cb == F80.DENORMAL || r.srcDenormal) r.flags |= X87.DE;
        if (ca == F80.ZERO && cb == F80.ZERO) {
            boolean neg = aNeg == bNeg ? aNeg : ((cw >> 10) & 3) == Rounding.RC_DOWN;
            r.set(neg ? NEG : 0, 0);
            return;
        }
        if (ca == F80.ZERO) { Rounding.round80(r, bNeg, exp(bSe, bSig), norm(bSig), 0, cw); return; }
        if (cb == F80.ZERO) { Rounding.round80(r, aNeg, exp(aSe, aSig), norm(aSig), 0, cw); return; }
        int ea = exp(aSe, aSig), eb = exp(bSe, bSig);
        long ma = norm(aSig), mb = norm(bSig);
        if (ea < eb || (ea == eb && Long.compareUnsigned(ma, mb) < 0)) { // |a| >= |b| from here
            int t = ea; ea = eb; eb = t;
            long m = ma; ma = mb; mb = m;
            boolean n = aNeg; aNeg = bNeg; bNeg = n;
        }
        int d = ea - eb;
        long bhi, blo;
        if (d == 0) { bhi = mb; blo = 0; }
        else if (d < 64) { bhi = mb >>> d; blo = mb << (64 - d); }
        else if (d < 128) { bhi = 0; blo = (mb >>> (d - 64)) | ((d > 64 && (mb << (128 - d)) != 0) ? 1 : 0); }
        else { bhi = 0; blo = 1; }
        long hi, lo;
        int e = ea;
        if (aNeg == bNeg) {
            lo = blo;
            hi = ma + bhi;
            if (Long.compareUnsigned(hi, ma) < 0) { // carry out: shift right, jam
                lo = (lo >>> 1) | (hi << 63) | (lo & 1);
                hi = (hi >>> 1) | F80.J;
                e++;
            }
        } else {
            lo = -blo;
            hi = ma - bhi - (blo != 0 ? 1 : 0);
            if (hi == 0 && lo == 0) {
                r.set(((cw >> 10) & 3) == Rounding.RC_DOWN ? NEG : 0, 0);
                return;
            }
            int n = hi != 0 ? Long.numberOfLeadingZeros(hi) : 64 + Long.numberOfLeadingZeros(lo);
            if (n >= 64) { hi = lo << (n - 64); lo = 0; }
            else if (n > 0) { hi = (hi << n) | (lo >>> (64 - n)); lo <<= n; }
            e -= n;
        }
        Rounding.round80(r, aNeg, e, hi, lo, cw);
    }

    static void mul(FRes r, int aSe, long aSig, int bSe, long bSig, int cw) {
        int ca = F80.classify(aSe, aSig), cb = F80.classify(bSe, bSig);
        if (nanOrUnsupported(r, aSe, aSig, ca, bSe, bSig, cb)) return;
        int sign = (aSe ^ bSe) & NEG;
        if ((ca == F80.INF && cb == F80.ZERO) || (ca == F80.ZERO && cb == F80.INF)) { invalid(r); return; }
        if (ca == F80.DENORMAL || cb == F80.DENORMAL || r.srcDenormal) r.flags |= X87.DE;
        if (ca == F80.INF || cb == F80.INF) { r.set(sign | 0x7fff, F80.J); return; }
        if (ca == F80.ZERO || cb == F80.ZERO) { r.set(sign, 0); return; }
        long ma = norm(aSig), mb = norm(bSig);
        int e = exp(aSe, aSig) + exp(bSe, bSig);
        long lo = ma * mb;
        long hi = Math.multiplyHigh(ma, mb) + ma + mb; // unsigned: both have bit 63 set
        if (hi >= 0) {
            hi = (hi << 1) | (lo >>> 63);
            lo <<= 1;
        } else {
            e++;
        }
        Rounding.round80(r, sign != 0, e, hi, lo, cw);
    }

    /** a / b. */
    static void div(FRes r, int aSe, long aSig, int bSe, long bSig, int cw) {
        int ca = F80.classify(aSe, aSig), cb = F80.classify(bSe, bSig);
        if (nanOrUnsupported(r, aSe, aSig, ca, bSe, bSig, cb)) return;
        int sign = (aSe ^ bSe) & NEG;
        if ((ca == F80.INF && cb == F80.INF) || (ca == F80.ZERO && cb == F80.ZERO)) { invalid(r); return; }
        if (cb == F80.ZERO && ca != F80.INF) {
            r.flags |= X87.ZE; // without DE for a denormal dividend (host behaviour)
            r.set(sign | 0x7fff, F80.J);
            return;
        }
        if (ca == F80.DENORMAL || cb == F80.DENORMAL || r.srcDenormal) r.flags |= X87.DE;
        if (ca == F80.INF || cb == F80.ZERO) { r.set(sign | 0x7fff, F80.J); return; }
        if (ca == F80.ZERO || cb == F80.INF) { r.set(sign, 0); return; }
        long ma = norm(aSig), mb = norm(bSig);
        int e = exp(aSe, aSig) - exp(bSe, bSig);
        // restoring division; rem < 2*mb always, with its bit 64 in 'top'
        long rem = ma;
        boolean top = false;
        if (Long.compareUnsigned(ma, mb) < 0) {
            top = true; // rem = 2*ma: bit 64 set (ma has bit 63 set)
            rem = ma << 1;
            e--;
        }
        long hi = 0, lo = 0;
        for (int i = 0; i < 128; i++) {
            boolean bit = top || Long.compareUnsigned(rem, mb) >= 0;
            if (bit) rem -= mb;
            if (i < 64) hi |= bit ? 1L << (63 - i) : 0;
            else lo |= bit ? 1L << (127 - i) : 0;
            if (i >= 66 && rem == 0) break;
            if (i == 127) break;
            top = rem < 0;
            rem <<= 1;
        }
        if (rem != 0) lo |= 1;
        Rounding.round80(r, sign != 0, e, hi, lo, cw);
    }

    static void sqrt(FRes r, int aSe, long aSig, int cw) {
        int ca = F80.classify(aSe, aSig);
        if (ca == F80.UNSUPPORTED) { invalid(r); return; }
        if (ca == F80.SNAN) { r.flags |= X87.IE; r.set(aSe, aSig | F80.QUIET); return; }
        if (ca == F80.QNAN) { r.set(aSe, aSig); return; }
        if (ca == F80.ZERO) { r.set(aSe, 0); return; }
        if ((aSe & NEG) != 0) { invalid(r); return; }
        if (ca == F80.INF) { r.set(aSe, aSig); return; }
        if (ca == F80.DENORMAL) r.flags |= X87.DE;
        int e = exp(aSe, aSig);
        long m = norm(aSig);
        // radicand N = m * 2^67 (e even) or m * 2^68 (e odd): root has 66 bits, MSB at bit 65
        int extra = (e & 1) != 0 ? 68 : 67;
        int halfE = (e - (extra - 67)) >> 1;
        long remHi = 0, remLo = 0, rootHi = 0, rootLo = 0;
        for (int pair = 65; pair >= 0; pair--) {
            int b1 = 2 * pair + 1 - extra, b0 = 2 * pair - extra;
            long two = (bitOf(m, b1) << 1) | bitOf(m, b0);
            // rem = rem << 2 | two
            remHi = (remHi << 2) | (remLo >>> 62);
            remLo = (remLo << 2) | two;
            // trial = root << 2 | 1
            long tHi = (rootHi << 2) | (rootLo >>> 62), tLo = (rootLo << 2) | 1;
            rootHi = (rootHi << 1) | (rootLo >>> 63);
            rootLo <<= 1;
            if (Long.compareUnsigned(remHi, tHi) > 0
                    || (remHi == tHi && Long.compareUnsigned(remLo, tLo) >= 0)) {
                long nLo = remLo - tLo;
                remHi = remHi - tHi - (Long.compareUnsigned(remLo, tLo) < 0 ? 1 : 0);
                remLo = nLo;
                rootLo |= 1;
            }
        }
        // root: 66 bits in rootHi:rootLo, MSB at bit 65
        long hi = (rootHi << 62) | (rootLo >>> 2);
        long lo = (rootLo << 62) | ((remHi | remLo) != 0 ? 1 : 0);
        Rounding.round80(r, false, halfE, hi, lo, cw);
    }

    private static long bitOf(long m, int i) {
        return i < 0 || i > 63 ? 0 : (m >>> i) & 1;
    }
}
