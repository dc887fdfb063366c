package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.exec.Alu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;

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
        if ((op == Op.MOVS || op == Op.STOS) && step > 0 && amask == -1L && !alignmentChecked(cpu)
                && bulk(cpu, op, size, srcBase)) return true;
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

    /** Bytes a REP MOVS/STOS may move in bulk per execution, so the run loop keeps control. */
    static final int BULK_LIMIT = 1 << 16;

    /**
     * REP MOVS/STOS forward with 64-bit addressing, as array copies: each run of whole elements that
     * lies inside one source page and one destination page of RAM is translated once (with the
     * access checks and A/D updates of a single access) and moved at once. Anything else — an element
     * that straddles a page, MMIO, a destination page holding decoded code, a forward copy onto its
     * own source (which replicates a pattern element by element) — is left to the per-element path.
     * Registers are updated after every run, so a fault leaves the state of a precise REP.
     * Returns true when the instruction is complete.
     */
    private static boolean bulk(CpuState cpu, int op, int size, long srcBase) {
        long[] g = cpu.gpr;
        PhysicalMemory pm = cpu.mmu.physical();
        byte[] ram = pm.ram();
        long value = g[CpuState.RAX];
        for (long moved = 0; moved < BULK_LIMIT; ) {
            long count = g[CpuState.RCX];
            if (count == 0) return true;
            long di = g[CpuState.RDI];
            long n = Math.min(count, (0x1000 - (di & 0xfff)) / size);
            long si = srcBase + g[CpuState.RSI];
            if (op == Op.MOVS) n = Math.min(n, (0x1000 - (si & 0xfff)) / size);
            if (n <= 0) return false;
            int bytes = (int) (n * size);
            long src = op == Op.MOVS ? cpu.mmu.translate(si, Translator.READ) : 0;
            long dst = cpu.mmu.translate(di, Translator.WRITE);
            if (!pm.isRam(dst) || !pm.isRam(dst + bytes - 1) || pm.isCodePage(dst >>> 12)) return false;
            if (op == Op.MOVS) {
                if (!pm.isRam(src) || !pm.isRam(src + bytes - 1) || (dst > src && dst < src + bytes)) return false;
                System.arraycopy(ram, (int) src, ram, (int) dst, bytes);
                g[CpuState.RSI] += bytes;
            } else if (size == 1) {
                java.util.Arrays.fill(ram, (int) dst, (int) dst + bytes, (byte) value);
            } else {
                for (int i = 0; i < bytes; i++) ram[(int) dst + i] = (byte) (value >>> (8 * (i % size)));
            }
            g[CpuState.RDI] += bytes;
            g[CpuState.RCX] = count - n;
            moved += bytes;
        }
        return g[CpuState.RCX] == 0;
    }

    /** #AC applies to each element (CR0.AM, RFLAGS.AC, CPL 3): leave such copies to the per-element path. */
    private static boolean alignmentChecked(CpuState cpu) {
        return cpu.cpl == 3 && (cpu.cr0 & (1L << 18)) != 0 && cpu.flags.ac();
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
