package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.exec.Alu;

/**
 * MOVS, STOS, LODS, CMPS, SCAS with and without REP/REPE/REPNE (SDM Vol. 2B, REP/REPE/REPZ/REPNE).
 * The source is DS:rSI (FS/GS override honoured), the destination ES:rDI (never overridden); rCX,
 * rSI and rDI are address-size registers. Registers are updated after every iteration, so a fault in
 * the middle leaves a restartable state, and a long REP runs in slices of {@link #SLICE} iterations
 * (the instruction is re-executed for the rest), so the run loop keeps control.
 */
final class StringOps {
    private StringOps() {}

    static final int SLICE = 4096;

    /** Runs (part of) the instruction; returns true when it is complete and RIP may advance. */
    static boolean execute(CpuState cpu, Insn in) {
        long[] g = cpu.gpr;
        long amask = Operands.addrMask(in);
        boolean rep = (in.prefixes & (Insn.PFX_REP | Insn.PFX_REPNE)) != 0;
        int size = in.opSize;
        long step = cpu.flags.df() ? -size : size;
        long srcBase = in.segment >= CpuState.FS ? cpu.segBase[in.segment] : 0;
        int op = in.op;
        if (!rep) {
            once(cpu, in, op, size, step, amask, srcBase);
            return true;
        }
        boolean cmpLike = op == Op.CMPS || op == Op.SCAS;
        boolean repne = (in.prefixes & Insn.PFX_REPNE) != 0 && (in.prefixes & Insn.PFX_REP) == 0;
        for (int i = 0; i < SLICE; i++) {
            if ((g[CpuState.RCX] & amask) == 0) return true;
            once(cpu, in, op, size, step, amask, srcBase);
            setMasked(g, CpuState.RCX, g[CpuState.RCX] - 1, amask);
            if (cmpLike && cpu.flags.zf() == repne) return true;
        }
        return (g[CpuState.RCX] & amask) == 0;
    }

    private static void setMasked(long[] g, int r, long v, long amask) {
        g[r] = amask == -1L ? v : v & amask;   // 32-bit address size: the write zero-extends
    }

    private static void once(CpuState cpu, Insn in, int op, int size, long step, long amask, long srcBase) {
        long[] g = cpu.gpr;
        long si = g[CpuState.RSI] & amask, di = g[CpuState.RDI] & amask;
        switch (op) {
            case Op.MOVS: {
                long v = cpu.mmu.read(srcBase + si, size);
                cpu.mmu.write(di, size, v);
                setMasked(g, CpuState.RSI, si + step, amask);
                setMasked(g, CpuState.RDI, di + step, amask);
                break;
            }
            case Op.STOS:
                cpu.mmu.write(di, size, g[CpuState.RAX]);
                setMasked(g, CpuState.RDI, di + step, amask);
                break;
            case Op.LODS:
                Operands.writeReg(g, in, 0, size, cpu.mmu.read(srcBase + si, size));
                setMasked(g, CpuState.RSI, si + step, amask);
                break;
            case Op.CMPS: {
                long a = cpu.mmu.read(srcBase + si, size);
                long b = cpu.mmu.read(di, size);
                Alu.cmp(cpu.flags, size, a, b);
                setMasked(g, CpuState.RSI, si + step, amask);
                setMasked(g, CpuState.RDI, di + step, amask);
                break;
            }
            default: { // SCAS
                long b = cpu.mmu.read(di, size);
                Alu.cmp(cpu.flags, size, Operands.readReg(g, in, 0, size), b);
                setMasked(g, CpuState.RDI, di + step, amask);
            }
        }
    }
}
