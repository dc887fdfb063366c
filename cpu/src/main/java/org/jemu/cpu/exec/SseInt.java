package org.jemu.cpu.exec;

/**
 * SSE2 packed-integer operations on 128-bit values (and the 128-bit logic ops shared with
 * ANDPS/ANDPD etc.).
 *
 * <p>Calling convention (see the package overview): {@code x} is {@code CpuState.xmm}, {@code d} the
 * destination register number (updated in place: {@code x[2d]} bits 63:0, {@code x[2d+1]} bits
 * 127:64), and {@code sLo, sHi} the source value. Shift counts are passed as a {@code long}: the low
 * quadword of the source register or memory operand, or the imm8. None of these touch MXCSR or RFLAGS.
 */
public final class SseInt {
    private SseInt() {}

    private static final long H8 = 0x8080808080808080L, H16 = 0x8000800080008000L,
            H32 = 0x8000000080000000L;

    // ---- wrapping add/sub: SWAR on each 64-bit half ----

    static long add8(long a, long b) { return ((a & ~H8) + (b & ~H8)) ^ ((a ^ b) & H8); }
    static long add16(long a, long b) { return ((a & ~H16) + (b & ~H16)) ^ ((a ^ b) & H16); }
    static long add32(long a, long b) { return ((a & ~H32) + (b & ~H32)) ^ ((a ^ b) & H32); }
    static long sub8(long a, long b) { return ((a | H8) - (b & ~H8)) ^ ((a ^ ~b) & H8); }
    static long sub16(long a, long b) { return ((a | H16) - (b & ~H16)) ^ ((a ^ ~b) & H16); }
    static long sub32(long a, long b) { return ((a | H32) - (b & ~H32)) ^ ((a ^ ~b) & H32); }

    public static void paddb(long[] x, int d, long sLo, long sHi) { x[2 * d] = add8(x[2 * d], sLo); x[2 * d + 1] = add8(x[2 * d + 1], sHi); }
    public static void paddw(long[] x, int d, long sLo, long sHi) { x[2 * d] = add16(x[2 * d], sLo); x[2 * d + 1] = add16(x[2 * d + 1], sHi); }
    public static void paddd(long[] x, int d, long sLo, long sHi) { x[2 * d] = add32(x[2 * d], sLo); x[2 * d + 1] = add32(x[2 * d + 1], sHi); }
    public static void paddq(long[] x, int d, long sLo, long sHi) { x[2 * d] += sLo; x[2 * d + 1] += sHi; }
    public static void psubb(long[] x, int d, long sLo, long sHi) { x[2 * d] = sub8(x[2 * d], sLo); x[2 * d + 1] = sub8(x[2 * d + 1], sHi); }
    public static void psubw(long[] x, int d, long sLo, long sHi) { x[2 * d] = sub16(x[2 * d], sLo); x[2 * d + 1] = sub16(x[2 * d + 1], sHi); }
    public static void psubd(long[] x, int d, long sLo, long sHi) { x[2 * d] = sub32(x[2 * d], sLo); x[2 * d + 1] = sub32(x[2 * d + 1], sHi); }
    public static void psubq(long[] x, int d, long sLo, long sHi) { x[2 * d] -= sLo; x[2 * d + 1] -= sHi; }

    // ---- logic ----

    public static void pand(long[] x, int d, long sLo, long sHi) { x[2 * d] &= sLo; x[2 * d + 1] &= sHi; }
    /** PANDN (also ANDNPS/ANDNPD): {@code dest := ~dest & src}. */
    public static void pandn(long[] x, int d, long sLo, long sHi) { x[2 * d] = ~x[2 * d] & sLo; x[2 * d + 1] = ~x[2 * d + 1] & sHi; }
    public static void por(long[] x, int d, long sLo, long sHi) { x[2 * d] |= sLo; x[2 * d + 1] |= sHi; }
    public static void pxor(long[] x, int d, long sLo, long sHi) { x[2 * d] ^= sLo; x[2 * d + 1] ^= sHi; }

    // ---- lane-wise operations ----

    private static final int ADDS = 0, ADDUS = 1, SUBS = 2, SUBUS = 3, MINU = 4, MAXU = 5, MINS = 6,
            MAXS = 7, AVG = 8, CMPEQ = 9, CMPGT = 10, MULL = 11, MULH = 12, MULHU = 13;

    private static int sat(int v, int lo, int hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static long lanes8(int op, long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int x = (int) (a >>> i) & 0xff, y = (int) (b >>> i) & 0xff, v;
            switch (op) {
                case ADDS: v = sat((byte) x + (byte) y, -128, 127); break;
                case ADDUS: v = sat(x + y, 0, 255); break;
                case SUBS: v = sat((byte) x - (byte) y, -128, 127); break;
                case SUBUS: v = sat(x - y, 0, 255); break;
                case MINU: v = Math.min(x, y); break;
                case MAXU: v = Math.max(x, y); break;
                case AVG: v = (x + y + 1) >> 1; break;
                case CMPEQ: v = x == y ? 0xff : 0; break;
                default: v = (byte) x > (byte) y ? 0xff : 0; // CMPGT
            }
            r |= (long) (v & 0xff) << i;
        }
        return r;
    }

    private static long lanes16(int op, long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            int x = (int) (a >>> i) & 0xffff, y = (int) (b >>> i) & 0xffff, v;
            switch (op) {
                case ADDS: v = sat((short) x + (short) y, -32768, 32767); break;
                case ADDUS: v = sat(x + y, 0, 0xffff); break;
                case SUBS: v = sat((short) x - (short) y, -32768, 32767); break;
                case SUBUS: v = sat(x - y, 0, 0xffff); break;
                case MINS: v = Math.min((short) x, (short) y); break;
                case MAXS: v = Math.max((short) x, (short) y); break;
                case AVG: v = (x + y + 1) >> 1; break;
                case CMPEQ: v = x == y ? 0xffff : 0; break;
                case CMPGT: v = (short) x > (short) y ? 0xffff : 0; break;
                case MULL: v = x * y; break;
                case MULH: v = ((short) x * (short) y) >> 16; break;
                default: v = (x * y) >>> 16; // MULHU (x*y < 2^32: int arithmetic wraps, >>> fixes it)
            }
            r |= (long) (v & 0xffff) << i;
        }
        return r;
    }

    private static long lanes32(int op, long a, long b) {
        int x0 = (int) a, y0 = (int) b, x1 = (int) (a >>> 32), y1 = (int) (b >>> 32);
        boolean r0 = op == CMPEQ ? x0 == y0 : x0 > y0, r1 = op == CMPEQ ? x1 == y1 : x1 > y1;
        return (r0 ? 0xffffffffL : 0) | (r1 ? 0xffffffff00000000L : 0);
    }

    private static void b8(int op, long[] x, int d, long sLo, long sHi) {
        x[2 * d] = lanes8(op, x[2 * d], sLo);
        x[2 * d + 1] = lanes8(op, x[2 * d + 1], sHi);
    }

    private static void b16(int op, long[] x, int d, long sLo, long sHi) {
        x[2 * d] = lanes16(op, x[2 * d], sLo);
        x[2 * d + 1] = lanes16(op, x[2 * d + 1], sHi);
    }

    private static void b32(int op, long[] x, int d, long sLo, long sHi) {
        x[2 * d] = lanes32(op, x[2 * d], sLo);
        x[2 * d + 1] = lanes32(op, x[2 * d + 1], sHi);
    }

    public static void paddsb(long[] x, int d, long sLo, long sHi) { b8(ADDS, x, d, sLo, sHi); }
    public static void paddusb(long[] x, int d, long sLo, long sHi) { b8(ADDUS, x, d, sLo, sHi); }
    public static void psubsb(long[] x, int d, long sLo, long sHi) { b8(SUBS, x, d, sLo, sHi); }
    public static void psubusb(long[] x, int d, long sLo, long sHi) { b8(SUBUS, x, d, sLo, sHi); }
    public static void paddsw(long[] x, int d, long sLo, long sHi) { b16(ADDS, x, d, sLo, sHi); }
    public static void paddusw(long[] x, int d, long sLo, long sHi) { b16(ADDUS, x, d, sLo, sHi); }
    public static void psubsw(long[] x, int d, long sLo, long sHi) { b16(SUBS, x, d, sLo, sHi); }
    public static void psubusw(long[] x, int d, long sLo, long sHi) { b16(SUBUS, x, d, sLo, sHi); }
    public static void pminub(long[] x, int d, long sLo, long sHi) { b8(MINU, x, d, sLo, sHi); }
    public static void pmaxub(long[] x, int d, long sLo, long sHi) { b8(MAXU, x, d, sLo, sHi); }
    public static void pminsw(long[] x, int d, long sLo, long sHi) { b16(MINS, x, d, sLo, sHi); }
    public static void pmaxsw(long[] x, int d, long sLo, long sHi) { b16(MAXS, x, d, sLo, sHi); }
    public static void pavgb(long[] x, int d, long sLo, long sHi) { b8(AVG, x, d, sLo, sHi); }
    public static void pavgw(long[] x, int d, long sLo, long sHi) { b16(AVG, x, d, sLo, sHi); }
    public static void pcmpeqb(long[] x, int d, long sLo, long sHi) { b8(CMPEQ, x, d, sLo, sHi); }
    public static void pcmpeqw(long[] x, int d, long sLo, long sHi) { b16(CMPEQ, x, d, sLo, sHi); }
    public static void pcmpeqd(long[] x, int d, long sLo, long sHi) { b32(CMPEQ, x, d, sLo, sHi); }
    public static void pcmpgtb(long[] x, int d, long sLo, long sHi) { b8(CMPGT, x, d, sLo, sHi); }
    public static void pcmpgtw(long[] x, int d, long sLo, long sHi) { b16(CMPGT, x, d, sLo, sHi); }
    public static void pcmpgtd(long[] x, int d, long sLo, long sHi) { b32(CMPGT, x, d, sLo, sHi); }
    public static void pmullw(long[] x, int d, long sLo, long sHi) { b16(MULL, x, d, sLo, sHi); }
    public static void pmulhw(long[] x, int d, long sLo, long sHi) { b16(MULH, x, d, sLo, sHi); }
    public static void pmulhuw(long[] x, int d, long sLo, long sHi) { b16(MULHU, x, d, sLo, sHi); }

    /** PMULUDQ: unsigned low dword of each quadword, full 64-bit products. */
    public static void pmuludq(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = (x[2 * d] & 0xffffffffL) * (sLo & 0xffffffffL);
        x[2 * d + 1] = (x[2 * d + 1] & 0xffffffffL) * (sHi & 0xffffffffL);
    }

    private static long maddwd(long a, long b) {
        int lo = (short) a * (short) b + (short) (a >>> 16) * (short) (b >>> 16);
        int hi = (short) (a >>> 32) * (short) (b >>> 32) + (short) (a >>> 48) * (short) (b >>> 48);
        return (lo & 0xffffffffL) | ((long) hi << 32); // 0x8000*0x8000*2 wraps to 0x80000000, as on x86
    }

    /** PMADDWD: signed word products, adjacent pairs summed into dwords. */
    public static void pmaddwd(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = maddwd(x[2 * d], sLo);
        x[2 * d + 1] = maddwd(x[2 * d + 1], sHi);
    }

    private static long sad(long a, long b) {
        int s = 0;
        for (int i = 0; i < 64; i += 8) s += Math.abs(((int) (a >>> i) & 0xff) - ((int) (b >>> i) & 0xff));
        return s;
    }

    /** PSADBW: per quadword, the sum of absolute byte differences in its low word; rest zero. */
    public static void psadbw(long[] x, int d, long sLo, long sHi) {
        x[2 * d] = sad(x[2 * d], sLo);
        x[2 * d + 1] = sad(x[2 * d + 1], sHi);
    }

    // ---- shifts by count (a count of lane width or more clears, or fills with the sign) ----

    private static long sll(long a, long count, int w) {
        if (Long.compareUnsigned(count, w - 1) > 0) return 0;
        int c = (int) count;
        long laneMask = w == 64 ? -1L : (1L << w) - 1;
        long keep = 0;
        for (int i = 0; i < 64; i += w) keep |= ((laneMask << c) & laneMask) << i;
        return (a << c) & keep;
    }

    private static long srl(long a, long count, int w) {
        if (Long.compareUnsigned(count, w - 1) > 0) return 0;
        int c = (int) count;
        long laneMask = w == 64 ? -1L : (1L << w) - 1;
        long keep = 0;
        for (int i = 0; i < 64; i += w) keep |= (laneMask >>> c) << i;
        return (a >>> c) & keep;
    }

    private static long sra(long a, long count, int w) {
        int c = Long.compareUnsigned(count, w - 1) > 0 ? w - 1 : (int) count;
        long r = 0;
        long laneMask = (1L << w) - 1;
        for (int i = 0; i < 64; i += w) {
            long lane = (a << (64 - i - w)) >> (64 - w); // sign-extended lane
            r |= ((lane >> c) & laneMask) << i;
        }
        return r;
    }

    public static void psllw(long[] x, int d, long count) { x[2 * d] = sll(x[2 * d], count, 16); x[2 * d + 1] = sll(x[2 * d + 1], count, 16); }
    public static void pslld(long[] x, int d, long count) { x[2 * d] = sll(x[2 * d], count, 32); x[2 * d + 1] = sll(x[2 * d + 1], count, 32); }
    public static void psllq(long[] x, int d, long count) { x[2 * d] = sll(x[2 * d], count, 64); x[2 * d + 1] = sll(x[2 * d + 1], count, 64); }
    public static void psrlw(long[] x, int d, long count) { x[2 * d] = srl(x[2 * d], count, 16); x[2 * d + 1] = srl(x[2 * d + 1], count, 16); }
    public static void psrld(long[] x, int d, long count) { x[2 * d] = srl(x[2 * d], count, 32); x[2 * d + 1] = srl(x[2 * d + 1], count, 32); }
    public static void psrlq(long[] x, int d, long count) { x[2 * d] = srl(x[2 * d], count, 64); x[2 * d + 1] = srl(x[2 * d + 1], count, 64); }
    public static void psraw(long[] x, int d, long count) { x[2 * d] = sra(x[2 * d], count, 16); x[2 * d + 1] = sra(x[2 * d + 1], count, 16); }
    public static void psrad(long[] x, int d, long count) { x[2 * d] = sra(x[2 * d], count, 32); x[2 * d + 1] = sra(x[2 * d + 1], count, 32); }

    /** PSLLDQ xmm, imm8: byte shift of the whole register; imm8 above 15 clears it. */
    public static void pslldq(long[] x, int d, int imm) {
        int n = imm & 0xff;
        long lo = x[2 * d], hi = x[2 * d + 1];
        if (n > 15) { x[2 * d] = 0; x[2 * d + 1] = 0; return; }
        if (n >= 8) { hi = lo << ((n - 8) * 8); lo = 0; }
        else if (n > 0) { hi = (hi << (n * 8)) | (lo >>> (64 - n * 8)); lo <<= n * 8; }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    /** PSRLDQ xmm, imm8. */
    public static void psrldq(long[] x, int d, int imm) {
        int n = imm & 0xff;
        long lo = x[2 * d], hi = x[2 * d + 1];
        if (n > 15) { x[2 * d] = 0; x[2 * d + 1] = 0; return; }
        if (n >= 8) { lo = hi >>> ((n - 8) * 8); hi = 0; }
        else if (n > 0) { lo = (lo >>> (n * 8)) | (hi << (64 - n * 8)); hi >>>= n * 8; }
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    // ---- unpack (interleave) ----

    /** Interleaves the lanes of width {@code w} of the 32-bit halves {@code a} and {@code b}. */
    private static long interleave(long a, long b, int w) {
        long r = 0, m = (1L << w) - 1;
        for (int i = 0, o = 0; i < 32; i += w, o += 2 * w) {
            r |= ((a >>> i) & m) << o;
            r |= ((b >>> i) & m) << (o + w);
        }
        return r;
    }

    private static void unpack(long[] x, int d, long s, int w, boolean high) {
        long a = high ? x[2 * d + 1] : x[2 * d];
        x[2 * d] = interleave(a, s, w);
        x[2 * d + 1] = interleave(a >>> 32, s >>> 32, w);
    }

    public static void punpcklbw(long[] x, int d, long sLo, long sHi) { unpack(x, d, sLo, 8, false); }
    public static void punpcklwd(long[] x, int d, long sLo, long sHi) { unpack(x, d, sLo, 16, false); }
    /** PUNPCKLDQ (also UNPCKLPS). */
    public static void punpckldq(long[] x, int d, long sLo, long sHi) { unpack(x, d, sLo, 32, false); }
    /** PUNPCKLQDQ (also UNPCKLPD). */
    public static void punpcklqdq(long[] x, int d, long sLo, long sHi) { x[2 * d + 1] = sLo; }
    public static void punpckhbw(long[] x, int d, long sLo, long sHi) { unpack(x, d, sHi, 8, true); }
    public static void punpckhwd(long[] x, int d, long sLo, long sHi) { unpack(x, d, sHi, 16, true); }
    /** PUNPCKHDQ (also UNPCKHPS). */
    public static void punpckhdq(long[] x, int d, long sLo, long sHi) { unpack(x, d, sHi, 32, true); }
    /** PUNPCKHQDQ (also UNPCKHPD). */
    public static void punpckhqdq(long[] x, int d, long sLo, long sHi) { x[2 * d] = x[2 * d + 1]; x[2 * d + 1] = sHi; }
    public static void unpcklps(long[] x, int d, long sLo, long sHi) { punpckldq(x, d, sLo, sHi); }
    public static void unpckhps(long[] x, int d, long sLo, long sHi) { punpckhdq(x, d, sLo, sHi); }
    public static void unpcklpd(long[] x, int d, long sLo, long sHi) { punpcklqdq(x, d, sLo, sHi); }
    public static void unpckhpd(long[] x, int d, long sLo, long sHi) { punpckhqdq(x, d, sLo, sHi); }

    // ---- pack with saturation ----

    /** Four signed words of {@code v} to four saturated bytes (signed or unsigned). */
    private static long packWords(long v, boolean unsigned) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int w = (short) (v >>> (16 * i));
            int b = unsigned ? sat(w, 0, 255) : sat(w, -128, 127);
            r |= (long) (b & 0xff) << (8 * i);
        }
        return r;
    }

    private static long packDwords(long v) {
        long lo = sat((int) v, -32768, 32767) & 0xffff, hi = sat((int) (v >>> 32), -32768, 32767) & 0xffff;
        return lo | (hi << 16);
    }

    private static void packBytes(long[] x, int d, long sLo, long sHi, boolean unsigned) {
        long lo = packWords(x[2 * d], unsigned) | (packWords(x[2 * d + 1], unsigned) << 32);
        long hi = packWords(sLo, unsigned) | (packWords(sHi, unsigned) << 32);
        x[2 * d] = lo;
        x[2 * d + 1] = hi;
    }

    public static void packsswb(long[] x, int d, long sLo, long sHi) { packBytes(x, d, sLo, sHi, false); }
    public static void packuswb(long[] x, int d, long sLo, long sHi) { packBytes(x, d, sLo, sHi, true); }

    public static void packssdw(long[] x, int d, long sLo, long sHi) {
        long lo = packDwords(x[2 * d]) | (packDwords(x[2 * d + 1]) << 32);
        x[2 * d] = lo;
        x[2 * d + 1] = packDwords(sLo) | (packDwords(sHi) << 32);
    }

    // ---- shuffles ----

    private static long dword(long lo, long hi, int i) {
        return ((i < 2 ? lo : hi) >>> ((i & 1) * 32)) & 0xffffffffL;
    }

    /** PSHUFD xmm, xmm/m128, imm8. */
    public static void pshufd(long[] x, int d, long sLo, long sHi, int imm) {
        x[2 * d] = dword(sLo, sHi, imm & 3) | (dword(sLo, sHi, (imm >> 2) & 3) << 32);
        x[2 * d + 1] = dword(sLo, sHi, (imm >> 4) & 3) | (dword(sLo, sHi, (imm >> 6) & 3) << 32);
    }

    private static long shufWords(long v, int imm) {
        long r = 0;
        for (int i = 0; i < 4; i++) r |= ((v >>> (16 * ((imm >> (2 * i)) & 3))) & 0xffff) << (16 * i);
        return r;
    }

    /** PSHUFLW: shuffles the low four words, copies the high quadword. */
    public static void pshuflw(long[] x, int d, long sLo, long sHi, int imm) {
        x[2 * d] = shufWords(sLo, imm);
        x[2 * d + 1] = sHi;
    }

    /** PSHUFHW: shuffles the high four words, copies the low quadword. */
    public static void pshufhw(long[] x, int d, long sLo, long sHi, int imm) {
        x[2 * d] = sLo;
        x[2 * d + 1] = shufWords(sHi, imm);
    }

    /** SHUFPS: result dwords 0,1 from the destination, 2,3 from the source. */
    public static void shufps(long[] x, int d, long sLo, long sHi, int imm) {
        long dLo = x[2 * d], dHi = x[2 * d + 1];
        x[2 * d] = dword(dLo, dHi, imm & 3) | (dword(dLo, dHi, (imm >> 2) & 3) << 32);
        x[2 * d + 1] = dword(sLo, sHi, (imm >> 4) & 3) | (dword(sLo, sHi, (imm >> 6) & 3) << 32);
    }

    /** SHUFPD: low quadword from the destination (imm bit 0), high from the source (bit 1). */
    public static void shufpd(long[] x, int d, long sLo, long sHi, int imm) {
        long lo = (imm & 1) == 0 ? x[2 * d] : x[2 * d + 1];
        x[2 * d + 1] = (imm & 2) == 0 ? sLo : sHi;
        x[2 * d] = lo;
    }

    // ---- masks ----

    /** PMOVMSKB: the top bit of each of the 16 bytes. */
    public static int pmovmskb(long lo, long hi) {
        return byteSigns(lo) | (byteSigns(hi) << 8);
    }

    private static int byteSigns(long v) {
        int m = 0;
        for (int i = 0; i < 8; i++) m |= (int) ((v >>> (8 * i + 7)) & 1) << i;
        return m;
    }

    /** MOVMSKPS: the sign bits of the four singles. */
    public static int movmskps(long lo, long hi) {
        return (int) (((lo >>> 31) & 1) | ((lo >>> 62) & 2) | (((hi >>> 31) & 1) << 2) | (((hi >>> 63) & 1) << 3));
    }

    /** MOVMSKPD: the sign bits of the two doubles. */
    public static int movmskpd(long lo, long hi) {
        return (int) ((lo >>> 63) | ((hi >>> 63) << 1));
    }
}
