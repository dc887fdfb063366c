package org.jemu.cpu.x87;

/**
 * The x87 FPU state (SDM Vol. 1 §8.1): control word, status word (TOP kept apart), the eight
 * physical data registers R0-R7, which of them are empty, and the last-instruction pointers.
 *
 * <p>Only emptiness is stored of the tag word: the other tags (valid, zero, special) follow from
 * the register contents, which is also how FLDENV/FRSTOR/FXRSTOR treat a loaded tag word
 * (SDM Vol. 1 §8.1.7). {@code ST(i)} is physical register {@code (top + i) & 7}.
 */
public final class X87 {
    // status word bits (SDM Vol. 1 §8.1.3); the low six are also the exception mask bits of FCW
    public static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 0x10, PE = 0x20, SF = 0x40,
            ES = 0x80, C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000, B = 0x8000;
    public static final int EXC = 0x3f, CC = C0 | C1 | C2 | C3;
    public static final int TAG_VALID = 0, TAG_ZERO = 1, TAG_SPECIAL = 2, TAG_EMPTY = 3;

    /** FPU control word; FNINIT value 037FH. */
    public int cw = 0x037f;
    /** FPU status word without TOP (bits 13:11 always zero here). */
    private int sw;
    private int top;
    /** Bit {@code i} set: physical register {@code i} is empty. */
    private int empty = 0xff;
    private final int[] se = new int[8];
    private final long[] sig = new long[8];

    /** Last x87 instruction pointer, data pointer, their selectors, and the 11-bit opcode. */
    public long fip, fdp;
    public int fcs, fds, fop;

    final FRes res = new FRes();
    final FRes res2 = new FRes();

    /** FNINIT/FINIT: everything but the register contents (SDM Vol. 1 §8.1.10, Table 8-1... 8-2). */
    public void init() {
        cw = 0x037f;
        sw = 0;
        top = 0;
        empty = 0xff;
        fip = fdp = 0;
        fcs = fds = fop = 0;
    }

    // ---- words ----

    /**
     * FLDCW: reserved bits 15:13 and 7 read as zero and bit 6 as one (as the host stores them);
     * a newly unmasked pending exception makes ES/B set (SDM Vol. 1 §8.1.5).
     */
    public void setControlWord(int v) {
        cw = controlWord(v);
        updateSummary();
    }

    /** A control word as stored, for FLDCW, FLDENV, FRSTOR and FXRSTOR alike (the host masks all four). */
    static int controlWord(int v) { return (v & 0x1f3f) | 0x40; }

    public int statusWord() { return sw | top << 11; }

    public void setStatusWord(int v) {
        top = (v >> 11) & 7;
        sw = v & 0xc7ff;
    }

    public int top() { return top; }

    /** The full tag word (2 bits per physical register), derived from the contents. */
    public int tagWord() {
        int tw = 0;
        for (int i = 0; i < 8; i++) {
            int t = (empty >> i & 1) != 0 ? TAG_EMPTY : F80.tag(se[i], sig[i]);
            tw |= t << (2 * i);
        }
        return tw;
    }

    /** Loads a full tag word: only "empty" (11) versus not empty is kept. */
    public void setTagWord(int tw) {
        int e = 0;
        for (int i = 0; i < 8; i++) if (((tw >> (2 * i)) & 3) == 3) e |= 1 << i;
        empty = e;
    }

    /** The FXSAVE abridged tag byte: bit {@code i} set when physical register {@code i} is valid. */
    public int abridgedTag() { return ~empty & 0xff; }

    public void setAbridgedTag(int t) { empty = ~t & 0xff; }

    /** Recomputes ES and B from the exception flags and masks (after FLDCW, FLDENV, FRSTOR). */
    void updateSummary() {
        if ((sw & ~cw & EXC) != 0) sw |= ES | B;
        else sw &= ~(ES | B);
    }

    /** An unmasked exception is pending: the next waiting x87 instruction raises #MF. */
    public boolean pendingException() { return (sw & ES) != 0; }

    /** ORs exception flags into the status word, setting ES and B for unmasked ones. */
    void raise(int flags) {
        sw |= flags & (EXC | SF);
        if ((flags & ~cw & EXC) != 0) sw |= ES | B;
    }

    /** Sets the condition codes selected by {@code mask} to {@code value}. */
    void setCc(int mask, int value) { sw = (sw & ~mask) | (value & mask); }

    void clearExceptions() { sw &= ~(EXC | SF | ES | B); }

    boolean masked(int exc) { return (cw & exc) == exc; }

    // ---- registers ----

    /** Physical register of ST(i). */
    public int phys(int i) { return (top + i) & 7; }

    public boolean isEmpty(int i) { return (empty >> phys(i) & 1) != 0; }

    public int stSe(int i) { return se[phys(i)]; }

    public long stSig(int i) { return sig[phys(i)]; }

    public void setSt(int i, int v, long s) {
        int p = phys(i);
        se[p] = v & 0xffff;
        sig[p] = s;
        empty &= ~(1 << p);
    }

    /** Physical register access (FXSAVE/FNSAVE images, MMX aliasing). */
    public int physSe(int p) { return se[p]; }

    public long physSig(int p) { return sig[p]; }

    public void setPhys(int p, int v, long s) {
        se[p] = v & 0xffff;
        sig[p] = s;
    }

    public boolean physEmpty(int p) { return (empty >> p & 1) != 0; }

    void markEmpty(int i) { empty |= 1 << phys(i); }

    void incTop() { top = (top + 1) & 7; }

    void decTop() { top = (top - 1) & 7; }

    /** Pops: ST(0) becomes empty and TOP increments. */
    void pop() {
        empty |= 1 << top;
        top = (top + 1) & 7;
    }

    /** Pushes: TOP decrements and ST(0) becomes the value. */
    void push(int v, long s) {
        top = (top - 1) & 7;
        setSt(0, v, s);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format("cw=%04x sw=%04x tw=%04x", cw, statusWord(),
                tagWord()));
        for (int i = 0; i < 8; i++) {
            b.append(' ').append(isEmpty(i) ? "-" : F80.hex(stSe(i), stSig(i)));
        }
        return b.toString();
    }
}
