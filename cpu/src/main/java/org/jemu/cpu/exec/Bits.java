package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.Alu.mask;

import org.jemu.cpu.Flags;

/**
 * Bit scans and counts (BSF, BSR, TZCNT, LZCNT, POPCNT), bit tests (BT, BTS, BTR, BTC) and BSWAP.
 */
public final class Bits {
    private Bits() {}

    /**
     * BSF: index of the lowest set bit of {@code src}; ZF = (src == 0). When {@code src} is 0 the
     * destination is unchanged (AMD APM; Intel says undefined, but hardware leaves it): this returns
     * {@code dst} and sets ZF, and the caller must then skip the register write entirely (a 32-bit
     * destination keeps its upper half too), i.e. write only when {@code !f.zf()}. CF, OF, SF, AF, PF
     * are undefined; we give PF of the index and clear CF, OF, SF, AF (what the AMD host does).
     */
    public static long bsf(Flags f, int size, long dst, long src) {
        src &= mask(size);
        if (src == 0) {
            f.lazyResult(size, 0, 0);
            return dst;
        }
        long r = Long.numberOfTrailingZeros(src);
        f.setArith(Flags.parity(r) ? Flags.PF : 0);
        return r;
    }

    /** BSR: index of the highest set bit; as {@link #bsf} for a zero source. */
    public static long bsr(Flags f, int size, long dst, long src) {
        src &= mask(size);
        if (src == 0) {
            f.lazyResult(size, 0, 0);
            return dst;
        }
        long r = 63 - Long.numberOfLeadingZeros(src);
        f.setArith(Flags.parity(r) ? Flags.PF : 0);
        return r;
    }

    /** TZCNT: CF = (src == 0), ZF = (result == 0); OF, SF, AF, PF undefined (we: SF/PF of result, OF=AF=0). */
    public static long tzcnt(Flags f, int size, long src) {
        src &= mask(size);
        long r = src == 0 ? size * 8 : Long.numberOfTrailingZeros(src);
        f.lazyResult(size, r, src == 0 ? Flags.CF : 0);
        return r;
    }

    /** LZCNT: CF = (src == 0), ZF = (result == 0). */
    public static long lzcnt(Flags f, int size, long src) {
        src &= mask(size);
        long r = Long.numberOfLeadingZeros(src) - (64 - size * 8);
        f.lazyResult(size, r, src == 0 ? Flags.CF : 0);
        return r;
    }

    /** POPCNT: ZF = (src == 0), OF, SF, AF, CF, PF cleared (SDM Vol. 2B, POPCNT). */
    public static long popcnt(Flags f, int size, long src) {
        long r = Long.bitCount(src & mask(size));
        f.setArith(r == 0 ? Flags.ZF : 0);
        return r;
    }

    /**
     * BT: CF := bit {@code offset mod width} of {@code v}. For memory operands the caller first folds
     * the high part of the bit offset into the address and passes the rest. ZF unchanged; OF, SF, AF,
     * PF undefined (we leave them unchanged).
     */
    public static void bt(Flags f, int size, long v, long offset) {
        f.setCf(((v >>> (offset & (size * 8 - 1))) & 1) != 0);
    }

    /** BTS: as BT, then sets the bit; returns the new value. */
    public static long bts(Flags f, int size, long v, long offset) {
        bt(f, size, v, offset);
        return (v | (1L << (offset & (size * 8 - 1)))) & mask(size);
    }

    /** BTR: as BT, then clears the bit. */
    public static long btr(Flags f, int size, long v, long offset) {
        bt(f, size, v, offset);
        return v & ~(1L << (offset & (size * 8 - 1))) & mask(size);
    }

    /** BTC: as BT, then complements the bit. */
    public static long btc(Flags f, int size, long v, long offset) {
        bt(f, size, v, offset);
        return (v ^ (1L << (offset & (size * 8 - 1)))) & mask(size);
    }

    /**
     * BSWAP (no flags). With a 16-bit operand the SDM leaves the result undefined; hardware writes
     * 0 to the low 16 bits, which is what this returns for size 2.
     */
    public static long bswap(int size, long v) {
        switch (size) {
            case 8: return Long.reverseBytes(v);
            case 4: return Integer.reverseBytes((int) v) & 0xffffffffL;
            default: return 0;
        }
    }

    /**
     * MOVBE r, m / m, r (0F 38 F0/F1): the operand with its bytes reversed; for 16 bits the two bytes
     * are swapped (unlike BSWAP, whose 16-bit form is undefined). No flags. The caller does the load
     * or store and the x86 register write rules (a 16-bit destination merges).
     */
    public static long movbe(int size, long v) {
        return size == 2 ? ((v & 0xff) << 8) | ((v >>> 8) & 0xff) : bswap(size, v);
    }
}
