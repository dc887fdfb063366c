package org.jemu.jit;

import static org.objectweb.asm.Opcodes.*;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Form;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.decode.Shape;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Bytecode for one guest instruction. Simple, hot integer instructions are emitted inline, calling
 * the interpreter's semantics in {@code org.jemu.cpu.exec} for anything with flags (so interpreter
 * and JIT share one definition, which HotSpot inlines); everything else is a call to
 * {@link JitFrame#fallback}, which runs the interpreter on the decoded instruction.
 *
 * <p>Inline code follows the interpreter's order of side effects exactly: memory destinations of
 * read-modify-write forms are probed before any change, stores come before stack-pointer updates,
 * so a guest fault (or an MMIO/code-write bail, see {@link org.jemu.cpu.mem.Mmu#bailOnSlowAccess})
 * leaves the state as it was before the instruction.
 *
 * <p>Locals of the generated method: {@link #C} CpuState, {@link #X} JitFrame, {@link #G} the GPR
 * array, {@link #F} Flags, {@link #M} Mmu, {@link #N} completed-instruction count, {@link #MAX} the
 * budget, long temporaries {@link #TA} {@link #TB} {@link #TR} {@link #TEA}, and {@link #PC} the
 * current fault point.
 */
final class Emitter {
    static final int THIS = 0, C = 1, X = 2, G = 3, F = 4, M = 5, N = 6, MAX = 7;
    static final int TA = 8, TB = 10, TR = 12, TEA = 14;
    /** int local: the fault point of the instruction running (see RegionCompiler's fault table). */
    static final int PC = 16;

    /** Instruction kinds for region building. */
    static final int K_STRAIGHT = 0, K_BRANCH = 1, K_END = 2;

    static final String CPU = "org/jemu/cpu/CpuState", FLAGS = "org/jemu/cpu/Flags", MMU = "org/jemu/cpu/mem/Mmu",
            FRAME = "org/jemu/jit/JitFrame", ALU = "org/jemu/cpu/exec/Alu", SHIFT = "org/jemu/cpu/exec/Shift",
            MULDIV = "org/jemu/cpu/exec/MulDiv", OPS = "org/jemu/jit/JitOps", INSN = "org/jemu/cpu/decode/Insn";
    private static final String ALU_SIG = "(L" + FLAGS + ";IJJ)J";

    private final MethodVisitor mv;

    Emitter(MethodVisitor mv) {
        this.mv = mv;
    }

    // ---- classification ----------------------------------------------------------------------

    /** How an instruction shapes a region: a direct branch, a region end, or straight-line code. */
    static int kind(Insn in) {
        switch (in.op) {
            case Op.JCC: case Op.JMP: case Op.CALL:
                return in.shape == Shape.J ? K_BRANCH : K_END;
            case Op.CPUID: case Op.RDTSC: case Op.RDTSCP:
                return K_STRAIGHT;
            default:
                return in.row().endsBlock || leavesRegion(in.op) ? K_END : K_STRAIGHT;
        }
    }

    /**
     * Instructions after which compiled code must not go on: they change the mode, the address
     * space, the interrupt flag or shadow, or talk to devices (which may raise an interrupt the
     * interpreter would take right after them).
     */
    // POPF is not among them: a fallback leaves the region when it made an interrupt deliverable
    // (IF) or set TF (JitFrame.fallback); IOPL and AC are read where they matter.
    private static boolean leavesRegion(int op) {
        switch (op) {
            case Op.HLT: case Op.CLI: case Op.STI: case Op.IN: case Op.OUT: case Op.INS: case Op.OUTS:
            case Op.CLTS: case Op.INVD: case Op.WBINVD: case Op.WRMSR: case Op.RDMSR: case Op.RDPMC:
            case Op.MOV_FROM_CR: case Op.MOV_TO_CR: case Op.MOV_FROM_DR: case Op.MOV_TO_DR:
            case Op.LLDT: case Op.LTR: case Op.LGDT: case Op.LIDT: case Op.LMSW: case Op.INVLPG:
            case Op.SWAPGS: case Op.SYSRET: case Op.SYSEXIT: case Op.MONITOR: case Op.MWAIT:
            case Op.XSETBV: case Op.MOV_TO_SEG: case Op.RETF: case Op.IRET: case Op.POP_SEG:
            case Op.SYSCALL: case Op.INT: case Op.INT1: case Op.INT3: case Op.UD2:
                return true;
            default:
                return false;
        }
    }

    /** True when the inline form of {@code in} exists (else it is a fallback call). */
    static boolean inline(Insn in) {
        int s = in.opSize;
        switch (in.op) {
            case Op.MOV:
                return in.shape == Shape.E_G || in.shape == Shape.G_E || in.shape == Shape.E_I || in.shape == Shape.Z_I;
            case Op.ADD: case Op.OR: case Op.ADC: case Op.SBB: case Op.AND: case Op.SUB: case Op.XOR:
            case Op.CMP: case Op.TEST:
                return true;
            case Op.INC: case Op.DEC: case Op.NOT: case Op.NEG:
                return true;
            case Op.LEA:
                return s != 2;
            case Op.MOVZX: case Op.MOVSX: case Op.MOVSXD:
                return true;
            case Op.PUSH:
                return s == 8;
            case Op.POP:
                return s == 8 && (in.shape == Shape.Z || in.rm >= 0);
            case Op.JCC: case Op.JMP: case Op.CALL:
                return in.shape == Shape.J;
            case Op.RET:
                return in.shape != Shape.I;
            case Op.JMP_IND: case Op.CALL_IND:
                return true;
            case Op.SHL: case Op.SHR: case Op.SAR: case Op.ROL: case Op.ROR:
                return in.shape == Shape.E_I || in.shape == Shape.E_1 || in.shape == Shape.E_CL;
            case Op.CMOVCC: case Op.SETCC:
                return true;
            case Op.IMUL2: case Op.IMUL3:
            case Op.MUL: case Op.IMUL1: case Op.DIV: case Op.IDIV:
            case Op.SHLD: case Op.SHRD:
                return true;
            case Op.NOP: case Op.PAUSE: case Op.PREFETCH: case Op.LFENCE: case Op.MFENCE: case Op.SFENCE:
                return true;
            default:
                return sse(in) != null;
        }
    }

    /**
     * The SSE forms compiled inline: moves, and arithmetic calling the interpreter's
     * {@code SseFloat}/{@code SseConvert} helpers directly. Returns the helper's name ("" for moves),
     * or null. Regions containing them assume SSE is usable (CR0.EM = TS = 0, CR4.OSFXSR = 1);
     * the dispatcher checks that before entering ({@link Region#sse}).
     */
    static String sse(Insn in) {
        if (Shape.isMmx(in.shape)) return null;
        boolean vw = in.shape == Shape.V_W;
        switch (in.op) {
            case Op.MOVSS: case Op.MOVSD: case Op.MOVUPS: case Op.MOVAPS:
                return vw || in.shape == Shape.W_V ? "" : null;
            case Op.ADDSD: return vw ? "addsd" : null;
            case Op.SUBSD: return vw ? "subsd" : null;
            case Op.MULSD: return vw ? "mulsd" : null;
            case Op.DIVSD: return vw ? "divsd" : null;
            case Op.SQRTSD: return vw ? "sqrtsd" : null;
            case Op.MINSD: return vw ? "minsd" : null;
            case Op.MAXSD: return vw ? "maxsd" : null;
            case Op.ADDSS: return vw ? "addss" : null;
            case Op.SUBSS: return vw ? "subss" : null;
            case Op.MULSS: return vw ? "mulss" : null;
            case Op.DIVSS: return vw ? "divss" : null;
            case Op.SQRTSS: return vw ? "sqrtss" : null;
            case Op.ADDPD: return vw ? "addpd" : null;
            case Op.SUBPD: return vw ? "subpd" : null;
            case Op.MULPD: return vw ? "mulpd" : null;
            case Op.DIVPD: return vw ? "divpd" : null;
            case Op.ADDPS: return vw ? "addps" : null;
            case Op.SUBPS: return vw ? "subps" : null;
            case Op.MULPS: return vw ? "mulps" : null;
            case Op.DIVPS: return vw ? "divps" : null;
            case Op.CVTSI2SD: return in.shape == Shape.V_E ? "cvtsi2sd" : null;
            case Op.MOVD_TO_XMM: case Op.MOVD_FROM_XMM: case Op.MOVQ_TO_XMM: return "";
            case Op.PMOVMSKB: return in.rm >= 0 ? "" : null;
            default:
                return vw && PACKED_INT.containsKey(in.op) ? PACKED_INT.get(in.op) : null;
        }
    }

    /**
     * Packed-integer operations (V op= W) compiled as a direct call to their semantics in
     * {@code SseInt}/{@code Ssse3} ({@code (long[] xmm, int d, long lo, long hi)}), found by name.
     */
    private static final java.util.Map<Integer, String> PACKED_INT = new java.util.HashMap<>();

    static {
        for (int op = 0; op < 1024; op++) {
            String name = Op.name(op);
            if (name == null || !name.startsWith("P")) continue;
            String m = name.toLowerCase(java.util.Locale.ROOT);
            for (String cls : new String[] {"org.jemu.cpu.exec.SseInt", "org.jemu.cpu.exec.Ssse3"}) {
                try {
                    Class.forName(cls).getMethod(m, long[].class, int.class, long.class, long.class);
                    PACKED_INT.put(op, cls.replace('.', '/') + "." + m);
                    break;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not a packed-integer helper of this shape
                }
            }
        }
    }

    /** True when the inline form of {@code in} may raise a guest exception (touches memory). */
    static boolean canFault(Insn in) {
        if (!inline(in)) return true;
        switch (in.op) {
            case Op.LEA: case Op.NOP: case Op.PAUSE: case Op.PREFETCH: case Op.LFENCE: case Op.MFENCE: case Op.SFENCE:
                return false;
            case Op.PUSH: case Op.POP: case Op.CALL: case Op.RET: case Op.CALL_IND: case Op.JMP_IND:
            case Op.DIV: case Op.IDIV:
                return true;
            default: {
                String h = sse(in);
                if (h != null && !h.isEmpty()) return true;      // SSE arithmetic: #XM when unmasked
                return in.hasMem;
            }
        }
    }

    // ---- constants and registers ---------------------------------------------------------------

    void iconst(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    void lconst(long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    private void gpr(int r) {
        mv.visitVarInsn(ALOAD, G);
        iconst(r);
        mv.visitInsn(LALOAD);
    }

    /** Pushes register {@code r} at {@code size}, zero-extended (byte registers mapped as the SDM says). */
    void readReg(Insn in, int r, int size) {
        switch (size) {
            case 8: gpr(r); return;
            case 4: gpr(r); lconst(0xffffffffL); mv.visitInsn(LAND); return;
            case 2: gpr(r); lconst(0xffffL); mv.visitInsn(LAND); return;
            default: {
                int b = in.byteReg(r);
                gpr(b & 15);
                if ((b & 16) != 0) { iconst(8); mv.visitInsn(LUSHR); }
                lconst(0xffL);
                mv.visitInsn(LAND);
            }
        }
    }

    /** Writes long local {@code v} to register {@code r} at {@code size} (32-bit writes zero-extend). */
    void writeReg(Insn in, int r, int size, int v) {
        switch (size) {
            case 8:
                mv.visitVarInsn(ALOAD, G); iconst(r); mv.visitVarInsn(LLOAD, v); mv.visitInsn(LASTORE);
                return;
            case 4:
                mv.visitVarInsn(ALOAD, G); iconst(r); mv.visitVarInsn(LLOAD, v);
                lconst(0xffffffffL); mv.visitInsn(LAND); mv.visitInsn(LASTORE);
                return;
            case 2:
                merge(r, 0xffffL, 0, v);
                return;
            default: {
                int b = in.byteReg(r);
                if ((b & 16) != 0) merge(b & 15, 0xff00L, 8, v);
                else merge(b, 0xffL, 0, v);
            }
        }
    }

    /** g[r] = (g[r] & ~mask) | ((v << shift) & mask). */
    private void merge(int r, long mask, int shift, int v) {
        mv.visitVarInsn(ALOAD, G); iconst(r);
        gpr(r); lconst(~mask); mv.visitInsn(LAND);
        mv.visitVarInsn(LLOAD, v);
        if (shift != 0) { iconst(shift); mv.visitInsn(LSHL); }
        lconst(mask); mv.visitInsn(LAND);
        mv.visitInsn(LOR);
        mv.visitInsn(LASTORE);
    }

    // ---- memory -------------------------------------------------------------------------------

    /** TEA = the linear address of the memory operand (as {@link Insn#effectiveAddress}). */
    void ea(Insn in, long next) {
        pushOffset(in, next);
        if (in.segment >= CpuState.FS) {
            mv.visitFieldInsn(GETSTATIC, REGION_CLASS, SEG_FIELD, "[J");
            iconst(in.segment);
            mv.visitInsn(LALOAD);
            mv.visitInsn(LADD);
        }
        mv.visitVarInsn(LSTORE, TEA);
    }

    /** Pushes the effective address without segment base, truncated to the address size (LEA). */
    private void pushOffset(Insn in, long next) {
        boolean any = false;
        long disp = in.base == Insn.BASE_RIP ? in.disp + next : in.disp;
        if (in.base >= 0 && in.base != Insn.BASE_RIP) { gpr(in.base); any = true; }
        if (in.index >= 0) {
            gpr(in.index);
            if (in.scale != 0) { iconst(in.scale); mv.visitInsn(LSHL); }
            if (any) mv.visitInsn(LADD);
            any = true;
        }
        if (!any) lconst(disp);
        else if (disp != 0) { lconst(disp); mv.visitInsn(LADD); }
        if (in.addrSize == 4) { lconst(0xffffffffL); mv.visitInsn(LAND); }
    }

    /** The region class and its constants (static final fields, see {@link RegionCompiler}). */
    static final String REGION_CLASS = "org/jemu/jit/R", TLB_FIELD = "TLB", RAM_FIELD = "RAM", GPR_FIELD = "GPR",
            FLAGS_FIELD = "FLAGS", MMU_FIELD = "MMU", XMM_FIELD = "XMM", SEG_FIELD = "SEG";
    private static final String ARRAYS = "L" + MMU + ";[J[BJ";

    /** Pushes the MMU, its TLB and RAM (constants of the region class) and TEA: a fast path's first arguments. */
    private void mmuArgs() {
        mv.visitVarInsn(ALOAD, M);
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, TLB_FIELD, "[J");
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, RAM_FIELD, "[B");
        mv.visitVarInsn(LLOAD, TEA);
    }

    /** Pushes the value at TEA, zero-extended. */
    void memRead(int size) {
        mmuArgs();
        switch (size) {
            case 1: mv.visitMethodInsn(INVOKESTATIC, MMU, "read8", "(" + ARRAYS + ")I", false); mv.visitInsn(I2L); break;
            case 2: mv.visitMethodInsn(INVOKESTATIC, MMU, "read16", "(" + ARRAYS + ")I", false); mv.visitInsn(I2L); break;
            case 4:
                mv.visitMethodInsn(INVOKESTATIC, MMU, "read32", "(" + ARRAYS + ")I", false);
                mv.visitInsn(I2L); lconst(0xffffffffL); mv.visitInsn(LAND);
                break;
            default: mv.visitMethodInsn(INVOKESTATIC, MMU, "read64", "(" + ARRAYS + ")J", false);
        }
    }

    /** Writes long local {@code v} at TEA. */
    void memWrite(int size, int v) {
        mmuArgs();
        mv.visitVarInsn(LLOAD, v);
        switch (size) {
            case 1: mv.visitInsn(L2I); mv.visitMethodInsn(INVOKESTATIC, MMU, "write8", "(" + ARRAYS + "I)V", false); break;
            case 2: mv.visitInsn(L2I); mv.visitMethodInsn(INVOKESTATIC, MMU, "write16", "(" + ARRAYS + "I)V", false); break;
            case 4: mv.visitInsn(L2I); mv.visitMethodInsn(INVOKESTATIC, MMU, "write32", "(" + ARRAYS + "I)V", false); break;
            default: mv.visitMethodInsn(INVOKESTATIC, MMU, "write64", "(" + ARRAYS + "J)V", false);
        }
    }

    private void probeWrite(int size) {
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(LLOAD, TEA);
        iconst(size);
        mv.visitMethodInsn(INVOKEVIRTUAL, MMU, "probeWrite", "(JI)V", false);
    }

    /** Pushes the E operand (register or memory at TEA). */
    private void readE(Insn in, int size) {
        if (in.rm >= 0) readReg(in, in.rm, size);
        else memRead(size);
    }

    /** Pushes the E operand of a read-modify-write (a memory destination is probed first). */
    private void readEForWrite(Insn in, int size) {
        if (in.rm < 0) probeWrite(size);
        readE(in, size);
    }

    private void writeE(Insn in, int size, int v) {
        if (in.rm >= 0) writeReg(in, in.rm, size, v);
        else memWrite(size, v);
    }

    private void lstore(int local) { mv.visitVarInsn(LSTORE, local); }

    private void lload(int local) { mv.visitVarInsn(LLOAD, local); }

    // ---- instructions -------------------------------------------------------------------------

    /**
     * Emits the inline body of straight-line instruction {@code in} (RIP {@code next - in.length});
     * {@code flagsDead} when no later instruction can observe the arithmetic flags it writes.
     */
    void straight(Insn in, long next, boolean flagsDead) {
        if (in.hasMem && in.op != Op.LEA) ea(in, next);
        int size = in.opSize;
        switch (in.op) {
            case Op.MOV: mov(in, size); return;
            case Op.ADD: case Op.OR: case Op.ADC: case Op.SBB: case Op.AND: case Op.SUB: case Op.XOR:
            case Op.CMP: case Op.TEST:
                alu(in, size, flagsDead);
                return;
            case Op.INC: case Op.DEC: case Op.NOT: case Op.NEG: unary(in, size, flagsDead); return;
            case Op.LEA:
                pushOffset(in, next);
                lstore(TR);
                writeReg(in, in.reg, size, TR);
                return;
            case Op.MOVZX: case Op.MOVSX: case Op.MOVSXD: {
                int src = in.row().sizes[1];
                readE(in, src);
                if (in.op != Op.MOVZX && src < 8) {
                    int sh = 64 - src * 8;
                    iconst(sh); mv.visitInsn(LSHL); iconst(sh); mv.visitInsn(LSHR);
                }
                lstore(TR);
                writeReg(in, in.reg, size, TR);
                return;
            }
            case Op.PUSH: {
                switch (in.shape) {
                    case Shape.Z: readReg(in, in.reg, 8); break;
                    case Shape.I: lconst(in.imm); break;
                    default: readE(in, 8);
                }
                lstore(TR);
                push(TR);
                return;
            }
            case Op.POP: {
                int r = in.shape == Shape.Z ? in.reg : in.rm;
                gpr(CpuState.RSP); lstore(TEA);
                memRead(8); lstore(TR);
                mv.visitVarInsn(ALOAD, G); iconst(CpuState.RSP); lload(TEA); lconst(8); mv.visitInsn(LADD); mv.visitInsn(LASTORE);
                writeReg(in, r, 8, TR);
                return;
            }
            case Op.SHL: case Op.SHR: case Op.SAR: case Op.ROL: case Op.ROR: shift(in, size); return;
            case Op.MUL: case Op.IMUL1: case Op.DIV: case Op.IDIV: {
                // One-operand forms: the semantics write RAX/RDX (and check #DE) themselves.
                mv.visitVarInsn(ALOAD, C);
                iconst(size);
                readE(in, size);
                String name = in.op == Op.MUL ? "mul1" : in.op == Op.IMUL1 ? "imul1" : in.op == Op.DIV ? "div1" : "idiv1";
                mv.visitMethodInsn(INVOKESTATIC, MULDIV, name, "(L" + CPU + ";IJ)V", false);
                return;
            }
            case Op.SHLD: case Op.SHRD: {
                readEForWrite(in, size); lstore(TA);
                readReg(in, in.reg, size); lstore(TB);
                mv.visitVarInsn(ALOAD, F);
                iconst(size);
                lload(TA); lload(TB);
                if (in.shape == Shape.E_G_CL) { gpr(CpuState.RCX); lconst(0xff); mv.visitInsn(LAND); }
                else lconst(in.imm);
                mv.visitMethodInsn(INVOKESTATIC, SHIFT, in.op == Op.SHLD ? "shld" : "shrd", "(L" + FLAGS + ";IJJJ)J", false);
                lstore(TR);
                writeE(in, size, TR);
                return;
            }
            case Op.CMOVCC: {
                Label no = new Label(), done = new Label();
                readE(in, size); lstore(TR);                // the source is read (and may fault) either way
                cond(in.cc);
                mv.visitJumpInsn(IFEQ, no);
                writeReg(in, in.reg, size, TR);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(no);
                if (size == 4) { readReg(in, in.reg, 4); lstore(TR); writeReg(in, in.reg, 4, TR); }   // zero-extends
                mv.visitLabel(done);
                return;
            }
            case Op.SETCC:
                cond(in.cc);
                mv.visitInsn(I2L);
                lstore(TR);
                writeE(in, 1, TR);
                return;
            case Op.IMUL2: case Op.IMUL3:
                mv.visitVarInsn(ALOAD, F);
                iconst(size);
                if (in.op == Op.IMUL2) { readReg(in, in.reg, size); readE(in, size); }
                else { readE(in, size); lconst(in.imm); }
                mv.visitMethodInsn(INVOKESTATIC, MULDIV, "imul", ALU_SIG, false);
                lstore(TR);
                writeReg(in, in.reg, size, TR);
                return;
            case Op.NOP: case Op.PAUSE: case Op.PREFETCH: case Op.LFENCE: case Op.MFENCE: case Op.SFENCE:
                return;
            default:
                sseBody(in, sse(in));
        }
    }

    private void xmm(int i) {
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, XMM_FIELD, "[J");
        iconst(i);
        mv.visitInsn(LALOAD);
    }

    /** xmm[i] = long local v. */
    private void setXmm(int i, int v) {
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, XMM_FIELD, "[J");
        iconst(i);
        mv.visitVarInsn(LLOAD, v);
        mv.visitInsn(LASTORE);
    }

    /** TA:TB = the 16-byte operand at TEA (#GP(0) when {@code aligned} and it is not). */
    private void load16(boolean aligned) {
        if (aligned) { lload(TEA); mv.visitMethodInsn(INVOKESTATIC, OPS, "aligned16", "(J)V", false); }
        memRead(8); lstore(TA);
        lload(TEA); lconst(8); mv.visitInsn(LADD); lstore(TEA);
        memRead(8); lstore(TB);
        lload(TEA); lconst(8); mv.visitInsn(LSUB); lstore(TEA);
    }

    private void sseBody(Insn in, String helper) {
        int d = in.reg;
        boolean vw = in.shape == Shape.V_W;
        switch (in.op) {
            case Op.MOVSS: case Op.MOVSD: {
                int sz = in.op == Op.MOVSS ? 4 : 8;
                long m = sz == 4 ? 0xffffffffL : -1L;
                if (in.rm >= 0) {
                    int dst = vw ? d : in.rm, src = vw ? in.rm : d;
                    xmm(2 * dst); lconst(~m); mv.visitInsn(LAND);
                    xmm(2 * src); lconst(m); mv.visitInsn(LAND);
                    mv.visitInsn(LOR); lstore(TR);
                    setXmm(2 * dst, TR);
                } else if (vw) {
                    memRead(sz); lstore(TR);
                    setXmm(2 * d, TR);
                    lconst(0); lstore(TR);
                    setXmm(2 * d + 1, TR);
                } else {
                    xmm(2 * d); lstore(TR);
                    memWrite(sz, TR);
                }
                return;
            }
            case Op.MOVUPS: case Op.MOVAPS: {
                boolean aligned = in.op == Op.MOVAPS;
                if (in.rm >= 0) {
                    int dst = vw ? d : in.rm, src = vw ? in.rm : d;
                    xmm(2 * src); lstore(TA); xmm(2 * src + 1); lstore(TB);
                } else if (vw) {
                    load16(aligned);
                } else {
                    if (aligned) { lload(TEA); mv.visitMethodInsn(INVOKESTATIC, OPS, "aligned16", "(J)V", false); }
                    probeWrite(16);
                    xmm(2 * d); lstore(TR); memWrite(8, TR);
                    lload(TEA); lconst(8); mv.visitInsn(LADD); lstore(TEA);
                    xmm(2 * d + 1); lstore(TR); memWrite(8, TR);
                    return;
                }
                int dst = vw ? d : in.rm;
                setXmm(2 * dst, TA);
                setXmm(2 * dst + 1, TB);
                return;
            }
            case Op.MOVD_TO_XMM:
                readE(in, in.opSize); lstore(TR);
                setXmm(2 * d, TR);
                lconst(0); lstore(TR); setXmm(2 * d + 1, TR);
                return;
            case Op.MOVD_FROM_XMM:
                xmm(2 * d);
                if (in.opSize == 4) { lconst(0xffffffffL); mv.visitInsn(LAND); }
                lstore(TR);
                writeE(in, in.opSize, TR);
                return;
            case Op.MOVQ_TO_XMM:
                if (in.rm >= 0) xmm(2 * in.rm);
                else memRead(8);
                lstore(TR);
                setXmm(2 * d, TR);
                lconst(0); lstore(TR); setXmm(2 * d + 1, TR);
                return;
            case Op.PMOVMSKB:
                xmm(2 * in.rm); xmm(2 * in.rm + 1);
                mv.visitMethodInsn(INVOKESTATIC, "org/jemu/cpu/exec/SseInt", "pmovmskb", "(JJ)I", false);
                mv.visitInsn(I2L);
                lstore(TR);
                mv.visitVarInsn(ALOAD, G); iconst(d); lload(TR); mv.visitInsn(LASTORE);
                return;
            case Op.CVTSI2SD:
                mv.visitVarInsn(ALOAD, C);
                iconst(d);
                iconst(in.opSize);
                readE(in, in.opSize);
                mv.visitMethodInsn(INVOKESTATIC, "org/jemu/cpu/exec/SseConvert", "cvtsi2sd", "(L" + CPU + ";IIJ)V", false);
                return;
            default:
                break;
        }
        if (helper.indexOf('/') >= 0) {            // packed integer: SseInt / Ssse3
            if (in.rm >= 0) { xmm(2 * in.rm); lstore(TA); xmm(2 * in.rm + 1); lstore(TB); }
            else load16(true);
            mv.visitFieldInsn(GETSTATIC, REGION_CLASS, XMM_FIELD, "[J");
            iconst(d); lload(TA); lload(TB);
            int dot = helper.lastIndexOf('.');
            mv.visitMethodInsn(INVOKESTATIC, helper.substring(0, dot), helper.substring(dot + 1), "([JIJJ)V", false);
            return;
        }
        boolean packed = helper.endsWith("pd") || helper.endsWith("ps");
        if (packed) {
            if (in.rm >= 0) { xmm(2 * in.rm); lstore(TA); xmm(2 * in.rm + 1); lstore(TB); }
            else load16(true);
            mv.visitVarInsn(ALOAD, C); iconst(d); lload(TA); lload(TB);
            mv.visitMethodInsn(INVOKESTATIC, "org/jemu/cpu/exec/SseFloat", helper, "(L" + CPU + ";IJJ)V", false);
        } else {
            if (in.rm >= 0) xmm(2 * in.rm);
            else memRead(helper.endsWith("ss") ? 4 : 8);
            lstore(TA);
            mv.visitVarInsn(ALOAD, C); iconst(d); lload(TA);
            mv.visitMethodInsn(INVOKESTATIC, "org/jemu/cpu/exec/SseFloat", helper, "(L" + CPU + ";IJ)V", false);
        }
    }

    private void mov(Insn in, int size) {
        switch (in.shape) {
            case Shape.E_G: readReg(in, in.reg, size); lstore(TR); writeE(in, size, TR); return;
            case Shape.G_E: readE(in, size); lstore(TR); writeReg(in, in.reg, size, TR); return;
            case Shape.E_I: lconst(in.imm); lstore(TR); writeE(in, size, TR); return;
            default: lconst(in.imm); lstore(TR); writeReg(in, in.reg, size, TR);   // Z_I
        }
    }

    /** The last ALU operation's kind, for branch fusion: 0 none, 1 compare (TA, TB), 2 result (TR). */
    int lastAlu;
    int lastAluSize;

    private void alu(Insn in, int size, boolean flagsDead) {
        int op = in.op;
        boolean writes = op != Op.CMP && op != Op.TEST;
        switch (in.shape) {
            case Shape.E_G:
                if (writes) readEForWrite(in, size); else readE(in, size);
                lstore(TA);
                readReg(in, in.reg, size); lstore(TB);
                break;
            case Shape.G_E:
                readReg(in, in.reg, size); lstore(TA);
                readE(in, size); lstore(TB);
                break;
            case Shape.E_I:
                if (writes) readEForWrite(in, size); else readE(in, size);
                lstore(TA);
                lconst(in.imm); lstore(TB);
                break;
            default: // A_I
                readReg(in, 0, size); lstore(TA);
                lconst(in.imm); lstore(TB);
        }
        lastAlu = 0;
        lastAluSize = size;
        if (flagsDead && op != Op.ADC && op != Op.SBB) {
            if (!writes) return;
            lload(TA); lload(TB);
            switch (op) {
                case Op.ADD: mv.visitInsn(LADD); break;
                case Op.SUB: mv.visitInsn(LSUB); break;
                case Op.AND: mv.visitInsn(LAND); break;
                case Op.OR: mv.visitInsn(LOR); break;
                default: mv.visitInsn(LXOR);
            }
        } else {
            mv.visitVarInsn(ALOAD, F);
            iconst(size);
            lload(TA); lload(TB);
            String name;
            switch (op) {
                case Op.ADD: name = "add"; break;
                case Op.OR: name = "or"; break;
                case Op.ADC: name = "adc"; break;
                case Op.SBB: name = "sbb"; break;
                case Op.AND: name = "and"; break;
                case Op.SUB: name = "sub"; break;
                case Op.XOR: name = "xor"; break;
                case Op.CMP: name = "sub"; break;      // CMP is SUB without the write
                default: name = "and";                 // TEST is AND without the write
            }
            mv.visitMethodInsn(INVOKESTATIC, ALU, name, ALU_SIG, false);
            lastAlu = op == Op.CMP || op == Op.SUB ? 1 : op == Op.ADC || op == Op.SBB ? 0 : 2;
            if (!writes) { lstore(TR); return; }
        }
        lstore(TR);
        switch (in.shape) {
            case Shape.G_E: writeReg(in, in.reg, size, TR); break;
            case Shape.A_I: writeReg(in, 0, size, TR); break;
            default: writeE(in, size, TR);
        }
    }

    private void unary(Insn in, int size, boolean flagsDead) {
        readEForWrite(in, size);
        lstore(TA);
        lastAlu = 0;
        lastAluSize = size;
        if (in.op == Op.NOT || flagsDead) {
            lload(TA);
            switch (in.op) {
                case Op.NOT: lconst(-1); mv.visitInsn(LXOR); break;
                case Op.NEG: mv.visitInsn(LNEG); break;
                case Op.INC: lconst(1); mv.visitInsn(LADD); break;
                default: lconst(1); mv.visitInsn(LSUB);
            }
        } else {
            mv.visitVarInsn(ALOAD, F);
            iconst(size);
            lload(TA);
            String name = in.op == Op.NEG ? "neg" : in.op == Op.INC ? "inc" : "dec";
            mv.visitMethodInsn(INVOKESTATIC, ALU, name, "(L" + FLAGS + ";IJ)J", false);
            lastAlu = 2;
        }
        lstore(TR);
        writeE(in, size, TR);
    }

    private void shift(Insn in, int size) {
        readEForWrite(in, size);
        lstore(TA);
        mv.visitVarInsn(ALOAD, F);
        iconst(size);
        lload(TA);
        if (in.shape == Shape.E_1) lconst(1);
        else if (in.shape == Shape.E_I) lconst(in.imm);
        else { gpr(CpuState.RCX); lconst(0xff); mv.visitInsn(LAND); }
        String name;
        switch (in.op) {
            case Op.SHL: name = "shl"; break;
            case Op.SHR: name = "shr"; break;
            case Op.SAR: name = "sar"; break;
            case Op.ROL: name = "rol"; break;
            default: name = "ror";
        }
        mv.visitMethodInsn(INVOKESTATIC, SHIFT, name, ALU_SIG, false);
        lstore(TR);
        writeE(in, size, TR);
        lastAlu = 0;
    }

    /** Pushes condition {@code cc} as an int 0/1 from the flags. */
    void cond(int cc) {
        mv.visitVarInsn(ALOAD, F);
        iconst(cc);
        mv.visitMethodInsn(INVOKEVIRTUAL, FLAGS, "cond", "(I)Z", false);
    }

    /**
     * Jumps to {@code target} when condition {@code cc} holds. Right after an inline CMP/SUB or a
     * flag-setting result, the common conditions are decided from the operands still in locals
     * (the flags were recorded all the same, for whoever reads them later).
     */
    void branchIf(int cc, Label target, boolean fused) {
        int size = lastAluSize;
        if (fused && lastAlu == 1) {
            int c = cc >> 1;
            boolean neg = (cc & 1) != 0;
            switch (c) {
                case 1: case 2: case 3: case 6: case 7: {
                    // Masked operands: the compare is on size-bit values.
                    long m = size == 8 ? -1L : (1L << (size * 8)) - 1;
                    if (c == 6 || c == 7) {
                        signed(TA, size); signed(TB, size);
                        mv.visitInsn(LCMP);
                    } else {
                        lload(TA); if (size != 8) { lconst(m); mv.visitInsn(LAND); }
                        lload(TB); if (size != 8) { lconst(m); mv.visitInsn(LAND); }
                        if (size == 8 && c != 2) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
                        else mv.visitInsn(LCMP);
                    }
                    int jop;
                    switch (c) {
                        case 1: jop = neg ? IFGE : IFLT; break;      // B / AE
                        case 2: jop = neg ? IFNE : IFEQ; break;      // E / NE
                        case 3: jop = neg ? IFGT : IFLE; break;      // BE / A
                        case 6: jop = neg ? IFGE : IFLT; break;      // L / GE
                        default: jop = neg ? IFGT : IFLE;            // LE / G
                    }
                    mv.visitJumpInsn(jop, target);
                    return;
                }
                default:
                    break;
            }
        }
        if (fused && lastAlu == 2 && (cc >> 1) == 2) {
            lload(TR); lconst(0); mv.visitInsn(LCMP);    // TR is the masked result
            mv.visitJumpInsn((cc & 1) != 0 ? IFNE : IFEQ, target);
            return;
        }
        cond(cc);
        mv.visitJumpInsn(IFNE, target);
    }

    private void signed(int local, int size) {
        lload(local);
        if (size != 8) {
            int sh = 64 - size * 8;
            iconst(sh); mv.visitInsn(LSHL); iconst(sh); mv.visitInsn(LSHR);
        }
    }

    /** Pushes long local {@code v} on the guest stack: the store first, then RSP (precise on a fault). */
    void push(int v) {
        gpr(CpuState.RSP); lconst(8); mv.visitInsn(LSUB); lstore(TEA);
        memWrite(8, v);
        mv.visitVarInsn(ALOAD, G); iconst(CpuState.RSP); lload(TEA); mv.visitInsn(LASTORE);
    }

    /** TR = the target of RET / JMP Ev / CALL Ev, checked canonical (#GP(0) otherwise). */
    void indirectTarget(Insn in, long next) {
        if (in.op == Op.RET) {
            gpr(CpuState.RSP); lstore(TEA);
            memRead(8);
        } else {
            if (in.hasMem) ea(in, next);
            readE(in, 8);
        }
        mv.visitMethodInsn(INVOKESTATIC, "org/jemu/cpu/interp/Interpreter", "canonicalTarget", "(J)J", false);
        lstore(TR);
        if (in.op == Op.RET) {
            mv.visitVarInsn(ALOAD, G); iconst(CpuState.RSP); lload(TEA); lconst(8); mv.visitInsn(LADD); mv.visitInsn(LASTORE);
        } else if (in.op == Op.CALL_IND) {
            lconst(next); lstore(TA);
            push(TA);
        }
    }

    /** Whether an instruction's written flags cover all six arithmetic flags. */
    static boolean writesAllArith(Insn in) {
        Form f = in.row();
        return ((f.flagsWritten | f.flagsUndefined) & Form.ARITH) == Form.ARITH;
    }

    static boolean readsFlags(Insn in) {
        return (in.row().flagsRead & Form.ARITH) != 0;
    }
}
