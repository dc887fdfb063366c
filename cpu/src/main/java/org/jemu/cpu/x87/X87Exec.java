package org.jemu.cpu.x87;

import org.jemu.cpu.Flags;

/**
 * One decoded x87 instruction (escape opcodes D8-DF, SDM Vol. 2 Appendix A.4): the interpreter's
 * and the JIT's entry point. See the package overview for the calling convention.
 */
public final class X87Exec {
    private X87Exec() {}

    /** Results of {@link #execute}. */
    public static final int OK = 0, MF = 1, UD = 2, STORE_AX = 3;

    private static final int ADD = 0, MUL = 1, COM = 2, COMP = 3, SUB = 4, SUBR = 5, DIV = 6, DIVR = 7;

    /**
     * Executes one x87 instruction.
     *
     * @param opcode the escape byte D8..DF
     * @param modrm the ModRM byte; mod != 3 means a memory operand at {@code ea}
     * @param mem guest memory for memory operands (unused for register forms)
     * @param ea the operand's linear address (also recorded as FDP)
     * @param flags RFLAGS: read by FCMOVcc, written by FCOMI/FUCOMI(P)
     * @param rip the instruction's address (recorded as FIP for non-control instructions)
     * @return {@link #OK}; {@link #MF} when an unmasked exception is pending and the instruction
     *     waits (nothing was done: raise #MF); {@link #UD}; {@link #STORE_AX} for FNSTSW AX
     *     (write {@link X87#statusWord()} to AX)
     */
    public static int execute(X87 f, int opcode, int modrm, FpuMemory mem, long ea, Flags flags, long rip) {
        boolean isMem = modrm < 0xc0;
        int reg = (modrm >> 3) & 7, rm = modrm & 7;
        if (!isControl(opcode, modrm) && f.pendingException()) return MF;
        if (!isControlNoPointers(opcode, modrm, isMem)) {
            f.fip = rip;
            f.fop = ((opcode & 7) << 8) | modrm;
            if (isMem) f.fdp = ea;
        }
        f.res.clear();
        switch (opcode) {
            case 0xd8:
                if (isMem) {
                    Convert.loadF32(f.res, (int) mem.read(ea, 4));
                    arithMem(f, reg);
                } else {
                    arithReg(f, reg, rm, false, false);
                }
                return OK;
            case 0xdc:
                if (isMem) {
                    Convert.loadF64(f.res, mem.read(ea, 8));
                    arithMem(f, reg);
                } else {
                    arithReg(f, reg, rm, true, false);
                }
                return OK;
            case 0xda:
                if (isMem) {
                    Convert.loadInt(f.res, (int) mem.read(ea, 4));
                    arithMem(f, reg);
                    return OK;
                }
                return esc2Reg(f, modrm, flags);
            case 0xde:
                if (isMem) {
                    Convert.loadInt(f.res, (short) mem.read(ea, 2));
                    arithMem(f, reg);
                    return OK;
                }
                if (reg == 3) {
                    if (rm != 1) return UD;
                    compareReg(f, 1, false, 2, null); // FCOMPP
                    return OK;
                }
                if (reg == 2) { compareReg(f, rm, false, 1, null); return OK; } // FCOMP alias
                arithReg(f, reg, rm, true, true);
                return OK;
            case 0xd9:
                return isMem ? esc1Mem(f, reg, mem, ea) : esc1Reg(f, modrm, reg, rm);
            case 0xdb:
                return isMem ? esc3Mem(f, reg, mem, ea) : esc3Reg(f, modrm, reg, rm, flags);
            case 0xdd:
                return isMem ? esc5Mem(f, reg, mem, ea) : esc5Reg(f, reg, rm);
            case 0xdf:
                return isMem ? esc7Mem(f, reg, mem, ea) : esc7Reg(f, modrm, reg, rm, flags);
            default:
                return UD;
        }
    }

    /** FWAIT/WAIT (9B): true when #MF must be raised. */
    public static boolean fwait(X87 f) { return f.pendingException(); }

    /**
     * The no-wait control instructions: FNINIT, FNCLEX, FNSTSW, FNSTCW, FNSTENV, FNSAVE (and the
     * 8087 leftovers FNENI, FNDISI, FNSETPM) do not check for pending exceptions (SDM Vol. 1 §8.3.11).
     */
    static boolean isControl(int opcode, int modrm) {
        int reg = (modrm >> 3) & 7;
        if (modrm < 0xc0) {
            return (opcode == 0xd9 && (reg == 6 || reg == 7)) || (opcode == 0xdd && (reg == 6 || reg == 7));
        }
        return (opcode == 0xdb && modrm >= 0xe0 && modrm <= 0xe4) || (opcode == 0xdf && modrm == 0xe0);
    }

    /** Control instructions leave FIP/FDP/FOP alone (SDM Vol. 1 §8.1.8). */
    private static boolean isControlNoPointers(int opcode, int modrm, boolean isMem) {
        int reg = (modrm >> 3) & 7;
        if (isMem) return (opcode == 0xd9 && reg >= 4) || (opcode == 0xdd && reg >= 4);
        return (opcode == 0xdb && modrm >= 0xe0 && modrm <= 0xe4) || (opcode == 0xdf && modrm == 0xe0);
    }

    // ---- shared result handling ----

    /** Stack underflow (SDM Vol. 1 §8.5.1.1): IE+SF, C1 = 0; true when masked (continue). */
    static boolean underflow(X87 f) {
        f.raise(X87.IE | X87.SF);
        f.setCc(X87.C1, 0);
        return f.masked(X87.IE);
    }

    /** Stack overflow: IE+SF, C1 = 1; true when masked. */
    static boolean overflow(X87 f) {
        f.raise(X87.IE | X87.SF);
        f.setCc(X87.C1, X87.C1);
        return f.masked(X87.IE);
    }

    /**
     * Writes {@code f.res} to ST(dst) unless an unmasked IE/DE/ZE suppresses the result, raises the
     * flags, sets C1 to "rounded up", and pops when asked. Returns false if suppressed.
     */
    static boolean commit(X87 f, int dst, boolean pop) {
        FRes r = f.res;
        int fl = r.flags;
        if ((fl & ~f.cw & (X87.IE | X87.DE | X87.ZE)) != 0) {
            f.raise(fl & (X87.IE | X87.DE | X87.ZE));
            f.setCc(X87.C1, 0);
            return false;
        }
        f.setSt(dst, r.se, r.sig);
        f.raise(fl);
        f.setCc(X87.C1, fl & X87.C1);
        if (pop) f.pop();
        return true;
    }

    private static void arith(FRes r, int op, int aSe, long aSig, int bSe, long bSig, int cw) {
        switch (op) {
            case ADD: Arith.add(r, aSe, aSig, bSe, bSig, 0, cw); break;
            case MUL: Arith.mul(r, aSe, aSig, bSe, bSig, cw); break;
            case SUB: Arith.add(r, aSe, aSig, bSe, bSig, Arith.NEG, cw); break;
            case SUBR: Arith.add(r, bSe, bSig, aSe, aSig, Arith.NEG, cw); break;
            case DIV: Arith.div(r, aSe, aSig, bSe, bSig, cw); break;
            default: Arith.div(r, bSe, bSig, aSe, aSig, cw); break;
        }
    }

    /** D8/DC/DA/DE with a memory operand already converted into {@code f.res}. */
    private static void arithMem(X87 f, int op) {
        FRes r = f.res;
        int bSe = r.se;
        long bSig = r.sig;
        if (f.isEmpty(0)) {
            boolean masked = underflow(f);
            if (op == COM || op == COMP) {
                f.setCc(X87.C3 | X87.C2 | X87.C0, X87.C3 | X87.C2 | X87.C0);
                if (masked && op == COMP) f.pop();
            } else if (masked) {
                f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            }
            return;
        }
        if (op == COM || op == COMP) {
            compareCommit(f, Compare.compare(r, f.stSe(0), f.stSig(0), bSe, bSig, false), op == COMP ? 1 : 0, null);
            return;
        }
        arith(r, op, f.stSe(0), f.stSig(0), bSe, bSig, f.cw);
        commit(f, 0, false);
    }

    /**
     * Register arithmetic. {@code toSti}: DC/DE forms (destination ST(i), and the SUB/SUBR and
     * DIV/DIVR encodings swapped: DC E0+i is FSUBR ST(i),ST(0) = ST(0) - ST(i)).
     */
    private static void arithReg(X87 f, int op, int i, boolean toSti, boolean pop) {
        if (!toSti && (op == COM || op == COMP)) {
            compareReg(f, i, false, op == COMP ? 1 : 0, null);
            return;
        }
        if (toSti && (op == COM || op == COMP)) { // DC D0/D8: aliases of FCOM/FCOMP
            compareReg(f, i, false, op == COMP ? 1 : 0, null);
            return;
        }
        if (f.isEmpty(0) || f.isEmpty(i)) {
            if (underflow(f)) {
                f.setSt(toSti ? i : 0, F80.INDEF_SE, F80.INDEF_SIG);
                if (pop) f.pop();
            }
            return;
        }
        FRes r = f.res;
        if (toSti) {
            // ST(i) = ST(i) op ST(0), with the SUB/SUBR and DIV/DIVR encodings exchanged
            int o = op == SUB ? SUBR : op == SUBR ? SUB : op == DIV ? DIVR : op == DIVR ? DIV : op;
            arith(r, o, f.stSe(i), f.stSig(i), f.stSe(0), f.stSig(0), f.cw);
            commit(f, i, pop);
        } else {
            arith(r, op, f.stSe(0), f.stSig(0), f.stSe(i), f.stSig(i), f.cw);
            commit(f, 0, false);
        }
    }

    // ---- compares ----

    /** FCOM-family on ST(0) and ST(i): pops 0, 1 or 2; {@code eflags} non-null for FCOMI forms. */
    private static void compareReg(X87 f, int i, boolean quiet, int pops, Flags eflags) {
        if (f.isEmpty(0) || f.isEmpty(i)) {
            boolean masked = underflow(f);
            unorderedResult(f, eflags);
            if (masked) for (int k = 0; k < pops; k++) f.pop();
            return;
        }
        compareCommit(f, Compare.compare(f.res, f.stSe(0), f.stSig(0), f.stSe(i), f.stSig(i), quiet), pops, eflags);
    }

    private static void unorderedResult(X87 f, Flags eflags) {
        if (eflags == null) {
            f.setCc(X87.C3 | X87.C2 | X87.C0, X87.C3 | X87.C2 | X87.C0);
        } else {
            setEflags(eflags, Compare.UNORDERED);
        }
    }

    /**
     * Sets the compare result (the host sets it even when IE or DE is unmasked) and pops unless
     * an unmasked exception suppresses that.
     */
    private static void compareCommit(X87 f, int res, int pops, Flags eflags) {
        int fl = f.res.flags;
        f.raise(fl);
        if (eflags == null) f.setCc(X87.C1, 0); // FCOMI leaves C1 alone
        if (eflags == null) f.setCc(X87.C3 | X87.C2 | X87.C0, Compare.fcomCc(res));
        else setEflags(eflags, res);
        if ((fl & ~f.cw & (X87.IE | X87.DE)) != 0) return;
        for (int k = 0; k < pops; k++) f.pop();
    }

    /** FCOMI/FUCOMI: ZF PF CF as C3 C2 C0 would be; OF, SF, AF cleared (SDM Vol. 2A FCOMI). */
    private static void setEflags(Flags fl, int res) {
        long v;
        switch (res) {
            case Compare.GT: v = 0; break;
            case Compare.LT: v = Flags.CF; break;
            case Compare.EQ: v = Flags.ZF; break;
            default: v = Flags.ZF | Flags.PF | Flags.CF;
        }
        fl.setArith(v);
    }

    // ---- D9 ----

    private static int esc1Mem(X87 f, int reg, FpuMemory mem, long ea) {
        switch (reg) {
            case 0: { // FLD m32
                Convert.loadF32(f.res, (int) mem.read(ea, 4));
                loadPush(f);
                return OK;
            }
            case 2: case 3: { // FST/FSTP m32
                if (f.isEmpty(0)) { storeUnderflow(f, mem, ea, 4, 0xffc00000L, reg == 3); return OK; }
                Convert.storeReal(f.res, f.stSe(0), f.stSig(0), f.cw, 23, 8);
                storeCommit(f, mem, ea, 4, f.res.sig, reg == 3, true);
                return OK;
            }
            case 4: Env.fldenv(f, mem, ea); return OK;
            case 5: f.setControlWord((int) mem.read(ea, 2)); return OK;
            case 6: Env.fnstenv(f, mem, ea); return OK;
            case 7: mem.write(ea, 2, f.cw); return OK;
            default: return UD;
        }
    }

    private static int esc1Reg(X87 f, int modrm, int reg, int i) {
        FRes r = f.res;
        switch (reg) {
            case 0: { // FLD ST(i)
                if (f.isEmpty(i) && f.isEmpty(7)) {
                    if (underflow(f)) f.push(F80.INDEF_SE, F80.INDEF_SIG);
                    return OK;
                }
                r.set(f.stSe(i), f.stSig(i));
                pushResult(f);
                return OK;
            }
            case 1: fxch(f, i); return OK;
            case 2: return modrm == 0xd0 ? OK : UD; // FNOP
            case 3: fstReg(f, i, true); return OK; // D9 D8+i: FSTP1 alias
            default: break;
        }
        switch (modrm) {
            case 0xe0: case 0xe1: { // FCHS, FABS
                if (f.isEmpty(0)) {
                    if (underflow(f)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
                    return OK;
                }
                int se = modrm == 0xe0 ? f.stSe(0) ^ F80.SIGN : f.stSe(0) & ~F80.SIGN;
                f.setSt(0, se, f.stSig(0));
                f.setCc(X87.C1, 0);
                return OK;
            }
            case 0xe4: { // FTST
                if (f.isEmpty(0)) {
                    underflow(f);
                    unorderedResult(f, null);
                    return OK;
                }
                compareCommit(f, Compare.compare(r, f.stSe(0), f.stSig(0), 0, 0, false), 0, null);
                return OK;
            }
            case 0xe5: // FXAM
                f.setCc(X87.CC, Compare.fxamCc(f.isEmpty(0), f.stSe(0), f.stSig(0)));
                return OK;
            case 0xe8: r.set(F80.BIAS, F80.J); pushResult(f); return OK;
            case 0xe9: case 0xea: case 0xeb: case 0xec: case 0xed:
                Misc.constant(r, modrm - 0xe9, (f.cw >> 10) & 3);
                pushResult(f);
                return OK;
            case 0xee: r.set(0, 0); pushResult(f); return OK;
            case 0xf0: case 0xf1: case 0xf2: case 0xf3: case 0xf9: case 0xfb: case 0xfe: case 0xff:
                Transcendental.execute(f, modrm);
                return OK;
            case 0xf4: fxtract(f); return OK;
            case 0xf5: case 0xf8: fprem(f, modrm == 0xf5); return OK;
            case 0xf6: f.decTop(); f.setCc(X87.C1, 0); return OK;
            case 0xf7: f.incTop(); f.setCc(X87.C1, 0); return OK;
            case 0xfa: unary(f, 0); return OK;
            case 0xfc: unary(f, 1); return OK;
            case 0xfd: binaryST01(f, 0); return OK;
            default: return UD;
        }
    }

    /** FSQRT (0), FRNDINT (1) on ST(0). */
    private static void unary(X87 f, int which) {
        if (f.isEmpty(0)) {
            if (underflow(f)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            return;
        }
        if (which == 0) Arith.sqrt(f.res, f.stSe(0), f.stSig(0), f.cw);
        else Misc.frndint(f.res, f.stSe(0), f.stSig(0), f.cw);
        commit(f, 0, false);
    }

    /** FSCALE (0): ST(0) from ST(0) and ST(1). */
    private static void binaryST01(X87 f, int which) {
        if (f.isEmpty(0) || f.isEmpty(1)) {
            if (underflow(f)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            return;
        }
        Misc.fscale(f.res, f.stSe(0), f.stSig(0), f.stSe(1), f.stSig(1), f.cw);
        commit(f, 0, false);
    }

    private static void fxtract(X87 f) {
        if (f.isEmpty(0)) {
            if (underflow(f)) {
                f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
                f.push(F80.INDEF_SE, F80.INDEF_SIG);
            }
            return;
        }
        if (!f.isEmpty(7)) {
            if (overflow(f)) {
                f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
                f.push(F80.INDEF_SE, F80.INDEF_SIG);
            }
            return;
        }
        FRes r = f.res, ex = f.res2;
        ex.clear();
        Misc.fxtract(r, ex, f.stSe(0), f.stSig(0), f.cw);
        if ((r.flags & ~f.cw & (X87.IE | X87.DE | X87.ZE)) != 0) {
            f.raise(r.flags);
            f.setCc(X87.C1, 0);
            return;
        }
        f.setSt(0, ex.se, ex.sig);
        f.push(r.se, r.sig);
        f.raise(r.flags);
        f.setCc(X87.C1, 0);
    }

    private static void fprem(X87 f, boolean ieee) {
        if (f.isEmpty(0) || f.isEmpty(1)) {
            if (underflow(f)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            f.setCc(X87.C2, 0);
            return;
        }
        FRes r = f.res;
        int cc = Misc.fprem(r, f.stSe(0), f.stSig(0), f.stSe(1), f.stSig(1), ieee, f.cw);
        if ((r.flags & ~f.cw & (X87.IE | X87.DE)) != 0) {
            f.raise(r.flags & (X87.IE | X87.DE));
            f.setCc(X87.C1 | X87.C2, 0);
            return;
        }
        f.setSt(0, r.se, r.sig);
        f.raise(r.flags);
        if (cc == Misc.SPECIAL) f.setCc(X87.C1 | X87.C2, 0);
        else f.setCc(X87.CC, cc);
    }

    private static void fxch(X87 f, int i) {
        if (f.isEmpty(0) || f.isEmpty(i)) {
            if (!underflow(f)) return;
            // masked: an empty operand reads as the indefinite (SDM Vol. 2A FXCH)
            if (f.isEmpty(0)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            if (f.isEmpty(i)) f.setSt(i, F80.INDEF_SE, F80.INDEF_SIG);
        }
        int se = f.stSe(0);
        long sig = f.stSig(0);
        f.setSt(0, f.stSe(i), f.stSig(i));
        f.setSt(i, se, sig);
        if (!f.isEmpty(0) && !f.isEmpty(i)) f.setCc(X87.C1, 0);
    }

    // ---- loads and stores ----

    /** Pushes {@code f.res} (a loaded memory value): SNaN from m32/m64 quieted with IE, DE for denormals. */
    private static void loadPush(X87 f) {
        FRes r = f.res;
        if (F80.classify(r.se, r.sig) == F80.SNAN) {
            r.flags |= X87.IE;
            r.sig |= F80.QUIET;
        }
        if (r.srcDenormal) r.flags |= X87.DE;
        pushResult(f);
    }

    /**
     * Pushes {@code f.res}, with stack-overflow and unmasked-exception handling. An unmasked IE
     * suppresses the load; an unmasked DE (denormal m32/m64) does not on the host.
     */
    private static void pushResult(X87 f) {
        FRes r = f.res;
        if (!f.isEmpty(7)) {
            if (overflow(f)) f.push(F80.INDEF_SE, F80.INDEF_SIG);
            return;
        }
        if ((r.flags & ~f.cw & X87.IE) != 0) {
            f.raise(r.flags);
            f.setCc(X87.C1, 0);
            return;
        }
        f.push(r.se, r.sig);
        f.raise(r.flags);
        f.setCc(X87.C1, 0);
    }

    /** FST/FSTP with an empty ST(0): masked stores the indefinite. */
    private static void storeUnderflow(X87 f, FpuMemory mem, long ea, int size, long indef, boolean pop) {
        if (!underflow(f)) return;
        mem.write(ea, size, indef);
        if (pop) f.pop();
    }

    /**
     * Stores {@code value} unless an unmasked IE (or, with {@code overUnder}, OE/UE) suppresses it,
     * then raises the flags, sets C1, pops.
     */
    private static void storeCommit(X87 f, FpuMemory mem, long ea, int size, long value, boolean pop,
            boolean overUnder) {
        int fl = f.res.flags;
        int stop = X87.IE | X87.DE | (overUnder ? X87.OE | X87.UE : 0);
        if ((fl & ~f.cw & stop) != 0) {
            // nothing stored; the host flags only the suppressing exception (no PE, C1 = 0)
            f.raise(fl & ~(X87.C1 | ((fl & ~f.cw & (X87.OE | X87.UE)) != 0 ? X87.PE : 0)));
            f.setCc(X87.C1, 0);
            return;
        }
        mem.write(ea, size, value);
        f.raise(fl);
        f.setCc(X87.C1, fl & X87.C1);
        if (pop) f.pop();
    }

    private static void fistStore(X87 f, FpuMemory mem, long ea, int bytes, boolean pop, boolean truncate) {
        if (f.isEmpty(0)) { storeUnderflow(f, mem, ea, bytes, Convert.intIndefinite(bytes), pop); return; }
        Convert.storeInt(f.res, f.stSe(0), f.stSig(0), bytes, truncate ? Rounding.RC_ZERO : (f.cw >> 10) & 3);
        storeCommit(f, mem, ea, bytes, f.res.sig, pop, false);
    }

    private static int esc3Mem(X87 f, int reg, FpuMemory mem, long ea) {
        switch (reg) {
            case 0: Convert.loadInt(f.res, (int) mem.read(ea, 4)); pushResult(f); return OK;
            case 1: fistStore(f, mem, ea, 4, true, true); return OK;
            case 2: fistStore(f, mem, ea, 4, false, false); return OK;
            case 3: fistStore(f, mem, ea, 4, true, false); return OK;
            case 5: { // FLD m80: no SNaN or denormal checks (SDM Vol. 2A FLD)
                long sig = mem.read(ea, 8);
                int se = (int) mem.read(ea + 8, 2);
                f.res.set(se, sig);
                pushResult(f);
                return OK;
            }
            case 7: { // FSTP m80
                if (f.isEmpty(0)) {
                    if (underflow(f)) {
                        mem.write(ea, 8, F80.INDEF_SIG);
                        mem.write(ea + 8, 2, F80.INDEF_SE);
                        f.pop();
                    }
                    return OK;
                }
                mem.write(ea, 8, f.stSig(0));
                mem.write(ea + 8, 2, f.stSe(0));
                f.setCc(X87.C1, 0);
                f.pop();
                return OK;
            }
            default: return UD;
        }
    }

    private static int esc3Reg(X87 f, int modrm, int reg, int i, Flags flags) {
        switch (reg) {
            case 0: fcmov(f, i, !flags.cf()); return OK;
            case 1: fcmov(f, i, !flags.zf()); return OK;
            case 2: fcmov(f, i, !(flags.cf() || flags.zf())); return OK;
            case 3: fcmov(f, i, !flags.pf()); return OK;
            case 5: compareReg(f, i, true, 0, flags); return OK; // FUCOMI
            case 6: compareReg(f, i, false, 0, flags); return OK; // FCOMI
            default: break;
        }
        switch (modrm) {
            case 0xe0: case 0xe1: case 0xe4: return OK; // FNENI, FNDISI, FNSETPM: no-ops since the 287
            case 0xe2: f.clearExceptions(); return OK;
            case 0xe3: f.init(); return OK;
            default: return UD;
        }
    }

    private static int esc2Reg(X87 f, int modrm, Flags flags) {
        int reg = (modrm >> 3) & 7, i = modrm & 7;
        switch (reg) {
            case 0: fcmov(f, i, flags.cf()); return OK;
            case 1: fcmov(f, i, flags.zf()); return OK;
            case 2: fcmov(f, i, flags.cf() || flags.zf()); return OK;
            case 3: fcmov(f, i, flags.pf()); return OK;
            default: break;
        }
        if (modrm == 0xe9) { compareReg(f, 1, true, 2, null); return OK; } // FUCOMPP
        return UD;
    }

    /** FCMOVcc: the condition is taken from RFLAGS by the caller's encoding. */
    public static void fcmov(X87 f, int i, boolean cond) {
        if (f.isEmpty(0) || f.isEmpty(i)) {
            // masked: ST(0) becomes the indefinite whatever the condition (host behaviour)
            if (underflow(f)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            return;
        }
        if (cond) f.setSt(0, f.stSe(i), f.stSig(i));
    }

    private static int esc5Mem(X87 f, int reg, FpuMemory mem, long ea) {
        switch (reg) {
            case 0: Convert.loadF64(f.res, mem.read(ea, 8)); loadPush(f); return OK;
            case 1: fistStore(f, mem, ea, 8, true, true); return OK;
            case 2: case 3: {
                if (f.isEmpty(0)) { storeUnderflow(f, mem, ea, 8, 0xfff8000000000000L, reg == 3); return OK; }
                Convert.storeReal(f.res, f.stSe(0), f.stSig(0), f.cw, 52, 11);
                storeCommit(f, mem, ea, 8, f.res.sig, reg == 3, true);
                return OK;
            }
            case 4: Env.frstor(f, mem, ea); return OK;
            case 6: Env.fnsave(f, mem, ea); return OK;
            case 7: mem.write(ea, 2, f.statusWord()); return OK;
            default: return UD;
        }
    }

    private static int esc5Reg(X87 f, int reg, int i) {
        switch (reg) {
            case 0: // FFREE (the host clears C1)
                f.markEmpty(i);
                f.setCc(X87.C1, 0);
                return OK;
            case 1: fxch(f, i); return OK;
            case 2: fstReg(f, i, false); return OK;
            case 3: fstReg(f, i, true); return OK;
            case 4: compareReg(f, i, true, 0, null); return OK;
            case 5: compareReg(f, i, true, 1, null); return OK;
            default: return UD;
        }
    }

    /** FST/FSTP ST(i). */
    private static void fstReg(X87 f, int i, boolean pop) {
        if (f.isEmpty(0)) {
            if (underflow(f)) {
                f.setSt(i, F80.INDEF_SE, F80.INDEF_SIG);
                if (pop) f.pop();
            }
            return;
        }
        f.setSt(i, f.stSe(0), f.stSig(0));
        f.setCc(X87.C1, 0);
        if (pop) f.pop();
    }

    private static int esc7Mem(X87 f, int reg, FpuMemory mem, long ea) {
        switch (reg) {
            case 0: Convert.loadInt(f.res, (short) mem.read(ea, 2)); pushResult(f); return OK;
            case 1: fistStore(f, mem, ea, 2, true, true); return OK;
            case 2: fistStore(f, mem, ea, 2, false, false); return OK;
            case 3: fistStore(f, mem, ea, 2, true, false); return OK;
            case 4: Convert.loadBcd(f.res, mem.read(ea, 8), (int) mem.read(ea + 8, 2)); pushResult(f); return OK;
            case 5: Convert.loadInt(f.res, mem.read(ea, 8)); pushResult(f); return OK;
            case 6: { // FBSTP
                if (f.isEmpty(0)) {
                    if (underflow(f)) {
                        mem.write(ea, 8, Convert.BCD_INDEF_LO);
                        mem.write(ea + 8, 2, Convert.BCD_INDEF_HI);
                        f.pop();
                    }
                    return OK;
                }
                FRes r = f.res;
                Convert.storeBcd(r, f.stSe(0), f.stSig(0), (f.cw >> 10) & 3);
                if ((r.flags & ~f.cw & X87.IE) != 0) {
                    f.raise(r.flags);
                    f.setCc(X87.C1, 0);
                    return OK;
                }
                mem.write(ea, 8, r.sig);
                mem.write(ea + 8, 2, r.se);
                f.raise(r.flags);
                f.setCc(X87.C1, r.flags & X87.C1);
                f.pop();
                return OK;
            }
            case 7: fistStore(f, mem, ea, 8, true, false); return OK;
            default: return UD;
        }
    }

    private static int esc7Reg(X87 f, int modrm, int reg, int i, Flags flags) {
        switch (reg) {
            case 0: f.markEmpty(i); f.pop(); return OK; // FFREEP (undocumented, P6+)
            case 1: fxch(f, i); return OK;
            case 2: case 3: fstReg(f, i, true); return OK;
            case 4: return modrm == 0xe0 ? STORE_AX : UD;
            case 5: compareReg(f, i, true, 1, flags); return OK; // FUCOMIP
            case 6: compareReg(f, i, false, 1, flags); return OK; // FCOMIP
            default: return UD;
        }
    }
}
