package org.jemu.jit;

import static org.jemu.jit.Emitter.*;
import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Turns the blocks of a region into a hidden class extending {@link CompiledRegion}. Guest
 * branches between blocks of the region become JVM jumps, so a guest loop is a JVM loop HotSpot
 * compiles as one; every other exit stores RIP and returns the completed-instruction count.
 *
 * <p>Each block starts with the budget check ({@code n + length <= max}; the count then advances
 * by the block length at once) and, at loop heads, an interrupt poll. Each instruction that can
 * fault is a fault point: it stores its number in a local first, and the method's one exception
 * handler looks the number up in the region's fault table (the instruction's RIP and completed
 * count) and rethrows. C2 sees a constant in that local at every throwing call, so precise guest
 * state costs nothing on the normal path; one table entry per fault point costs three bytes of
 * bytecode, where a handler each cost fifteen and an exception-table entry.
 *
 * <p>Methods above {@link #HUGE_METHOD} bytes are refused ({@link TooLarge}); HotSpot does not
 * compile methods over 8000 bytes of bytecode, so the caller retries with a smaller region.
 */
final class RegionCompiler {
    /**
     * Bytecode bytes per region method. HotSpot stops inlining callees into a method once it reaches
     * DesiredMethodLimit (8000 bytecodes, counting what it inlined), so regions stay far below it to
     * leave room for the semantics helpers and the TLB fast path to be inlined.
     */
    static final int HUGE_METHOD = Integer.getInteger("jemu.jit.maxBytes", 2500);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** The region class's constructor: fallback instructions, fault-table RIPs and counts. */
    private static final String REGION = "org/jemu/jit/CompiledRegion";
    private static final String CTOR = "([L" + INSN + ";[J[I)V";

    /** The region would make a method HotSpot will not compile. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        TooLarge() { super(null, null, false, false); }
    }

    /** -Djemu.jit.dump=DIR writes each region's class file there (for javap). */
    private static final String DUMP = System.getProperty("jemu.jit.dump");
    private int dumped;
    private MethodVisitor mv;
    private Emitter em;
    private Map<Long, Block> blocks;
    private final List<Insn> consts = new ArrayList<>();
    /**
     * The fault table, by fault point (0: none yet): the RIP to report, or {@link #RIP_SET} when
     * the instruction is a fallback (the interpreter has set RIP), and how many of the region's
     * instructions completed before it, relative to the count after its block's advance.
     */
    private final List<Long> faultRips = new ArrayList<>();
    private final List<Integer> faultDones = new ArrayList<>();
    /** Not a RIP (not canonical, above 4 GiB): the fault point's RIP is already in CpuState. */
    private static final long RIP_SET = Long.MIN_VALUE;
    /** The last compiled region has inline SSE instructions. */
    boolean usedSse;

    /** Nanoseconds spent defining classes (the rest of compiling is scanning and ASM). */
    long defineNanos;

    /** The machine's CPU: its register arrays, flags, MMU, TLB and RAM become constants of every region class. */
    private final org.jemu.cpu.CpuState cpu;

    RegionCompiler(org.jemu.cpu.CpuState cpu) {
        this.cpu = cpu;
    }

    CompiledRegion compile(Map<Long, Block> blocks) throws TooLarge {
        this.blocks = blocks;
        consts.clear();
        faultRips.clear();
        faultDones.clear();
        faultRips.add(RIP_SET);
        faultDones.add(0);
        usedSse = false;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        String name = REGION_CLASS;
        cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, REGION, null);
        constants(cw);
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "k", "[L" + INSN + ";", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "rips", "[J", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "dones", "[I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", CTOR, null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, REGION, "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitFieldInsn(PUTFIELD, name, "k", "[L" + INSN + ";");
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 2);
        init.visitFieldInsn(PUTFIELD, name, "rips", "[J");
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 3);
        init.visitFieldInsn(PUTFIELD, name, "dones", "[I");
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC, "run", "(L" + CPU + ";L" + FRAME + ";)I", null, null);
        em = new Emitter(mv);
        mv.visitCode();
        Label tryStart = new Label(), tryEnd = new Label(), handler = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "org/jemu/cpu/GuestFault");
        prologue();
        mv.visitLabel(tryStart);
        for (Block b : blocks.values()) b.label = new Label();
        entrySwitch();
        for (Block b : blocks.values()) block(b, name);
        mv.visitLabel(tryEnd);
        faultHandler(handler, name);
        Label end = new Label();
        mv.visitLabel(end);
        if (end.getOffset() > HUGE_METHOD) throw new TooLarge();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        long t1 = System.nanoTime();
        if (DUMP != null) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(DUMP, "R" + Long.toHexString(blocks.keySet().iterator().next()) + "-" + (dumped++) + ".class"), bytes);
            } catch (java.io.IOException e) {
                // debugging aid only
            }
        }
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes,
                    constantValues(), true);
            long[] rips = faultRips.stream().mapToLong(Long::longValue).toArray();
            int[] dones = faultDones.stream().mapToInt(Integer::intValue).toArray();
            CompiledRegion r = (CompiledRegion) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class, Insn[].class, long[].class, int[].class))
                    .invoke(consts.toArray(new Insn[0]), rips, dones);
            defineNanos += System.nanoTime() - t1;
            return r;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define a compiled region", t);
        }
    }

    /**
     * The region class's constants: static final fields set by its class initialiser from the class
     * data ({@link #constantValues}, in this order). C2 treats static finals as constants, so
     * compiled code neither keeps these references in registers nor reloads them from the stack or
     * from their owners after each call, knows the arrays' lengths (the constant indexes of the
     * register array and the masked TLB slot need no bounds check), and addresses the flags' fields
     * directly.
     */
    private static final String[][] CONSTANTS = {
        {TLB_FIELD, "[J"}, {RAM_FIELD, "[B"}, {GPR_FIELD, "[J"}, {FLAGS_FIELD, "L" + FLAGS + ";"},
        {MMU_FIELD, "L" + MMU + ";"}, {XMM_FIELD, "[J"}, {SEG_FIELD, "[J"},
    };

    private Object[] constantValues() {
        return new Object[] {cpu.mmu.tlbArray(), cpu.mmu.ramArray(), cpu.gpr, cpu.flags, cpu.mmu, cpu.xmm, cpu.segBase};
    }

    private static void constants(ClassWriter cw) {
        MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        clinit.visitLdcInsn("_");
        clinit.visitLdcInsn(org.objectweb.asm.Type.getType(Object[].class));
        clinit.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
        clinit.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
        for (int i = 0; i < CONSTANTS.length; i++) {
            String field = CONSTANTS[i][0], desc = CONSTANTS[i][1];
            cw.visitField(ACC_STATIC | ACC_FINAL, field, desc, null, null).visitEnd();
            clinit.visitInsn(DUP);
            clinit.visitIntInsn(BIPUSH, i);
            clinit.visitInsn(AALOAD);
            clinit.visitTypeInsn(CHECKCAST, org.objectweb.asm.Type.getType(desc).getInternalName());
            clinit.visitFieldInsn(PUTSTATIC, REGION_CLASS, field, desc);
        }
        clinit.visitInsn(POP);
        clinit.visitInsn(RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
    }

    private void prologue() {
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, GPR_FIELD, "[J"); mv.visitVarInsn(ASTORE, G);
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, FLAGS_FIELD, "L" + FLAGS + ";"); mv.visitVarInsn(ASTORE, F);
        mv.visitFieldInsn(GETSTATIC, REGION_CLASS, MMU_FIELD, "L" + MMU + ";"); mv.visitVarInsn(ASTORE, M);
        mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, N);
        mv.visitVarInsn(ALOAD, X); mv.visitFieldInsn(GETFIELD, FRAME, "max", "I"); mv.visitVarInsn(ISTORE, MAX);
        // A negative budget is a warm-up call (Jit.warmUp): return before anything is touched.
        Label go = new Label();
        mv.visitVarInsn(ILOAD, MAX);
        mv.visitJumpInsn(IFGE, go);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitLabel(go);
        // Initialise the temporaries so every path into a handler has them typed.
        for (int t = TA; t < PC; t += 2) { mv.visitInsn(LCONST_0); mv.visitVarInsn(LSTORE, t); }
        mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, PC);
    }

    /**
     * Every block of the region is an entry (the dispatcher finds the region under each block's
     * address, so code reached from several hot entries is compiled once): a switch on RIP's page
     * offset jumps to the block; the first block is the default. Each block checks the budget (and
     * loop heads poll) on its own, so any block is a valid place to start.
     */
    private void entrySwitch() {
        java.util.TreeMap<Integer, Label> targets = new java.util.TreeMap<>();
        for (Block b : blocks.values()) if (b.size() > 0) targets.put((int) (b.start & 0xfff), b.label);
        if (targets.size() <= 1) return;
        int[] keys = new int[targets.size()];
        Label[] labels = new Label[targets.size()];
        int i = 0;
        for (Map.Entry<Integer, Label> e : targets.entrySet()) {
            keys[i] = e.getKey();
            labels[i++] = e.getValue();
        }
        mv.visitVarInsn(ALOAD, C);
        mv.visitFieldInsn(GETFIELD, CPU, "rip", "J");
        mv.visitInsn(L2I);
        em.iconst(0xfff);
        mv.visitInsn(IAND);
        mv.visitLookupSwitchInsn(blocks.values().iterator().next().label, keys, labels);
    }

    /** c.rip = rip; return n + delta. */
    private void exit(long rip, int delta) {
        mv.visitVarInsn(ALOAD, C);
        em.lconst(rip);
        mv.visitFieldInsn(PUTFIELD, CPU, "rip", "J");
        returnCount(delta);
    }

    private void returnCount(int delta) {
        mv.visitVarInsn(ILOAD, N);
        if (delta != 0) { em.iconst(delta); mv.visitInsn(IADD); }
        mv.visitInsn(IRETURN);
    }

    /** Continue at {@code rip}: a jump to its block when the region has it, else an exit. */
    private void goTo(long rip) {
        Block t = blocks.get(rip);
        if (t != null && t.size() > 0) mv.visitJumpInsn(GOTO, t.label);
        else exit(rip, 0);
    }

    private void block(Block b, String cls) {
        int len = b.size();
        mv.visitLabel(b.label);
        if (len == 0) { exit(b.start, 0); return; }
        if (b.loopHead) {
            Label ok = new Label();
            mv.visitVarInsn(ALOAD, X);
            mv.visitMethodInsn(INVOKEVIRTUAL, FRAME, "pending", "()Z", false);
            mv.visitJumpInsn(IFEQ, ok);
            exit(b.start, 0);
            mv.visitLabel(ok);
        }
        Label fits = new Label();
        mv.visitVarInsn(ILOAD, N); em.iconst(len); mv.visitInsn(IADD);
        mv.visitVarInsn(ILOAD, MAX);
        mv.visitJumpInsn(IF_ICMPLE, fits);
        exit(b.start, 0);
        mv.visitLabel(fits);
        mv.visitIincInsn(N, len);

        boolean prevInline = false;
        for (int k = 0; k < len; k++) {
            Insn in = b.insns.get(k);
            long rip = b.rips.get(k);
            long next = rip + in.length;
            int kind = Emitter.kind(in);
            int done = k - len;          // n + done = instructions completed before this one
            if (!Emitter.inline(in)) {
                fallback(in, rip, next, done, kind == K_END, cls);
                prevInline = false;
                continue;
            }
            if (in.op == Op.JCC) {
                long target = next + in.imm;
                Block t = blocks.get(target);
                boolean inRegion = t != null && t.size() > 0;
                Label taken = inRegion ? t.label : new Label();
                em.branchIf(in.cc, taken, prevInline);
                goTo(next);
                if (!inRegion) {
                    mv.visitLabel(taken);
                    exit(target, 0);
                }
                return;
            }
            if (in.op == Op.JMP) { goTo(next + in.imm); return; }
            em.lastAlu = 0;
            if (in.op == Op.CALL) {
                guarded(rip, done, () -> { em.lconst(next); mv.visitVarInsn(LSTORE, TA); em.push(TA); });
                goTo(next + in.imm);
                return;
            }
            if (in.op == Op.RET || in.op == Op.JMP_IND || in.op == Op.CALL_IND) {
                guarded(rip, done, () -> em.indirectTarget(in, next));
                mv.visitVarInsn(ALOAD, C);
                mv.visitVarInsn(LLOAD, TR);
                mv.visitFieldInsn(PUTFIELD, CPU, "rip", "J");
                returnCount(done + 1);
                return;
            }
            if (Emitter.sse(in) != null) usedSse = true;
            boolean dead = flagsDead(b, k);
            if (Emitter.canFault(in)) guarded(rip, done, () -> em.straight(in, next, dead));
            else em.straight(in, next, dead);
            prevInline = true;
        }
        if (b.fallsThrough()) goTo(b.fallthrough);
        else exit(b.end(), 0);
    }

    /** Emits {@code body} as a fault point reporting {@code rip} and {@code done} (see the class comment). */
    private void guarded(long rip, int done, Runnable body) {
        faultPoint(rip, done);
        body.run();
    }

    /** Numbers the next fault point and stores its number in {@link Emitter#PC}. */
    private void faultPoint(long rip, int done) {
        int pc = faultRips.size();
        faultRips.add(rip);
        faultDones.add(done);
        em.iconst(pc);
        mv.visitVarInsn(ISTORE, PC);
    }

    /**
     * The one exception handler: for the fault point in {@link Emitter#PC}, c.rip = rips[pc] (unless
     * a fallback set it), x.count = n + dones[pc]; rethrow.
     */
    private void faultHandler(Label handler, String cls) {
        Label ripSet = new Label();
        mv.visitLabel(handler);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, cls, "rips", "[J");
        mv.visitVarInsn(ILOAD, PC);
        mv.visitInsn(LALOAD);
        mv.visitVarInsn(LSTORE, TA);
        mv.visitVarInsn(LLOAD, TA);
        em.lconst(RIP_SET);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, ripSet);
        mv.visitVarInsn(ALOAD, C);
        mv.visitVarInsn(LLOAD, TA);
        mv.visitFieldInsn(PUTFIELD, CPU, "rip", "J");
        mv.visitLabel(ripSet);
        mv.visitVarInsn(ALOAD, X);
        mv.visitVarInsn(ILOAD, N);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, cls, "dones", "[I");
        mv.visitVarInsn(ILOAD, PC);
        mv.visitInsn(IALOAD);
        mv.visitInsn(IADD);
        mv.visitFieldInsn(PUTFIELD, FRAME, "count", "I");
        mv.visitInsn(ATHROW);
    }

    /**
     * An instruction the interpreter runs: RIP is stored (the interpreter's semantics may read it),
     * then {@link JitFrame#fallback}; a false return (the instruction branched, or wrote code, or an
     * interrupt became deliverable) leaves the region with the instruction counted.
     */
    private void fallback(Insn in, long rip, long next, int done, boolean end, String cls) {
        int idx = consts.size();
        consts.add(in);
        mv.visitVarInsn(ALOAD, C);
        em.lconst(rip);
        mv.visitFieldInsn(PUTFIELD, CPU, "rip", "J");
        faultPoint(RIP_SET, done);
        mv.visitVarInsn(ALOAD, X);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, cls, "k", "[L" + INSN + ";");
        em.iconst(idx);
        mv.visitInsn(AALOAD);
        em.lconst(next);
        mv.visitVarInsn(ILOAD, N);
        if (done != 0) { em.iconst(done); mv.visitInsn(IADD); }
        mv.visitMethodInsn(INVOKEVIRTUAL, FRAME, "fallback", "(L" + INSN + ";JI)Z", false);
        if (end) {
            mv.visitInsn(POP);
            returnCount(done + 1);
            return;
        }
        Label go = new Label();
        mv.visitJumpInsn(IFNE, go);
        returnCount(done + 1);
        mv.visitLabel(go);
    }

    /**
     * Flag liveness within a block: the arithmetic flags of instruction {@code k} are dead when a
     * later instruction of the block overwrites all of them before anything can read or observe
     * them (an instruction that reads flags, may fault, leaves the region, or is a fallback).
     * Only plain ALU forms count as overwriting: shifts by zero and INC/DEC keep flags.
     */
    private static boolean flagsDead(Block b, int k) {
        for (int j = k + 1; j < b.size(); j++) {
            Insn in = b.insns.get(j);
            if (!Emitter.inline(in) || Emitter.readsFlags(in) || Emitter.canFault(in) || Emitter.kind(in) != K_STRAIGHT)
                return false;
            switch (in.op) {
                case Op.ADD: case Op.SUB: case Op.AND: case Op.OR: case Op.XOR: case Op.CMP: case Op.TEST: case Op.NEG:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
