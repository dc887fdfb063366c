package org.jemu.cpu.x87;

/**
 * Rounding of an exact intermediate to a destination format (SDM Vol. 1 §4.8.4, §8.1.5.2-3).
 *
 * <p>The intermediate is {@code (-1)^neg * 1.f * 2^e} with the 128-bit significand {@code hi:lo}
 * normalised so that bit 63 of {@code hi} is the integer bit; lower bits that were shifted out of
 * the 128 are jammed into bit 0 of {@code lo}. The result is rounded to {@code p} significant bits
 * (PC for register destinations, 24/53 for m32/m64) under RC, with the destination's exponent range.
 *
 * <p>Tininess is detected after rounding (the result rounded to {@code p} bits with an unbounded
 * exponent is below the smallest normal), as x86 does for both x87 and SSE. Masked underflow
 * delivers the denormalised result and flags UE only when it is also inexact; unmasked underflow
 * and overflow on a register destination deliver the normalised result with the exponent wrapped
 * by 24576 (SDM Vol. 1 §8.5.4, §8.5.5), and on a memory destination store nothing (the caller
 * checks the flags).
 */
final class Rounding {
    private Rounding() {}

    static final int RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3;
    /** Exponent bias adjustment for unmasked overflow/underflow results (SDM Vol. 1 §8.5.4). */
    static final int WRAP = 24576;

    /** Rounds for an 80-bit register destination under control word {@code cw}. */
    static void round80(FRes r, boolean neg, int e, long hi, long lo, int cw) {
        int p = precision(cw);
        round(r, neg, e, hi, lo, p, F80.BIAS, 0x7ffe, (cw >> 10) & 3, (cw & X87.OE) != 0,
                (cw & X87.UE) != 0, true);
    }

    /** Significand bits for the PC field: 24, 53 or 64 (the reserved value 1 acts as 64). */
    static int precision(int cw) {
        switch ((cw >> 8) & 3) {
            case 0: return 24;
            case 2: return 53;
            default: return 64;
        }
    }

    /**
     * The general rounder. On return {@code r.se} holds sign and biased exponent, {@code r.sig}
     * the significand left-aligned (integer bit at bit 63, zero for a denormal result), and
     * {@code r.flags} the raised bits (OE, UE, PE, C1).
     */
    static void round(FRes r, boolean neg, int e, long hi, long lo, int p, int bias, int maxBiased,
            int rc, boolean oMasked, boolean uMasked, boolean wrap) {
        int sign = neg ? F80.SIGN : 0;
        int be = e + bias;
        int shift = 64 - p;
        long lsb = 1L << shift;
        // normalised rounding (also the "unbounded exponent" result for tininess)
        boolean inexact = roundInexact(hi, lo, shift);
        long kept = hi & -lsb;
        boolean up = inexact && roundUp(hi, lo, shift, rc, neg);
        if (up) {
            kept += lsb;
            if (kept == 0) { // carried out of bit 63
                kept = F80.J;
                be++;
            }
        }
        if (be > maxBiased) {
            if (oMasked) {
                // SDM Vol. 1 §4.9.1.4 Table 4-10: infinity or the largest finite value by RC and sign
                boolean toInf = rc == RC_NEAREST || (rc == RC_UP && !neg) || (rc == RC_DOWN && neg);
                r.flags |= X87.OE | X87.PE;
                if (toInf) {
                    r.set(sign | 0x7fff, F80.J);
                    r.flags |= X87.C1;
                } else {
                    r.set(sign | maxBiased, -lsb);
                }
            } else {
                r.flags |= X87.OE | (inexact ? X87.PE : 0) | (up ? X87.C1 : 0);
                r.set(sign | ((be - (wrap ? WRAP : 0)) & 0x7fff), kept);
            }
            return;
        }
        if (be < 1) {
            if (!uMasked) {
                r.flags |= X87.UE | (inexact ? X87.PE : 0) | (up ? X87.C1 : 0);
                r.set(sign | ((be + (wrap ? WRAP : 0)) & 0x7fff), kept);
                return;
            }
            // masked: denormalise the exact value, then round at the same bit positions
            int n = 1 - e - bias;
            long dhi, dlo;
            if (n >= 128) {
                dhi = 0;
                dlo = (hi | lo) != 0 ? 1 : 0;
            } else if (n >= 64) {
                long sticky = (lo != 0 || (n > 64 && (hi << (128 - n)) != 0)) ? 1 : 0;
                dlo = (n == 64 ? hi : hi >>> (n - 64)) | sticky;
                dhi = 0;
            } else {
                long sticky = (lo << (64 - n)) != 0 ? 1 : 0;
                dlo = (hi << (64 - n)) | (lo >>> n) | sticky;
                dhi = hi >>> n;
            }
            boolean dInexact = roundInexact(dhi, dlo, shift);
            long dkept = dhi & -lsb;
            boolean dup = dInexact && roundUp(dhi, dlo, shift, rc, neg);
            int dbe = 0;
            if (dup) {
                dkept += lsb;
                if (dkept < 0) dbe = 1; // rounded up into the smallest normal
            }
            if (dInexact) r.flags |= X87.UE | X87.PE | (dup ? X87.C1 : 0);
            r.set(sign | dbe, dkept);
            return;
        }
        if (inexact) r.flags |= X87.PE | (up ? X87.C1 : 0);
        r.set(sign | be, kept);
    }

    private static boolean roundInexact(long hi, long lo, int shift) {
        return lo != 0 || (hi & ((1L << shift) - 1)) != 0;
    }

    /** Whether to add one unit in the last place, given that the discarded bits are nonzero. */
    private static boolean roundUp(long hi, long lo, int shift, int rc, boolean neg) {
        switch (rc) {
            case RC_NEAREST: {
                boolean half, rest;
                if (shift == 0) {
                    half = lo < 0;
                    rest = (lo << 1) != 0;
                } else {
                    half = ((hi >>> (shift - 1)) & 1) != 0;
                    rest = lo != 0 || (hi & ((1L << (shift - 1)) - 1)) != 0;
                }
                if (!half) return false;
                if (rest) return true;
                return ((hi >>> shift) & 1) != 0; // tie: to even
            }
            case RC_DOWN: return neg;
            case RC_UP: return !neg;
            default: return false;
        }
    }
}
