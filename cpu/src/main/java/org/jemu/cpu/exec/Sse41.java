package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.Ssse3.b;
import static org.jemu.cpu.exec.Ssse3.dw;
import static org.jemu.cpu.exec.Ssse3.w;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;

/**
 * SSE4.1 integer, blend, insert/extract and test instructions (and PCMPGTQ from SSE4.2), on XMM
 * registers with the package convention. The floating-point ones (ROUND*, DPPS/DPPD) are in
 * {@link Sse41Fp}. Opcodes are 66 0F 38 xx and 66 0F 3A xx (SDM Vol. 2, per instruction).
 */
public final class Sse41 {
    private Sse41() {}

    private static long dwords(int d0, int d1) { return (d0 & 0xffffffffL) | (long) d1 << 32; }

    // ---- lane-wise min/max, multiplies, compares ----

    private static final int MINS = 0, MAXS = 1, MINU = 2, MAXU = 3;

    private static int pick(int op, int a, int b, boolean unsigned) {
        int c = unsigned ? Integer.compareUnsigned(a, b) : Integer.compare(a, b);
        return (op == MINS || op == MINU) == (c <= 0) ? a : b;
    }

    private static long lanes8(int op, long a, long s) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int x = (byte) (a >>> i), y = (byte) (s >>> i);
            r |= (long) (pick(op, x, y, false) & 0xff) << i;
        }
        return r;
    }

    private static long lanes16u(int op, long a, long s) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            int x = (int) (a >>> i) & 0xffff, y = (int) (s >>> i) & 0xffff;
            r |= (long) pick(op, x, y, false) << i;
        }
        return r;
    }

    private static long lanes32(int op, long a, long s) {
        boolean u = op >= MINU;
        return dwords(pick(op, (int) a, (int) s, u), pick(op, (int) (a >>> 32), (int) (s >>> 32), u));
    }

    /** PMINSB (66 0F 38 38) / PMAXSB (3C). */
    public static void pminsb(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes8(MINS, x[2 * d], sLo); x[2 * d + 1] = lanes8(MINS, x[2 * d + 1], sHi); }
    public static void pmaxsb(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes8(MAXS, x[2 * d], sLo); x[2 * d + 1] = lanes8(MAXS, x[2 * d + 1], sHi); }
    /** PMINUW (66 0F 38 3A) / PMAXUW (3E). */
    public static void pminuw(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes16u(MINS, x[2 * d], sLo); x[2 * d + 1] = lanes16u(MINS, x[2 * d + 1], sHi); }
    public static void pmaxuw(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes16u(MAXS, x[2 * d], sLo); x[2 * d + 1] = lanes16u(MAXS, x[2 * d + 1], sHi); }
    /** PMINSD (66 0F 38 39) / PMAXSD (3D) / PMINUD (3B) / PMAXUD (3F). */
    public static void pminsd(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes32(MINS, x[2 * d], sLo); x[2 * d + 1] = lanes32(MINS, x[2 * d + 1], sHi); }
    public static void pmaxsd(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes32(MAXS, x[2 * d], sLo); x[2 * d + 1] = lanes32(MAXS, x[2 * d + 1], sHi); }
    public static void pminud(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes32(MINU, x[2 * d], sLo); x[2 * d + 1] = lanes32(MINU, x[2 * d + 1], sHi); }
    public static void pmaxud(long[] x, int d, long sLo, long sHi) { x[2 * d] = lanes32(MAXU, x[2 * d], sLo); x[2 * d + 1] = lanes32(MAXU, x[2 * d + 1], sHi); }

    /** PMULLD (66 0F 38 40): low 32 bits of each signed dword product. */
    public static void pmulld(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1];
        x[2 * d] = dwords((int) a * (int) sLo, (int) (a >>> 32) * (int) (sLo >>> 32));
        x[2 * d + 1] = dwords((int) b * (int) sHi, (int) (b >>> 32) * (int) (sHi >>> 32));
    }

    /** PMULDQ (66 0F 38 28): signed dwords 0 and 2 multiplied into two quadwords. */
    public static void pmuldq(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = (long) (int) x[2 * d] * (int) sLo;
        x[2 * d + 1] = (long) (int) x[2 * d + 1] * (int) sHi;
    }

    /** PCMPEQQ (66 0F 38 29). */
    public static void pcmpeqq(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = x[2 * d] == sLo ? -1L : 0;
        x[2 * d + 1] = x[2 * d + 1] == sHi ? -1L : 0;
    }

    /** PCMPGTQ (SSE4.2, 66 0F 38 37): signed. */
    public static void pcmpgtq(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = x[2 * d] > sLo ? -1L : 0;
        x[2 * d + 1] = x[2 * d + 1] > sHi ? -1L : 0;
    }

    private static long usat16(int v) { return v < 0 ? 0 : v > 0xffff ? 0xffff : v; }

    private static long packUs(long q) {
        return usat16((int) q) | usat16((int) (q >>> 32)) << 16;
    }

    /** PACKUSDW (66 0F 38 2B): signed dwords to unsigned-saturated words, destination's first. */
    public static void packusdw(long[] x, int d, long sLo, long sHi) {
        long a = x[2 * d], b = x[2 * d + 1];
        x[2 * d] = packUs(a) | packUs(b) << 32;
        x[2 * d + 1] = packUs(sLo) | packUs(sHi) << 32;
    }

    // ---- PMOVSX / PMOVZX (66 0F 38 20..25 / 30..35) ----

    /**
     * Extends the low elements of {@code src} (the register's low quadword, or the m64/m32/m16 just
     * loaded) from {@code from} to {@code to} bytes, signed or not: PMOVSXBW = (1, 2, true),
     * BD (1, 4), BQ (1, 8), WD (2, 4), WQ (2, 8), DQ (4, 8).
     */
    public static void pmovx(long[] x, int d, long src, int from, int to, boolean signed) {
        long lo = 0, hi = 0;
        int n = 16 / to, fb = from * 8, tb = to * 8;
        long tmask = to == 8 ? -1L : (1L << tb) - 1;
        for (int i = 0; i < n; i++) {
            long v = src >>> (i * fb);
            v = signed ? (v << (64 - fb)) >> (64 - fb) : v & ((1L << fb) - 1);
            v &= tmask;
            int pos = i * tb;
            if (pos < 64) lo |= v << pos;
            else hi |= v << (pos - 64);
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    // ---- blends ----

    /** PBLENDW (66 0F 3A 0E): word i from the source where imm8 bit i is set. */
    public static void pblendw(long[] x, int d, long sLo, long sHi, int imm) {
        x[2 * d] = blend(x[2 * d], sLo, spread16(imm));
        x[2 * d + 1] = blend(x[2 * d + 1], sHi, spread16(imm >> 4));
    }

    private static long spread16(int bits) {
        long m = 0;
        for (int i = 0; i < 4; i++) if ((bits & (1 << i)) != 0) m |= 0xffffL << (16 * i);
        return m;
    }

    private static long blend(long a, long s, long m) { return (a & ~m) | (s & m); }

    /** BLENDPS (66 0F 3A 0C): dword i from the source where imm8 bit i is set. */
    public static void blendps(long[] x, int d, long sLo, long sHi, int imm) {
        x[2 * d] = blend(x[2 * d], sLo, ((imm & 1) != 0 ? 0xffffffffL : 0) | ((imm & 2) != 0 ? 0xffffffff00000000L : 0));
        x[2 * d + 1] = blend(x[2 * d + 1], sHi, ((imm & 4) != 0 ? 0xffffffffL : 0) | ((imm & 8) != 0 ? 0xffffffff00000000L : 0));
    }

    /** BLENDPD (66 0F 3A 0D): quadword i from the source where imm8 bit i is set. */
    public static void blendpd(long[] x, int d, long sLo, long sHi, int imm) {
        if ((imm & 1) != 0) x[2 * d] = sLo;
        if ((imm & 2) != 0) x[2 * d + 1] = sHi;
    }

    /** The mask with each element's bits copied from its sign bit (element {@code bits} wide). */
    private static long signMask(long m, int bits) {
        long r = 0;
        for (int i = bits - 1; i < 64; i += bits) if ((m >>> i & 1) != 0) r |= (bits == 64 ? -1L : (1L << bits) - 1) << (i - bits + 1);
        return r;
    }

    /**
     * PBLENDVB (66 0F 38 10), BLENDVPS (14), BLENDVPD (15): element from the source where the sign
     * bit of the corresponding element of XMM0 (the implicit mask, x[0..1]) is set; {@code bits} is
     * 8, 32 or 64.
     */
    public static void blendv(long[] x, int d, long sLo, long sHi, int bits) {
        long m0 = signMask(x[0], bits), m1 = signMask(x[1], bits);
        x[2 * d] = blend(x[2 * d], sLo, m0);
        x[2 * d + 1] = blend(x[2 * d + 1], sHi, m1);
    }

    public static void pblendvb(long[] x, int d, long sLo, long sHi) { blendv(x, d, sLo, sHi, 8); }
    public static void blendvps(long[] x, int d, long sLo, long sHi) { blendv(x, d, sLo, sHi, 32); }
    public static void blendvpd(long[] x, int d, long sLo, long sHi) { blendv(x, d, sLo, sHi, 64); }

    // ---- insert / extract ----

    /**
     * INSERTPS (66 0F 3A 21) with a register source: dword imm8[7:6] of the source goes to dword
     * imm8[5:4] of the destination, then dwords with imm8[3:0] bits set are zeroed.
     */
    public static void insertps(long[] x, int d, long sLo, long sHi, int imm) {
        insertpsValue(x, d, dw(sLo, sHi, (imm >> 6) & 3), imm);
    }

    /** INSERTPS with an m32 source: {@code v} is the loaded dword (imm8[7:6] is ignored). */
    public static void insertpsValue(long[] x, int d, int v, int imm) {
        long lo = x[2 * d], hi = x[2 * d + 1];
        int n = (imm >> 4) & 3;
        if (n < 2) lo = (lo & ~(0xffffffffL << (32 * n))) | ((v & 0xffffffffL) << (32 * n));
        else hi = (hi & ~(0xffffffffL << (32 * (n - 2)))) | ((v & 0xffffffffL) << (32 * (n - 2)));
        if ((imm & 1) != 0) lo &= 0xffffffff00000000L;
        if ((imm & 2) != 0) lo &= 0xffffffffL;
        if ((imm & 4) != 0) hi &= 0xffffffff00000000L;
        if ((imm & 8) != 0) hi &= 0xffffffffL;
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** EXTRACTPS r/m32, xmm, imm8 (66 0F 3A 17): dword imm8[1:0], zero-extended for a GPR. */
    public static long extractps(long lo, long hi, int imm) { return dw(lo, hi, imm & 3) & 0xffffffffL; }
    /** PEXTRB (66 0F 3A 14): byte imm8[3:0], zero-extended. */
    public static long pextrb(long lo, long hi, int imm) { return b(lo, hi, imm & 15); }
    /** PEXTRW r/m16 (66 0F 3A 15): word imm8[2:0], zero-extended. */
    public static long pextrw(long lo, long hi, int imm) { return w(lo, hi, imm & 7); }
    /** PEXTRD (66 0F 3A 16): dword imm8[1:0]. */
    public static long pextrd(long lo, long hi, int imm) { return dw(lo, hi, imm & 3) & 0xffffffffL; }
    /** PEXTRQ (66 REX.W 0F 3A 16): quadword imm8[0]. */
    public static long pextrq(long lo, long hi, int imm) { return (imm & 1) == 0 ? lo : hi; }

    private static void insert(long[] x, int d, long v, int bitPos, int bits) {
        int i = 2 * d + (bitPos >>> 6), s = bitPos & 63;
        long m = (bits == 64 ? -1L : (1L << bits) - 1) << s;
        x[i] = (x[i] & ~m) | ((v << s) & m);
    }

    /** PINSRB xmm, r32/m8, imm8 (66 0F 3A 20): byte imm8[3:0] := low byte of {@code v}. */
    public static void pinsrb(long[] x, int d, long v, int imm) { insert(x, d, v, 8 * (imm & 15), 8); }
    /** PINSRD (66 0F 3A 22): dword imm8[1:0]. */
    public static void pinsrd(long[] x, int d, long v, int imm) { insert(x, d, v, 32 * (imm & 3), 32); }
    /** PINSRQ (66 REX.W 0F 3A 22): quadword imm8[0]. */
    public static void pinsrq(long[] x, int d, long v, int imm) { insert(x, d, v, 64 * (imm & 1), 64); }

    // ---- PTEST, MPSADBW, PHMINPOSUW ----

    /** PTEST (66 0F 38 17): ZF = (dest AND src) == 0, CF = (NOT dest AND src) == 0; AF OF PF SF cleared. */
    public static void ptest(CpuState c, int d, long sLo, long sHi) {
        long a = c.xmm[2 * d], b = c.xmm[2 * d + 1];
        long f = ((a & sLo) | (b & sHi)) == 0 ? Flags.ZF : 0;
        if (((~a & sLo) | (~b & sHi)) == 0) f |= Flags.CF;
        c.flags.setArith(f);
    }

    /**
     * MPSADBW (66 0F 3A 42): eight sums of absolute differences of 4-byte blocks: word i = sum over j of
     * |dest[4*imm8[2] + i + j] - src[4*imm8[1:0] + j]|.
     */
    public static void mpsadbw(long[] x, int d, long sLo, long sHi, int imm) {
        long a = x[2 * d], b = x[2 * d + 1], lo = 0, hi = 0;
        int ao = ((imm >> 2) & 1) * 4, so = (imm & 3) * 4;
        for (int i = 0; i < 8; i++) {
            int sum = 0;
            for (int j = 0; j < 4; j++) sum += Math.abs(b(a, b, ao + i + j) - b(sLo, sHi, so + j));
            if (i < 4) lo |= (long) sum << (16 * i);
            else hi |= (long) sum << (16 * (i - 4));
        }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** PHMINPOSUW (66 0F 38 41): the smallest unsigned word of the source and its (first) index. */
    public static void phminposuw(long[] x, int d, long sLo, long sHi) {
        int min = w(sLo, sHi, 0), idx = 0;
        for (int i = 1; i < 8; i++) {
            int v = w(sLo, sHi, i);
            if (v < min) {
                min = v;
                idx = i;
            }
        }
        x[2 * d] = min | (long) idx << 16;
        x[2 * d + 1] = 0;
    }
}
