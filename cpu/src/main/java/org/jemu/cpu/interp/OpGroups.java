package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;

/**
 * The integer, stack and string instructions' entry points, by {@link Op} id, for
 * {@link Interpreter}'s dispatch.
 *
 * <p>Why a table of small classes rather than cases of the interpreter's switch: HotSpot's C2 inlines a
 * switch's callees into the one compiled method, and each rarely taken branch in any of them that a
 * guest reaches for the first time (a new operand size or addressing form, a page-crossing access,
 * flags computed from an operation not seen before) is an uncommon trap that discards the whole
 * method. In one run of the test programs C2 compiled the interpreter's dispatch method 19 times
 * (1.1 s of the compiler thread, on a 2-core machine where the compiler and the CPU thread share the
 * cores) while the CPU thread ran C1's slower code in between. Called through this table, the site
 * sees dozens of classes, so HotSpot does not inline them: it compiles each group on its own, and a
 * new branch in one of them discards and recompiles that one small method.
 */
final class OpGroups {
    private OpGroups() {}

    /**
     * One group of instructions: returns true when RIP is to advance to {@code next} (as
     * {@code Interpreter.execute}). An abstract class, not a functional interface, so that the
     * megamorphic call is a vtable call rather than an itable search (as for the JIT's regions).
     */
    abstract static class Group {
        abstract boolean run(CpuState c, Insn in, long ea, long next);
    }

    private static final Group[] BY_OP = new Group[Op.COUNT];

    /** The group of {@code op}, or null when the interpreter's switch runs it. */
    static Group of(int op) {
        return BY_OP[op];
    }

    private static void put(Group g, int... ops) {
        for (int op : ops) {
            if (BY_OP[op] != null) throw new IllegalStateException("two groups for " + Op.name(op));
            BY_OP[op] = g;
        }
    }

    static {
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.alu(c, in, ea); return true; } },
                Op.ADD, Op.OR, Op.ADC, Op.SBB, Op.AND, Op.SUB, Op.XOR, Op.CMP, Op.TEST);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.unary(c, in, ea); return true; } },
                Op.NOT, Op.NEG, Op.INC, Op.DEC);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.mulDiv(c, in, ea); return true; } },
                Op.MUL, Op.IMUL1, Op.DIV, Op.IDIV, Op.IMUL2, Op.IMUL3);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.shift(c, in, ea); return true; } },
                Op.ROL, Op.ROR, Op.RCL, Op.RCR, Op.SHL, Op.SHR, Op.SAR);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.doubleShift(c, in, ea); return true; } },
                Op.SHLD, Op.SHRD);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.bitTest(c, in, ea); return true; } },
                Op.BT, Op.BTS, Op.BTR, Op.BTC);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.bitScan(c, in, ea); return true; } },
                Op.BSF, Op.BSR, Op.TZCNT, Op.LZCNT, Op.POPCNT);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.bswap(c, in); return true; } },
                Op.BSWAP);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.mov(c, in, ea); return true; } },
                Op.MOV);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.movMoffs(c, in); return true; } },
                Op.MOV_MOFFS);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.movExtend(c, in, ea, in.row().sizes[1]); return true; } },
                Op.MOVZX, Op.MOVSX, Op.MOVSXD);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.movbe(c, in, ea); return true; } },
                Op.MOVBE);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.xchg(c, in, ea); return true; } },
                Op.XCHG);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.xadd(c, in, ea); return true; } },
                Op.XADD);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.cmpxchg(c, in, ea); return true; } },
                Op.CMPXCHG);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.cmpxchgWide(c, in, ea); return true; } },
                Op.CMPXCHG8B, Op.CMPXCHG16B);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.cbw(c, in); return true; } }, Op.CBW);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.cwd(c, in); return true; } }, Op.CWD);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.xlat(c, in); return true; } },
                Op.XLAT);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.cmov(c, in, ea); return true; } },
                Op.CMOVCC);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { IntegerOps.setcc(c, in, ea); return true; } },
                Op.SETCC);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.pushOp(c, in, next); return true; } },
                Op.PUSH);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.popOp(c, in, next); return true; } },
                Op.POP);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.pushSeg(c, in); return true; } },
                Op.PUSH_SEG);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.pushf(c, in); return true; } },
                Op.PUSHF);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.popf(c, in); return true; } }, Op.POPF);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.enter(c, in); return true; } },
                Op.ENTER);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { StackOps.leave(c, in); return true; } },
                Op.LEAVE);
        put(new Group() { boolean run(CpuState c, Insn in, long ea, long next) { return StringOps.execute(c, in); } },
                Op.MOVS, Op.STOS, Op.LODS, Op.CMPS, Op.SCAS);
    }
}
