package org.jemu.cpu.sys;

import static org.jemu.cpu.Descriptors.*;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;

/**
 * IRETQ in 64-bit mode (SDM Vol. 2A IRET, "IA-32e mode" operation): pops RIP, CS, RFLAGS, RSP and
 * SS whatever the privilege change, checks the code and stack segments, and applies the RFLAGS
 * rules: IOPL changes only at CPL 0, IF only when CPL <= IOPL; VM, VIF and VIP stay clear in 64-bit
 * mode. Returning to an outer level nulls DS, ES, FS and GS when their DPL is below the new CPL.
 *
 * <p>Only returns to 64-bit code segments are supported: jemu does not advertise compatibility mode,
 * so an IRET to a 32-bit code segment raises #GP(selector).
 */
public final class Iret {
    private Iret() {}

    public static void iretq(CpuState cpu) {
        Mmu mmu = cpu.mmu;
        long rsp = cpu.gpr[CpuState.RSP];
        long newRip = mmu.read64(rsp);
        int cs = (int) mmu.read64(rsp + 8) & 0xffff;
        long newFlags = mmu.read64(rsp + 16);
        long newRsp = mmu.read64(rsp + 24);
        int ss = (int) mmu.read64(rsp + 32) & 0xffff;
        if ((newFlags & Flags.NT) != 0) throw GuestFault.gp(0);     // task return: no tasks in long mode

        int rpl = cs & 3;
        if (rpl < cpu.cpl) throw GuestFault.gp(cs & ~3);
        long cd = Segments.checkCode(cpu, cs, cs & ~3);
        int ca = attr(cd);
        boolean conforming = (ca & TYPE_EC) != 0;
        if (conforming ? dpl(ca) > rpl : dpl(ca) != rpl) throw GuestFault.gp(cs & ~3);
        if ((ca & ATTR_L) == 0 || (ca & ATTR_DB) != 0) throw GuestFault.gp(cs & ~3);   // no compatibility mode
        if ((newRip >> 47) != 0 && (newRip >> 47) != -1) throw GuestFault.gp(0);

        // SS: null allowed only when returning to CPL < 3; otherwise RPL = DPL = new CPL, writable data.
        long sd = 0;
        boolean ssNull = (ss & ~3) == 0;
        if (ssNull) {
            if (rpl == 3 || (ss & 3) != rpl) throw GuestFault.gp(0);
        } else {
            if ((ss & 3) != rpl) throw GuestFault.gp(ss & ~3);
            sd = Segments.readDescriptor(cpu, ss);
            int sa = attr(sd);
            if (!isData(sa) || (sa & TYPE_RW) == 0 || dpl(sa) != rpl) throw GuestFault.gp(ss & ~3);
            if (!present(sa)) throw new GuestFault(GuestFault.SS, ss & ~3, 0);
        }

        int oldCpl = cpu.cpl;
        cpu.nmiBlocked = false;                                     // IRET ends NMI blocking (§6.7.1)
        long old = cpu.flags.get();
        long mask = Flags.CF | Flags.PF | Flags.AF | Flags.ZF | Flags.SF | Flags.TF | Flags.DF | Flags.OF
                | Flags.NT | Flags.RF | Flags.AC | Flags.ID;
        int iopl = (int) ((old & Flags.IOPL) >>> 12);
        if (oldCpl <= iopl) mask |= Flags.IF;
        if (oldCpl == 0) mask |= Flags.IOPL;
        cpu.flags.set((old & ~mask) | (newFlags & mask) | 2);

        Segments.setCache(cpu, CpuState.CS, cs, Segments.markAccessed(cpu, cs, cd));
        if (ssNull) Segments.setNull(cpu, CpuState.SS, ss);
        else Segments.setCache(cpu, CpuState.SS, ss, Segments.markAccessed(cpu, ss, sd));
        cpu.setCpl(rpl);
        cpu.gpr[CpuState.RSP] = newRsp;
        cpu.rip = newRip;
        if (rpl > oldCpl) nullInaccessibleDataSegments(cpu);
    }

    /** §5.6 / IRET "RETURN-TO-OUTER-PRIVILEGE-LEVEL": data segments the new CPL may not use become null. */
    static void nullInaccessibleDataSegments(CpuState cpu) {
        for (int seg : new int[] {CpuState.ES, CpuState.DS, CpuState.FS, CpuState.GS}) {
            int a = cpu.segAttr[seg];
            boolean conformingCode = isCode(a) && (a & TYPE_EC) != 0;
            if ((cpu.segSelector[seg] & ~3) != 0 && !conformingCode && dpl(a) < cpu.cpl) {
                // Only the selector and attributes go: FS/GS bases set through MSRs stay (as on Intel).
                cpu.segSelector[seg] = 0;
                cpu.segAttr[seg] = 0;
            }
        }
    }
}
