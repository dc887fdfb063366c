package org.jemu.cpu.sys;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.PagingTranslator;

/**
 * MOV to CR0, CR3, CR4 and CR8 with their #GP checks (SDM Vol. 2B "MOV—Move to/from Control
 * Registers", Vol. 3A §2.5) and the TLB invalidations they imply (§4.10.4.1).
 */
public final class ControlRegisters {
    private ControlRegisters() {}

    public static final long CR0_PE = 1, CR0_MP = 2, CR0_EM = 4, CR0_TS = 8, CR0_ET = 0x10, CR0_NE = 0x20,
            CR0_WP = 1 << 16, CR0_AM = 1 << 18, CR0_NW = 1L << 29, CR0_CD = 1L << 30, CR0_PG = 1L << 31;
    static final long CR0_VALID = CR0_PE | CR0_MP | CR0_EM | CR0_TS | CR0_ET | CR0_NE | CR0_WP | CR0_AM
            | CR0_NW | CR0_CD | CR0_PG;

    public static final long CR4_VME = 1, CR4_PVI = 2, CR4_TSD = 4, CR4_DE = 8, CR4_PSE = 0x10, CR4_PAE = 0x20,
            CR4_MCE = 0x40, CR4_PGE = 0x80, CR4_PCE = 0x100, CR4_OSFXSR = 0x200, CR4_OSXMMEXCPT = 0x400;
    /** The CR4 bits jemu's CPUID lets the guest set; anything else is reserved and faults. */
    static final long CR4_VALID = CR4_TSD | CR4_DE | CR4_PSE | CR4_PAE | CR4_MCE | CR4_PGE | CR4_PCE
            | CR4_OSFXSR | CR4_OSXMMEXCPT;

    static final long EFER_LME = 1 << 8, EFER_LMA = 1 << 10;

    public static void writeCr0(CpuState cpu, long v) {
        if ((v & ~CR0_VALID) != 0) throw GuestFault.gp(0);
        v |= CR0_ET;                                               // hardwired to 1 since the i486
        if ((v & CR0_PG) != 0 && (v & CR0_PE) == 0) throw GuestFault.gp(0);
        if ((v & CR0_NW) != 0 && (v & CR0_CD) == 0) throw GuestFault.gp(0);
        boolean lma = (cpu.efer & EFER_LMA) != 0;
        if (lma && (v & CR0_PG) == 0) throw GuestFault.gp(0);   // leaving long mode is not supported from 64-bit code
        if ((v & CR0_PG) != 0 && (cpu.cr0 & CR0_PG) == 0 && (cpu.efer & EFER_LME) != 0) {
            if ((cpu.cr4 & CR4_PAE) == 0) throw GuestFault.gp(0);
            cpu.efer |= EFER_LMA;                                 // §9.8.5: activating IA-32e mode
        }
        long changed = cpu.cr0 ^ v;
        cpu.cr0 = v;
        if ((changed & (CR0_PG | CR0_WP | CR0_PE)) != 0) cpu.mmu.flushAll();
        if ((changed & CR0_AM) != 0) cpu.updateAlignmentCheck();
    }

    public static void writeCr3(CpuState cpu, long v) {
        if ((v & ~((1L << PagingTranslator.MAXPHYADDR) - 1)) != 0) throw GuestFault.gp(0);
        cpu.cr3 = v;
        cpu.mmu.flushNonGlobal();
    }

    public static void writeCr4(CpuState cpu, long v) {
        if ((v & ~CR4_VALID) != 0) throw GuestFault.gp(0);
        if ((cpu.efer & EFER_LMA) != 0 && (v & CR4_PAE) == 0) throw GuestFault.gp(0);
        long changed = cpu.cr4 ^ v;
        cpu.cr4 = v;
        if ((changed & (CR4_PGE | CR4_PAE | CR4_PSE)) != 0) cpu.mmu.flushAll();
    }

    /** CR8 is the task-priority register's bits 7:4 (§10.8.6.1); the machine mirrors it into the APIC TPR. */
    public static void writeCr8(CpuState cpu, long v) {
        if ((v & ~0xfL) != 0) throw GuestFault.gp(0);
        cpu.cr8 = v;
    }
}
