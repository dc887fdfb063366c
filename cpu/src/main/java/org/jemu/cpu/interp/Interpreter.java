package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.DecodeCache;
import org.jemu.cpu.decode.Decoder;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.decode.Shape;
import org.jemu.cpu.sys.Cpuid;

/**
 * The interpreter: fetches the decoded instruction at RIP from the {@link DecodeCache} (decoded once
 * per physical page), dispatches on {@link Insn#op}, and runs the shared semantics of
 * {@code org.jemu.cpu.exec} through the operand plumbing of this package.
 *
 * <p>Exceptions are precise: an instruction that faults throws {@link GuestFault} with RIP still at
 * the instruction and no register, flag or memory changed (except the completed iterations of a REP
 * string instruction, which is restartable as on hardware). Memory destinations of read-modify-write
 * instructions are probed for write access before anything is changed.
 *
 * <p>Privilege: the instructions of CPL 0 raise #GP(0) at CPL 3. INT n raises #GP as Linux's IDT
 * (gate DPL 0) makes it for user code; INT3 raises #BP with RIP after the instruction (a trap).
 * SYSCALL does its architectural part (RCX, R11) and calls the {@link SyscallHandler}.
 */
public final class Interpreter {
    private final CpuState cpu;
    private final DecodeCache cache;
    private final SseOps sse;
    private final X87Ops x87;
    private final MmxOps mmx;
    private final Cpuid cpuid;
    private SystemOps system;
    private SyscallHandler syscalls;
    private boolean stop;
    private long retired;

    /** A user-mode interpreter with the default CPUID. */
    public Interpreter(CpuState cpu) {
        this(cpu, new Cpuid(Cpuid.DEFAULT_TSC_HZ));
    }

    public Interpreter(CpuState cpu, Cpuid cpuid) {
        this.cpu = cpu;
        this.cpuid = cpuid;
        this.cache = new DecodeCache(cpu.mmu.physical(), new Decoder(cpuid.decoderExtensions()));
        this.x87 = new X87Ops(cpu);
        this.mmx = new MmxOps(cpu, x87);
        this.sse = new SseOps(cpu, x87);
    }

    /** Switches to system mode: system instructions execute against {@code platform}. */
    public void setSystemPlatform(SystemPlatform platform) {
        system = new SystemOps(cpu, platform);
    }

    public Cpuid cpuid() { return cpuid; }

    public CpuState cpu() { return cpu; }

    public void setSyscallHandler(SyscallHandler h) { syscalls = h; }

    /** Makes {@link #run} return after the current instruction (from a syscall handler, say). */
    public void requestStop() { stop = true; }

    /** Instructions retired since creation (a REP string instruction counts once per slice). */
    public long retired() { return retired; }

    public DecodeCache decodeCache() { return cache; }

    /**
     * Executes up to {@code maxInstructions} instructions; returns how many ran. Returns early after
     * {@link #requestStop}. A guest exception propagates as {@link GuestFault} with the state precise.
     */
    public long run(long maxInstructions) {
        stop = false;
        long n = 0;
        try {
            while (n < maxInstructions && !stop) {
                step();
                n++;
            }
        } finally {
            retired += n;
        }
        return n;
    }

    /**
     * User mode, for the JIT: like {@link #run} but returns after an instruction that ends a basic
     * block, and keeps a pending stop request.
     */
    public long runBlock(long maxInstructions) {
        long n = 0;
        try {
            while (n < maxInstructions && !stop) {
                Insn in = cache.get(cpu.mmu, cpu.rip);
                step();
                n++;
                if (in.row().endsBlock) break;
            }
        } finally {
            retired += n;
        }
        return n;
    }

    /**
     * System mode: executes up to {@code max} instructions, retiring each on {@code clock}, and
     * returns early when {@code signals} has work for the machine (an interrupt the CPU may take now,
     * a reset, a stop, host input) or the CPU halted. Guest exceptions are delivered through the IDT
     * here; a fault while delivering #DF propagates as {@link org.jemu.cpu.sys.TripleFault}.
     *
     * <p>Interrupt shadows (STI, MOV SS, POP SS; SDM Vol. 3A §6.8.3) last exactly one instruction:
     * a shadow set before an instruction is cleared after it.
     */
    public long runSystem(long max, org.jemu.cpu.io.CpuSignals signals, org.jemu.cpu.time.VirtualClock clock) {
        return runSystem(max, signals, clock, false);
    }

    /**
     * {@link #runSystem(long, org.jemu.cpu.io.CpuSignals, org.jemu.cpu.time.VirtualClock)} that also
     * returns after an instruction that ends a basic block when {@code toBlockEnd} (the JIT runs cold
     * code so, and looks for compiled code at the next block).
     */
    public long runSystem(long max, org.jemu.cpu.io.CpuSignals signals, org.jemu.cpu.time.VirtualClock clock,
                          boolean toBlockEnd) {
        CpuState c = cpu;
        long n = 0;
        // With a JIT threshold, a block end does not end the run: the next instruction is a block
        // entry, counted in its Insn, and the run stops before it only when it is hot or compiled
        // code starts there. Cold code then runs block after block without a dispatcher round trip.
        boolean counting = toBlockEnd && jitHot > 0;
        boolean entry = false;
        while (n < max) {
            int w = signals.word();
            if (w != 0 && org.jemu.cpu.sys.Interrupts.actionable(c, w) != 0) break;
            boolean shadow = c.interruptShadow;
            boolean tf = c.flags.tf();
            boolean end;
            try {
                long rip = c.rip;
                Insn in = cache.get(c.mmu, rip);
                if (entry && (in.jitEntry || ++in.jitHeat >= jitHot)) break;
                if (execute(in, rip + in.length)) c.rip = rip + in.length;
                // Single-step (SDM Vol. 3B §17.3.1.4): an instruction that began with TF=1 and
                // completed is followed by a #DB trap (DR6.BS), except INT n/INT3/INT1, whose
                // delivery cleared TF before the handler ran.
                if (tf && in.op != Op.INT && in.op != Op.INT3 && in.op != Op.INT1) {
                    c.dr[6] |= 0x4000;
                    org.jemu.cpu.sys.Interrupts.deliver(c, GuestFault.DB, -1, org.jemu.cpu.sys.Interrupts.Kind.EXCEPTION, c.rip);
                }
                end = toBlockEnd && in.row().endsBlock;
            } catch (GuestFault f) {
                deliverFault(f);
                end = toBlockEnd;
            }
            if (shadow) c.interruptShadow = false;
            n++;
            clock.retire(1);
            if (c.halted || clock.budgetCut()) break;
            // At a block end an interrupt shadow or TF goes back to the caller, which single-steps them.
            if (end && (!counting || c.interruptShadow || c.flags.tf())) break;
            entry = end;
        }
        retired += n;
        return n;
    }

    /** Executions of a block entry at which the JIT compiles it; 0 when no JIT counts (see {@link #runSystem}). */
    private int jitHot;

    /**
     * Lets {@link #runSystem} with {@code toBlockEnd} run on across block ends, counting each block
     * entry in its {@link Insn#jitHeat} and stopping before one that reaches {@code hot} or has
     * {@link Insn#jitEntry} set (the JIT's dispatcher then looks there).
     */
    public void setJitThreshold(int hot) { jitHot = hot; }

    /**
     * Delivers a guest exception raised by the instruction at RIP through the IDT, as
     * {@link #runSystem} does (the #SS refinement included; -d int sees it through the CPU's interrupt observer). For the JIT,
     * whose compiled code leaves RIP at the faulting instruction.
     */
    public void deliverFault(GuestFault f) {
        if (f.vector == GuestFault.GP && f.errorCode == 0) f = stackSegmentFault(f);
        org.jemu.cpu.sys.Interrupts.deliverFault(cpu, f);
    }

    /** User mode: the #SS refinement of a fault raised at RIP, as {@link #step} throws it. */
    public GuestFault refineFault(GuestFault f) {
        return f.vector == GuestFault.GP && f.errorCode == 0 ? stackSegmentFault(f) : f;
    }

    /** True after {@link #requestStop} until the next {@link #run}. */
    public boolean stopRequested() { return stop; }

    /** Clears a stop request (the JIT's user-mode loop starts so, as {@link #run} does). */
    public void clearStop() { stop = false; }

    /** Counts instructions the JIT ran, so {@link #retired} covers both engines. */
    public void addRetired(long n) { retired += n; }

    /**
     * Runs one decoded instruction whose RIP is {@code next - in.length} (the JIT's fallback for
     * instructions it does not compile inline). Returns true when RIP is to advance to {@code next};
     * false when the instruction set RIP itself. Faults propagate with the state precise.
     */
    public boolean exec(Insn in, long next) {
        return execute(in, next);
    }

    /**
     * The page walk reports every non-canonical address as #GP(0); a reference through SS (an RSP
     * or RBP base, or the stack of PUSH/POP/CALL/RET/ENTER/LEAVE) is #SS(0) instead (SDM Vol. 3A
     * §6.15 interrupt 12, "64-Bit Mode Exceptions" of those instructions). Runs only on the fault
     * path: re-decodes the faulting instruction and checks which address was non-canonical. As on
     * the host (TableDifferentialTest): an SS override does not make a reference SS-relative in
     * 64-bit mode (CS/DS/ES/SS overrides are ignored) but FS/GS do make it not; and only faults that
     * carry the address ({@link GuestFault#nonCanonical}, a {@link GuestFault#misaligned} FXSAVE
     * image) are converted, so privilege and legacy-SSE alignment #GP(0)s, checked first, stay.
     */
    private GuestFault stackSegmentFault(GuestFault f) {
        CpuState c = cpu;
        Insn in;
        try {
            in = cache.get(c.mmu, c.rip);
        } catch (GuestFault fetch) {
            return f;
        }
        if (f.address == 0) return f;
        if (in.hasMem && in.op != Op.LEA) {
            long ea = Operands.ea(c, in, c.rip + in.length);
            boolean ss = in.segment != CpuState.FS && in.segment != CpuState.GS
                    && (in.base == CpuState.RSP || in.base == CpuState.RBP);
            if (!canonical(ea)) return ss ? new GuestFault(GuestFault.SS, 0, 0) : f;
        }
        switch (in.op) {
            case Op.PUSH: case Op.POP: case Op.CALL: case Op.CALL_IND: case Op.RET: case Op.PUSHF:
            case Op.POPF: case Op.PUSH_SEG: case Op.ENTER: case Op.LEAVE: {
                long sp = in.op == Op.LEAVE ? c.gpr[CpuState.RBP] : c.gpr[CpuState.RSP];
                if (!canonical(sp) || !canonical(sp - in.opSize) || !canonical(sp + 7))
                    return new GuestFault(GuestFault.SS, 0, 0);
                return f;
            }
            default:
                return f;
        }
    }

    private static boolean canonical(long a) {
        return (a >> 47) == 0 || (a >> 47) == -1;
    }

    /** Executes one instruction. */
    public void step() {
        long rip = cpu.rip;
        Insn in = cache.get(cpu.mmu, rip);
        long next = rip + in.length;
        try {
            if (execute(in, next)) cpu.rip = next;
        } catch (GuestFault f) {
            throw f.vector == GuestFault.GP && f.errorCode == 0 ? stackSegmentFault(f) : f;
        }
    }


    /** Runs one instruction; returns true when RIP is to advance to {@code next}. */
    private boolean execute(Insn in, long next) {
        CpuState c = cpu;
        long ea = in.hasMem ? Operands.ea(c, in, next) : 0;
        OpGroups.Group g = OpGroups.of(in.op);
        if (g != null) return g.run(c, in, ea, next);    // see OpGroups for why these are not cases
        switch (in.op) {
            case Op.CRC32: Sse4Ops.crc32(c, in, ea); return true;
            case Op.LEA: Operands.writeGpr(c.gpr, in.reg, in.opSize, Operands.offset(c, in, next)); return true;
            case Op.FWAIT: x87.fwait(); return true;
            case Op.NOP: case Op.PAUSE: case Op.PREFETCH:
            case Op.LFENCE: case Op.MFENCE: case Op.SFENCE:
                return true;
            case Op.CLFLUSH: c.mmu.read8(ea); return true;

            // ---- stack ----
            case Op.POP_SEG:
                if (system != null) return system.execute(in, ea, next);
                StackOps.popSeg(c, in);
                return true;

            // ---- control transfer ----
            case Op.JCC:
                c.rip = c.flags.cond(in.cc) ? next + in.imm : next;
                return false;
            case Op.JMP: c.rip = next + in.imm; return false;
            case Op.JMP_IND: c.rip = canonicalTarget(Operands.readE(c, in, 8, ea)); return false;
            case Op.CALL:
                StackOps.push(c, 8, next);
                c.rip = next + in.imm;
                return false;
            case Op.CALL_IND: {
                long target = canonicalTarget(Operands.readE(c, in, 8, ea));
                StackOps.push(c, 8, next);
                c.rip = target;
                return false;
            }
            case Op.RET: {
                long sp = c.gpr[CpuState.RSP];
                long target = canonicalTarget(c.mmu.read64(sp));
                c.gpr[CpuState.RSP] = sp + 8 + (in.shape == Shape.I ? in.imm & 0xffff : 0);
                c.rip = target;
                return false;
            }
            case Op.LOOP: case Op.LOOPE: case Op.LOOPNE: {
                long m = Operands.addrMask(in);
                long cx = (c.gpr[CpuState.RCX] - 1) & m;
                c.gpr[CpuState.RCX] = cx;   // with a 67 prefix ECX is written, zero-extended
                boolean taken = cx != 0 && (in.op == Op.LOOP || c.flags.zf() == (in.op == Op.LOOPE));
                c.rip = taken ? next + in.imm : next;
                return false;
            }
            case Op.JRCXZ:
                c.rip = (c.gpr[CpuState.RCX] & Operands.addrMask(in)) == 0 ? next + in.imm : next;
                return false;

            // ---- flags ----
            case Op.CMC: c.flags.complementCf(); return true;
            case Op.CLC: c.flags.setCf(false); return true;
            case Op.STC: c.flags.setCf(true); return true;
            case Op.CLD: c.flags.setDf(false); return true;
            case Op.STD: c.flags.setDf(true); return true;
            case Op.SAHF:
                c.flags.setMasked(c.gpr[CpuState.RAX] >>> 8, Flags.SF | Flags.ZF | Flags.AF | Flags.PF | Flags.CF);
                return true;
            case Op.LAHF: {
                long ah = (c.flags.get() & (Flags.SF | Flags.ZF | Flags.AF | Flags.PF | Flags.CF)) | Flags.FIXED1;
                c.gpr[CpuState.RAX] = (c.gpr[CpuState.RAX] & ~0xff00L) | (ah << 8);
                return true;
            }

            // ---- system ----
            case Op.SYSCALL: return system != null ? system.execute(in, ea, next) : syscall(next);
            case Op.CPUID: cpuid.execute(c); return true;
            case Op.RDTSC: case Op.RDTSCP: {
                if (system != null) return system.execute(in, ea, next);
                long tsc = System.nanoTime();      // user mode: the host's monotonic clock at 1 GHz
                c.gpr[CpuState.RAX] = tsc & 0xffffffffL;
                c.gpr[CpuState.RDX] = tsc >>> 32;
                if (in.op == Op.RDTSCP) c.gpr[CpuState.RCX] = c.tscAux & 0xffffffffL;
                return true;
            }
            case Op.INT3:
                if (system != null) return system.execute(in, ea, next);
                c.rip = next;
                throw new GuestFault(GuestFault.BP, -1, 0);
            case Op.INT1:
                if (system != null) return system.execute(in, ea, next);
                c.rip = next;
                throw new GuestFault(GuestFault.DB, -1, 0);
            case Op.INT:
                if (system != null) return system.execute(in, ea, next);
                throw GuestFault.gp((int) ((in.imm & 0xff) << 3) | 2);
            case Op.UD2: throw GuestFault.ud();
            case Op.LDMXCSR: x87.checkSse(); sse.ldmxcsr(ea); return true;
            case Op.STMXCSR: x87.checkSse(); sse.stmxcsr(ea); return true;
            case Op.FXSAVE: x87.checkSse(); sse.fxsave(ea, rexW(in)); return true;
            case Op.FXRSTOR: x87.checkSse(); sse.fxrstor(ea, rexW(in)); return true;
            case Op.EMMS: x87.checkMmx(); x87.emms(); return true;
            case Op.X87: x87.execute(in, ea, next - in.length); return true;
            case Op.MOV_FROM_SEG:      // user level: in user mode (no kernel) too
                if (system != null) return system.execute(in, ea, next);
                SystemOps.movFromSeg(c, in, ea);
                return true;
            case Op.HLT: case Op.CLI: case Op.STI: case Op.IN: case Op.OUT: case Op.INS: case Op.OUTS:
            case Op.CLTS: case Op.INVD: case Op.WBINVD: case Op.WRMSR: case Op.RDMSR: case Op.RDPMC:
            case Op.MOV_FROM_CR: case Op.MOV_TO_CR: case Op.MOV_FROM_DR: case Op.MOV_TO_DR:
            case Op.LLDT: case Op.LTR: case Op.LGDT: case Op.LIDT: case Op.LMSW: case Op.INVLPG:
            case Op.SWAPGS: case Op.SYSRET: case Op.SYSEXIT: case Op.MONITOR: case Op.MWAIT:
            case Op.XSETBV: case Op.MOV_TO_SEG: case Op.RETF: case Op.IRET:
            case Op.SLDT: case Op.STR: case Op.SGDT: case Op.SIDT: case Op.SMSW:
            case Op.LSL: case Op.LAR: case Op.VERR: case Op.VERW:
                if (system != null) return system.execute(in, ea, next);
                if (c.cpl != 0) throw GuestFault.gp(0);
                throw GuestFault.ud();   // user mode without a kernel: nothing to run them against
            default:
                if ((in.op >= Op.MOVUPS && in.op <= Op.PADDD) || (in.op >= Op.PSHUFB && in.op <= Op.PEXTRW_E)) {
                    if (Shape.isMmx(in.shape)) {
                        mmx.execute(in, ea);
                    } else {
                        x87.checkSse();
                        // SSE instructions need the OS to have enabled FXSAVE of the XMM state (SDM Vol. 3A §2.5, CR4.OSFXSR).
                        if ((c.cr4 & 0x200) == 0) throw GuestFault.ud();
                        sse.execute(in, ea);
                    }
                    return true;
                }
                throw GuestFault.ud();
        }
    }

    /**
     * Near JMP/CALL/RET in 64-bit mode: a non-canonical target is #GP(0) raised by the branch itself,
     * with RIP and RSP unchanged (SDM Vol. 2A JMP, CALL, RET: "64-Bit Mode Exceptions"). Public for
     * the JIT's compiled RET / JMP Ev / CALL Ev.
     */
    public static long canonicalTarget(long target) {
        if ((target >> 47) != 0 && (target >> 47) != -1) throw GuestFault.gp(0);
        return target;
    }

    /** FXRSTOR from linear address {@code ea}, as the instruction does (tests load whole states so). */
    void fxrstorImage(long ea) { sse.fxrstor(ea, true); }

    /** FXSAVE to linear address {@code ea}, as the instruction does. */
    void fxsaveImage(long ea) { sse.fxsave(ea, true); }

    /** The x87 unit, whose registers are also mm0-7 (for the JIT, signal frames and tests). */
    public org.jemu.cpu.x87.X87 fpu() { return cpu.x87; }

    private static boolean rexW(Insn in) { return (in.prefixes & Insn.PFX_REXW) != 0; }

    /**
     * SYSCALL: RCX := next RIP, R11 := RFLAGS (SDM Vol. 2B, SYSCALL); then the handler. The handler
     * may set RIP itself (rt_sigreturn), so RIP is advanced before it runs.
     */
    private boolean syscall(long next) {
        CpuState c = cpu;
        if (syscalls == null) throw GuestFault.ud();
        c.gpr[CpuState.RCX] = next;
        c.gpr[11] = c.flags.get() & ~Flags.RF;
        c.rip = next;
        syscalls.syscall(c);
        return false;
    }
}
