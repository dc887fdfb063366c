package org.jemu.cpu.exec;

import static org.jemu.cpu.exec.Alu.mask;
import static org.jemu.cpu.exec.Alu.sext;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;

/**
 * MUL, IMUL, DIV, IDIV.
 *
 * <p>The one-operand forms have fixed registers (AX, DX:AX, EDX:EAX, RDX:RAX), so
 * {@link #mul1}, {@link #imul1}, {@link #div1} and {@link #idiv1} read and write {@code cpu.gpr}
 * themselves, with the x86 write rules: the 8-bit forms write AX only, the 16-bit forms the low 16
 * bits of RAX/RDX, the 32-bit forms zero-extend. The two- and three-operand IMUL is
 * {@link #imul(Flags, int, long, long)}, which returns the truncated product.
 *
 * <p>Flags: MUL/IMUL set CF = OF = "the high half is significant"; SF, ZF, AF and PF are undefined
 * (SDM Vol. 2A): we derive SF/ZF/PF from the low half of the result and clear AF. DIV/IDIV leave all
 * flags undefined: we leave them unchanged. Division raises #DE, before any register changes, for a
 * zero divisor and for a quotient that does not fit the destination (including MIN / -1).
 */
public final class MulDiv {
    private MulDiv() {}

    /** The high 64 bits of the unsigned 128-bit product {@code a * b}. */
    public static long mulHighUnsigned(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static long write16(long reg, long v) {
        return (reg & ~0xffffL) | (v & 0xffff);
    }

    private static void mulFlags(Flags f, int size, long lo, boolean significant) {
        f.lazyResult(size, lo, significant ? Flags.CF | Flags.OF : 0);
    }

    /** MUL r/m: unsigned {@code rDX:rAX := rAX * src}. */
    public static void mul1(CpuState cpu, int size, long src) {
        long[] g = cpu.gpr;
        long a = g[CpuState.RAX] & mask(size);
        src &= mask(size);
        switch (size) {
            case 1: {
                long p = a * src;
                g[CpuState.RAX] = write16(g[CpuState.RAX], p);
                mulFlags(cpu.flags, 1, p & 0xff, (p >>> 8) != 0);
                break;
            }
            case 2: {
                long p = a * src;
                g[CpuState.RAX] = write16(g[CpuState.RAX], p);
                g[CpuState.RDX] = write16(g[CpuState.RDX], p >>> 16);
                mulFlags(cpu.flags, 2, p & 0xffff, (p >>> 16) != 0);
                break;
            }
            case 4: {
                long p = a * src;
                g[CpuState.RAX] = p & 0xffffffffL;
                g[CpuState.RDX] = p >>> 32;
                mulFlags(cpu.flags, 4, p & 0xffffffffL, (p >>> 32) != 0);
                break;
            }
            default: {
                long lo = a * src, hi = mulHighUnsigned(a, src);
                g[CpuState.RAX] = lo;
                g[CpuState.RDX] = hi;
                mulFlags(cpu.flags, 8, lo, hi != 0);
            }
        }
    }

    /** IMUL r/m: signed {@code rDX:rAX := rAX * src}. */
    public static void imul1(CpuState cpu, int size, long src) {
        long[] g = cpu.gpr;
        long a = sext(size, g[CpuState.RAX]);
        long s = sext(size, src);
        if (size == 8) {
            long lo = a * s, hi = Math.multiplyHigh(a, s);
            g[CpuState.RAX] = lo;
            g[CpuState.RDX] = hi;
            mulFlags(cpu.flags, 8, lo, hi != (lo >> 63));
            return;
        }
        long p = a * s; // exact: at most 64 bits
        long lo = p & mask(size);
        boolean significant = sext(size, p) != p;
        int bits = size * 8;
        switch (size) {
            case 1: g[CpuState.RAX] = write16(g[CpuState.RAX], p); break;
            case 2:
                g[CpuState.RAX] = write16(g[CpuState.RAX], p);
                g[CpuState.RDX] = write16(g[CpuState.RDX], p >> bits);
                break;
            default:
                g[CpuState.RAX] = p & 0xffffffffL;
                g[CpuState.RDX] = (p >> 32) & 0xffffffffL;
        }
        mulFlags(cpu.flags, size, lo, significant);
    }

    /** IMUL r, r/m and IMUL r, r/m, imm: the product truncated to {@code size}. */
    public static long imul(Flags f, int size, long a, long b) {
        long x = sext(size, a), y = sext(size, b);
        long p = x * y;
        boolean significant = size == 8 ? Math.multiplyHigh(x, y) != (p >> 63) : sext(size, p) != p;
        long r = p & mask(size);
        mulFlags(f, size, r, significant);
        return r;
    }

    /** DIV r/m: unsigned {@code rDX:rAX / src}, quotient to rAX, remainder to rDX. */
    public static void div1(CpuState cpu, int size, long src) {
        long[] g = cpu.gpr;
        long d = src & mask(size);
        if (d == 0) throw GuestFault.de();
        switch (size) {
            case 1: {
                long n = g[CpuState.RAX] & 0xffff;
                long q = n / d, r = n % d;
                if (q > 0xff) throw GuestFault.de();
                g[CpuState.RAX] = write16(g[CpuState.RAX], (r << 8) | q);
                break;
            }
            case 2: {
                long n = ((g[CpuState.RDX] & 0xffff) << 16) | (g[CpuState.RAX] & 0xffff);
                long q = n / d, r = n % d;
                if (q > 0xffff) throw GuestFault.de();
                g[CpuState.RAX] = write16(g[CpuState.RAX], q);
                g[CpuState.RDX] = write16(g[CpuState.RDX], r);
                break;
            }
            case 4: {
                long n = ((g[CpuState.RDX] & 0xffffffffL) << 32) | (g[CpuState.RAX] & 0xffffffffL);
                long q = Long.divideUnsigned(n, d), r = Long.remainderUnsigned(n, d);
                if ((q >>> 32) != 0) throw GuestFault.de();
                g[CpuState.RAX] = q;
                g[CpuState.RDX] = r;
                break;
            }
            default: {
                long hi = g[CpuState.RDX], lo = g[CpuState.RAX];
                if (Long.compareUnsigned(hi, d) >= 0) throw GuestFault.de();
                if (hi == 0) {
                    g[CpuState.RAX] = Long.divideUnsigned(lo, d);
                    g[CpuState.RDX] = Long.remainderUnsigned(lo, d);
                } else {
                    long q = divide128(hi, lo, d);
                    g[CpuState.RAX] = q;
                    g[CpuState.RDX] = lo - q * d;
                }
            }
        }
    }

    /**
     * Unsigned {@code hi:lo / d} with {@code hi < d} (so the quotient fits); the remainder is
     * {@code lo - q * d} (mod 2^64).
     */
    public static long divide128(long hi, long lo, long d) {
        long rem = hi, q = lo;
        for (int i = 0; i < 64; i++) {
            long carry = rem >>> 63;
            rem = (rem << 1) | (q >>> 63);
            q <<= 1;
            if (carry != 0 || Long.compareUnsigned(rem, d) >= 0) {
                rem -= d;
                q |= 1;
            }
        }
        return q;
    }

    /** IDIV r/m: signed {@code rDX:rAX / src}, truncating toward zero; remainder has the dividend's sign. */
    public static void idiv1(CpuState cpu, int size, long src) {
        long[] g = cpu.gpr;
        long d = sext(size, src);
        if (d == 0) throw GuestFault.de();
        switch (size) {
            case 1: {
                long n = (short) g[CpuState.RAX];
                long q = n / d, r = n % d;
                if (q != (byte) q) throw GuestFault.de();
                g[CpuState.RAX] = write16(g[CpuState.RAX], ((r & 0xff) << 8) | (q & 0xff));
                break;
            }
            case 2: {
                long n = (int) (((g[CpuState.RDX] & 0xffff) << 16) | (g[CpuState.RAX] & 0xffff));
                long q = n / d, r = n % d;
                if (q != (short) q) throw GuestFault.de();
                g[CpuState.RAX] = write16(g[CpuState.RAX], q);
                g[CpuState.RDX] = write16(g[CpuState.RDX], r);
                break;
            }
            case 4: {
                long n = (g[CpuState.RDX] << 32) | (g[CpuState.RAX] & 0xffffffffL);
                if (n == Long.MIN_VALUE && d == -1) throw GuestFault.de();
                long q = n / d, r = n % d;
                if (q != (int) q) throw GuestFault.de();
                g[CpuState.RAX] = q & 0xffffffffL;
                g[CpuState.RDX] = r & 0xffffffffL;
                break;
            }
            default: idiv128(g, d);
        }
    }

    private static void idiv128(long[] g, long d) {
        long hi = g[CpuState.RDX], lo = g[CpuState.RAX];
        boolean negN = hi < 0, negD = d < 0;
        if (negN) { // two's complement negate hi:lo
            lo = -lo;
            hi = ~hi + (lo == 0 ? 1 : 0);
        }
        long ad = negD ? -d : d; // |MIN| stays 0x8000..., correct as unsigned
        if (Long.compareUnsigned(hi, ad) >= 0) throw GuestFault.de();
        long q, r;
        if (hi == 0) {
            q = Long.divideUnsigned(lo, ad);
            r = Long.remainderUnsigned(lo, ad);
        } else {
            q = divide128(hi, lo, ad);
            r = lo - q * ad;
        }
        boolean negQ = negN != negD;
        if (negQ ? Long.compareUnsigned(q, Long.MIN_VALUE) > 0 : q < 0) throw GuestFault.de();
        g[CpuState.RAX] = negQ ? -q : q;
        g[CpuState.RDX] = negN ? -r : r;
    }
}
