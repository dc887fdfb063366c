package org.jemu.cpu.sys;

import static org.jemu.cpu.Descriptors.*;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;

/**
 * SYSCALL, SYSRET and SWAPGS in 64-bit mode (SDM Vol. 2B). SYSCALL and SYSRET load CS and SS from
 * STAR with fixed descriptor caches rather than from the GDT, exactly as the manual's "Operation"
 * sections describe.
 */
public final class FastSyscall {
    private FastSyscall() {}

    static final long EFER_SCE = 1;
    /** Flat 64-bit code (type 0xB, S, P, L) and flat writable data (type 0x3, S, P, D/B, G) attributes. */
    static final int CODE64 = 0xb | ATTR_S | ATTR_P | ATTR_L | ATTR_G, DATA = 0x3 | ATTR_S | ATTR_P | ATTR_DB | ATTR_G;

    /** @param nextRip the address of the instruction after SYSCALL */
    public static void syscall(CpuState cpu, long nextRip) {
        if ((cpu.efer & EFER_SCE) == 0) throw GuestFault.ud();
        long rflags = cpu.flags.get();
        cpu.gpr[CpuState.RCX] = nextRip;
        cpu.gpr[11] = rflags & ~Flags.RF;
        cpu.flags.set((rflags & ~cpu.sfmask & ~Flags.RF) | 2);
        int sel = (int) (cpu.star >>> 32) & 0xffff;
        setFlat(cpu, CpuState.CS, sel & 0xfffc, CODE64);
        setFlat(cpu, CpuState.SS, (sel + 8) & 0xfffc, DATA);
        cpu.setCpl(0);
        cpu.rip = cpu.lstar;
    }

    /** SYSRET with REX.W (return to 64-bit user code); #GP(0) for a non-canonical RCX, as on Intel. */
    public static void sysret64(CpuState cpu) {
        if ((cpu.efer & EFER_SCE) == 0) throw GuestFault.ud();
        if (cpu.cpl != 0) throw GuestFault.gp(0);
        long rip = cpu.gpr[CpuState.RCX];
        if ((rip >> 47) != 0 && (rip >> 47) != -1) throw GuestFault.gp(0);
        int sel = (int) (cpu.star >>> 48) & 0xffff;
        cpu.flags.set((cpu.gpr[11] & 0x3c7fd7L) | 2);
        setFlat(cpu, CpuState.CS, (sel + 16) | 3, CODE64 | (3 << ATTR_DPL_SHIFT));
        setFlat(cpu, CpuState.SS, (sel + 8) | 3, DATA | (3 << ATTR_DPL_SHIFT));
        cpu.setCpl(3);
        cpu.rip = rip;
    }

    /** SWAPGS: 64-bit mode and CPL 0 only. */
    public static void swapgs(CpuState cpu) {
        if (!cpu.longMode64()) throw GuestFault.ud();
        if (cpu.cpl != 0) throw GuestFault.gp(0);
        long t = cpu.segBase[CpuState.GS];
        cpu.segBase[CpuState.GS] = cpu.kernelGsBase;
        cpu.kernelGsBase = t;
    }

    private static void setFlat(CpuState cpu, int seg, int selector, int attr) {
        cpu.segSelector[seg] = selector;
        cpu.segBase[seg] = 0;
        cpu.segLimit[seg] = -1;
        cpu.segAttr[seg] = attr | TYPE_ACCESSED;
    }
}
