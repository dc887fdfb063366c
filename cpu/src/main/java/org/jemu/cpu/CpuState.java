package org.jemu.cpu;

import org.jemu.cpu.mem.Mmu;

/**
 * The architectural state of one x86-64 CPU. Registers are plain fields and arrays so the
 * interpreter and compiled code reach them without indirection; the arithmetic flags live behind
 * {@link Flags}, which computes them lazily.
 *
 * <p>GPR numbering is the instruction encoding's: RAX=0, RCX=1, RDX=2, RBX=3, RSP=4, RBP=5, RSI=6,
 * RDI=7, R8..R15 = 8..15. XMM register {@code n} is {@code xmm[2n]} (bits 63:0) and
 * {@code xmm[2n+1]} (bits 127:64).
 */
public final class CpuState {
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
    /** Segment register numbering as in the ModRM reg field of MOV Sreg. */
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;

    public final long[] gpr = new long[16];
    public long rip;
    public final Flags flags = new Flags();

    public final long[] xmm = new long[32];
    /** MXCSR: power-on value 0x1F80 (all exceptions masked, round to nearest). */
    public int mxcsr = 0x1f80;

    public final int[] segSelector = new int[6];
    public final long[] segBase = new long[6];

    public long cr0, cr2, cr3, cr4, cr8, efer;
    public long gdtrBase, idtrBase;
    public int gdtrLimit, idtrLimit;
    public int cpl;

    /** Linear memory as the current privilege and paging state see it. */
    public final Mmu mmu;

    public CpuState(Mmu mmu) {
        this.mmu = mmu;
    }

    public long fsBase() { return segBase[FS]; }

    public long gsBase() { return segBase[GS]; }
}
