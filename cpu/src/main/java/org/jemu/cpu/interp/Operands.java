package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Insn;

/**
 * Operand access with the x86-64 register-write rules (Intel SDM Vol. 1 §3.4.1.1): a 32-bit write
 * zero-extends into the full 64-bit register, 8- and 16-bit writes leave the other bits alone, and
 * without a REX prefix byte registers 4..7 are AH, CH, DH, BH (bits 15:8 of RAX..RBX).
 *
 * <p>The ModRM operand ("E") is the register {@code in.rm} when {@code in.rm >= 0}, else memory at an
 * effective address the caller computed once with {@link #ea}. Values are zero-extended longs.
 */
final class Operands {
    private Operands() {}

    static long readReg(long[] g, Insn in, int r, int size) {
        switch (size) {
            case 1: {
                int b = in.byteReg(r);
                return (b & 16) != 0 ? (g[b & 15] >>> 8) & 0xff : g[b] & 0xff;
            }
            case 2: return g[r] & 0xffff;
            case 4: return g[r] & 0xffffffffL;
            default: return g[r];
        }
    }

    static void writeReg(long[] g, Insn in, int r, int size, long v) {
        switch (size) {
            case 1: {
                int b = in.byteReg(r);
                if ((b & 16) != 0) {
                    int x = b & 15;
                    g[x] = (g[x] & ~0xff00L) | ((v & 0xff) << 8);
                } else {
                    g[b] = (g[b] & ~0xffL) | (v & 0xff);
                }
                break;
            }
            case 2: g[r] = (g[r] & ~0xffffL) | (v & 0xffff); break;
            case 4: g[r] = v & 0xffffffffL; break;
            default: g[r] = v;
        }
    }

    /** Full-register write of a 16/32/64-bit value (no byte-register mapping needed). */
    static void writeGpr(long[] g, int r, int size, long v) {
        switch (size) {
            case 2: g[r] = (g[r] & ~0xffffL) | (v & 0xffff); break;
            case 4: g[r] = v & 0xffffffffL; break;
            default: g[r] = v;
        }
    }

    /** Linear address of the memory operand (FS/GS base included; RIP-relative to {@code next}). */
    static long ea(CpuState cpu, Insn in, long next) {
        return in.effectiveAddress(cpu.gpr, next, cpu.segBase);
    }

    /** The effective address without any segment base, truncated to the address size (LEA). */
    static long offset(CpuState cpu, Insn in, long next) {
        long a = in.disp;
        if (in.base >= 0) a += in.base == Insn.BASE_RIP ? next : cpu.gpr[in.base];
        if (in.index >= 0) a += cpu.gpr[in.index] << in.scale;
        return in.addrSize == 4 ? a & 0xffffffffL : a;
    }

    static long readE(CpuState cpu, Insn in, int size, long ea) {
        return in.rm >= 0 ? readReg(cpu.gpr, in, in.rm, size) : cpu.mmu.read(ea, size);
    }

    static void writeE(CpuState cpu, Insn in, int size, long ea, long v) {
        if (in.rm >= 0) writeReg(cpu.gpr, in, in.rm, size, v);
        else cpu.mmu.write(ea, size, v);
    }

    /** For read-modify-write of the E operand: a memory destination is checked for writing first. */
    static long readEForWrite(CpuState cpu, Insn in, int size, long ea) {
        if (in.rm >= 0) return readReg(cpu.gpr, in, in.rm, size);
        cpu.mmu.probeWrite(ea, size);
        return cpu.mmu.read(ea, size);
    }

    static long readG(CpuState cpu, Insn in, int size) {
        return readReg(cpu.gpr, in, in.reg, size);
    }

    static void writeG(CpuState cpu, Insn in, int size, long v) {
        writeReg(cpu.gpr, in, in.reg, size, v);
    }

    /** Mask of an address-size register (RCX/RSI/RDI for string ops and LOOP). */
    static long addrMask(Insn in) {
        return in.addrSize == 4 ? 0xffffffffL : -1L;
    }
}
