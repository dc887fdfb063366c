package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.sys.Privileged;
import org.jemu.cpu.decode.Shape;

/**
 * PUSH, POP, PUSHF, POPF, ENTER, LEAVE and the stack side of CALL/RET. In 64-bit mode the stack
 * operand size is 8, or 2 with a 66 prefix (SDM Vol. 1 §6.2.5); the stack pointer is always RSP.
 * Memory is written before RSP changes, so a fault leaves RSP as it was.
 */
final class StackOps {
    private StackOps() {}

    static void push(CpuState cpu, int size, long v) {
        long sp = cpu.gpr[CpuState.RSP] - size;
        cpu.mmu.write(sp, size, v);
        cpu.gpr[CpuState.RSP] = sp;
    }

    static long pop(CpuState cpu, int size) {
        long sp = cpu.gpr[CpuState.RSP];
        long v = cpu.mmu.read(sp, size);
        cpu.gpr[CpuState.RSP] = sp + size;
        return v;
    }

    /** PUSH Z / E / I; an E operand that uses RSP is addressed before the decrement. */
    static void pushOp(CpuState cpu, Insn in, long next) {
        int size = in.opSize;
        long v;
        switch (in.shape) {
            case Shape.Z: v = Operands.readReg(cpu.gpr, in, in.reg, size); break;
            case Shape.I: v = in.imm; break;
            default: v = Operands.readE(cpu, in, size, in.hasMem ? Operands.ea(cpu, in, next) : 0);
        }
        push(cpu, size, v);
    }

    /**
     * POP Z / E. For a memory destination that uses RSP as a base, the address is computed with RSP
     * already incremented (SDM Vol. 2B, POP).
     */
    static void popOp(CpuState cpu, Insn in, long next) {
        int size = in.opSize;
        long[] g = cpu.gpr;
        long sp = g[CpuState.RSP];
        long v = cpu.mmu.read(sp, size);
        if (in.shape == Shape.Z || in.rm >= 0) {
            int r = in.shape == Shape.Z ? in.reg : in.rm;
            g[CpuState.RSP] = sp + size;
            Operands.writeGpr(g, r, size, v);        // POP RSP: the popped value wins
            return;
        }
        g[CpuState.RSP] = sp + size;
        long ea;
        try {
            ea = Operands.ea(cpu, in, next);
        } finally {
            g[CpuState.RSP] = sp;
        }
        cpu.mmu.write(ea, size, v);
        g[CpuState.RSP] = sp + size;
    }

    /** PUSH FS / PUSH GS: the 16-bit selector, zero-extended to the operand size. */
    static void pushSeg(CpuState cpu, Insn in) {
        push(cpu, in.opSize, cpu.segSelector[in.reg]);
    }

    static void popSeg(CpuState cpu, Insn in) {
        long v = cpu.mmu.read(cpu.gpr[CpuState.RSP], in.opSize) & 0xffff;
        cpu.gpr[CpuState.RSP] += in.opSize;
        cpu.segSelector[in.reg] = (int) v;
    }

    /** PUSHF: the RFLAGS image has VM and RF cleared (SDM Vol. 2B, PUSHF). */
    static void pushf(CpuState cpu, Insn in) {
        push(cpu, in.opSize, cpu.flags.get() & ~(Flags.VM | Flags.RF));
    }

    /**
     * POPF: at CPL 3 (with IOPL 0) IF and IOPL keep their values; VM, VIF, VIP and RF are never set
     * by POPF in 64-bit mode (SDM Vol. 2B, POPF, "64-bit mode" operation).
     */
    static void popf(CpuState cpu, Insn in) {
        long v = pop(cpu, in.opSize);
        Privileged.popf(cpu, v, in.opSize);
    }

    /**
     * ENTER Iw, Ib (SDM Vol. 2A, ENTER, 64-bit mode). The final stack pointer is probed first: ENTER
     * faults "if a write using the final value of the stack pointer ... would cause a page fault"
     * (SDM Vol. 2A, ENTER, Exceptions), even when the frame itself is mapped.
     */
    static void enter(CpuState cpu, Insn in) {
        int size = in.opSize;
        long[] g = cpu.gpr;
        int level = (int) (in.imm2 & 31);
        long sp = g[CpuState.RSP];
        long bp = g[CpuState.RBP];
        long frame = sp - size;
        cpu.mmu.probeWrite(frame - (long) size * level - (in.imm & 0xffff), size);
        cpu.mmu.write(frame, size, bp);
        long p = frame;
        for (int i = 1; i < level; i++) {
            bp -= size;
            p -= size;
            cpu.mmu.write(p, size, cpu.mmu.read(bp, size));
        }
        if (level > 0) {
            p -= size;
            cpu.mmu.write(p, size, frame);
        }
        long newSp = p - (in.imm & 0xffff);
        g[CpuState.RSP] = newSp;
        Operands.writeGpr(g, CpuState.RBP, size, frame);
    }

    /** LEAVE: RSP := RBP, then pop RBP. */
    static void leave(CpuState cpu, Insn in) {
        int size = in.opSize;
        long[] g = cpu.gpr;
        long bp = g[CpuState.RBP];
        long v = cpu.mmu.read(bp, size);
        g[CpuState.RSP] = bp + size;
        Operands.writeGpr(g, CpuState.RBP, size, v);
    }
}
