package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;

/**
 * The integer, stack and string instructions' entry points, by {@link Op} id, for
 * {@link Interpreter}'s dispatch.
 *
 * <p>Why a table of lambdas rather than cases of the interpreter's switch: HotSpot's C2 inlines a
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

    /** One group of instructions: returns true when RIP is to advance to {@code next} (as {@code Interpreter.execute}). */
    @FunctionalInterface
    interface Group {
        boolean run(CpuState c, Insn in, long ea, long next);
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
        put((c, in, ea, next) -> { IntegerOps.alu(c, in, ea); return true; },
                Op.ADD, Op.OR, Op.ADC, Op.SBB, Op.AND, Op.SUB, Op.XOR, Op.CMP, Op.TEST);
        put((c, in, ea, next) -> { IntegerOps.unary(c, in, ea); return true; }, Op.NOT, Op.NEG, Op.INC, Op.DEC);
        put((c, in, ea, next) -> { IntegerOps.mulDiv(c, in, ea); return true; },
                Op.MUL, Op.IMUL1, Op.DIV, Op.IDIV, Op.IMUL2, Op.IMUL3);
        put((c, in, ea, next) -> { IntegerOps.shift(c, in, ea); return true; },
                Op.ROL, Op.ROR, Op.RCL, Op.RCR, Op.SHL, Op.SHR, Op.SAR);
        put((c, in, ea, next) -> { IntegerOps.doubleShift(c, in, ea); return true; }, Op.SHLD, Op.SHRD);
        put((c, in, ea, next) -> { IntegerOps.bitTest(c, in, ea); return true; }, Op.BT, Op.BTS, Op.BTR, Op.BTC);
        put((c, in, ea, next) -> { IntegerOps.bitScan(c, in, ea); return true; },
                Op.BSF, Op.BSR, Op.TZCNT, Op.LZCNT, Op.POPCNT);
        put((c, in, ea, next) -> { IntegerOps.bswap(c, in); return true; }, Op.BSWAP);
        put((c, in, ea, next) -> { IntegerOps.mov(c, in, ea); return true; }, Op.MOV);
        put((c, in, ea, next) -> { IntegerOps.movMoffs(c, in); return true; }, Op.MOV_MOFFS);
        put((c, in, ea, next) -> { IntegerOps.movExtend(c, in, ea, in.row().sizes[1]); return true; },
                Op.MOVZX, Op.MOVSX, Op.MOVSXD);
        put((c, in, ea, next) -> { IntegerOps.movbe(c, in, ea); return true; }, Op.MOVBE);
        put((c, in, ea, next) -> { IntegerOps.xchg(c, in, ea); return true; }, Op.XCHG);
        put((c, in, ea, next) -> { IntegerOps.xadd(c, in, ea); return true; }, Op.XADD);
        put((c, in, ea, next) -> { IntegerOps.cmpxchg(c, in, ea); return true; }, Op.CMPXCHG);
        put((c, in, ea, next) -> { IntegerOps.cmpxchgWide(c, in, ea); return true; }, Op.CMPXCHG8B, Op.CMPXCHG16B);
        put((c, in, ea, next) -> { IntegerOps.cbw(c, in); return true; }, Op.CBW);
        put((c, in, ea, next) -> { IntegerOps.cwd(c, in); return true; }, Op.CWD);
        put((c, in, ea, next) -> { IntegerOps.xlat(c, in); return true; }, Op.XLAT);
        put((c, in, ea, next) -> { IntegerOps.cmov(c, in, ea); return true; }, Op.CMOVCC);
        put((c, in, ea, next) -> { IntegerOps.setcc(c, in, ea); return true; }, Op.SETCC);
        put((c, in, ea, next) -> { StackOps.pushOp(c, in, next); return true; }, Op.PUSH);
        put((c, in, ea, next) -> { StackOps.popOp(c, in, next); return true; }, Op.POP);
        put((c, in, ea, next) -> { StackOps.pushSeg(c, in); return true; }, Op.PUSH_SEG);
        put((c, in, ea, next) -> { StackOps.pushf(c, in); return true; }, Op.PUSHF);
        put((c, in, ea, next) -> { StackOps.popf(c, in); return true; }, Op.POPF);
        put((c, in, ea, next) -> { StackOps.enter(c, in); return true; }, Op.ENTER);
        put((c, in, ea, next) -> { StackOps.leave(c, in); return true; }, Op.LEAVE);
        put((c, in, ea, next) -> StringOps.execute(c, in), Op.MOVS, Op.STOS, Op.LODS, Op.CMPS, Op.SCAS);
    }
}
