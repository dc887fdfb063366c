package org.jemu.cpu.exec;

import org.jemu.cpu.Flags;

/**
 * Two-operand integer arithmetic and logic: ADD, ADC, SUB, SBB, AND, OR, XOR, CMP, TEST, INC, DEC,
 * NEG, NOT. Operands are zero-extended to {@code size} bytes (extra high bits are ignored); results
 * come back zero-extended, and the caller writes the destination with the x86 rules.
 *
 * <p>XADD is {@code sum = add(f, size, dest, src)}, then {@code src := dest, dest := sum}. CMPXCHG is
 * {@code cmp(f, size, acc, dest)}, then {@code f.zf()} selects the store (Intel SDM Vol. 2A,
 * CMPXCHG: flags as for CMP of the accumulator with the destination).
 */
public final class Alu {
    // add/sub/and/or/xor are kept under 35 bytes of bytecode with no locals beyond their parameters
    // and at most 10 operand-stack slots (C1's C1InlineStackLimit counts both): HotSpot's C1 inlines
    // only such methods, and compiled regions call these for every flag-setting ALU instruction.
    private Alu() {}

    /** All-ones for an operand size in bytes. */
    public static long mask(int size) {
        return -1L >>> (64 - size * 8);
    }

    /** Sign-extends a {@code size}-byte value to 64 bits. */
    public static long sext(int size, long v) {
        int sh = 64 - size * 8;
        return (v << sh) >> sh;
    }

    public static long add(Flags f, int size, long a, long b) {
        return f.lazyAdd(size, a & mask(size), b & mask(size), (a + b) & mask(size));
    }

    public static long adc(Flags f, int size, long a, long b) {
        long m = mask(size);
        a &= m; b &= m;
        long c = f.cf() ? 1 : 0;
        long r = (a + b + c) & m;
        f.lazyAdd(size, a, b, c, r);
        return r;
    }

    public static long sub(Flags f, int size, long a, long b) {
        return f.lazySub(size, a & mask(size), b & mask(size), (a - b) & mask(size));
    }

    public static long sbb(Flags f, int size, long a, long b) {
        long m = mask(size);
        a &= m; b &= m;
        long c = f.cf() ? 1 : 0;
        long r = (a - b - c) & m;
        f.lazySub(size, a, b, c, r);
        return r;
    }

    public static void cmp(Flags f, int size, long a, long b) {
        sub(f, size, a, b);
    }

    /** AND, OR, XOR, TEST: CF = OF = 0; AF is undefined (SDM) and we clear it, as the host does. */
    public static long and(Flags f, int size, long a, long b) {
        return f.lazyResult(size, a & b & mask(size), 0);
    }

    public static long or(Flags f, int size, long a, long b) {
        return f.lazyResult(size, (a | b) & mask(size), 0);
    }

    public static long xor(Flags f, int size, long a, long b) {
        return f.lazyResult(size, (a ^ b) & mask(size), 0);
    }

    public static void test(Flags f, int size, long a, long b) {
        and(f, size, a, b);
    }

    /** INC: CF is preserved (Intel SDM Vol. 2A, INC). */
    public static long inc(Flags f, int size, long a) {
        long m = mask(size);
        long r = (a + 1) & m;
        long bits = (f.cf() ? Flags.CF : 0)
                | (r == (m >>> 1) + 1 ? Flags.OF : 0)
                | ((r & 0xf) == 0 ? Flags.AF : 0);
        f.lazyResult(size, r, bits);
        return r;
    }

    /** DEC: CF is preserved. */
    public static long dec(Flags f, int size, long a) {
        long m = mask(size);
        long r = (a - 1) & m;
        long bits = (f.cf() ? Flags.CF : 0)
                | (r == (m >>> 1) ? Flags.OF : 0)
                | ((r & 0xf) == 0xf ? Flags.AF : 0);
        f.lazyResult(size, r, bits);
        return r;
    }

    /** NEG: flags as for {@code 0 - a} (CF = a != 0). */
    public static long neg(Flags f, int size, long a) {
        return sub(f, size, 0, a);
    }

    /** NOT: no flags. */
    public static long not(int size, long a) {
        return ~a & mask(size);
    }
}
