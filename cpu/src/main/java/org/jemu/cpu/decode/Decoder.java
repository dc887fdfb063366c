package org.jemu.cpu.decode;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;

/**
 * Decodes one x86 instruction into an {@link Insn}, driven by {@link OpTable}. Bytes come from the
 * guest through {@link Mmu#fetch8} (so a #PF on fetch propagates) or from a byte array.
 *
 * <p>Order of work (SDM Vol. 2A, Chapter 2): legacy prefixes in any order and number, a REX prefix
 * that counts only when it immediately precedes the opcode, the escape bytes 0F / 0F 38 / 0F 3A, the
 * opcode, the row lookup by mandatory prefix and ModRM, then ModRM/SIB/displacement and immediates.
 * An instruction longer than 15 bytes raises #GP(0) (SDM Vol. 2A §2.3.11); an undefined or
 * unimplemented encoding raises #UD, including every VEX (C4/C5) and EVEX (62) encoding.
 *
 * <p>Not thread-safe: one decoder per CPU. Only 64-bit mode is implemented; {@link #mode} exists so
 * compatibility and legacy modes can be added.
 */
public final class Decoder {
    public static final int MAX_LENGTH = 15;

    /** What a first byte is as a prefix: 0 none, else a P_* kind (a table: one load for the common case). */
    private static final byte[] PREFIX = new byte[256];
    private static final int P_REX = 1, P_LOCK = 2, P_F2 = 3, P_F3 = 4, P_66 = 5, P_67 = 6, P_SEG = 7;

    static {
        for (int r = 0x40; r < 0x50; r++) PREFIX[r] = P_REX;
        PREFIX[0xf0] = P_LOCK;
        PREFIX[0xf2] = P_F2;
        PREFIX[0xf3] = P_F3;
        PREFIX[0x66] = P_66;
        PREFIX[0x67] = P_67;
        PREFIX[0x26] = (byte) (P_SEG + CpuState.ES);
        PREFIX[0x2e] = (byte) (P_SEG + CpuState.CS);
        PREFIX[0x36] = (byte) (P_SEG + CpuState.SS);
        PREFIX[0x3e] = (byte) (P_SEG + CpuState.DS);
        PREFIX[0x64] = (byte) (P_SEG + CpuState.FS);
        PREFIX[0x65] = (byte) (P_SEG + CpuState.GS);
    }

    /** Code size: 64 for 64-bit mode. */
    private int mode = 64;
    private int extensions;

    // Byte source: either the MMU at a linear address or an array.
    private Mmu mmu;
    private long rip;
    private byte[] code;
    private int codeOff;
    private int pos;

    /** A decoder for 64-bit mode with only the baseline instruction set enabled. */
    public Decoder() {}

    public Decoder(int extensions) { this.extensions = extensions; }

    /** {@link Ext} bits of the rows to decode, exactly what CPUID advertises. */
    public void setExtensions(int extensions) { this.extensions = extensions; }

    public int extensions() { return extensions; }

    public int mode() { return mode; }

    public void setMode(int mode) {
        if (mode != 64) throw new UnsupportedOperationException("only 64-bit mode is implemented");
        this.mode = mode;
    }

    /**
     * Decodes the instruction at linear address {@code rip}, fetching with execute permission. When
     * all 15 bytes an instruction may have lie in one RAM page, the page is translated once and the
     * bytes read straight from RAM; otherwise byte by byte, so a #PF on the second page is raised only
     * if the instruction reaches it.
     */
    public void decode(Mmu mmu, long rip, Insn out) {
        if ((rip & 0xfff) <= 0x1000 - MAX_LENGTH) {
            long p = mmu.fetchPhysical(rip);
            PhysicalMemory phys = mmu.physical();
            if (phys.isRam(p) && phys.isRam(p + MAX_LENGTH - 1)) {
                decode(phys.ram(), (int) p, out);
                return;
            }
        }
        this.mmu = mmu;
        this.rip = rip;
        this.code = null;
        try {
            decode(out);
        } finally {
            this.mmu = null;
        }
    }

    /**
     * Decodes from a byte array (tests, disassembly). Reading past the end of the array raises a #PF
     * at the address {@code off + length}, as running off the end of mapped memory would.
     */
    public void decode(byte[] code, int off, Insn out) {
        this.code = code;
        this.codeOff = off;
        this.mmu = null;
        try {
            decode(out);
        } finally {
            this.code = null;
        }
    }

    private int next() {
        if (pos >= MAX_LENGTH) throw GuestFault.gp(0);
        int p = pos++;
        if (code != null) {
            int i = codeOff + p;
            if (i >= code.length) throw GuestFault.pf(i, GuestFault.PF_I);
            return code[i] & 0xff;
        }
        return mmu.fetch8(rip + p);
    }

    private long nextSigned(int size) {
        switch (size) {
            case 1: return (byte) next();
            case 2: return (short) (next() | next() << 8);
            case 4: return next() | next() << 8 | next() << 16 | next() << 24;
            default: {
                long lo = nextSigned(4) & 0xffffffffL;
                return lo | nextSigned(4) << 32;
            }
        }
    }

    private void decode(Insn in) {
        pos = 0;
        in.clear();
        in.mode = mode;
        int prefixes = 0, segment = -1, lastRep = 0, rexByte = 0;
        int b;
        // Legacy prefixes and REX. A REX byte followed by anything but the opcode is ignored
        // (SDM Vol. 2A §2.2.1: "REX prefixes ... must immediately precede the opcode").
        for (;;) {
            b = next();
            int kind = PREFIX[b];
            if (kind == 0) break;
            switch (kind) {
                case P_REX: rexByte = b; continue;
                case P_LOCK: prefixes |= Insn.PFX_LOCK; break;
                case P_F2: prefixes |= Insn.PFX_REPNE; lastRep = 0xf2; break;
                case P_F3: prefixes |= Insn.PFX_REP; lastRep = 0xf3; break;
                case P_66: prefixes |= Insn.PFX_OPSIZE; break;
                case P_67: prefixes |= Insn.PFX_ADDRSIZE; break;
                default: segment = kind - P_SEG; break;
            }
            rexByte = 0;
        }
        if (rexByte != 0) {
            prefixes |= Insn.PFX_REX;
            if ((rexByte & 8) != 0) prefixes |= Insn.PFX_REXW;
            if ((rexByte & 4) != 0) prefixes |= Insn.PFX_REXR;
            if ((rexByte & 2) != 0) prefixes |= Insn.PFX_REXX;
            if ((rexByte & 1) != 0) prefixes |= Insn.PFX_REXB;
            in.rex = true;
        }
        if (segment >= 0) prefixes |= Insn.PFX_SEG;
        in.prefixes = prefixes;
        in.segment = segment;
        in.addrSize = (prefixes & Insn.PFX_ADDRSIZE) != 0 ? 4 : 8;

        int map = Insn.MAP_PRIMARY;
        if (b == 0x0f) {
            map = Insn.MAP_0F;
            b = next();
            if (b == 0x38) { map = Insn.MAP_0F38; b = next(); }
            else if (b == 0x3a) { map = Insn.MAP_0F3A; b = next(); }
        } else if (b == 0xc4 || b == 0xc5 || b == 0x62) {
            // VEX and EVEX (SDM Vol. 2A §2.3, §2.7): no AVX is advertised, so #UD.
            throw GuestFault.ud();
        }
        in.opcode = map << 8 | b;

        // Mandatory prefix: F2/F3 (the last one) take precedence over 66 (SDM Vol. 2A §2.1.1 and
        // Table A-1 note; objdump agrees).
        int mp = lastRep == 0xf3 ? Form.MP_F3 : lastRep == 0xf2 ? Form.MP_F2
                : (prefixes & Insn.PFX_OPSIZE) != 0 ? Form.MP_66 : Form.MP_NONE;
        Form[] cands = OpTable.candidates(map, b, mp);
        if (cands == null) throw GuestFault.ud();
        int modrm = -1;
        if (OpTable.hasModrm(map, b)) {
            modrm = next();
            in.modrm = modrm;
        }
        Form f = select(cands, modrm, prefixes);
        if (f == null) throw GuestFault.ud();
        fill(in, f, modrm, prefixes);
        in.length = pos;
    }

    private Form select(Form[] cands, int modrm, int prefixes) {
        int key = (modrm & 0xff) | ((prefixes & Insn.PFX_REXW) != 0 ? Form.SEL_W : 0)
                | ((prefixes & Insn.PFX_REXB) != 0 ? Form.SEL_REXB : 0);
        boolean regForm = (modrm & 0xc0) == 0xc0;
        for (Form f : cands) {
            if ((key & f.selMask) != f.selValue) continue;
            if (f.memOnly && regForm) continue;
            if ((extensions & f.ext) != f.ext) continue;
            return f;
        }
        return null;
    }

    private void fill(Insn in, Form f, int modrm, int prefixes) {
        in.form = f.index;
        in.op = f.op;
        in.shape = f.shape;
        in.cc = f.cc;
        int opSize = opSize(f.sizeRule, prefixes);
        in.opSize = opSize;
        int rexR = (prefixes & Insn.PFX_REXR) != 0 ? 8 : 0;
        int rexB = (prefixes & Insn.PFX_REXB) != 0 ? 8 : 0;

        if (modrm >= 0) {
            int reg = (modrm >> 3) & 7;
            in.reg = reg | rexR;
            if (f.anyMod || modrm >= 0xc0) in.rm = (modrm & 7) | rexB;
            else modrmMemory(in, modrm, prefixes);
        }
        int nImm = 0;
        for (int k = 0; f.operandPass && k < f.kinds.length; k++) {
            int kind = f.kinds[k], size = f.sizes[k];
            switch (kind) {
                case Operand.Z: in.reg = (in.opcode & 7) | rexB; break;
                case Operand.SEG: in.reg = size; break;
                case Operand.S: in.reg &= 7; break;
                case Operand.STI: in.rm &= 7; break;
                // MMX registers are mm0..mm7 whatever REX.R / REX.B say (SDM Vol. 2A §2.2.1.2, Table 2-4 note).
                case Operand.P: in.reg &= 7; break;
                case Operand.Q: case Operand.N: if (in.rm >= 0) in.rm &= 7; break;
                case Operand.O: {
                    long a = nextSigned(in.addrSize);
                    if (in.addrSize == 4) a &= 0xffffffffL;
                    in.hasMem = true;
                    in.disp = a;
                    setImm(in, nImm++, a);
                    break;
                }
                case Operand.I: case Operand.J:
                    setImm(in, nImm++, immediate(kind, size, opSize));
                    break;
                default: break;
            }
        }
        if ((prefixes & Insn.PFX_LOCK) != 0 && !(f.lock && in.hasMem)) throw GuestFault.ud();
        if (f.checked) check(in, f);
    }

    private static void setImm(Insn in, int n, long v) {
        if (n == 0) in.imm = v; else in.imm2 = v;
    }

    private long immediate(int kind, int size, int opSize) {
        if (kind == Operand.J) {
            // Jz is rel32 in 64-bit mode: near branches are forced to 64-bit operand size.
            return nextSigned(size == 1 ? 1 : opSize == 2 ? 2 : 4);
        }
        switch (size) {
            case 1: return next();
            case 2: return nextSigned(2) & 0xffff;
            case Operand.SZ_BS: return (byte) next();
            case Operand.SZ_Z: return nextSigned(opSize == 2 ? 2 : 4);
            case Operand.SZ_V:
                if (opSize == 2) return nextSigned(2) & 0xffff;
                if (opSize == 4) return nextSigned(4) & 0xffffffffL;
                return nextSigned(8);
            default: throw new IllegalStateException("immediate size " + size);
        }
    }

    /** Operand size from a form's rule and the prefixes (SDM Vol. 2A §2.2.1.2, Table 2-4). */
    private static int opSize(int rule, int prefixes) {
        boolean w = (prefixes & Insn.PFX_REXW) != 0, o16 = (prefixes & Insn.PFX_OPSIZE) != 0;
        switch (rule) {
            case Form.RULE_V: return w ? 8 : o16 ? 2 : 4;
            case Form.RULE_V64: return w ? 8 : o16 ? 2 : 8;
            case Form.RULE_Z: return o16 ? 2 : 4;
            case Form.RULE_Y: return w ? 8 : 4;
            default: return rule;
        }
    }

    /** ModRM memory operand with SIB and displacement, 64-bit mode (SDM Vol. 2A §2.2.1.6, Table 2-7). */
    private void modrmMemory(Insn in, int modrm, int prefixes) {
        int mod = modrm >> 6, rm = modrm & 7;
        int rexB = (prefixes & Insn.PFX_REXB) != 0 ? 8 : 0;
        in.hasMem = true;
        if (rm == 4) {
            int sib = next();
            int idx = ((sib >> 3) & 7) | ((prefixes & Insn.PFX_REXX) != 0 ? 8 : 0);
            in.scale = sib >> 6;
            in.index = idx == 4 ? -1 : idx;     // index 100b without REX.X means none
            int base = sib & 7;
            if (base == 5 && mod == 0) {
                in.base = -1;
                in.disp = nextSigned(4);
                in.dispSize = 4;
                return;
            }
            in.base = base | rexB;
        } else if (rm == 5 && mod == 0) {
            // RIP-relative, whatever REX.B says (SDM Vol. 2A §2.2.1.6).
            in.base = Insn.BASE_RIP;
            in.disp = nextSigned(4);
            in.dispSize = 4;
            return;
        } else {
            in.base = rm | rexB;
        }
        if (mod == 1) { in.disp = nextSigned(1); in.dispSize = 1; }
        else if (mod == 2) { in.disp = nextSigned(4); in.dispSize = 4; }
    }

    /** Encoding rules that depend on more than the row (all raise #UD); for the rows {@link Form#checked} marks. */
    private static void check(Insn in, Form f) {
        switch (f.op) {
            case Op.MOV_TO_SEG:
                // MOV to CS is invalid (SDM Vol. 2B, MOV: "#UD if attempt is made to load the CS register").
                if (in.reg == CpuState.CS) throw GuestFault.ud();
                // fall through
            case Op.MOV_FROM_SEG:
                if (in.reg > CpuState.GS) throw GuestFault.ud();
                break;
            case Op.MOV_TO_CR: case Op.MOV_FROM_CR:
                if (in.reg != 0 && in.reg != 2 && in.reg != 3 && in.reg != 4 && in.reg != 8) throw GuestFault.ud();
                break;
            case Op.MOV_TO_DR: case Op.MOV_FROM_DR:
                if (in.reg > 7) throw GuestFault.ud();   // REX.R with DRn (SDM Vol. 2B, MOV Debug Registers)
                break;
            default: break;
        }
    }
}
