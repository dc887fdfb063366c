package org.jemu.cpu.decode;

import org.jemu.cpu.CpuState;

/**
 * Text for a decoded instruction in Intel syntax, as {@code objdump -d -M intel} prints it, or AT&T
 * syntax, as plain {@code objdump -d} (and QEMU's logs) print it: for the {@code -d in_asm} log, the
 * monitor's {@code x/i} and tests. Not on any hot path; it allocates freely.
 *
 * <p>AT&T differs beyond spelling (GNU as manual, "i386-Syntax"): operands in reverse order (ENTER
 * excepted), {@code %} before registers and {@code $} before immediates, memory as
 * {@code seg:disp(base,index,scale)}, a {@code *} before indirect branch targets, the shift-by-one
 * count left out, and a size suffix (b w l q; s l t and s l ll on x87 memory operands) where no
 * register operand gives the size. Sign and zero extensions and the accumulator widenings have
 * their own names (movzbl, movslq, cltq, cqto, ...). For the x87 register forms of FSUB(R)/FDIV(R)
 * with ST(i) as destination, objdump keeps the historical AT&T (UnixWare) mnemonics, which swap the
 * R; so does this.
 */
public final class Disassembler {
    private Disassembler() {}

    /** Which assembler dialect {@link #format(Insn, long, Syntax)} writes. */
    public enum Syntax { INTEL, ATT }

    private static final String[] R64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    private static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
            "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    private static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
            "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
    private static final String[] R8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
            "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
    private static final String[] R8_LEGACY = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
    private static final String[] SEG = {"es", "cs", "ss", "ds", "fs", "gs"};

    /** Name of general register {@code r} at {@code size} bytes. */
    public static String gpr(int r, int size, boolean rex) {
        switch (size) {
            case 1: return !rex && r < 8 ? R8_LEGACY[r] : R8[r];
            case 2: return R16[r];
            case 4: return R32[r];
            default: return R64[r];
        }
    }

    /** The instruction in Intel syntax; {@code rip} is its address, for branch targets and RIP-relative. */
    public static String format(Insn in, long rip) { return format(in, rip, Syntax.INTEL); }

    /** The instruction as text in {@code syntax}; {@code rip} is its address. */
    public static String format(Insn in, long rip, Syntax syntax) {
        boolean att = syntax == Syntax.ATT;
        Form f = OpTable.form(in.form);
        StringBuilder sb = new StringBuilder();
        if (in.lock()) sb.append("lock ");
        // ES/CS/SS/DS overrides do nothing in 64-bit mode; objdump shows them as prefix words.
        if (in.segment >= 0 && in.segment < CpuState.FS && in.hasMem) sb.append(SEG[in.segment]).append(' ');
        boolean str = f.op == Op.MOVS || f.op == Op.STOS || f.op == Op.LODS || f.op == Op.INS || f.op == Op.OUTS;
        boolean cmpStr = f.op == Op.CMPS || f.op == Op.SCAS;
        if (str && in.rep()) sb.append("rep ");
        if (cmpStr && (in.rep() || in.repne())) sb.append(lastRepIsF2(in) ? "repnz " : "repz ");
        String m = f.mnemonic(in.opSize).toLowerCase();
        if (f.op == Op.JRCXZ && in.addrSize == 4) m = "jecxz";
        if (f.op == Op.MOV_MOFFS || (f.shape == Shape.Z_I && in.opSize == 8)) m = "movabs";
        int nOps = f.kinds.length;
        boolean cmpPredicate = (f.op == Op.CMPPS || f.op == Op.CMPPD || f.op == Op.CMPSS || f.op == Op.CMPSD)
                && in.imm < 8;
        if (cmpPredicate) {
            // CMPPS xmm, xmm, 0..7 is printed with the predicate in the mnemonic (SDM Vol. 2A, Table 3-5).
            m = "cmp" + CMP_PREDICATES[(int) in.imm] + m.substring(3);
            nOps--;
        }
        long next = rip + in.length;
        java.util.List<String> ops = new java.util.ArrayList<>();
        for (int k = 0; k < nOps; k++) {
            if (att && f.kinds[k] == Operand.ONE) continue;           // AT&T: "shl %eax", the 1 implied
            StringBuilder o = new StringBuilder();
            operand(o, in, f, k, next, att);
            ops.add(o.toString());
        }
        if (att) {
            m = attMnemonic(m, in, f);
            if (f.op != Op.ENTER) java.util.Collections.reverse(ops);
        }
        sb.append(m);
        for (int k = 0; k < ops.size(); k++) sb.append(k == 0 ? " " : ",").append(ops.get(k));
        if (att && f.op == Op.MONITOR) sb.append(in.addrSize == 4 ? " %eax,%ecx,%edx" : " %rax,%ecx,%edx");   // implicit operands, as objdump shows them
        if (att && f.op == Op.MWAIT) sb.append(" %eax,%ecx");
        if (f.op == Op.XLAT) sb.append(att ? " " + segPrefix(in, "ds", true) + "(%rbx)" : " BYTE PTR " + segPrefix(in, "ds", false) + "[rbx]");
        if (in.base == Insn.BASE_RIP) sb.append("        # ").append(hex(next + in.disp));
        return sb.toString();
    }

    private static final String[] CMP_PREDICATES = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};

    private static boolean lastRepIsF2(Insn in) {
        return in.repne() && !in.rep();
    }

    private static int resolve(Insn in, Form f, int size) {
        boolean w = (in.prefixes & Insn.PFX_REXW) != 0, o16 = (in.prefixes & Insn.PFX_OPSIZE) != 0;
        switch (size) {
            case Operand.SZ_V:
                return f.sizeRule == Form.RULE_V || f.sizeRule == Form.RULE_V64 || f.f64 ? in.opSize
                        : w ? 8 : o16 ? 2 : 4;
            case Operand.SZ_Y: return w ? 8 : 4;
            case Operand.SZ_Z: return o16 ? 2 : 4;
            case Operand.SZ_BS: return in.opSize;
            case Operand.SZ_P: return in.opSize == 2 ? 4 : 6;   // objdump prints FWORD for m16:64 too
            default: return size;
        }
    }

    private static void operand(StringBuilder sb, Insn in, Form f, int k, long next, boolean att) {
        int kind = f.kinds[k];
        int size = resolve(in, f, f.sizes[k]);
        String pct = att ? "%" : "";
        switch (kind) {
            case Operand.E: case Operand.R:
                if (att && (f.op == Op.CALL_IND || f.op == Op.JMP_IND || f.op == Op.CALLF_IND || f.op == Op.JMPF_IND)) sb.append('*');
                if (in.hasMem) memory(sb, in, f.op == Op.MOV_FROM_SEG ? 2 : size, next, att);
                else sb.append(pct).append(gpr(in.rm, size == 0 ? in.opSize : f.op == Op.PINSRW ? 4 : wideRegister(f.op) ? vSize(in) : size, in.rex));
                break;
            case Operand.M:
                if (att && (f.op == Op.CALLF_IND || f.op == Op.JMPF_IND)) sb.append('*');
                if (f.op == Op.CMPXCHG16B) { if (!att) sb.append("OWORD PTR "); memory(sb, in, 0, next, att); break; }
                // fall through
            case Operand.W: case Operand.U:
                if (in.hasMem) memory(sb, in, size, next, att);
                else sb.append(pct).append("xmm").append(in.rm);
                break;
            case Operand.G: case Operand.Z: sb.append(pct).append(gpr(in.reg, size, in.rex)); break;
            case Operand.V: sb.append(pct).append("xmm").append(in.reg); break;
            case Operand.XMM0: sb.append(pct).append("xmm0"); break;
            case Operand.P: sb.append(pct).append("mm").append(in.reg); break;
            case Operand.Q: case Operand.N:
                if (in.hasMem) memory(sb, in, size, next, att);
                else sb.append(pct).append("mm").append(in.rm);
                break;
            case Operand.S: case Operand.SEG: sb.append(pct).append(SEG[in.reg]); break;
            case Operand.C: sb.append(pct).append("cr").append(in.reg); break;
            case Operand.D: sb.append(att ? "%db" : "dr").append(in.reg); break;   // objdump's AT&T name
            case Operand.ACC: sb.append(pct).append(gpr(0, size, in.rex)); break;
            case Operand.CL: sb.append(pct).append("cl"); break;
            case Operand.DX: sb.append(att ? "(%dx)" : "dx"); break;
            case Operand.ONE: sb.append("1"); break;
            case Operand.ST: sb.append(pct).append("st"); break;
            case Operand.STI: sb.append(pct).append("st(").append(in.rm).append(')'); break;
            case Operand.I: {
                long v = k == firstImm(f) ? in.imm : in.imm2;
                int bytes = f.sizes[k] == Operand.SZ_BS || f.sizes[k] == Operand.SZ_Z ? in.opSize
                        : f.sizes[k] == Operand.SZ_V ? in.opSize : size;
                sb.append(att ? "$" : "").append(hex(bytes >= 8 ? v : v & ((1L << (8 * bytes)) - 1)));
                break;
            }
            case Operand.J: sb.append(hex(next + in.imm)); break;
            case Operand.O:
                if (att) sb.append(in.segment >= 0 ? "%" + SEG[in.segment] + ":" : "").append(hex(in.disp));
                else sb.append(segPrefix(in, "ds", false)).append(hex(in.disp));
                break;
            case Operand.X:
                if (att) sb.append(segPrefix(in, "ds", true)).append("(%").append(gpr(6, in.addrSize, true)).append(')');
                else sb.append(ptr(size)).append(segPrefix(in, "ds", false)).append('[').append(gpr(6, in.addrSize, true)).append(']');
                break;
            case Operand.Y:
                if (att) sb.append("%es:(%").append(gpr(7, in.addrSize, true)).append(')');
                else sb.append(ptr(size)).append("es:[").append(gpr(7, in.addrSize, true)).append(']');
                break;
            default: sb.append('?');
        }
    }

    /** Forms whose 16-bit r/m operand objdump prints as a full register when it is one. */
    private static boolean wideRegister(int op) {
        return op == Op.PINSRW || op == Op.MOV_TO_SEG || op == Op.SLDT || op == Op.STR || op == Op.SMSW
                || op == Op.LAR || op == Op.LSL;
    }

    private static int vSize(Insn in) {
        return (in.prefixes & Insn.PFX_REXW) != 0 ? 8 : (in.prefixes & Insn.PFX_OPSIZE) != 0 ? 2 : 4;
    }

    private static int firstImm(Form f) {
        for (int k = 0; k < f.kinds.length; k++) if (f.kinds[k] == Operand.I || f.kinds[k] == Operand.O) return k;
        return -1;
    }

    private static String segPrefix(Insn in, String dflt, boolean att) {
        return (att ? "%" : "") + (in.segment >= 0 ? SEG[in.segment] : dflt) + ":";
    }

    static String ptr(int size) {
        switch (size) {
            case 1: return "BYTE PTR ";
            case 2: return "WORD PTR ";
            case 4: return "DWORD PTR ";
            case 6: return "FWORD PTR ";
            case 8: return "QWORD PTR ";
            case 10: return "TBYTE PTR ";
            case 16: return "XMMWORD PTR ";
            default: return "";
        }
    }

    private static void memory(StringBuilder sb, Insn in, int size, long next, boolean att) {
        if (att) {
            attMemory(sb, in);
            return;
        }
        sb.append(ptr(size));
        if (in.base < 0 && in.index < 0) {
            // Absolute address (SIB without base and index): objdump writes seg:addr.
            sb.append(in.segment >= 0 ? SEG[in.segment] : "ds").append(':')
              .append(hex(in.addrSize == 4 ? in.disp & 0xffffffffL : in.disp));
            return;
        }
        if (in.segment >= CpuState.FS) sb.append(SEG[in.segment]).append(':');
        sb.append('[');
        boolean any = false;
        if (in.base == Insn.BASE_RIP) { sb.append(in.addrSize == 4 ? "eip" : "rip"); any = true; }
        else if (in.base >= 0) { sb.append(gpr(in.base, in.addrSize, true)); any = true; }
        if (in.index >= 0) {
            if (any) sb.append('+');
            sb.append(gpr(in.index, in.addrSize, true)).append('*').append(1 << in.scale);
            any = true;
        }
        if (in.base == Insn.BASE_RIP) sb.append('+').append(hex(in.disp));   // objdump: unsigned
        else if (in.disp < 0) sb.append('-').append(hex(-in.disp));
        else if (in.dispSize > 0 || in.base < 0) sb.append('+').append(hex(in.disp));
        sb.append(']');
    }

    /** AT&T memory: {@code %seg:disp(base,index,scale)}; a displacement byte of 0 is still written. */
    private static void attMemory(StringBuilder sb, Insn in) {
        if (in.segment >= CpuState.FS) sb.append('%').append(SEG[in.segment]).append(':');
        if (in.base < 0 && in.index < 0) {
            sb.append(hex(in.addrSize == 4 ? in.disp & 0xffffffffL : in.disp));
            return;
        }
        if (in.dispSize > 0 || in.base < 0) sb.append(in.disp < 0 ? "-" + hex(-in.disp) : hex(in.disp));
        sb.append('(');
        if (in.base == Insn.BASE_RIP) sb.append(in.addrSize == 4 ? "%eip" : "%rip");
        else if (in.base >= 0) sb.append('%').append(gpr(in.base, in.addrSize, true));
        if (in.index >= 0) sb.append(",%").append(gpr(in.index, in.addrSize, true)).append(',').append(1 << in.scale);
        sb.append(')');
    }

    // ---- AT&T mnemonics ---------------------------------------------------------------------

    private static final String[] SUFFIX = {"", "b", "w", "", "l", "", "", "", "q"};

    /** The AT&T spelling of mnemonic {@code m} (the Intel one) for {@code in}. */
    private static String attMnemonic(String m, Insn in, Form f) {
        switch (f.op) {
            case Op.MOVZX: case Op.MOVSX: {
                // movzbl, movswq, ...: source size, then destination size
                int src = f.sizes[1] == 1 ? 1 : 2;
                return (f.op == Op.MOVZX ? "movz" : "movs") + SUFFIX[src] + SUFFIX[in.opSize];
            }
            case Op.MOVSXD: return in.opSize == 8 ? "movslq" : m;
            case Op.CBW: return in.opSize == 2 ? "cbtw" : in.opSize == 4 ? "cwtl" : "cltq";
            case Op.CWD: return in.opSize == 2 ? "cwtd" : in.opSize == 4 ? "cltd" : "cqto";
            case Op.RETF: return vSize(in) == 8 ? "lretq" : "lret";
            case Op.CALLF_IND: return "lcall";
            case Op.JMPF_IND: return "ljmp";
            case Op.CVTSI2SS: case Op.CVTSI2SD: return in.hasMem ? m + SUFFIX[vSize(in) == 8 ? 8 : 4] : m;
            case Op.CRC32: return in.hasMem ? m + SUFFIX[memorySize(in, f)] : m;     // the register names the size otherwise
            default: break;
        }
        // Operand-size suffixes of the system returns: AT&T says l where Intel says d.
        if ((m.startsWith("iret") || m.startsWith("sysret") || m.startsWith("sysexit")) && m.endsWith("d"))
            return m.substring(0, m.length() - 1) + "l";
        if (f.op == Op.X87) return x87Mnemonic(m, in, f);
        int memSize = memorySize(in, f);
        return memSize > 0 && !hasSizingRegister(in, f) && !NO_SUFFIX.contains(m) && !m.startsWith("set")
                ? m + SUFFIX[memSize] : m;
    }

    /** Memory-operand instructions whose size objdump never spells out. */
    private static final java.util.Set<String> NO_SUFFIX = java.util.Set.of("call", "jmp", "lgdt", "sgdt", "lidt", "sidt",
            "lldt", "sldt", "ltr", "str", "verr", "verw", "smsw", "lmsw", "invlpg", "clflush", "ldmxcsr", "stmxcsr",
            "fxsave", "fxrstor", "cmpxchg8b", "cmpxchg16b", "prefetchnta", "prefetcht0", "prefetcht1", "prefetcht2",
            "prefetchw", "prefetch", "lea", "push", "pop", "xsave", "xrstor", "xsaveopt", "clflushopt", "clwb", "movbe");

    /** The size of the memory operand (1, 2, 4 or 8 bytes), or 0 when there is none of those sizes. */
    private static int memorySize(Insn in, Form f) {
        for (int k = 0; k < f.kinds.length; k++) {
            int kind = f.kinds[k];
            boolean mem = kind == Operand.X || kind == Operand.Y
                    || (in.hasMem && (kind == Operand.E || kind == Operand.M || kind == Operand.W || kind == Operand.Q));
            if (!mem) continue;
            int size = resolve(in, f, f.sizes[k]);
            return size == 1 || size == 2 || size == 4 || size == 8 ? size : 0;
        }
        return 0;
    }

    /** Whether a register operand states the operation size (CL, DX and the shift-by-one 1 do not). */
    private static boolean hasSizingRegister(Insn in, Form f) {
        for (int kind : f.kinds) {
            switch (kind) {
                case Operand.G: case Operand.Z: case Operand.ACC: case Operand.V: case Operand.P: case Operand.S:
                case Operand.SEG: case Operand.C: case Operand.D: case Operand.XMM0: case Operand.ST: case Operand.STI:
                    return true;
                case Operand.E: case Operand.R: case Operand.W: case Operand.U: case Operand.Q: case Operand.N:
                    if (!in.hasMem) return true;
                    break;
                default: break;
            }
        }
        return false;
    }

    /**
     * x87 in AT&T: memory operands take s/l/t (float: 32, 64, 80 bits) or s/l/ll (integer: 16, 32,
     * 64 bits); the register forms that write ST(i) keep the AT&T (UnixWare) swap of FSUB/FSUBR and
     * FDIV/FDIVR that objdump prints.
     */
    private static String x87Mnemonic(String m, Insn in, Form f) {
        if (in.hasMem) {
            int size = 0;
            for (int k = 0; k < f.kinds.length; k++)
                if (f.kinds[k] == Operand.M || f.kinds[k] == Operand.E) size = resolve(in, f, f.sizes[k]);
            if (m.equals("fbld") || m.equals("fbstp")) return m;
            boolean integer = m.startsWith("fi");
            String sfx = integer ? (size == 2 ? "s" : size == 4 ? "l" : size == 8 ? "ll" : "")
                    : (size == 4 ? "s" : size == 8 ? "l" : size == 10 ? "t" : "");
            return m + sfx;
        }
        boolean toSti = f.kinds.length == 2 && f.kinds[0] == Operand.STI;
        if (toSti && (m.startsWith("fsub") || m.startsWith("fdiv"))) {
            boolean r = m.length() > 4 && m.charAt(4) == 'r';
            String base = m.substring(0, 4), tail = m.substring(r ? 5 : 4);
            return base + (r ? "" : "r") + tail;
        }
        return m;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
