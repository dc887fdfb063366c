package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.SseFloat.ADD;
import static org.jemu.cpu.exec.SseFloat.SUB;
import static org.jemu.cpu.exec.SseFloat.op32;
import static org.jemu.cpu.exec.SseFloat.op64;

import org.jemu.cpu.CpuState;

/**
 * SSE3: ADDSUBPS/PD, HADDPS/PD, HSUBPS/PD (arithmetic with the MXCSR rules of {@link SseFloat}: the
 * destination's element is the first operand, which decides NaN propagation), MOVSHDUP, MOVSLDUP,
 * MOVDDUP (SDM Vol. 2A/2B per instruction). LDDQU is an unaligned 128-bit load (MOVDQU semantics)
 * and FISTTP belongs to the x87 unit.
 */
public final class Sse3 {
    private Sse3() {}

    private static long lo32(long v) { return v & 0xffffffffL; }
    private static int e(long v, int i) { return (int) (v >>> (32 * i)); }
    private static long pair(CpuState c, int op0, int a0, int b0, int op1, int a1, int b1) {
        return lo32(op32(c, op0, a0, b0)) | ((long) op32(c, op1, a1, b1) << 32);
    }

    /** ADDSUBPS (F2 0F D0): even elements subtract, odd elements add. */
    public static void addsubps(CpuState c, int d, long sLo, long sHi) {
        long[] x = c.xmm;
        long a = x[2 * d], b = x[2 * d + 1];
        int saved = SseRounding.begin(c);
        long lo = pair(c, SUB, e(a, 0), e(sLo, 0), ADD, e(a, 1), e(sLo, 1));
        long hi = pair(c, SUB, e(b, 0), e(sHi, 0), ADD, e(b, 1), e(sHi, 1));
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** ADDSUBPD (66 0F D0): low subtracts, high adds. */
    public static void addsubpd(CpuState c, int d, long sLo, long sHi) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long lo = op64(c, SUB, x[2 * d], sLo), hi = op64(c, ADD, x[2 * d + 1], sHi);
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** HADDPS (F2 0F 7C, {@code op} ADD) / HSUBPS (F2 0F 7D, SUB): [d0 op d1, d2 op d3, s0 op s1, s2 op s3]. */
    public static void hps(CpuState c, int op, int d, long sLo, long sHi) {
        long[] x = c.xmm;
        long a = x[2 * d], b = x[2 * d + 1];
        int saved = SseRounding.begin(c);
        long lo = pair(c, op, e(a, 0), e(a, 1), op, e(b, 0), e(b, 1));
        long hi = pair(c, op, e(sLo, 0), e(sLo, 1), op, e(sHi, 0), e(sHi, 1));
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** HADDPD (66 0F 7C) / HSUBPD (66 0F 7D): [d0 op d1, s0 op s1]. */
    public static void hpd(CpuState c, int op, int d, long sLo, long sHi) {
        long[] x = c.xmm;
        int saved = SseRounding.begin(c);
        long lo = op64(c, op, x[2 * d], x[2 * d + 1]), hi = op64(c, op, sLo, sHi);
        SseRounding.commit(c, saved);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void haddps(CpuState c, int d, long sLo, long sHi) { hps(c, ADD, d, sLo, sHi); }
    public static void hsubps(CpuState c, int d, long sLo, long sHi) { hps(c, SUB, d, sLo, sHi); }
    public static void haddpd(CpuState c, int d, long sLo, long sHi) { hpd(c, ADD, d, sLo, sHi); }
    public static void hsubpd(CpuState c, int d, long sLo, long sHi) { hpd(c, SUB, d, sLo, sHi); }

    /** MOVSHDUP (F3 0F 16): [s1, s1, s3, s3]. No MXCSR effect. */
    public static void movshdup(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = (sLo & 0xffffffff00000000L) | (sLo >>> 32);
        x[2 * d + 1] = (sHi & 0xffffffff00000000L) | (sHi >>> 32);
    }

    /** MOVSLDUP (F3 0F 12): [s0, s0, s2, s2]. */
    public static void movsldup(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = lo32(sLo) | (sLo << 32);
        x[2 * d + 1] = lo32(sHi) | (sHi << 32);
    }

    /** MOVDDUP (F2 0F 12): the low quadword of the source (m64 for memory) in both halves. */
    public static void movddup(long[] x, int d, long sLo) {
        x[2 * d] = sLo;
        x[2 * d + 1] = sLo;
    }
}
