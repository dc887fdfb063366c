package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.Alu.mask;
import static org.jemu.cpu.exec.Alu.sext;

import org.jemu.cpu.Flags;

/**
 * Shifts and rotates: SHL/SAL, SHR, SAR, ROL, ROR, RCL, RCR, SHLD, SHRD.
 *
 * <p>The count is masked to 5 bits (6 with a 64-bit operand); a masked count of 0 changes neither the
 * value nor any flag (Intel SDM Vol. 2B, SAL/SAR/SHL/SHR "Flags Affected"). OF is defined only for a
 * count of 1; for larger counts we return the count-1 formula applied to the final result, which is
 * what the host (and Intel's pseudocode for SHLD/SHRD) gives for most cases. AF is undefined for
 * shifts; we clear it.
 */
public final class Shift {
    private Shift() {}

    static int maskCount(int size, long count) {
        return (int) count & (size == 8 ? 0x3f : 0x1f);
    }

    private static long msb(int size, long v) {
        return (v >>> (size * 8 - 1)) & 1;
    }

    public static long shl(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        if (c == 0) return v & mask(size);
        int bits = size * 8;
        long m = mask(size);
        v &= m;
        long r = (v << c) & m;
        // The last bit shifted out; with an 8/16-bit operand and a count above the width, CF is
        // undefined and we give 0 (all bits gone).
        long cf = c <= bits ? (v >>> (bits - c)) & 1 : 0;
        f.lazyResult(size, r, cf | ((msb(size, r) ^ cf) != 0 ? Flags.OF : 0));
        return r;
    }

    public static long shr(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        if (c == 0) return v & mask(size);
        long m = mask(size);
        v &= m;
        long r = v >>> c;
        long cf = (v >>> (c - 1)) & 1;
        // OF (count 1) is the sign of the original operand.
        f.lazyResult(size, r, cf | (msb(size, v) != 0 ? Flags.OF : 0));
        return r;
    }

    public static long sar(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        if (c == 0) return v & mask(size);
        long s = sext(size, v);
        long r = (s >> c) & mask(size);
        long cf = (s >> (c - 1)) & 1;
        f.lazyResult(size, r, cf); // OF = 0 for a count of 1
        return r;
    }

    /** ROL: only CF and OF change (SDM Vol. 2B, RCL/RCR/ROL/ROR). */
    public static long rol(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        long m = mask(size);
        v &= m;
        if (c == 0) return v;
        int bits = size * 8;
        int r = c & (bits - 1);
        long res = r == 0 ? v : ((v << r) | (v >>> (bits - r))) & m;
        long cf = res & 1;
        f.setCf(cf != 0);
        f.setOf((msb(size, res) ^ cf) != 0);
        return res;
    }

    public static long ror(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        long m = mask(size);
        v &= m;
        if (c == 0) return v;
        int bits = size * 8;
        int r = c & (bits - 1);
        long res = r == 0 ? v : ((v >>> r) | (v << (bits - r))) & m;
        long top = msb(size, res);
        f.setCf(top != 0);
        f.setOf((top ^ ((res >>> (bits - 2)) & 1)) != 0);
        return res;
    }

    /** RCL: rotate through CF, a (width+1)-bit rotation; 8/16-bit counts are taken mod 9/17. */
    public static long rcl(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        long m = mask(size);
        v &= m;
        if (c == 0) return v;
        int bits = size * 8;
        long cin = f.cf() ? 1 : 0;
        long res, cf;
        if (size == 8) {
            res = (v << c) | (cin << (c - 1)) | (c > 1 ? v >>> (65 - c) : 0);
            cf = (v >>> (64 - c)) & 1;
        } else {
            int w = bits + 1;
            int t = c % w;
            long wide = (cin << bits) | v;
            long rot = ((wide << t) | (wide >>> (w - t))) & ((1L << w) - 1);
            res = rot & m;
            cf = rot >>> bits;
        }
        f.setCf(cf != 0);
        f.setOf((msb(size, res) ^ cf) != 0);
        return res;
    }

    public static long rcr(Flags f, int size, long v, long count) {
        int c = maskCount(size, count);
        long m = mask(size);
        v &= m;
        if (c == 0) return v;
        int bits = size * 8;
        long cin = f.cf() ? 1 : 0;
        long res, cf;
        if (size == 8) {
            res = (v >>> c) | (cin << (64 - c)) | (c > 1 ? v << (65 - c) : 0);
            cf = (v >>> (c - 1)) & 1;
        } else {
            int w = bits + 1;
            int t = c % w;
            long wide = (cin << bits) | v;
            long rot = ((wide >>> t) | (wide << (w - t))) & ((1L << w) - 1);
            res = rot & m;
            cf = rot >>> bits;
        }
        f.setCf(cf != 0);
        // OF (count 1) = MSB(dest) XOR CF before the rotation = the top two bits of the result.
        f.setOf((msb(size, res) ^ ((res >>> (bits - 2)) & 1)) != 0);
        return res;
    }

    /**
     * SHLD: shifts {@code dst} left, filling from the top of {@code src}. With a 16-bit operand and a
     * count above 16 the SDM leaves result and flags undefined; we shift through the 32-bit
     * concatenation dst:src:dst, as the host does.
     */
    public static long shld(Flags f, int size, long dst, long src, long count) {
        int c = maskCount(size, count);
        long m = mask(size);
        dst &= m; src &= m;
        if (c == 0) return dst;
        int bits = size * 8;
        long r, cf;
        if (c <= bits) {
            r = c == bits ? src : ((dst << c) | (src >>> (bits - c))) & m;
            cf = (dst >>> (bits - c)) & 1;
        } else { // size 2, c in 17..31
            long wide = (dst << 32) | (src << 16) | dst; // 48 bits: dst:src:dst, take the top
            r = (wide >>> (32 - c)) & m;
            cf = (wide >>> (48 - c)) & 1;
        }
        f.lazyResult(size, r, cf | ((msb(size, r) ^ msb(size, dst)) != 0 ? Flags.OF : 0));
        return r;
    }

    /** SHRD: shifts {@code dst} right, filling from the bottom of {@code src}. */
    public static long shrd(Flags f, int size, long dst, long src, long count) {
        int c = maskCount(size, count);
        long m = mask(size);
        dst &= m; src &= m;
        if (c == 0) return dst;
        int bits = size * 8;
        long r, cf;
        if (c <= bits) {
            r = c == bits ? src : ((dst >>> c) | (src << (bits - c))) & m;
            cf = (dst >>> (c - 1)) & 1;
        } else { // size 2, c in 17..31
            long wide = (dst << 32) | (src << 16) | dst; // 48 bits: dst:src:dst, shift from the bottom
            r = (wide >>> c) & m;
            cf = (wide >>> (c - 1)) & 1;
        }
        f.lazyResult(size, r, cf | ((msb(size, r) ^ msb(size, dst)) != 0 ? Flags.OF : 0));
        return r;
    }
}
