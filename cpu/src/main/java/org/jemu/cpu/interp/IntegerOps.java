package org.jemu.cpu.interp;

import static org.jemu.cpu.interp.Operands.readE;
import static org.jemu.cpu.interp.Operands.readEForWrite;
import static org.jemu.cpu.interp.Operands.readG;
import static org.jemu.cpu.interp.Operands.readReg;
import static org.jemu.cpu.interp.Operands.writeE;
import static org.jemu.cpu.interp.Operands.writeG;
import static org.jemu.cpu.interp.Operands.writeReg;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.decode.Shape;
import org.jemu.cpu.exec.Alu;
import org.jemu.cpu.exec.Bits;
import org.jemu.cpu.exec.MulDiv;
import org.jemu.cpu.exec.Shift;

/**
 * Operand plumbing for the integer instructions: fetch the operands the shape names, call the shared
 * semantics in {@code org.jemu.cpu.exec}, write the result back. Memory destinations of
 * read-modify-write forms are probed for write access before anything changes, so a fault leaves the
 * state as it was (precise exceptions).
 */
final class IntegerOps {
    private IntegerOps() {}

    /** ADD OR ADC SBB AND SUB XOR CMP TEST in the shapes E_G, G_E, E_I, A_I. */
    static void alu(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        int op = in.op;
        boolean writes = op != Op.CMP && op != Op.TEST;
        long a, b;
        switch (in.shape) {
            case Shape.E_G:
                a = writes ? readEForWrite(cpu, in, size, ea) : readE(cpu, in, size, ea);
                b = readG(cpu, in, size);
                break;
            case Shape.G_E:
                a = readG(cpu, in, size);
                b = readE(cpu, in, size, ea);
                break;
            case Shape.E_I:
                a = writes ? readEForWrite(cpu, in, size, ea) : readE(cpu, in, size, ea);
                b = in.imm;
                break;
            default: // A_I
                a = readReg(cpu.gpr, in, 0, size);
                b = in.imm;
        }
        Flags f = cpu.flags;
        long r;
        switch (op) {
            case Op.ADD: r = Alu.add(f, size, a, b); break;
            case Op.OR: r = Alu.or(f, size, a, b); break;
            case Op.ADC: r = Alu.adc(f, size, a, b); break;
            case Op.SBB: r = Alu.sbb(f, size, a, b); break;
            case Op.AND: r = Alu.and(f, size, a, b); break;
            case Op.SUB: r = Alu.sub(f, size, a, b); break;
            case Op.XOR: r = Alu.xor(f, size, a, b); break;
            case Op.CMP: Alu.cmp(f, size, a, b); return;
            default: Alu.test(f, size, a, b); return;
        }
        switch (in.shape) {
            case Shape.G_E: writeG(cpu, in, size, r); break;
            case Shape.A_I: writeReg(cpu.gpr, in, 0, size, r); break;
            default: writeE(cpu, in, size, ea, r);
        }
    }

    /** NOT NEG INC DEC on E. */
    static void unary(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long a = readEForWrite(cpu, in, size, ea);
        long r;
        switch (in.op) {
            case Op.NOT: r = Alu.not(size, a); break;
            case Op.NEG: r = Alu.neg(cpu.flags, size, a); break;
            case Op.INC: r = Alu.inc(cpu.flags, size, a); break;
            default: r = Alu.dec(cpu.flags, size, a);
        }
        writeE(cpu, in, size, ea, r);
    }

    /** MUL IMUL DIV IDIV with one operand (rDX:rAX implicit), IMUL with two and three. */
    static void mulDiv(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        switch (in.op) {
            case Op.MUL: MulDiv.mul1(cpu, size, readE(cpu, in, size, ea)); break;
            case Op.IMUL1: MulDiv.imul1(cpu, size, readE(cpu, in, size, ea)); break;
            case Op.DIV: MulDiv.div1(cpu, size, readE(cpu, in, size, ea)); break;
            case Op.IDIV: MulDiv.idiv1(cpu, size, readE(cpu, in, size, ea)); break;
            case Op.IMUL2: writeG(cpu, in, size, MulDiv.imul(cpu.flags, size, readG(cpu, in, size), readE(cpu, in, size, ea))); break;
            default: writeG(cpu, in, size, MulDiv.imul(cpu.flags, size, readE(cpu, in, size, ea), in.imm)); // IMUL3
        }
    }

    /** ROL ROR RCL RCR SHL SHR SAR in the shapes E_1, E_CL, E_I. */
    static void shift(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long count = in.shape == Shape.E_1 ? 1 : in.shape == Shape.E_CL ? cpu.gpr[CpuState.RCX] & 0xff : in.imm;
        long v = readEForWrite(cpu, in, size, ea);
        Flags f = cpu.flags;
        long r;
        switch (in.op) {
            case Op.ROL: r = Shift.rol(f, size, v, count); break;
            case Op.ROR: r = Shift.ror(f, size, v, count); break;
            case Op.RCL: r = Shift.rcl(f, size, v, count); break;
            case Op.RCR: r = Shift.rcr(f, size, v, count); break;
            case Op.SHL: r = Shift.shl(f, size, v, count); break;
            case Op.SHR: r = Shift.shr(f, size, v, count); break;
            default: r = Shift.sar(f, size, v, count);
        }
        writeE(cpu, in, size, ea, r);
    }

    /** SHLD SHRD: E_G_I and E_G_CL. */
    static void doubleShift(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long count = in.shape == Shape.E_G_CL ? cpu.gpr[CpuState.RCX] & 0xff : in.imm;
        long d = readEForWrite(cpu, in, size, ea);
        long s = readG(cpu, in, size);
        long r = in.op == Op.SHLD ? Shift.shld(cpu.flags, size, d, s, count) : Shift.shrd(cpu.flags, size, d, s, count);
        writeE(cpu, in, size, ea, r);
    }

    /**
     * BT BTS BTR BTC. With a register bit offset and a memory operand the offset is a signed bit
     * string index that may reach outside the operand (SDM Vol. 2A, BT, "Bit(BitBase, BitOffset)").
     */
    static void bitTest(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        int bits = size * 8;
        long offset;
        if (in.shape == Shape.E_G) {
            offset = readG(cpu, in, size);
            if (in.rm < 0) {
                long signed = Alu.sext(size, offset);
                ea += (signed >> Integer.numberOfTrailingZeros(bits)) * size;
                if (in.addrSize == 4) ea &= 0xffffffffL;
            }
        } else {
            offset = in.imm;
        }
        offset &= bits - 1;
        Flags f = cpu.flags;
        if (in.op == Op.BT) {
            Bits.bt(f, size, readE(cpu, in, size, ea), offset);
            return;
        }
        long v = readEForWrite(cpu, in, size, ea);
        long r;
        switch (in.op) {
            case Op.BTS: r = Bits.bts(f, size, v, offset); break;
            case Op.BTR: r = Bits.btr(f, size, v, offset); break;
            default: r = Bits.btc(f, size, v, offset);
        }
        writeE(cpu, in, size, ea, r);
    }

    /** BSF BSR TZCNT LZCNT POPCNT: G_E. BSF/BSR leave the destination alone for a zero source. */
    static void bitScan(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long src = readE(cpu, in, size, ea);
        Flags f = cpu.flags;
        switch (in.op) {
            case Op.BSF: case Op.BSR: {
                long dst = readG(cpu, in, size);
                long r = in.op == Op.BSF ? Bits.bsf(f, size, dst, src) : Bits.bsr(f, size, dst, src);
                if (!f.zf()) writeG(cpu, in, size, r);
                break;
            }
            case Op.TZCNT: writeG(cpu, in, size, Bits.tzcnt(f, size, src)); break;
            case Op.LZCNT: writeG(cpu, in, size, Bits.lzcnt(f, size, src)); break;
            default: writeG(cpu, in, size, Bits.popcnt(f, size, src));
        }
    }

    /** MOV in the shapes E_G, G_E, E_I, Z_I. */
    static void mov(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        switch (in.shape) {
            case Shape.E_G: writeE(cpu, in, size, ea, readG(cpu, in, size)); break;
            case Shape.G_E: writeG(cpu, in, size, readE(cpu, in, size, ea)); break;
            case Shape.E_I: writeE(cpu, in, size, ea, in.imm); break;
            default: writeG(cpu, in, size, in.imm); // Z_I: the register is in reg
        }
    }

    /** MOV AL/rAX to or from an absolute address (A0-A3). */
    static void movMoffs(CpuState cpu, Insn in) {
        long a = in.imm;
        if (in.segment >= CpuState.FS) a += cpu.segBase[in.segment];
        int size = in.opSize;
        if (in.shape == Shape.A_O) writeReg(cpu.gpr, in, 0, size, cpu.mmu.read(a, size));
        else cpu.mmu.write(a, size, readReg(cpu.gpr, in, 0, size));
    }

    /** MOVZX MOVSX MOVSXD: G_E with the source size from the table row. */
    static void movExtend(CpuState cpu, Insn in, long ea, int srcSize) {
        long v = readE(cpu, in, srcSize, ea);
        if (in.op != Op.MOVZX) v = Alu.sext(srcSize, v);
        writeG(cpu, in, in.opSize, v);
    }

    /** XCHG E_G (memory form is always locked, which a single CPU need not model) and Z_A. */
    static void xchg(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        if (in.shape == Shape.Z_A) {
            long a = readReg(cpu.gpr, in, in.reg, size), b = readReg(cpu.gpr, in, 0, size);
            writeReg(cpu.gpr, in, in.reg, size, b);
            writeReg(cpu.gpr, in, 0, size, a);
            return;
        }
        long e = readEForWrite(cpu, in, size, ea);
        long g = readG(cpu, in, size);
        writeE(cpu, in, size, ea, g);
        writeG(cpu, in, size, e);
    }

    /** XADD E_G: TEMP := SRC + DEST; SRC := DEST; DEST := TEMP (SDM Vol. 2B, XADD). */
    static void xadd(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long d = readEForWrite(cpu, in, size, ea);
        long s = readG(cpu, in, size);
        long sum = Alu.add(cpu.flags, size, d, s);
        writeG(cpu, in, size, d);
        writeE(cpu, in, size, ea, sum);
    }

    /**
     * CMPXCHG E_G: compare the accumulator with DEST; equal: DEST := SRC, else the accumulator gets
     * DEST. A memory destination is written in both cases, as the processor does (SDM Vol. 2A,
     * CMPXCHG); a register destination is left alone when the compare fails, so a 32-bit one keeps
     * its upper half (the SDM pseudocode: "ELSE ZF := 0; accumulator := DEST"; the host agrees).
     */
    static void cmpxchg(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long d = readEForWrite(cpu, in, size, ea);
        long acc = readReg(cpu.gpr, in, 0, size);
        Alu.cmp(cpu.flags, size, acc, d);
        if (cpu.flags.zf()) {
            writeE(cpu, in, size, ea, readG(cpu, in, size));
        } else {
            if (in.hasMem) writeE(cpu, in, size, ea, d);
            writeReg(cpu.gpr, in, 0, size, d);
        }
    }

    /** CMPXCHG8B / CMPXCHG16B: rDX:rAX against memory, rCX:rBX stored when equal; only ZF changes. */
    static void cmpxchgWide(CpuState cpu, Insn in, long ea) {
        long[] g = cpu.gpr;
        if (in.op == Op.CMPXCHG8B) {
            cpu.mmu.probeWrite(ea, 8);
            long m = cpu.mmu.read64(ea);
            long expect = (g[CpuState.RDX] << 32) | (g[CpuState.RAX] & 0xffffffffL);
            boolean eq = m == expect;
            cpu.mmu.write64(ea, eq ? (g[CpuState.RCX] << 32) | (g[CpuState.RBX] & 0xffffffffL) : m);
            if (!eq) {
                g[CpuState.RAX] = m & 0xffffffffL;
                g[CpuState.RDX] = m >>> 32;
            }
            cpu.flags.setZf(eq);
            return;
        }
        if ((ea & 15) != 0) throw GuestFault.gp(0);   // CMPXCHG16B needs a 16-byte aligned operand
        cpu.mmu.probeWrite(ea, 16);
        long lo = cpu.mmu.read64(ea), hi = cpu.mmu.read64(ea + 8);
        boolean eq = lo == g[CpuState.RAX] && hi == g[CpuState.RDX];
        if (eq) {
            cpu.mmu.write64(ea, g[CpuState.RBX]);
            cpu.mmu.write64(ea + 8, g[CpuState.RCX]);
        } else {
            cpu.mmu.write64(ea, lo);
            cpu.mmu.write64(ea + 8, hi);
            g[CpuState.RAX] = lo;
            g[CpuState.RDX] = hi;
        }
        cpu.flags.setZf(eq);
    }

    /** CBW/CWDE/CDQE: sign-extend the lower half of the accumulator into all of it. */
    static void cbw(CpuState cpu, Insn in) {
        int size = in.opSize;
        long[] g = cpu.gpr;
        Operands.writeGpr(g, CpuState.RAX, size, Alu.sext(size / 2, g[CpuState.RAX]));
    }

    /** CWD/CDQ/CQO: rDX := all copies of the accumulator's sign bit. */
    static void cwd(CpuState cpu, Insn in) {
        int size = in.opSize;
        long[] g = cpu.gpr;
        long sign = (Alu.sext(size, g[CpuState.RAX]) < 0) ? -1L : 0;
        Operands.writeGpr(g, CpuState.RDX, size, sign);
    }

    /** CMOVcc G_E: the source is read (and may fault) even when the condition is false. */
    static void cmov(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        long v = readE(cpu, in, size, ea);
        if (cpu.flags.cond(in.cc)) writeG(cpu, in, size, v);
        else if (size == 4) cpu.gpr[in.reg] &= 0xffffffffL;   // a 32-bit destination is zero-extended regardless
    }

    static void setcc(CpuState cpu, Insn in, long ea) {
        writeE(cpu, in, 1, ea, cpu.flags.cond(in.cc) ? 1 : 0);
    }

    /** BSWAP Z: the register is in reg. */
    static void bswap(CpuState cpu, Insn in) {
        int size = in.opSize;
        Operands.writeGpr(cpu.gpr, in.reg, size, Bits.bswap(size, readReg(cpu.gpr, in, in.reg, size)));
    }

    /** MOVBE: byte-swapping load or store. */
    static void movbe(CpuState cpu, Insn in, long ea) {
        int size = in.opSize;
        if (in.shape == Shape.G_M) {
            long v = cpu.mmu.read(ea, size);
            writeG(cpu, in, size, size == 2 ? Short.reverseBytes((short) v) & 0xffff : Bits.bswap(size, v));
        } else {
            long v = readG(cpu, in, size);
            cpu.mmu.write(ea, size, size == 2 ? Short.reverseBytes((short) v) & 0xffff : Bits.bswap(size, v));
        }
    }

    /** XLAT: AL := [rBX + zero-extended AL]. */
    static void xlat(CpuState cpu, Insn in) {
        long[] g = cpu.gpr;
        long a = (g[CpuState.RBX] + (g[CpuState.RAX] & 0xff)) & Operands.addrMask(in);
        if (in.segment >= CpuState.FS) a += cpu.segBase[in.segment];
        g[CpuState.RAX] = (g[CpuState.RAX] & ~0xffL) | cpu.mmu.read8(a);
    }
}
