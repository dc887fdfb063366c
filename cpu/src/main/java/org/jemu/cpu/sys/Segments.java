package org.jemu.cpu.sys;

import static org.jemu.cpu.Descriptors.*;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;

/**
 * Segment register loads with the protected-mode checks (SDM Vol. 3A §5.5-§5.10 and Vol. 2B "MOV",
 * "POP", "LSS"), as 64-bit mode applies them: bases and limits are ignored for CS, DS, ES and SS
 * but the descriptors are still checked and cached.
 */
public final class Segments {
    private Segments() {}

    /** Reads the 8-byte descriptor that {@code selector} names; #GP(selector) beyond the table limit. */
    public static long readDescriptor(CpuState cpu, int selector) {
        long addr = descriptorAddress(cpu, selector);
        return supervisorRead64(cpu.mmu, addr);
    }

    static long descriptorAddress(CpuState cpu, int selector) {
        int index = selector & ~7;
        boolean ldt = (selector & 4) != 0;
        long base = ldt ? cpu.ldtrBase : cpu.gdtrBase;
        int limit = ldt ? cpu.ldtrLimit : cpu.gdtrLimit;
        if (ldt && (cpu.ldtrSelector & ~3) == 0) throw GuestFault.gp(selector & ~3);
        if ((index | 7) > (limit & 0xffffffffL)) throw GuestFault.gp(selector & ~3);
        return base + index;
    }

    /** Descriptor tables are read and written as supervisor accesses whatever the CPL (§5.5). */
    static long supervisorRead64(Mmu mmu, long addr) {
        boolean u = mmu.isUser();
        mmu.setUser(false);
        try {
            return mmu.read64(addr);
        } finally {
            mmu.setUser(u);
        }
    }

    static void supervisorWrite64(Mmu mmu, long addr, long v) {
        boolean u = mmu.isUser();
        mmu.setUser(false);
        try {
            mmu.write64(addr, v);
        } finally {
            mmu.setUser(u);
        }
    }

    /** Sets the accessed bit of a descriptor as the processor does on a load. */
    static long markAccessed(CpuState cpu, int selector, long d) {
        if ((d & (1L << 40)) == 0) {
            d |= 1L << 40;
            supervisorWrite64(cpu.mmu, descriptorAddress(cpu, selector), d);
        }
        return d;
    }

    public static void setCache(CpuState cpu, int seg, int selector, long d) {
        cpu.segSelector[seg] = selector & 0xffff;
        cpu.segBase[seg] = base(d);
        cpu.segLimit[seg] = limit(d);
        cpu.segAttr[seg] = attr(d);
    }

    static void setNull(CpuState cpu, int seg, int selector) {
        cpu.segSelector[seg] = selector & 0xffff;
        cpu.segBase[seg] = 0;
        cpu.segLimit[seg] = 0;
        cpu.segAttr[seg] = 0;
    }

    /** MOV/POP to DS, ES, FS or GS (SDM Vol. 2B MOV, "Operation" for protected mode). */
    public static void loadData(CpuState cpu, int seg, int selector) {
        selector &= 0xffff;
        if ((selector & ~3) == 0) {         // null selector: allowed; the segment becomes unusable
            setNull(cpu, seg, selector);
            return;
        }
        long d = readDescriptor(cpu, selector);
        int a = attr(d);
        boolean readableCode = isCode(a) && (a & TYPE_RW) != 0;
        if (!isData(a) && !readableCode) throw GuestFault.gp(selector & ~3);
        boolean conforming = isCode(a) && (a & TYPE_EC) != 0;
        if (!conforming && ((selector & 3) > dpl(a) || cpu.cpl > dpl(a))) throw GuestFault.gp(selector & ~3);
        if (!present(a)) throw new GuestFault(GuestFault.NP, selector & ~3, 0);
        setCache(cpu, seg, selector, markAccessed(cpu, selector, d));
    }

    /** MOV/POP to SS: RPL = DPL = CPL and a writable data segment (§5.7); null only below CPL 3 in 64-bit mode. */
    public static void loadSs(CpuState cpu, int selector) {
        selector &= 0xffff;
        if ((selector & ~3) == 0) {
            if (!cpu.longMode64() || cpu.cpl == 3 || (selector & 3) != cpu.cpl) throw GuestFault.gp(0);
            setNull(cpu, CpuState.SS, selector);
            return;
        }
        long d = readDescriptor(cpu, selector);
        int a = attr(d);
        if ((selector & 3) != cpu.cpl || !isData(a) || (a & TYPE_RW) == 0 || dpl(a) != cpu.cpl)
            throw GuestFault.gp(selector & ~3);
        if (!present(a)) throw new GuestFault(GuestFault.SS, selector & ~3, 0);
        setCache(cpu, CpuState.SS, selector, markAccessed(cpu, selector, d));
    }

    /**
     * Checks a code segment that a far transfer (interrupt gate, IRET, far RET/JMP/CALL) will load
     * and returns its descriptor; {@code newCpl} is the privilege the transfer runs at.
     */
    static long checkCode(CpuState cpu, int selector, int errorSelector) {
        if ((selector & ~3) == 0) throw GuestFault.gp(0);
        long d = readDescriptor(cpu, selector);
        int a = attr(d);
        if (!isCode(a)) throw GuestFault.gp(errorSelector);
        if (!present(a)) throw new GuestFault(GuestFault.NP, errorSelector, 0);
        return d;
    }

    /** LGDT/LIDT-style table loads are plain; LLDT and LTR check the descriptor (§7.2.3, Vol. 2A). */
    public static void loadLdt(CpuState cpu, int selector) {
        if (cpu.cpl != 0) throw GuestFault.gp(0);
        selector &= 0xffff;
        if ((selector & ~3) == 0) {
            cpu.ldtrSelector = selector;
            cpu.ldtrBase = 0;
            cpu.ldtrLimit = 0;
            cpu.ldtrAttr = 0;
            return;
        }
        if ((selector & 4) != 0) throw GuestFault.gp(selector & ~3);
        long lo = readDescriptor(cpu, selector);
        long hi = supervisorRead64(cpu.mmu, descriptorAddress(cpu, selector) + 8);
        int a = attr(lo);
        if ((a & ATTR_S) != 0 || (a & ATTR_TYPE) != TYPE_LDT) throw GuestFault.gp(selector & ~3);
        if (!present(a)) throw new GuestFault(GuestFault.NP, selector & ~3, 0);
        cpu.ldtrSelector = selector;
        cpu.ldtrBase = base(lo) | (hi << 32);
        cpu.ldtrLimit = limit(lo);
        cpu.ldtrAttr = a;
    }

    /** LTR: an available 64-bit TSS, which becomes busy. */
    public static void loadTr(CpuState cpu, int selector) {
        if (cpu.cpl != 0) throw GuestFault.gp(0);
        selector &= 0xffff;
        if ((selector & ~3) == 0 || (selector & 4) != 0) throw GuestFault.gp(selector & ~3);
        long addr = descriptorAddress(cpu, selector);
        long lo = supervisorRead64(cpu.mmu, addr);
        long hi = supervisorRead64(cpu.mmu, addr + 8);
        int a = attr(lo);
        if ((a & ATTR_S) != 0 || (a & ATTR_TYPE) != TYPE_TSS_AVAIL) throw GuestFault.gp(selector & ~3);
        if (!present(a)) throw new GuestFault(GuestFault.NP, selector & ~3, 0);
        supervisorWrite64(cpu.mmu, addr, lo | (2L << 40));          // mark busy
        cpu.trSelector = selector;
        cpu.trBase = base(lo) | (hi << 32);
        cpu.trLimit = limit(lo);
        cpu.trAttr = a | 2;
    }
}
