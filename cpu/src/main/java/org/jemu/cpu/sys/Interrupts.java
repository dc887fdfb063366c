package org.jemu.cpu.sys;

import static org.jemu.cpu.Descriptors.*;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.InterruptController;
import org.jemu.cpu.mem.Mmu;

/**
 * Delivery of exceptions and interrupts through the long-mode IDT (SDM Vol. 3A §6.14): 16-byte
 * gates, the privilege check for software interrupts, the stack switch to TSS.RSPn or an IST stack,
 * the 16-byte aligned frame SS, RSP, RFLAGS, CS, RIP and the error code, and the double-fault and
 * triple-fault rules of §6.15 (table 6-5).
 */
public final class Interrupts {
    private Interrupts() {}

    /** How the event arose: decides the DPL check, the EXT bit and which RIP is pushed. */
    public enum Kind { EXCEPTION, EXTERNAL, SOFTWARE }

    /**
     * Events the CPU may take now from the pending-event word: an NMI unless NMIs are blocked (from
     * the delivery of one NMI to the next IRET, SDM Vol. 3A §6.7.1), a maskable interrupt when IF=1
     * and no STI/MOV SS shadow is active (§6.8.1, §6.8.3). Other bits (reset, stop, host input) are
     * the machine's and always count.
     */
    public static int actionable(CpuState cpu, int word) {
        if ((word & CpuSignals.INTR) != 0 && (!cpu.flags.ifl() || cpu.interruptShadow)) word &= ~CpuSignals.INTR;
        if ((word & CpuSignals.NMI) != 0 && cpu.nmiBlocked) word &= ~CpuSignals.NMI;
        return word;
    }

    /**
     * Takes one pending NMI or maskable interrupt if the CPU may (see {@link #actionable}): acknowledges
     * it at {@code controller} (INTA) and delivers it through the IDT, waking a halted CPU. Returns
     * the vector taken, or -1 when none was.
     */
    public static int takePending(CpuState cpu, CpuSignals signals, InterruptController controller) {
        int w = actionable(cpu, signals.word());
        if ((w & CpuSignals.NMI) != 0) {
            signals.clear(CpuSignals.NMI);
            cpu.halted = false;
            cpu.nmiBlocked = true;
            deliver(cpu, GuestFault.NMI, -1, Kind.EXTERNAL, cpu.rip);
            return GuestFault.NMI;
        }
        if ((w & CpuSignals.INTR) != 0) {
            int vector = controller.acknowledge();
            cpu.halted = false;
            deliver(cpu, vector, -1, Kind.EXTERNAL, cpu.rip);
            return vector;
        }
        return -1;
    }

    /** Delivers a guest fault raised by the instruction at {@code cpu.rip} (faults push that RIP). */
    public static void deliverFault(CpuState cpu, GuestFault f) {
        if (f.vector == GuestFault.PF) cpu.cr2 = f.address;
        deliver(cpu, f.vector, f.errorCode, Kind.EXCEPTION, cpu.rip);
    }

    /**
     * Delivers {@code vector}; {@code returnRip} is what the frame holds (the faulting instruction for
     * faults, the next one for traps, INT n and external interrupts). Faults raised during delivery
     * combine into #DF, and a fault while delivering #DF is a {@link TripleFault}.
     */
    public static void deliver(CpuState cpu, int vector, int errorCode, Kind kind, long returnRip) {
        InterruptObserver observer = cpu.interruptObserver;
        if (observer != null) observer.delivering(cpu, vector, errorCode, kind);
        try {
            deliverOnce(cpu, vector, errorCode, kind, returnRip);
        } catch (GuestFault second) {
            if (second.vector == GuestFault.PF) cpu.cr2 = second.address;
            if (vector == GuestFault.DF) throw new TripleFault("fault " + second.getMessage() + " while delivering #DF");
            if (kind == Kind.EXCEPTION && becomesDoubleFault(vector, second.vector)) {
                if (observer != null) observer.delivering(cpu, GuestFault.DF, 0, Kind.EXCEPTION);
                try {
                    deliverOnce(cpu, GuestFault.DF, 0, Kind.EXCEPTION, returnRip);
                } catch (GuestFault third) {
                    throw new TripleFault("fault " + third.getMessage() + " while delivering #DF");
                }
            } else {
                // Handled serially (table 6-5); selector error codes already carry EXT (§6.13).
                // A fault while delivering INT n/INT3 is a fault of that instruction: its frame holds
                // the instruction's RIP (still in cpu.rip), not the next one (§6.5, §6.12.1.1).
                deliver(cpu, second.vector, second.errorCode, Kind.EXCEPTION, kind == Kind.SOFTWARE ? cpu.rip : returnRip);
            }
        }
    }

    static boolean contributory(int v) {
        return v == GuestFault.DE || v == GuestFault.TS || v == GuestFault.NP || v == GuestFault.SS || v == GuestFault.GP;
    }

    /** Table 6-5: contributory after contributory, and contributory or #PF after #PF. */
    static boolean becomesDoubleFault(int first, int second) {
        if (contributory(first)) return contributory(second);
        if (first == GuestFault.PF) return contributory(second) || second == GuestFault.PF;
        return false;
    }

    private static void deliverOnce(CpuState cpu, int vector, int errorCode, Kind kind, long returnRip) {
        if ((cpu.efer & (1L << 10)) == 0)
            throw new IllegalStateException("interrupt delivery outside long mode is not supported");
        // EXT (§6.13): the event is external to the program: an interrupt or an earlier exception.
        int ext = kind == Kind.SOFTWARE ? 0 : 1;
        int gateErr = vector * 8 + 2 + ext;
        if (vector * 16L + 15 > (cpu.idtrLimit & 0xffffffffL)) throw GuestFault.gp(gateErr);
        Mmu mmu = cpu.mmu;
        long lo = Segments.supervisorRead64(mmu, cpu.idtrBase + vector * 16L);
        long hi = Segments.supervisorRead64(mmu, cpu.idtrBase + vector * 16L + 8);
        int ga = attr(lo);
        int type = ga & ATTR_TYPE;
        if ((ga & ATTR_S) != 0 || (type != TYPE_INT_GATE && type != TYPE_TRAP_GATE)) throw GuestFault.gp(gateErr);
        if (kind == Kind.SOFTWARE && dpl(ga) < cpu.cpl) throw GuestFault.gp(gateErr);
        if (!present(ga)) throw new GuestFault(GuestFault.NP, gateErr, 0);
        long target = (lo & 0xffff) | ((lo >>> 32) & 0xffff0000L) | (hi << 32);
        int cs = (int) ((lo >>> 16) & 0xffff);
        int ist = (int) ((lo >>> 32) & 7);

        long cd = Segments.checkCode(cpu, cs, (cs & ~3) + ext);
        int ca = attr(cd);
        if ((ca & ATTR_L) == 0 || (ca & ATTR_DB) != 0) throw GuestFault.gp((cs & ~3) + ext);
        int newCpl = (ca & TYPE_EC) != 0 ? cpu.cpl : dpl(ca);
        if (newCpl > cpu.cpl) throw GuestFault.gp((cs & ~3) + ext);

        long oldRsp = cpu.gpr[CpuState.RSP];
        int oldSs = cpu.segSelector[CpuState.SS];
        long rsp;
        if (ist != 0) rsp = readTss64(cpu, 0x24 + 8 * (ist - 1), ext);
        else if (newCpl < cpu.cpl) rsp = readTss64(cpu, 4 + 8 * newCpl, ext);
        else rsp = oldRsp;
        if ((rsp >> 47) != 0 && (rsp >> 47) != -1) throw new GuestFault(GuestFault.SS, ext, 0);
        rsp &= ~15L;

        long rflags = cpu.flags.get();
        // Push the frame as supervisor writes; nothing changes in the CPU until all of them succeeded.
        boolean u = mmu.isUser();
        mmu.setUser(false);
        try {
            boolean withCode = errorCode >= 0;
            long top = rsp - (withCode ? 48 : 40);
            mmu.probeWrite(top, withCode ? 48 : 40);
            mmu.write64(rsp - 8, oldSs & 0xffff);
            mmu.write64(rsp - 16, oldRsp);
            mmu.write64(rsp - 24, rflags);
            mmu.write64(rsp - 32, cpu.segSelector[CpuState.CS] & 0xffff);
            mmu.write64(rsp - 40, returnRip);
            if (withCode) mmu.write64(rsp - 48, errorCode & 0xffffffffL);
            rsp = top;
        } finally {
            mmu.setUser(u);
        }

        if (newCpl != cpu.cpl) Segments.setNull(cpu, CpuState.SS, newCpl);
        Segments.setCache(cpu, CpuState.CS, (cs & ~3) | newCpl, Segments.markAccessed(cpu, cs, cd));
        cpu.setCpl(newCpl);
        cpu.gpr[CpuState.RSP] = rsp;
        long clear = Flags.TF | Flags.NT | Flags.RF | Flags.VM | (type == TYPE_INT_GATE ? Flags.IF : 0);
        cpu.flags.set(rflags & ~clear);
        cpu.rip = target;
        cpu.halted = false;
    }

    /** A stack pointer from the TSS; #TS(TSS selector | EXT) when it lies beyond the limit (§6.13, §6.14.5). */
    static long readTss64(CpuState cpu, int offset, int ext) {
        if ((cpu.trSelector & ~3) == 0 || offset + 7 > cpu.trLimit)
            throw new GuestFault(GuestFault.TS, (cpu.trSelector & ~3) | ext, 0);
        return Segments.supervisorRead64(cpu.mmu, cpu.trBase + offset);
    }
}
