package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.SseFloat.ADD;
import static org.jemu.cpu.exec.SseFloat.IE;
import static org.jemu.cpu.exec.SseFloat.MUL;
import static org.jemu.cpu.exec.SseFloat.PE;
import static org.jemu.cpu.exec.SseFloat.op32;
import static org.jemu.cpu.exec.SseFloat.op64;

import org.jemu.cpu.CpuState;

/**
 * SSE4.1 floating point: ROUNDPS/PD/SS/SD and DPPS/DPPD.
 *
 * <p>ROUND* (66 0F 3A 08..0B): imm8[1:0] is the rounding mode unless imm8[2] says "use MXCSR.RC";
 * imm8[3] suppresses the precision exception. The result is an integral value in the same format with
 * the operand's sign (so -0.5 rounds to -0). An SNaN raises IE and is returned quieted; there is no
 * denormal-operand exception (SDM Vol. 2B, ROUNDPS "SIMD Floating-Point Exceptions"). DAZ applies.
 *
 * <p>DPPS/DPPD (66 0F 3A 40/41): the products selected by imm8[7:4] (others +0.0), summed pairwise
 * ((p0 + p1) + (p2 + p3) for DPPS), each step rounded per MXCSR, and the sum broadcast to the lanes
 * selected by imm8[3:0] (others +0.0). As on the host, each step (products, first sums, last sum) has
 * its exceptions checked before the next: an unmasked one traps with the flags of the steps so far,
 * and a denormal intermediate raises DE in the step that reads it.
 */
public final class Sse41Fp {
    private Sse41Fp() {}

    private static double roundTo(double v, int rc) {
        switch (rc) {
            case SseRounding.RN: return Math.rint(v);
            case SseRounding.RD: return Math.floor(v);
            case SseRounding.RU: return Math.ceil(v);
            default: return v < 0 ? Math.ceil(v) : Math.floor(v);
        }
    }

    private static int mode(CpuState c, int imm) {
        return (imm & 4) != 0 ? SseRounding.rc(c.mxcsr) : imm & 3;
    }

    static int round32(CpuState c, int a, int imm) {
        a = SseFloat.daz32(c.mxcsr, a);
        if (SseFloat.nan32(a)) {
            if (SseFloat.snan32(a)) c.mxcsr |= IE;
            return a | 0x00400000;
        }
        float v = Float.intBitsToFloat(a);
        float r = (float) roundTo(v, mode(c, imm));
        if (r != v && (imm & 8) == 0) c.mxcsr |= PE;
        return Float.floatToRawIntBits(r);
    }

    static long round64(CpuState c, long a, int imm) {
        a = SseFloat.daz64(c.mxcsr, a);
        if (SseFloat.nan64(a)) {
            if (SseFloat.snan64(a)) c.mxcsr |= IE;
            return a | 0x0008000000000000L;
        }
        double v = Double.longBitsToDouble(a);
        double r = roundTo(v, mode(c, imm));
        if (r != v && (imm & 8) == 0) c.mxcsr |= PE;
        return Double.doubleToRawLongBits(r);
    }

    private static long pair(int lo, int hi) { return (lo & 0xffffffffL) | (long) hi << 32; }

    /** ROUNDPS xmm, xmm/m128, imm8. */
    public static void roundps(CpuState c, int d, long sLo, long sHi, int imm) {
        int saved = SseRounding.begin(c);
        long lo = pair(round32(c, (int) sLo, imm), round32(c, (int) (sLo >>> 32), imm));
        long hi = pair(round32(c, (int) sHi, imm), round32(c, (int) (sHi >>> 32), imm));
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = hi;
    }

    /** ROUNDPD xmm, xmm/m128, imm8. */
    public static void roundpd(CpuState c, int d, long sLo, long sHi, int imm) {
        int saved = SseRounding.begin(c);
        long lo = round64(c, sLo, imm), hi = round64(c, sHi, imm);
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = lo;
        c.xmm[2 * d + 1] = hi;
    }

    /** ROUNDSS xmm, xmm/m32, imm8: the low single; the rest of the destination unchanged. */
    public static void roundss(CpuState c, int d, long sLo, int imm) {
        int saved = SseRounding.begin(c);
        long r = round32(c, (int) sLo, imm) & 0xffffffffL;
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = (c.xmm[2 * d] & 0xffffffff00000000L) | r;
    }

    /** ROUNDSD xmm, xmm/m64, imm8: the low double; the high one unchanged. */
    public static void roundsd(CpuState c, int d, long sLo, int imm) {
        int saved = SseRounding.begin(c);
        long r = round64(c, sLo, imm);
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = r;
    }

    /** DPPS xmm, xmm/m128, imm8. */
    public static void dpps(CpuState c, int d, long sLo, long sHi, int imm) {
        long a = c.xmm[2 * d], b = c.xmm[2 * d + 1];
        int saved = SseRounding.begin(c);
        int p0 = (imm & 0x10) != 0 ? op32(c, MUL, (int) a, (int) sLo) : 0;
        int p1 = (imm & 0x20) != 0 ? op32(c, MUL, (int) (a >>> 32), (int) (sLo >>> 32)) : 0;
        int p2 = (imm & 0x40) != 0 ? op32(c, MUL, (int) b, (int) sHi) : 0;
        int p3 = (imm & 0x80) != 0 ? op32(c, MUL, (int) (b >>> 32), (int) (sHi >>> 32)) : 0;
        saved = SseRounding.step(c, saved);
        int s01 = op32(c, ADD, p0, p1), s23 = op32(c, ADD, p2, p3);
        saved = SseRounding.step(c, saved);
        int sum = op32(c, ADD, s01, s23);
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = pair((imm & 1) != 0 ? sum : 0, (imm & 2) != 0 ? sum : 0);
        c.xmm[2 * d + 1] = pair((imm & 4) != 0 ? sum : 0, (imm & 8) != 0 ? sum : 0);
    }

    /** DPPD xmm, xmm/m128, imm8 (imm8[5:4] select products, imm8[1:0] the destination lanes). */
    public static void dppd(CpuState c, int d, long sLo, long sHi, int imm) {
        long a = c.xmm[2 * d], b = c.xmm[2 * d + 1];
        int saved = SseRounding.begin(c);
        long p0 = (imm & 0x10) != 0 ? op64(c, MUL, a, sLo) : 0;
        long p1 = (imm & 0x20) != 0 ? op64(c, MUL, b, sHi) : 0;
        saved = SseRounding.step(c, saved);
        long sum = op64(c, ADD, p0, p1);
        SseRounding.commit(c, saved);
        c.xmm[2 * d] = (imm & 1) != 0 ? sum : 0;
        c.xmm[2 * d + 1] = (imm & 2) != 0 ? sum : 0;
    }
}
