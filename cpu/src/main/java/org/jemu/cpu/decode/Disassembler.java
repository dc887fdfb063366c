package org.jemu.cpu.decode;

import org.jemu.cpu.CpuState;

/**
 * Intel-syntax text for a decoded instruction, close to what {@code objdump -d -M intel} prints, for
 * the {@code -d in_asm} log and for tests. Not on any hot path; it allocates freely.
 */
public final class Disassembler {
    private Disassembler() {}

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

    /** The instruction as text; {@code rip} is its address, for branch targets and RIP-relative. */
    public static String format(Insn in, long rip) {
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
        sb.append(m);
        long next = rip + in.length;
        for (int k = 0; k < nOps; k++) {
            sb.append(k == 0 ? " " : ",");
            operand(sb, in, f, k, next);
        }
        if (f.op == Op.XLAT) sb.append(" BYTE PTR ").append(segPrefix(in, "ds")).append("[rbx]");
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

    private static void operand(StringBuilder sb, Insn in, Form f, int k, long next) {
        int kind = f.kinds[k];
        int size = resolve(in, f, f.sizes[k]);
        switch (kind) {
            case Operand.E: case Operand.R:
                if (in.hasMem) memory(sb, in, f.op == Op.MOV_FROM_SEG ? 2 : size, next);
                else sb.append(gpr(in.rm, size == 0 ? in.opSize : f.op == Op.PINSRW ? 4 : wideRegister(f.op) ? vSize(in) : size, in.rex));
                break;
            case Operand.M:
                if (f.op == Op.CMPXCHG16B) { sb.append("OWORD PTR "); memory(sb, in, 0, next); break; }
                // fall through
            case Operand.W: case Operand.U:
                if (in.hasMem) memory(sb, in, size, next);
                else sb.append("xmm").append(in.rm);
                break;
            case Operand.G: case Operand.Z: sb.append(gpr(in.reg, size, in.rex)); break;
            case Operand.V: sb.append("xmm").append(in.reg); break;
            case Operand.XMM0: sb.append("xmm0"); break;
            case Operand.P: sb.append("mm").append(in.reg); break;
            case Operand.Q: case Operand.N:
                if (in.hasMem) memory(sb, in, size, next);
                else sb.append("mm").append(in.rm);
                break;
            case Operand.S: sb.append(SEG[in.reg]); break;
            case Operand.SEG: sb.append(SEG[in.reg]); break;
            case Operand.C: sb.append("cr").append(in.reg); break;
            case Operand.D: sb.append("dr").append(in.reg); break;
            case Operand.ACC: sb.append(gpr(0, size, in.rex)); break;
            case Operand.CL: sb.append("cl"); break;
            case Operand.DX: sb.append("dx"); break;
            case Operand.ONE: sb.append("1"); break;
            case Operand.ST: sb.append("st"); break;
            case Operand.STI: sb.append("st(").append(in.rm).append(')'); break;
            case Operand.I: {
                long v = k == firstImm(f) ? in.imm : in.imm2;
                int bytes = f.sizes[k] == Operand.SZ_BS || f.sizes[k] == Operand.SZ_Z ? in.opSize
                        : f.sizes[k] == Operand.SZ_V ? in.opSize : size;
                sb.append(hex(bytes >= 8 ? v : v & ((1L << (8 * bytes)) - 1)));
                break;
            }
            case Operand.J: sb.append(hex(next + in.imm)); break;
            case Operand.O: sb.append(segPrefix(in, "ds")).append(hex(in.disp)); break;
            case Operand.X:
                sb.append(ptr(size)).append(segPrefix(in, "ds")).append('[').append(gpr(6, in.addrSize, true)).append(']');
                break;
            case Operand.Y: sb.append(ptr(size)).append("es:[").append(gpr(7, in.addrSize, true)).append(']'); break;
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

    private static String segPrefix(Insn in, String dflt) {
        return (in.segment >= 0 ? SEG[in.segment] : dflt) + ":";
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

    private static void memory(StringBuilder sb, Insn in, int size, long next) {
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

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
