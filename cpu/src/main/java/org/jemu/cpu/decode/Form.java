package org.jemu.cpu.decode;

/**
 * One row of the instruction table, parsed: how the form is encoded, its operands, which flags it
 * reads, writes and leaves undefined, and its attributes. Immutable; {@link OpTable#form(int)} gives
 * the row of {@link Insn#form}. The row grammar is in {@code package-info.java}.
 */
public final class Form {
    /** Mandatory-prefix classes ({@link #mandatory}). ANY: legacy prefixes keep their usual meaning. */
    public static final int MP_ANY = -1, MP_NONE = 0, MP_66 = 1, MP_F3 = 2, MP_F2 = 3;

    /** RFLAGS bits, as the flag masks use them. */
    public static final int CF = 1, PF = 4, AF = 0x10, ZF = 0x40, SF = 0x80, TF = 0x100, IF = 0x200,
            DF = 0x400, OF = 0x800, AC = 0x40000;
    /** The six arithmetic flags. */
    public static final int ARITH = CF | PF | AF | ZF | SF | OF;
    /** All of RFLAGS that software can change (for w=all / r=all). */
    public static final int ALL = 0x3f7fd5;

    /** Operand-size rules ({@link #sizeRule}); non-negative values are fixed byte counts. */
    public static final int RULE_V = -1, RULE_V64 = -2, RULE_Z = -3, RULE_Y = -4;

    /** Index in {@link OpTable}. */
    public final int index;
    /** Map ({@link Insn#MAP_PRIMARY} ...), opcode byte (for +r / +cc rows: the exact byte). */
    public final int map, opcodeByte;
    public final int mandatory;
    /** ModRM.reg required (0..7), or -1. */
    public final int regSel;
    /** ModRM.rm required when the row names a whole ModRM byte (then mod is 3), or -1. */
    public final int rmSel;
    /** 1: memory operand required; 2: register (mod == 3) required; 0: either. */
    public final int modSel;
    /** REX.W required to be 0 or 1, or -1. */
    public final int wSel;
    /** Matches only without REX.B (the NOP form of 90). */
    public final boolean rexB0;
    /** ModRM.mod is ignored and r/m is always a register (MOV CRn/DRn). */
    public final boolean anyMod;
    public final boolean hasModrm;

    /** Mnemonic; for alternatives by operand size (CBW/CWDE/CDQE), the one for 16, 32, 64 bits. */
    public final String mnemonic;
    public final String[] mnemonicBySize;
    /** Operand pattern in Intel notation, comma-separated ({@code Ev,Gv}); empty for none. */
    public final String operands;
    /** Unique readable name: mnemonic and operands, e.g. {@code ADD_Ev_Gv}. */
    public final String name;
    public final int op;
    public final int shape;
    /** Operand kinds ({@link Operand}) and sizes, destination first. */
    public final int[] kinds, sizes;
    /** Condition code for the rows of a +cc family, else -1. */
    public final int cc;

    public final int flagsRead, flagsWritten, flagsUndefined;
    /** LOCK is allowed (with a memory destination). */
    public final boolean lock;
    /** Ends a basic block: control transfer, or a change of state the JIT must not carry past. */
    public final boolean endsBlock;
    /** Default operand size 64 (66 gives 16), or forced 64. */
    public final boolean d64, f64;
    /** {@link Ext} bits this row needs (all of them; SSSE3 on mm registers needs SSSE3 and MMX), 0 for the baseline. */
    public final int ext;
    public final int sizeRule;
    /**
     * Row selection as one mask test on a key of ModRM (bits 7:0), REX.W ({@link #SEL_W}) and REX.B
     * ({@link #SEL_REXB}): the row matches when {@code (key & selMask) == selValue}, and, for
     * {@link #memOnly} rows, when ModRM.mod is not 3.
     */
    static final int SEL_W = 1 << 8, SEL_REXB = 1 << 9;
    final int selMask, selValue;
    final boolean memOnly;
    /** The decoder must look at the operands after ModRM (immediates, registers in the opcode, mm/sreg numbering). */
    final boolean operandPass;
    /** The decoder checks register numbers the row alone does not exclude (MOV Sreg/CRn/DRn). */
    final boolean checked;

    Form(int index, int map, int opcodeByte, int mandatory, int regSel, int rmSel, int modSel, int wSel,
         boolean rexB0, boolean anyMod, String mnemonic, String operands, int op, int[] kinds, int[] sizes,
         int cc, int flagsRead, int flagsWritten, int flagsUndefined, boolean lock, boolean endsBlock,
         boolean d64, boolean f64, int ext) {
        this.index = index;
        this.map = map;
        this.opcodeByte = opcodeByte;
        this.mandatory = mandatory;
        this.regSel = regSel;
        this.rmSel = rmSel;
        this.modSel = modSel;
        this.wSel = wSel;
        this.rexB0 = rexB0;
        this.anyMod = anyMod;
        String[] alts = mnemonic.split("/");
        this.mnemonic = alts[0];
        this.mnemonicBySize = alts.length == 3 ? alts : null;
        this.operands = operands;
        this.name = (alts[0] + (operands.isEmpty() ? "" : "_" + operands.replace(',', '_')));
        this.op = op;
        this.kinds = kinds;
        this.sizes = sizes;
        this.cc = cc;
        this.flagsRead = flagsRead;
        this.flagsWritten = flagsWritten;
        this.flagsUndefined = flagsUndefined;
        this.lock = lock;
        this.endsBlock = endsBlock;
        this.d64 = d64;
        this.f64 = f64;
        this.ext = ext;
        boolean modrm = regSel >= 0 || rmSel >= 0;
        StringBuilder shapeName = new StringBuilder();
        for (int k : kinds) {
            if (Operand.usesModrm(k)) modrm = true;
            if (shapeName.length() > 0) shapeName.append('_');
            shapeName.append(Operand.shapeToken(k));
        }
        this.hasModrm = modrm;
        int s = Shape.byName(shapeName.length() == 0 ? "NONE" : shapeName.toString());
        if (s < 0) throw new IllegalArgumentException("no Shape constant for " + shapeName);
        this.shape = s;
        this.sizeRule = sizeRule();
        int mask = 0, value = 0;
        if (wSel >= 0) { mask |= SEL_W; value |= wSel == 1 ? SEL_W : 0; }
        if (rexB0) mask |= SEL_REXB;
        if (regSel >= 0) { mask |= 0x38; value |= regSel << 3; }
        if (rmSel >= 0) { mask |= 7; value |= rmSel; }
        if (modSel == 2) { mask |= 0xc0; value |= 0xc0; }
        this.selMask = mask;
        this.selValue = value;
        this.memOnly = modSel == 1;
        boolean pass = false;
        for (int k : kinds)
            pass |= k == Operand.Z || k == Operand.SEG || k == Operand.S || k == Operand.STI || k == Operand.P
                    || k == Operand.Q || k == Operand.N || k == Operand.O || k == Operand.I || k == Operand.J;
        this.operandPass = pass;
        this.checked = op == Op.MOV_TO_SEG || op == Op.MOV_FROM_SEG || op == Op.MOV_TO_CR || op == Op.MOV_FROM_CR
                || op == Op.MOV_TO_DR || op == Op.MOV_FROM_DR;
    }

    /** Operand-size rule (Intel SDM Vol. 1 §3.6.1, Vol. 2A §2.2.1.7 for default-64 operations). */
    private int sizeRule() {
        if (f64) return 8;
        int size = Operand.SZ_NONE;
        for (int i = 0; i < kinds.length && size == Operand.SZ_NONE; i++)
            if (Operand.isInteger(kinds[i])) size = sizes[i];
        for (int i = 0; i < kinds.length && size == Operand.SZ_NONE; i++)
            if (kinds[i] == Operand.V || kinds[i] == Operand.W || kinds[i] == Operand.U || Operand.isMmx(kinds[i]))
                size = sizes[i];
        switch (size) {
            case Operand.SZ_NONE: case Operand.SZ_V: case Operand.SZ_P: return d64 ? RULE_V64 : RULE_V;
            case Operand.SZ_Z: return RULE_Z;
            case Operand.SZ_Y: return RULE_Y;
            default: return size;
        }
    }

    /** Mnemonic for an operand size, for the rows that have one per size. */
    public String mnemonic(int opSize) {
        if (mnemonicBySize == null) return mnemonic;
        return mnemonicBySize[opSize == 2 ? 0 : opSize == 4 ? 1 : 2];
    }

    /** Flags the row may change: written or left undefined. */
    public int flagsModified() { return flagsWritten | flagsUndefined; }

    @Override
    public String toString() { return name; }
}
