package org.jemu.cpu.decode;

import org.jemu.cpu.CpuState;

/**
 * One decoded instruction: filled in place by {@link Decoder}, kept in the {@link DecodeCache} and
 * reused, never allocated per execution. Fields are public and plain so the interpreter and the JIT
 * read them without calls.
 *
 * <p>Register numbers follow the encoding (RAX=0 ... R15=15; XMM0..15 for SSE operands; MM0..7 for
 * MMX operands, which REX does not extend). For byte
 * operands, numbers 4..7 mean AH, CH, DH, BH when {@link #rex} is false and SPL, BPL, SIL, DIL when it
 * is true (SDM Vol. 1, §3.7.2.1 and Vol. 2A, Table 2-4 note); {@link #byteReg} does the mapping.
 *
 * <p>Immediates ({@link #imm}, {@link #imm2}) are already extended to 64 bits: sign-extended for
 * {@code Ibs}, {@code Iz}, {@code Jb}, {@code Jz}; zero-extended for {@code Ib}, {@code Iw},
 * {@code Iv} and the moffs address of {@code Ob}/{@code Ov}. A branch target is
 * {@code nextRip + imm} where {@code nextRip = rip + length}. ENTER: {@code imm} is the frame size
 * (Iw), {@code imm2} the nesting level (Ib). The I/O port of {@code IN AL,Ib} is {@code imm}.
 */
public final class Insn {
    // ---- prefix bits (field prefixes) ----------------------------------------------------------
    public static final int PFX_LOCK = 1;
    /** F3: REP / REPE, or a mandatory SSE prefix. */
    public static final int PFX_REP = 2;
    /** F2: REPNE, or a mandatory SSE prefix. */
    public static final int PFX_REPNE = 4;
    public static final int PFX_OPSIZE = 8;
    public static final int PFX_ADDRSIZE = 16;
    public static final int PFX_REX = 32;
    /** REX.W, REX.R, REX.X, REX.B (only when the REX byte was effective, i.e. last before the opcode). */
    public static final int PFX_REXW = 64, PFX_REXR = 128, PFX_REXX = 256, PFX_REXB = 512;
    /** A segment override prefix was present (which one: {@link #segment}). */
    public static final int PFX_SEG = 1024;

    /** Value of {@link #base} for RIP-relative addressing. */
    public static final int BASE_RIP = 16;

    /** Opcode maps, the high byte of {@link #opcode}. */
    public static final int MAP_PRIMARY = 0, MAP_0F = 1, MAP_0F38 = 2, MAP_0F3A = 3;

    /** {@link Op} id. */
    public int op;
    /** Index of the table row in {@link OpTable}: operands, flags, mnemonic, attributes. */
    public int form;
    /** {@link Shape} of the operands. */
    public int shape;
    /** Instruction length in bytes, 1..15. */
    public int length;
    /**
     * Operand size in bytes after the 66 / REX.W / default-64 rules: 1, 2, 4 or 8 for integer forms;
     * for SSE forms the size of the general-purpose operand if there is one (CVTSI2SD with REX.W: 8),
     * else the size of the first operand (16 for packed, 4 or 8 for scalar, 8 for an mm register).
     */
    public int opSize;
    /** Address size in bytes: 8, or 4 with the 67 prefix (in 64-bit mode). */
    public int addrSize;
    /** PFX_* bits. */
    public int prefixes;
    /** Segment override: -1 for none, else CpuState.ES..GS (last one wins). */
    public int segment;
    /**
     * ModRM.reg extended by REX.R; or the register in the opcode's low 3 bits extended by REX.B
     * (shapes with Z); or the segment/control/debug register number (S, C, D, SEG operands).
     */
    public int reg;
    /** Register operand of ModRM.rm extended by REX.B when ModRM.mod == 3; else -1. */
    public int rm;
    /** True when the ModRM operand is in memory (also for moffs and the string operands). */
    public boolean hasMem;
    /** Base register of the memory operand: -1 none, {@link #BASE_RIP}, or a GPR number. */
    public int base;
    /** Index register (with REX.X), -1 for none. */
    public int index;
    /** Log2 of the index scale, 0..3. */
    public int scale;
    /** Displacement, sign-extended. */
    public long disp;
    /** Bytes of displacement in the encoding: 0, 1 or 4 (for the disassembler and the JIT). */
    public int dispSize;
    public long imm;
    public long imm2;
    /** A REX prefix was effective: byte registers 4..7 are SPL..DIL instead of AH..BH. */
    public boolean rex;
    /** Condition code 0..15 of Jcc, SETcc, CMOVcc (O NO B AE E NE BE A S NS P NP L GE LE G); else -1. */
    public int cc;
    /** Map and opcode byte: (map << 8) | byte, e.g. 0x0158 for 0F 58. */
    public int opcode;
    /** The ModRM byte, or -1 when the form has none. */
    public int modrm;
    /** Decoding mode this was decoded in (for the cache): 64, 32 or 16. */
    public int mode;
    /**
     * For an instruction that crosses a page boundary: the physical page number its tail was fetched
     * from when it was cached; -1 otherwise. The decode cache re-checks it before reuse.
     */
    public long tailPage = -1;
    /**
     * For the JIT's tiering (cached instructions only; reset by each decode): how often this
     * instruction started a basic block, counted by the JIT's dispatcher and by the interpreter's
     * block-to-block runs ({@code Interpreter.runSystem} with a JIT threshold).
     */
    public int jitHeat;
    /**
     * A compiled region starts here (or is being compiled): the interpreter's block-to-block run
     * stops before this instruction so the JIT's dispatcher can enter the region.
     */
    public boolean jitEntry;

    /** The table row this instruction was decoded from. */
    public Form row() { return OpTable.form(form); }

    /** Resets every field before decoding. */
    void clear() {
        op = 0; form = 0; shape = 0; length = 0; opSize = 4; addrSize = 8; prefixes = 0; segment = -1;
        reg = 0; rm = -1; hasMem = false; base = -1; index = -1; scale = 0; disp = 0; dispSize = 0; imm = 0; imm2 = 0;
        rex = false; cc = -1; opcode = 0; modrm = -1; tailPage = -1;
    }

    public boolean lock() { return (prefixes & PFX_LOCK) != 0; }

    /** F3 present (REP / REPE for string instructions). */
    public boolean rep() { return (prefixes & PFX_REP) != 0; }

    /** F2 present (REPNE for CMPS/SCAS). */
    public boolean repne() { return (prefixes & PFX_REPNE) != 0; }

    /**
     * Effective address of the memory operand as a linear address: base + index * scale + disp,
     * truncated to the address size, plus the base of an FS or GS override (in 64-bit mode the other
     * segment bases are treated as zero, SDM Vol. 3A §3.4.4). RIP-relative addressing is relative to
     * {@code nextRip}, the address of the next instruction.
     */
    public long effectiveAddress(long[] gpr, long nextRip, long[] segBase) {
        long a = disp;
        if (base >= 0) a += base == BASE_RIP ? nextRip : gpr[base];
        if (index >= 0) a += gpr[index] << scale;
        if (addrSize == 4) a &= 0xffffffffL;
        if (segment >= CpuState.FS) a += segBase[segment];
        return a;
    }

    /**
     * Byte register {@code r} as (GPR number, shift): returns the GPR index in bits 0..3 and 8 in bit 4
     * for AH..BH (bits 15:8 of RAX..RBX); i.e. {@code r & 3} with shift 8 when there is no REX.
     */
    public int byteReg(int r) {
        return (!rex && r >= 4 && r < 8) ? (r - 4) | 16 : r;
    }

    @Override
    public String toString() {
        return Disassembler.format(this, 0);
    }
}
