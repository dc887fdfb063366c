package org.jemu.cpu.sys;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;

/**
 * The privilege rules of system instructions that the interpreter and the JIT share: CPL 0 checks,
 * IOPL and the TSS I/O permission bitmap for IN/OUT (SDM Vol. 1 §19.5), the IF/IOPL rules of
 * CLI/STI/POPF (Vol. 2B), descriptor-table register loads and stores.
 */
public final class Privileged {
    private Privileged() {}

    /** Instructions that only CPL 0 may execute (LGDT, MOV CR, HLT, WRMSR, INVLPG, ...): #GP(0) otherwise. */
    public static void requireCpl0(CpuState cpu) {
        if (cpu.cpl != 0) throw GuestFault.gp(0);
    }

    public static int iopl(CpuState cpu) {
        return (int) ((cpu.flags.get() & Flags.IOPL) >>> 12);
    }

    /**
     * IN/OUT/INS/OUTS permission: allowed when CPL <= IOPL; otherwise every bit of the accessed ports
     * in the TSS I/O bitmap must be clear, and the bitmap bytes must lie within the TSS limit (§19.5.2).
     */
    public static void checkIo(CpuState cpu, int port, int size) {
        if (cpu.cpl <= iopl(cpu)) return;
        if ((cpu.trSelector & ~3) == 0 || cpu.trLimit < 0x67) throw GuestFault.gp(0);
        int mapBase = (int) (Segments.supervisorRead64(cpu.mmu, cpu.trBase + 0x60) >>> 48);   // TSS offset 0x66
        int first = mapBase + (port >>> 3);
        if (first + 1 > cpu.trLimit) throw GuestFault.gp(0);     // both bytes that may hold the bits
        long two = Segments.supervisorRead64(cpu.mmu, cpu.trBase + first) & 0xffff;
        int mask = ((1 << size) - 1) << (port & 7);
        if ((two & mask) != 0) throw GuestFault.gp(0);
    }

    /** CLI and STI (64-bit mode, no virtual-interrupt extensions advertised): CPL <= IOPL. */
    public static void cli(CpuState cpu) {
        if (cpu.cpl > iopl(cpu)) throw GuestFault.gp(0);
        cpu.flags.setIf(false);
    }

    /** STI sets IF and blocks interrupts until after the next instruction if IF was clear (Vol. 2B STI). */
    public static void sti(CpuState cpu) {
        if (cpu.cpl > iopl(cpu)) throw GuestFault.gp(0);
        if (!cpu.flags.ifl()) cpu.interruptShadow = true;
        cpu.flags.setIf(true);
    }

    /**
     * POPF/POPFQ: which bits change depends on CPL and IOPL (Vol. 2B POPF, table "Effect of POPF"):
     * IOPL only at CPL 0, IF only when CPL <= IOPL; VM, VIF, VIP, RF never. {@code opSize} 2 changes only
     * the low 16 bits.
     */
    public static void popf(CpuState cpu, long value, int opSize) {
        long mask = Flags.CF | Flags.PF | Flags.AF | Flags.ZF | Flags.SF | Flags.TF | Flags.DF | Flags.OF
                | Flags.NT | Flags.AC | Flags.ID;
        if (cpu.cpl == 0) mask |= Flags.IOPL;
        if (cpu.cpl <= iopl(cpu)) mask |= Flags.IF;
        if (opSize == 2) mask &= 0xffff;
        long old = cpu.flags.get();
        cpu.flags.set((old & ~mask) | (value & mask) | 2);
        cpu.updateAlignmentCheck();
    }

    /** LGDT/LIDT in 64-bit mode: a 2-byte limit and an 8-byte base at {@code addr}. */
    public static void lgdt(CpuState cpu, long addr) {
        requireCpl0(cpu);
        int limit = cpu.mmu.read16(addr);
        long base = cpu.mmu.read64(addr + 2);
        cpu.gdtrLimit = limit;
        cpu.gdtrBase = base;
    }

    public static void lidt(CpuState cpu, long addr) {
        requireCpl0(cpu);
        int limit = cpu.mmu.read16(addr);
        long base = cpu.mmu.read64(addr + 2);
        cpu.idtrLimit = limit;
        cpu.idtrBase = base;
    }

    /** SGDT/SIDT store limit and base at any CPL (UMIP is not advertised). */
    public static void sgdt(CpuState cpu, long addr) {
        cpu.mmu.probeWrite(addr, 10);
        cpu.mmu.write16(addr, cpu.gdtrLimit);
        cpu.mmu.write64(addr + 2, cpu.gdtrBase);
    }

    public static void sidt(CpuState cpu, long addr) {
        cpu.mmu.probeWrite(addr, 10);
        cpu.mmu.write16(addr, cpu.idtrLimit);
        cpu.mmu.write64(addr + 2, cpu.idtrBase);
    }

    /** MOV from CRn (n = 0, 2, 3, 4, 8); other numbers are #UD. */
    public static long readCr(CpuState cpu, int n) {
        requireCpl0(cpu);
        switch (n) {
            case 0: return cpu.cr0;
            case 2: return cpu.cr2;
            case 3: return cpu.cr3;
            case 4: return cpu.cr4;
            case 8: return cpu.cr8;
            default: throw GuestFault.ud();
        }
    }

    public static void writeCr(CpuState cpu, int n, long v) {
        requireCpl0(cpu);
        switch (n) {
            case 0: ControlRegisters.writeCr0(cpu, v); break;
            case 2: cpu.cr2 = v; break;
            case 3: ControlRegisters.writeCr3(cpu, v); break;
            case 4: ControlRegisters.writeCr4(cpu, v); break;
            case 8: ControlRegisters.writeCr8(cpu, v); break;
            default: throw GuestFault.ud();
        }
    }

    /** MOV from/to DRn: DR4/DR5 alias DR6/DR7 unless CR4.DE, which makes them #UD (Vol. 3B §17.2.2). */
    public static long readDr(CpuState cpu, int n) {
        requireCpl0(cpu);
        return cpu.dr[drIndex(cpu, n)];
    }

    public static void writeDr(CpuState cpu, int n, long v) {
        requireCpl0(cpu);
        int i = drIndex(cpu, n);
        if (i >= 6 && (v >>> 32) != 0) throw GuestFault.gp(0);
        if (i == 6) v = (v & 0xe00f) | 0xffff0ff0L;               // reserved bits read as 1
        if (i == 7) v = (v & 0xffff2bffL) | 0x400;
        cpu.dr[i] = v;
    }

    private static int drIndex(CpuState cpu, int n) {
        if (n > 7) throw GuestFault.ud();
        if (n == 4 || n == 5) {
            if ((cpu.cr4 & ControlRegisters.CR4_DE) != 0) throw GuestFault.ud();
            return n + 2;
        }
        return n;
    }

    /** CLTS clears CR0.TS; LMSW loads CR0 bits 3:0 but cannot clear PE (Vol. 2A LMSW). */
    public static void clts(CpuState cpu) {
        requireCpl0(cpu);
        cpu.cr0 &= ~ControlRegisters.CR0_TS;
    }

    public static void lmsw(CpuState cpu, int v) {
        requireCpl0(cpu);
        long nv = (cpu.cr0 & ~0xeL) | (v & 0xf) | (cpu.cr0 & 1);
        ControlRegisters.writeCr0(cpu, nv);
    }

    /** SMSW stores the low 16 bits of CR0 at any CPL (UMIP not advertised). */
    public static int smsw(CpuState cpu) {
        return (int) (cpu.cr0 & 0xffff);
    }
}
