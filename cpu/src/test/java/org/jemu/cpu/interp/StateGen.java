package org.jemu.cpu.interp;

import java.util.Random;

/**
 * Random initial states for the host differential tests, biased to the values where instructions
 * differ: float and double edges (±0, denormals, smallest/largest normals, infinities, quiet and
 * signalling NaNs with payloads, halfway cases), small and boundary integers, byte strings with
 * zero terminators (for the string compares), and MXCSR / x87 control words in every mode.
 * RBX points at the data block and RSP at the stack top.
 */
final class StateGen {
    private StateGen() {}

    static final int[] F32 = {0, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000, 0x40200000, 0xc0200000,
        0x40400000, 1, 0x007fffff, 0x80000001, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000,
        0x7fc12345, 0x7f800001, 0xffc00000, 0x7fa00000, 0x501502f9, 0x3dcccccd, 0x4b000001, 0x4afffffe, 0x3effffff,
        0xbeffffff, 0x4f000000, 0xcf000000, 0x3fffffff, 0x5f000000};
    static final long[] F64 = {0, 0x8000000000000000L, 0x3ff0000000000000L, 0xbff0000000000000L, 0x3fe0000000000000L,
        0x3ff8000000000000L, 0x4004000000000000L, 0xc004000000000000L, 1, 0x000fffffffffffffL, 0x8000000000000001L,
        0x0010000000000000L, 0x7fefffffffffffffL, 0x7ff0000000000000L, 0xfff0000000000000L, 0x7ff8000000000000L,
        0x7ff8000000012345L, 0x7ff0000000000001L, 0xfff8000000000000L, 0x3fb999999999999aL, 0x4330000000000001L,
        0x432ffffffffffffeL, 0x3fdfffffffffffffL, 0x43e0000000000000L, 0xc3e0000000000000L, 0x41dfffffffc00000L,
        0x400921fb54442d18L, 0x7fe0000000000000L};
    static final long[] INTS = {0, 1, -1, 2, 3, 5, 7, 8, 15, 16, 17, -5, -16, 0x7f, 0x80, 0xff, 0x7fff, 0x8000,
        0xffff, 0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 63, Long.MAX_VALUE, 0x100000000L};

    static long half(Random r) {
        switch (r.nextInt(8)) {
            case 0: case 1: return r.nextLong();
            case 2: return (F32[r.nextInt(F32.length)] & 0xffffffffL) | (long) F32[r.nextInt(F32.length)] << 32;
            case 3: return F64[r.nextInt(F64.length)];
            case 4: {                                  // a byte string, sometimes with a terminator
                long v = 0;
                for (int i = 0; i < 8; i++) v |= (long) ("abcdeAZ09 ".charAt(r.nextInt(10))) << (8 * i);
                if (r.nextInt(3) == 0) v &= ~(0xffL << (8 * r.nextInt(8)));
                return v;
            }
            case 5: {                                  // small signed words
                long v = 0;
                for (int i = 0; i < 4; i++) v |= ((long) (r.nextInt(7) - 3) & 0xffff) << (16 * i);
                return v;
            }
            case 6: return r.nextBoolean() ? 0 : -1;
            default: return INTS[r.nextInt(INTS.length)] * (r.nextBoolean() ? 1 : -1);
        }
    }

    static long gpr(Random r) {
        switch (r.nextInt(4)) {
            case 0: return r.nextLong();
            case 1: return r.nextInt(40) - 8;
            default: return INTS[r.nextInt(INTS.length)];
        }
    }

    /** 80-bit values: exact conversions of double edges, random normals, zeros, infinities, NaNs. */
    static void f80(Random r, HostSnippets.State s, int off) {
        long sig;
        int se;
        switch (r.nextInt(5)) {
            case 0: case 1: {
                long d = F64[r.nextInt(F64.length)];
                int e = (int) (d >>> 52) & 0x7ff;
                long m = d & 0xfffffffffffffL;
                int sign = (int) (d >>> 63) << 15;
                if (e == 0 && m == 0) { se = sign; sig = 0; }
                else if (e == 0x7ff) { se = sign | 0x7fff; sig = (1L << 63) | (m << 11); }
                else if (e == 0) { int z = Long.numberOfLeadingZeros(m) - 11; se = sign | (0x3c01 - z); sig = m << (11 + z); }
                else { se = sign | (e - 1023 + 16383); sig = (1L << 63) | (m << 11); }
                break;
            }
            case 2: se = (r.nextBoolean() ? 0x8000 : 0) | (0x3fff + r.nextInt(130) - 65); sig = (1L << 63) | r.nextLong(); break;
            case 3: se = r.nextInt(0x10000); sig = r.nextLong(); break;   // anything, MMX data included
            default: se = 0x3fff + r.nextInt(64); sig = (1L << 63) | ((long) r.nextInt(1 << 20) << 43); break;  // integers
        }
        s.putFx64(off, sig);
        s.putFx16(off + 8, se);
    }

    /**
     * A random state. With {@code x87} the x87 part is random too (control word, stack depth, register
     * contents); without it the FPU is as after FNINIT.
     */
    static HostSnippets.State state(Random r, boolean x87) {
        HostSnippets.State s = new HostSnippets.State();
        for (int i = 0; i < 16; i++) s.gpr[i] = gpr(r);
        s.gpr[3] = HostSnippets.DATA;
        s.gpr[4] = HostSnippets.STACK_TOP;
        s.rflags = 0x202 | (r.nextLong() & 0x8d5) | (r.nextInt(8) == 0 ? 0x400 : 0);
        int mxcsr = 0x1f80;
        if (r.nextInt(5) >= 2) {
            mxcsr |= r.nextInt(4) << 13;
            if (r.nextInt(4) == 0) mxcsr |= 0x8000;
            if (r.nextInt(4) == 0) mxcsr |= 0x40;
            if (r.nextInt(4) == 0) mxcsr |= r.nextInt(64);
        }
        s.putFx32(24, mxcsr);
        s.putFx32(28, 0xffff);
        s.putFx16(0, 0x37f);
        for (int i = 0; i < 32; i++) s.putFx64(160 + 8 * i, half(r));
        for (int i = 0; i < HostSnippets.MEMSZ; i += 8) {
            long v = half(r);
            for (int k = 0; k < 8; k++) s.mem[i + k] = (byte) (v >>> (8 * k));
        }
        if (x87) {
            int fcw = 0x37f;
            if (r.nextInt(3) == 0) fcw = 0x7f | (r.nextInt(4) << 10) | (r.nextInt(4) << 8);
            s.putFx16(0, fcw);
            int depth = r.nextInt(9), top = (8 - depth) & 7;
            s.putFx16(2, top << 11);
            int tags = 0;
            for (int i = 0; i < depth; i++) tags |= 1 << ((top + i) & 7);
            s.fx[4] = (byte) tags;
            for (int p = 0; p < 8; p++) f80(r, s, 32 + 16 * p);
        }
        return s;
    }
}
