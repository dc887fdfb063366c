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
    /** The x87 unit: its stack (also the MMX registers), control, status and tag words. */
    public final org.jemu.cpu.x87.X87 x87 = new org.jemu.cpu.x87.X87();
    /** MXCSR: power-on value 0x1F80 (all exceptions masked, round to nearest). */
    public int mxcsr = 0x1f80;

    /** Segment registers: the visible selector and the hidden descriptor cache (SDM Vol. 3A §3.4.3). */
    public final int[] segSelector = new int[6];
    public final long[] segBase = new long[6];
    public final int[] segLimit = new int[6];
    /** Descriptor bits 40-47 and 52-55 as {@code type | S<<4 | DPL<<5 | P<<7 | AVL<<12 | L<<13 | DB<<14 | G<<15}. */
    public final int[] segAttr = new int[6];

    public long cr0, cr2, cr3, cr4, cr8, efer;
    public long gdtrBase, idtrBase;
    public int gdtrLimit, idtrLimit;
    /** LDTR and TR with their descriptor caches (system segments: 16-byte descriptors in long mode). */
    public int ldtrSelector, trSelector;
    public long ldtrBase, trBase;
    public int ldtrLimit, trLimit, ldtrAttr, trAttr;
    public int cpl;

    /** Debug registers DR0-DR7 (DR4/DR5 alias DR6/DR7 when CR4.DE = 0). */
    public final long[] dr = new long[8];

    /** SYSCALL/SYSRET and SWAPGS MSRs (SDM Vol. 3B §2.1 / Vol. 2B SYSCALL). */
    public long star, lstar, cstar, sfmask, kernelGsBase;
    public long tscAux, pat = 0x0007040600070406L, miscEnable = 1, apicBase;
    public long sysenterCs, sysenterEsp, sysenterEip;
    /** MTRRs: default type, fixed-range (11 MSRs) and 8 variable pairs (base, mask). */
    public long mtrrDefType;
    public final long[] mtrrFixed = new long[11];
    public final long[] mtrrVar = new long[16];

    /** Interrupts are inhibited for one instruction after STI, MOV SS and POP SS. */
    public boolean interruptShadow;
    /** An NMI was delivered and no IRET has run since: further NMIs wait (SDM Vol. 3A §6.7.1). */
    public boolean nmiBlocked;
    /** HLT executed; cleared when an interrupt is delivered. */
    public boolean halted;
    /** Told of each event as IDT delivery starts (the {@code -d int} log); null when no one listens. */
    public org.jemu.cpu.sys.InterruptObserver interruptObserver;

    /** Linear memory as the current privilege and paging state see it. */
    public final Mmu mmu;

    public CpuState(Mmu mmu) {
        this.mmu = mmu;
    }

    /** Changes the current privilege level and the MMU's view of it. */
    public void setCpl(int cpl) {
        this.cpl = cpl;
        mmu.setUser(cpl == 3);
        updateAlignmentCheck();
    }

    /** Re-derives alignment checking after a change of CR0.AM, RFLAGS.AC or CPL (SDM Vol. 3A §6.15, #AC). */
    public void updateAlignmentCheck() {
        mmu.setAlignmentCheck(cpl == 3 && (cr0 & (1L << 18)) != 0 && flags.ac());
    }

    /** Long mode active and CS.L set: 64-bit mode (SDM Vol. 3A §2.2). */
    public boolean longMode64() {
        return (efer & (1L << 10)) != 0 && (segAttr[CS] & Descriptors.ATTR_L) != 0;
    }

    public long fsBase() { return segBase[FS]; }

    public long gsBase() { return segBase[GS]; }
}
