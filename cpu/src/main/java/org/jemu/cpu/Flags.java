package org.jemu.cpu;

/**
 * RFLAGS with lazily computed arithmetic flags (CF, PF, AF, ZF, SF, OF).
 *
 * <p>The write path stores only what the last flag-writing operation saw: its kind, operand size,
 * operands and result (a handful of field stores, no per-flag work). A read such as {@link #zf()} or
 * {@link #cond(int)} derives the flag from those. Four kinds cover everything:
 * <ul>
 *   <li>{@code ADD}: {@code res = a + b + carryIn} (ADD, ADC, XADD);
 *   <li>{@code SUB}: {@code res = a - b - borrowIn} (SUB, SBB, CMP, NEG as {@code 0 - b}, CMPXCHG);
 *   <li>{@code RESULT}: ZF, SF and PF come from {@code res}; CF, OF and AF were decided by the
 *       operation and are held as bits (logic ops, INC/DEC, shifts, SHLD/SHRD, multiplies);
 *   <li>{@code EAGER}: all six flags are materialised in {@code bits} (after {@link #set(long)},
 *       a single-flag setter, rotates, BT, ...).
 * </ul>
 * The non-arithmetic bits (TF, IF, DF, IOPL, ...) always live in {@code bits}.
 *
 * <p>Operands and result are stored zero-extended to the operand size; {@code size} is in bytes
 * (1, 2, 4, 8). The {@code lazy*} recorders are for the semantics classes ({@code org.jemu.cpu.exec})
 * and compiled code; everyone else reads through the accessors.
 */
public final class Flags {
    public static final long CF = 1, FIXED1 = 2, PF = 4, AF = 0x10, ZF = 0x40, SF = 0x80, TF = 0x100,
            IF = 0x200, DF = 0x400, OF = 0x800, IOPL = 0x3000, NT = 0x4000, RF = 0x10000, VM = 0x20000,
            AC = 0x40000, VIF = 0x80000, VIP = 0x100000, ID = 0x200000;
    /** The six arithmetic flags. */
    public static final long ARITH = CF | PF | AF | ZF | SF | OF;

    /** Condition codes, Intel encoding (the low nibble of Jcc/SETcc/CMOVcc). */
    public static final int CC_O = 0, CC_NO = 1, CC_B = 2, CC_AE = 3, CC_E = 4, CC_NE = 5, CC_BE = 6,
            CC_A = 7, CC_S = 8, CC_NS = 9, CC_P = 10, CC_NP = 11, CC_L = 12, CC_GE = 13, CC_LE = 14,
            CC_G = 15;

    private static final int ADD = 0, SUB = 1, RESULT = 2, EAGER = 3;

    private int kind = EAGER;
    private int size = 8;
    private long a, b, res;
    /** ADD/SUB: the carry/borrow in (0 or 1). RESULT: the CF/OF/AF bits. */
    private long aux;
    /** Non-arithmetic flags always; arithmetic flags too when kind == EAGER. */
    private long bits = FIXED1;

    // ---- recorders (write path) ----

    // The recorders return res, so the semantics helpers stay small enough for HotSpot's C1 to
    // inline them into compiled regions (under 35 bytes of bytecode and at most 10 stack slots).

    /** Records {@code res = a + b + carryIn} at {@code size}; operands and result zero-extended. Returns res. */
    public long lazyAdd(int size, long a, long b, long carryIn, long res) {
        this.kind = ADD; this.size = size; this.a = a; this.b = b; this.aux = carryIn; this.res = res;
        return res;
    }

    /** {@link #lazyAdd} without a carry in (ADD): fewer arguments keep callers within C1's inlining stack limit. */
    public long lazyAdd(int size, long a, long b, long res) {
        this.kind = ADD; this.size = size; this.a = a; this.b = b; this.aux = 0; this.res = res;
        return res;
    }

    /** {@link #lazySub} without a borrow in (SUB, CMP, NEG). */
    public long lazySub(int size, long a, long b, long res) {
        this.kind = SUB; this.size = size; this.a = a; this.b = b; this.aux = 0; this.res = res;
        return res;
    }

    /** Records {@code res = a - b - borrowIn} at {@code size}; operands and result zero-extended. Returns res. */
    public long lazySub(int size, long a, long b, long borrowIn, long res) {
        this.kind = SUB; this.size = size; this.a = a; this.b = b; this.aux = borrowIn; this.res = res;
        return res;
    }

    /**
     * Records a result whose ZF/SF/PF derive from {@code res} (zero-extended to {@code size}) and
     * whose CF/OF/AF are given as bits ({@code cfOfAf} may hold only CF, OF and AF). Returns res.
     */
    public long lazyResult(int size, long res, long cfOfAf) {
        this.kind = RESULT; this.size = size; this.res = res; this.aux = cfOfAf;
        return res;
    }

    // ---- single flags ----

    public boolean cf() {
        switch (kind) {
            case ADD: return Long.compareUnsigned(res, a) < 0 || (aux != 0 && res == a);
            case SUB: return Long.compareUnsigned(a, b) < 0 || (aux != 0 && a == b);
            case RESULT: return (aux & CF) != 0;
            default: return (bits & CF) != 0;
        }
    }

    public boolean zf() {
        return kind != EAGER ? res == 0 : (bits & ZF) != 0;
    }

    public boolean sf() {
        return kind != EAGER ? ((res >>> (size * 8 - 1)) & 1) != 0 : (bits & SF) != 0;
    }

    /** PF: set when the low byte of the result has an even number of one bits. */
    public boolean pf() {
        return kind != EAGER ? parity(res) : (bits & PF) != 0;
    }

    public boolean af() {
        switch (kind) {
            case ADD: case SUB: return ((a ^ b ^ res) & 0x10) != 0;
            case RESULT: return (aux & AF) != 0;
            default: return (bits & AF) != 0;
        }
    }

    public boolean of() {
        int sh = size * 8 - 1;
        switch (kind) {
            case ADD: return ((((a ^ res) & (b ^ res)) >>> sh) & 1) != 0;
            case SUB: return ((((a ^ b) & (a ^ res)) >>> sh) & 1) != 0;
            case RESULT: return (aux & OF) != 0;
            default: return (bits & OF) != 0;
        }
    }

    public boolean df() { return (bits & DF) != 0; }
    public boolean tf() { return (bits & TF) != 0; }
    public boolean ifl() { return (bits & IF) != 0; }
    public boolean ac() { return (bits & AC) != 0; }

    /**
     * Evaluates condition {@code cc} (0..15, Intel encoding): O, NO, B, AE, E, NE, BE, A, S, NS, P,
     * NP, L, GE, LE, G.
     */
    public boolean cond(int cc) {
        boolean r;
        if (kind == SUB && aux == 0) {
            // CMP/SUB followed by a conditional: compare the operands directly.
            switch (cc >> 1) {
                case 1: r = Long.compareUnsigned(a, b) < 0; break;
                case 2: r = res == 0; break;
                case 3: r = Long.compareUnsigned(a, b) <= 0; break;
                case 6: r = signExtend(a) < signExtend(b); break;
                case 7: r = signExtend(a) <= signExtend(b); break;
                default: r = slowCond(cc >> 1);
            }
        } else {
            r = slowCond(cc >> 1);
        }
        return r ^ ((cc & 1) != 0);
    }

    private boolean slowCond(int c) {
        switch (c) {
            case 0: return of();
            case 1: return cf();
            case 2: return zf();
            case 3: return cf() || zf();
            case 4: return sf();
            case 5: return pf();
            case 6: return sf() != of();
            default: return zf() || sf() != of();
        }
    }

    private long signExtend(long v) {
        int sh = 64 - size * 8;
        return (v << sh) >> sh;
    }

    // ---- whole register ----

    /** The whole RFLAGS value; bit 1 is always set. */
    public long get() {
        if (kind == EAGER) return bits | FIXED1;
        return (bits & ~ARITH) | FIXED1 | arith();
    }

    /** The six arithmetic flags only. */
    public long arith() {
        if (kind == EAGER) return bits & ARITH;
        return (cf() ? CF : 0) | (pf() ? PF : 0) | (af() ? AF : 0) | (zf() ? ZF : 0) | (sf() ? SF : 0)
                | (of() ? OF : 0);
    }

    /** Replaces RFLAGS (POPF, IRET, SAHF via {@link #setArith}); the caller masks privileged bits. */
    public void set(long rflags) {
        kind = EAGER;
        bits = rflags | FIXED1;
    }

    /** Replaces the flags selected by {@code mask} with those in {@code value}. */
    public void setMasked(long value, long mask) {
        long cur = get();
        set((cur & ~mask) | (value & mask));
    }

    /** Replaces the six arithmetic flags (others unchanged). */
    public void setArith(long value) {
        bits = (bits & ~ARITH) | (value & ARITH) | FIXED1;
        kind = EAGER;
    }

    /** PF of a value: set when its low byte has an even number of one bits. */
    public static boolean parity(long v) {
        return (Integer.bitCount((int) v & 0xff) & 1) == 0;
    }

    private void materialise() {
        if (kind != EAGER) {
            bits = get();
            kind = EAGER;
        }
    }

    private void put(long flag, boolean v) {
        if ((flag & ARITH) != 0) materialise();
        bits = v ? bits | flag : bits & ~flag;
    }

    public void setCf(boolean v) { put(CF, v); }
    public void setPf(boolean v) { put(PF, v); }
    public void setAf(boolean v) { put(AF, v); }
    public void setZf(boolean v) { put(ZF, v); }
    public void setSf(boolean v) { put(SF, v); }
    public void setOf(boolean v) { put(OF, v); }
    public void setDf(boolean v) { put(DF, v); }
    public void setIf(boolean v) { put(IF, v); }
    public void setTf(boolean v) { put(TF, v); }
    public void setAc(boolean v) { put(AC, v); }

    /** CMC. */
    public void complementCf() { put(CF, !cf()); }

    @Override
    public String toString() {
        long f = get();
        StringBuilder sb = new StringBuilder(String.format("%08x[", f));
        String names = "C.P.A.ZSTIDO";
        for (int i = 11; i >= 0; i--) {
            char c = names.charAt(i);
            if (c != '.' && (f & (1L << i)) != 0) sb.append(c);
        }
        return sb.append(']').toString();
    }
}
