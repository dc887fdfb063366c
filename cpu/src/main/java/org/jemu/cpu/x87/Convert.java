package org.jemu.cpu.x87;

/**
 * Conversions between the register format and the memory formats (SDM Vol. 1 §4.2, §4.7,
 * §8.2): m32/m64 real, m16/m32/m64 integer, m80 packed BCD. Loads are exact; stores round by RC.
 */
final class Convert {
    private Convert() {}

    /** Integer indefinite for 16/32/64-bit stores (SDM Vol. 1 §4.8.3.7... Table 4-2). */
    static long intIndefinite(int bytes) { return 1L << (bytes * 8 - 1); }

    // ---- loads ----

    /**
     * m32/m64 real (given as its {@code fracBits}/{@code expBits} layout) to 80 bits, exactly.
     * An SNaN stays signalling (the caller quiets it and flags IE where the instruction does);
     * a denormal sets {@link FRes#srcDenormal}.
     */
    static void loadReal(FRes r, long bits, int fracBits, int expBits) {
        int bias = (1 << (expBits - 1)) - 1;
        int emax = (1 << expBits) - 1;
        int sign = (int) (bits >>> (fracBits + expBits)) & 1;
        int e = (int) (bits >>> fracBits) & emax;
        long frac = bits & ((1L << fracBits) - 1);
        int s = sign << 15;
        if (e == emax) {
            r.set(s | 0x7fff, F80.J | (frac << (63 - fracBits)));
        } else if (e == 0) {
            if (frac == 0) {
                r.set(s, 0);
            } else {
                r.srcDenormal = true;
                int n = Long.numberOfLeadingZeros(frac);
                // value = frac * 2^(1 - bias - fracBits); normalised MSB exponent:
                int ue = (63 - n) + 1 - bias - fracBits;
                r.set(s | (ue + F80.BIAS), frac << n);
            }
        } else {
            r.set(s | (e - bias + F80.BIAS), F80.J | (frac << (63 - fracBits)));
        }
    }

    static void loadF32(FRes r, int bits) { loadReal(r, bits & 0xffffffffL, 23, 8); }

    static void loadF64(FRes r, long bits) { loadReal(r, bits, 52, 11); }

    /** A signed integer, exactly. */
    static void loadInt(FRes r, long v) {
        if (v == 0) { r.set(0, 0); return; }
        int s = v < 0 ? F80.SIGN : 0;
        long m = v < 0 ? -v : v; // Long.MIN_VALUE stays 2^63 as unsigned
        int n = Long.numberOfLeadingZeros(m);
        r.set(s | (F80.BIAS + 63 - n), m << n);
    }

    /**
     * Packed BCD (bytes 0-8: 18 digits, byte 9 bit 7: sign). Invalid digits are undefined by the
     * SDM; they are taken at face value here.
     */
    static void loadBcd(FRes r, long lo, int hi) {
        long v = 0;
        for (int i = 1; i >= 0; i--) v = v * 10 + ((hi >> (4 * i)) & 15);
        for (int i = 15; i >= 0; i--) v = v * 10 + ((lo >>> (4 * i)) & 15);
        loadInt(r, v);
        if ((hi & 0x8000) != 0) r.se |= F80.SIGN;
    }

    // ---- stores ----

    /**
     * Register value to m32 ({@code fracBits} 23) or m64 (52), rounded by RC; the bits in
     * {@code r.sig}, the raised flags in {@code r.flags} (on unmasked OE/UE the caller stores nothing).
     */
    static void storeReal(FRes r, int se, long sig, int cw, int fracBits, int expBits) {
        int bias = (1 << (expBits - 1)) - 1;
        int emax = (1 << expBits) - 1;
        long signBit = (long) ((se >> 15) & 1) << (fracBits + expBits);
        long expInf = (long) emax << fracBits;
        int c = F80.classify(se, sig);
        switch (c) {
            case F80.UNSUPPORTED:
                r.flags |= X87.IE;
                r.sig = (1L << (fracBits + expBits)) | expInf | (1L << (fracBits - 1)); // indefinite
                return;
            case F80.SNAN:
            case F80.QNAN:
                if (c == F80.SNAN) r.flags |= X87.IE;
                r.sig = signBit | expInf | ((sig | F80.QUIET) << 1 >>> (64 - fracBits));
                return;
            case F80.INF:
                r.sig = signBit | expInf;
                return;
            case F80.ZERO:
                r.sig = signBit;
                return;
            default:
                break;
        }
        // a denormal register value raises no DE here on the host (the SDM lists #D for FST)
        int p = fracBits + 1;
        Rounding.round(r, signBit != 0, Arith.exp(se, sig), Arith.norm(sig), 0, p, bias, emax - 1,
                (cw >> 10) & 3, (cw & X87.OE) != 0, (cw & X87.UE) != 0, false);
        long be = r.se & 0x7fff;
        if (be == 0x7fff) be = emax; // overflow to infinity
        long frac = (r.sig >>> (64 - p)) & ((1L << fracBits) - 1);
        r.sig = signBit | (be << fracBits) | frac;
    }

    /**
     * Register value to a signed integer of {@code bytes} bytes, rounded by {@code rc}
     * (FISTTP passes round-toward-zero). Out of range, NaN, infinity or unsupported: IE and the
     * integer indefinite.
     */
    static void storeInt(FRes r, int se, long sig, int bytes, int rc) {
        int c = F80.classify(se, sig);
        long indef = intIndefinite(bytes);
        if (c == F80.ZERO) { r.sig = 0; return; }
        if (c != F80.NORMAL && c != F80.DENORMAL) { r.flags |= X87.IE; r.sig = indef; return; }
        boolean neg = (se & F80.SIGN) != 0;
        int e = Arith.exp(se, sig);
        long m = Arith.norm(sig);
        if (e >= 64) { r.flags |= X87.IE; r.sig = indef; return; }
        // integer part and the discarded fraction (round bit, sticky)
        int shift = 63 - e; // >= 0
        long ip;
        boolean half, rest;
        if (shift == 0) {
            ip = m; half = false; rest = false;
        } else if (shift < 64) {
            ip = m >>> shift;
            half = ((m >>> (shift - 1)) & 1) != 0;
            rest = (m & ((1L << (shift - 1)) - 1)) != 0;
        } else if (shift == 64) {
            ip = 0; half = true; rest = (m << 1) != 0;
        } else {
            ip = 0; half = false; rest = true;
        }
        boolean inexact = half || rest;
        boolean up = false;
        if (inexact) {
            switch (rc) {
                case Rounding.RC_NEAREST: up = half && (rest || (ip & 1) != 0); break;
                case Rounding.RC_DOWN: up = neg; break;
                case Rounding.RC_UP: up = !neg; break;
                default: break;
            }
        }
        if (up) {
            ip++;
            if (ip == 0) { r.flags |= X87.IE; r.sig = indef; return; } // 2^64
        }
        long lim = 1L << (bytes * 8 - 1); // |min|; max is lim - 1
        boolean fits = neg ? Long.compareUnsigned(ip, lim) <= 0 : Long.compareUnsigned(ip, lim) < 0;
        if (bytes == 8) fits = neg ? Long.compareUnsigned(ip, F80.J) <= 0 : ip >= 0;
        if (!fits) { r.flags |= X87.IE; r.sig = indef; return; }
        if (inexact) r.flags |= X87.PE | (up ? X87.C1 : 0);
        long v = neg ? -ip : ip;
        r.sig = bytes == 8 ? v : v & ((1L << (bytes * 8)) - 1);
    }

    /** BCD indefinite (SDM Vol. 1 §4.7, Table 4-4): FFFF C000 0000 0000 0000H. */
    static final long BCD_INDEF_LO = 0xc000000000000000L;
    static final int BCD_INDEF_HI = 0xffff;

    /** Register value to packed BCD in {@code r.sig} (bytes 0-7) and {@code r.se} (bytes 8-9). */
    static void storeBcd(FRes r, int se, long sig, int rc) {
        int c = F80.classify(se, sig);
        boolean neg = (se & F80.SIGN) != 0;
        if (c == F80.ZERO) { r.sig = 0; r.se = neg ? 0x8000 : 0; return; }
        int f = r.flags;
        storeInt(r, se, sig, 8, rc);
        long v = r.sig;
        long mag = v < 0 ? -v : v;
        if ((r.flags & X87.IE) != 0 || mag > 999_999_999_999_999_999L || mag < 0) {
            r.flags = f | X87.IE;
            r.sig = BCD_INDEF_LO;
            r.se = BCD_INDEF_HI;
            return;
        }
        long lo = 0;
        for (int i = 0; i < 16; i++) { lo |= (mag % 10) << (4 * i); mag /= 10; }
        int hi = (int) (mag % 10) | (int) ((mag / 10) % 10) << 4;
        r.sig = lo;
        r.se = hi | (neg ? 0x8000 : 0);
    }
}
