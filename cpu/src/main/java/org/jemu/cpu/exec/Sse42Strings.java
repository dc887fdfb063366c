package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.Ssse3.b;
import static org.jemu.cpu.exec.Ssse3.w;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;

/**
 * SSE4.2 string compares PCMPESTRI/PCMPESTRM/PCMPISTRI/PCMPISTRM (66 0F 3A 61/60/63/62), after SDM
 * Vol. 2B §4.1 ("Imm8 Control Byte Operation for PCMPESTRI / PCMPESTRM / PCMPISTRI / PCMPISTRM").
 *
 * <p>The first operand (xmm1, register {@code d}) and the second (xmm2/m128, {@code sLo, sHi}) hold 16
 * bytes or 8 words; imm8[1:0] picks unsigned/signed bytes/words. Their lengths are explicit
 * (|EAX| and |EDX|, or |RAX| and |RDX| with REX.W, saturated to the element count) or implicit (up to
 * the first zero element). imm8[3:2] is the aggregation: equal any (which elements of xmm2 occur in
 * xmm1), ranges (xmm1 holds [lo, hi] pairs), equal each (element-wise), equal ordered (where the
 * substring xmm1 starts in xmm2). Element pairs with an invalid (past-the-end) element are forced per
 * Table 4-7: false for equal any and ranges; true if both are invalid for equal each; for equal
 * ordered true whenever the xmm1 element is invalid and false if only the xmm2 one is. imm8[5:4] is
 * the polarity (negate all, or only the valid elements of xmm2), imm8[6] the output form (STRI:
 * least/most significant index, or the element count when none; STRM: a bit mask or an
 * element-wide mask in XMM0).
 *
 * <p>Flags: CF = result non-zero, ZF = xmm2 shorter than the element count, SF = xmm1 shorter, OF =
 * result bit 0; AF and PF cleared.
 */
public final class Sse42Strings {
    private Sse42Strings() {}

    private static int elem(long lo, long hi, int i, int fmt) {
        switch (fmt) {
            case 0: return b(lo, hi, i);
            case 1: return w(lo, hi, i);
            case 2: return (byte) b(lo, hi, i);
            default: return (short) w(lo, hi, i);
        }
    }

    private static int implicitLength(long lo, long hi, int fmt) {
        int n = (fmt & 1) != 0 ? 8 : 16;
        for (int i = 0; i < n; i++) if (elem(lo, hi, i, fmt) == 0) return i;
        return n;
    }

    private static int explicitLength(long reg, int size, int n) {
        long v = size == 8 ? reg : (int) reg;
        if (v < 0) v = -v; // Long.MIN_VALUE stays negative: saturated below
        return v < 0 || v > n ? n : (int) v;
    }

    /** IntRes2: the aggregated, polarity-adjusted result, one bit per element. */
    static int compare(long aLo, long aHi, int la, long bLo, long bHi, int lb, int imm) {
        int fmt = imm & 3, n = (fmt & 1) != 0 ? 8 : 16;
        int res = 0;
        switch ((imm >> 2) & 3) {
            case 0: // equal any
                for (int j = 0; j < lb; j++) {
                    int v = elem(bLo, bHi, j, fmt);
                    for (int i = 0; i < la; i++) {
                        if (elem(aLo, aHi, i, fmt) == v) {
                            res |= 1 << j;
                            break;
                        }
                    }
                }
                break;
            case 1: // ranges: pairs (xmm1[i], xmm1[i+1]) are [lo, hi]; both must be valid
                for (int j = 0; j < lb; j++) {
                    int v = elem(bLo, bHi, j, fmt);
                    for (int i = 0; i + 1 < la; i += 2) {
                        if (elem(aLo, aHi, i, fmt) <= v && v <= elem(aLo, aHi, i + 1, fmt)) {
                            res |= 1 << j;
                            break;
                        }
                    }
                }
                break;
            case 2: // equal each
                for (int i = 0; i < n; i++) {
                    boolean va = i < la, vb = i < lb;
                    boolean r = va && vb ? elem(aLo, aHi, i, fmt) == elem(bLo, bHi, i, fmt) : !va && !vb;
                    if (r) res |= 1 << i;
                }
                break;
            default: // equal ordered: xmm1 is the needle, xmm2 the haystack
                for (int j = 0; j < n; j++) {
                    boolean r = true;
                    for (int k = 0; k < n - j && r; k++) {
                        if (k >= la) break; // needle exhausted: forced true from here on
                        r = j + k < lb && elem(aLo, aHi, k, fmt) == elem(bLo, bHi, j + k, fmt);
                    }
                    if (r) res |= 1 << j;
                }
        }
        switch ((imm >> 4) & 3) {
            case 1: return ~res & ((1 << n) - 1);
            case 3: return res ^ ((1 << lb) - 1);
            default: return res;
        }
    }

    private static void flags(CpuState c, int res, int la, int lb, int n) {
        long f = res != 0 ? Flags.CF : 0;
        if (lb < n) f |= Flags.ZF;
        if (la < n) f |= Flags.SF;
        if ((res & 1) != 0) f |= Flags.OF;
        c.flags.setArith(f);
    }

    private static void index(CpuState c, int res, int imm, int n) {
        int idx = res == 0 ? n : (imm & 0x40) != 0 ? 31 - Integer.numberOfLeadingZeros(res)
                : Integer.numberOfTrailingZeros(res);
        c.gpr[CpuState.RCX] = idx;
    }

    private static void mask(CpuState c, int res, int imm, int n) {
        long[] x = c.xmm;
        if ((imm & 0x40) == 0) {
            x[0] = res;
            x[1] = 0;
            return;
        }
        int bits = 128 / n;
        long lo = 0, hi = 0, e = bits == 8 ? 0xffL : 0xffffL;
        for (int i = 0; i < n; i++) {
            if ((res & (1 << i)) == 0) continue;
            int pos = i * bits;
            if (pos < 64) lo |= e << pos;
            else hi |= e << (pos - 64);
        }
        x[0] = lo;
        x[1] = hi;
    }

    /** PCMPESTRI xmm1, xmm2/m128, imm8: lengths from EAX/EDX ({@code size} 4) or RAX/RDX (8); index to RCX. */
    public static void pcmpestri(CpuState c, int d, long sLo, long sHi, int imm, int size) {
        int n = (imm & 1) != 0 ? 8 : 16;
        int la = explicitLength(c.gpr[CpuState.RAX], size, n), lb = explicitLength(c.gpr[CpuState.RDX], size, n);
        int res = compare(c.xmm[2 * d], c.xmm[2 * d + 1], la, sLo, sHi, lb, imm);
        index(c, res, imm, n);
        flags(c, res, la, lb, n);
    }

    /** PCMPESTRM xmm1, xmm2/m128, imm8: the mask to XMM0. */
    public static void pcmpestrm(CpuState c, int d, long sLo, long sHi, int imm, int size) {
        int n = (imm & 1) != 0 ? 8 : 16;
        int la = explicitLength(c.gpr[CpuState.RAX], size, n), lb = explicitLength(c.gpr[CpuState.RDX], size, n);
        int res = compare(c.xmm[2 * d], c.xmm[2 * d + 1], la, sLo, sHi, lb, imm);
        mask(c, res, imm, n);
        flags(c, res, la, lb, n);
    }

    /** PCMPISTRI xmm1, xmm2/m128, imm8: zero-terminated operands; index to RCX. */
    public static void pcmpistri(CpuState c, int d, long sLo, long sHi, int imm) {
        int n = (imm & 1) != 0 ? 8 : 16;
        long aLo = c.xmm[2 * d], aHi = c.xmm[2 * d + 1];
        int la = implicitLength(aLo, aHi, imm & 3), lb = implicitLength(sLo, sHi, imm & 3);
        int res = compare(aLo, aHi, la, sLo, sHi, lb, imm);
        index(c, res, imm, n);
        flags(c, res, la, lb, n);
    }

    /** PCMPISTRM xmm1, xmm2/m128, imm8: the mask to XMM0. */
    public static void pcmpistrm(CpuState c, int d, long sLo, long sHi, int imm) {
        int n = (imm & 1) != 0 ? 8 : 16;
        long aLo = c.xmm[2 * d], aHi = c.xmm[2 * d + 1];
        int la = implicitLength(aLo, aHi, imm & 3), lb = implicitLength(sLo, sHi, imm & 3);
        int res = compare(aLo, aHi, la, sLo, sHi, lb, imm);
        mask(c, res, imm, n);
        flags(c, res, la, lb, n);
    }
}
