package org.jemu.cpu.interp;

import static org.jemu.cpu.CpuState.RAX;
import static org.jemu.cpu.CpuState.RCX;
import static org.jemu.cpu.CpuState.RDX;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Descriptors;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.sys.ControlRegisters;
import org.jemu.cpu.sys.FastSyscall;
import org.jemu.cpu.sys.Interrupts;
import org.jemu.cpu.sys.Iret;
import org.jemu.cpu.sys.Privileged;
import org.jemu.cpu.sys.Segments;

/**
 * The system instructions in system mode: each one's operand plumbing here, its rules in
 * {@code org.jemu.cpu.sys} (shared with the JIT). Returns true when RIP is to advance to the next
 * instruction, false when the instruction set RIP itself.
 */
final class SystemOps {
    private final CpuState cpu;
    private final SystemPlatform platform;

    SystemOps(CpuState cpu, SystemPlatform platform) {
        this.cpu = cpu;
        this.platform = platform;
    }

    /**
     * MOV Ev, Sw: not privileged; a register destination takes the selector zero-extended, memory
     * gets 16 bits (SDM Vol. 2B, MOV, "Move to/from Segment Registers").
     */
    static void movFromSeg(CpuState c, Insn in, long ea) {
        int sel = c.segSelector[in.reg];
        if (in.rm >= 0) Operands.writeGpr(c.gpr, in.rm, in.opSize == 2 ? 2 : 8, sel);
        else c.mmu.write16(ea, sel);
    }

    boolean execute(Insn in, long ea, long next) {
        CpuState c = cpu;
        switch (in.op) {
            case Op.MOV_FROM_SEG: movFromSeg(c, in, ea); return true;
            case Op.MOV_TO_SEG: loadSegment(in.reg, (int) Operands.readE(c, in, 2, ea)); return true;
            case Op.POP_SEG: {
                long rsp = c.gpr[CpuState.RSP];
                int sel = (int) c.mmu.read(rsp, in.opSize) & 0xffff;
                loadSegment(in.reg, sel);
                c.gpr[CpuState.RSP] = rsp + in.opSize;
                return true;
            }
            case Op.RETF: farReturn(in); return false;
            case Op.IRET:
                if (in.opSize != 8) throw GuestFault.ud();          // IRETD/IRETW to 64-bit code: not used by Linux
                Iret.iretq(c);
                return false;
            case Op.INT: Interrupts.deliver(c, (int) (in.imm & 0xff), -1, Interrupts.Kind.SOFTWARE, next); return false;
            case Op.INT3: Interrupts.deliver(c, GuestFault.BP, -1, Interrupts.Kind.SOFTWARE, next); return false;
            case Op.INT1: Interrupts.deliver(c, GuestFault.DB, -1, Interrupts.Kind.EXCEPTION, next); return false;
            case Op.SYSCALL: FastSyscall.syscall(c, next); return false;
            case Op.SYSRET:
                if (in.opSize != 8) throw GuestFault.ud();          // SYSRETL to compatibility mode: not advertised
                FastSyscall.sysret64(c);
                return false;
            case Op.SWAPGS: FastSyscall.swapgs(c); return true;
            case Op.HLT:
                Privileged.requireCpl0(c);
                c.halted = true;
                return true;
            case Op.CLI: Privileged.cli(c); return true;
            case Op.STI: Privileged.sti(c); return true;
            case Op.IN: case Op.OUT: portIo(in); return true;
            case Op.INS: case Op.OUTS: return stringIo(in);
            case Op.CLTS: Privileged.clts(c); return true;
            case Op.INVD: case Op.WBINVD: Privileged.requireCpl0(c); return true;
            case Op.RDMSR: {
                Privileged.requireCpl0(c);
                long v = platform.msrs.read((int) c.gpr[RCX]);
                c.gpr[RAX] = v & 0xffffffffL;
                c.gpr[RDX] = v >>> 32;
                return true;
            }
            case Op.WRMSR:
                Privileged.requireCpl0(c);
                platform.msrs.write((int) c.gpr[RCX], (c.gpr[RDX] << 32) | (c.gpr[RAX] & 0xffffffffL));
                return true;
            case Op.RDPMC: throw GuestFault.gp(0);                   // no performance counters advertised
            case Op.MOV_FROM_CR: {
                long v = in.reg == 8 ? readCr8() : Privileged.readCr(c, in.reg);
                c.gpr[in.rm] = v;
                return true;
            }
            case Op.MOV_TO_CR:
                Privileged.writeCr(c, in.reg, c.gpr[in.rm]);
                if (in.reg == 8 && platform.apic != null) platform.apic.setCr8((int) c.cr8);
                return true;
            case Op.MOV_FROM_DR: c.gpr[in.rm] = Privileged.readDr(c, in.reg); return true;
            case Op.MOV_TO_DR: Privileged.writeDr(c, in.reg, c.gpr[in.rm]); return true;
            case Op.LLDT: Segments.loadLdt(c, (int) Operands.readE(c, in, 2, ea)); return true;
            case Op.LTR: Segments.loadTr(c, (int) Operands.readE(c, in, 2, ea)); return true;
            case Op.SLDT: storeSelector(in, ea, c.ldtrSelector); return true;
            case Op.STR: storeSelector(in, ea, c.trSelector); return true;
            case Op.LGDT: Privileged.lgdt(c, ea); return true;
            case Op.LIDT: Privileged.lidt(c, ea); return true;
            case Op.SGDT: Privileged.sgdt(c, ea); return true;
            case Op.SIDT: Privileged.sidt(c, ea); return true;
            case Op.SMSW: storeSelector(in, ea, Privileged.smsw(c)); return true;
            case Op.LMSW: Privileged.lmsw(c, (int) Operands.readE(c, in, 2, ea)); return true;
            case Op.INVLPG:
                Privileged.requireCpl0(c);
                c.mmu.flushPage(ea);
                return true;
            case Op.RDTSC: rdtsc(); return true;
            case Op.RDTSCP:
                rdtsc();
                c.gpr[RCX] = c.tscAux & 0xffffffffL;
                return true;
            case Op.LSL: case Op.LAR: loadAccessInfo(in, ea); return true;
            case Op.VERR: case Op.VERW: verify(in, ea); return true;
            default: throw GuestFault.ud();   // SYSENTER/SYSEXIT, MONITOR/MWAIT, XSETBV, CLAC/STAC, RSM: not advertised
        }
    }

    private void loadSegment(int seg, int selector) {
        if (seg == CpuState.SS) {
            Segments.loadSs(cpu, selector);
            cpu.interruptShadow = true;                            // MOV SS / POP SS shadow (SDM Vol. 3A §6.8.3)
        } else if (seg == CpuState.CS || seg > CpuState.GS) {
            throw GuestFault.ud();
        } else {
            long keep = seg >= CpuState.FS ? cpu.segBase[seg] : 0;
            Segments.loadData(cpu, seg, selector);
            // In 64-bit mode MOV to FS/GS loads only the low 32 bits of the base from the descriptor;
            // a null selector leaves the base (set via MSR) alone on this CPU model.
            if (seg >= CpuState.FS && (selector & ~3) == 0) cpu.segBase[seg] = keep;
        }
    }

    /** RETF within the same privilege level (the only far return Linux uses: LRETQ to reload CS). */
    private void farReturn(Insn in) {
        CpuState c = cpu;
        int size = in.opSize;
        long rsp = c.gpr[CpuState.RSP];
        long rip = c.mmu.read(rsp, size);
        int cs = (int) c.mmu.read(rsp + size, size) & 0xffff;
        if ((cs & 3) != c.cpl) throw GuestFault.gp(cs & ~3);      // return to another privilege level: not supported
        long d = Segments.readDescriptor(c, cs);
        int a = Descriptors.attr(d);
        if (!Descriptors.isCode(a)) throw GuestFault.gp(cs & ~3);
        boolean conforming = (a & Descriptors.TYPE_EC) != 0;
        if (conforming ? Descriptors.dpl(a) > c.cpl : Descriptors.dpl(a) != c.cpl) throw GuestFault.gp(cs & ~3);
        if (!Descriptors.present(a)) throw new GuestFault(GuestFault.NP, cs & ~3, 0);
        if ((a & Descriptors.ATTR_L) == 0) throw GuestFault.gp(cs & ~3);   // compatibility mode not supported
        Segments.setCache(c, CpuState.CS, cs, d);
        c.gpr[CpuState.RSP] = rsp + 2L * size + (in.imm & 0xffff);
        c.rip = rip;
    }

    private void portIo(Insn in) {
        CpuState c = cpu;
        int size = in.opSize == 1 ? 1 : Math.min(in.opSize, 4);
        int port = (in.opcode & 0x08) == 0 ? (int) (in.imm & 0xff) : (int) (c.gpr[RDX] & 0xffff);
        Privileged.checkIo(c, port, size);
        if (in.op == Op.IN) {
            int v = platform.ports.in(port, size);
            if (size == 4) c.gpr[RAX] = v & 0xffffffffL;
            else Operands.writeReg(c.gpr, in, 0, size, v);
        } else {
            platform.ports.out(port, size, (int) c.gpr[RAX]);
        }
    }

    /** INS/OUTS with REP; the destination of INS is ES:rDI, the source of OUTS DS:rSI (overridable). */
    private boolean stringIo(Insn in) {
        CpuState c = cpu;
        int size = Math.min(in.opSize, 4);
        int port = (int) (c.gpr[RDX] & 0xffff);
        Privileged.checkIo(c, port, size);
        long amask = Operands.addrMask(in);
        long step = c.flags.df() ? -size : size;
        boolean rep = (in.prefixes & (Insn.PFX_REP | Insn.PFX_REPNE)) != 0;
        long srcBase = in.segment >= CpuState.FS ? c.segBase[in.segment] : 0;
        for (int i = 0; i < StringOps.SLICE; i++) {
            if (rep && (c.gpr[RCX] & amask) == 0) return true;
            if (in.op == Op.INS) {
                long di = c.gpr[CpuState.RDI] & amask;
                c.mmu.probeWrite(di, size);
                c.mmu.write(di, size, platform.ports.in(port, size));
                c.gpr[CpuState.RDI] = (di + step) & amask | (amask == -1L ? 0 : 0);
            } else {
                long si = c.gpr[CpuState.RSI] & amask;
                platform.ports.out(port, size, (int) c.mmu.read(srcBase + si, size));
                c.gpr[CpuState.RSI] = (si + step) & amask;
            }
            if (!rep) return true;
            c.gpr[RCX] = (c.gpr[RCX] - 1) & amask;
        }
        return (c.gpr[RCX] & amask) == 0;
    }

    /**
     * SLDT/STR/SMSW: to memory 16 bits; to a register, 16 bits with a 66 prefix, else the selector
     * zero-extended into the whole register (Vol. 2B STR/SLDT: "upper bits cleared"; a 32-bit write
     * in 64-bit mode clears bits 63:32).
     */
    private void storeSelector(Insn in, long ea, int value) {
        if (in.rm >= 0) Operands.writeGpr(cpu.gpr, in.rm, (in.prefixes & Insn.PFX_OPSIZE) != 0 ? 2 : 8, value & 0xffff);
        else cpu.mmu.write16(ea, value);
    }

    private long readCr8() {
        Privileged.requireCpl0(cpu);
        return platform.apic != null ? platform.apic.cr8() : cpu.cr8;
    }

    private void rdtsc() {
        CpuState c = cpu;
        if ((c.cr4 & ControlRegisters.CR4_TSD) != 0 && c.cpl != 0) throw GuestFault.gp(0);
        long tsc = platform.msrs.read(org.jemu.cpu.sys.Msrs.IA32_TSC);   // the clock plus the guest's offset
        c.gpr[RAX] = tsc & 0xffffffffL;
        c.gpr[RDX] = tsc >>> 32;
    }

    /**
     * LSL and LAR (SDM Vol. 2A): ZF=1 and the limit or access rights when the selector names a
     * descriptor of an allowed type that the CPL and RPL may see; ZF=0 and the destination unchanged
     * otherwise. The vDSO's getcpu reads the CPU number with LSL.
     */
    private void loadAccessInfo(Insn in, long ea) {
        CpuState c = cpu;
        int sel = (int) Operands.readE(c, in, 2, ea) & 0xffff;
        long d = visibleDescriptor(sel, in.op == Op.LSL);
        if (d == 0) {
            c.flags.setZf(false);
            return;
        }
        long v = in.op == Op.LSL ? Descriptors.limit(d) & 0xffffffffL : d >>> 32 & 0x00f0ff00L;
        Operands.writeGpr(c.gpr, in.reg, in.opSize, v);
        c.flags.setZf(true);
    }

    private void verify(Insn in, long ea) {
        int sel = (int) Operands.readE(cpu, in, 2, ea) & 0xffff;
        long d = visibleDescriptor(sel, false);
        int a = Descriptors.attr(d);
        boolean ok = d != 0 && (a & Descriptors.ATTR_S) != 0 && (in.op == Op.VERR
                ? !Descriptors.isCode(a) || (a & Descriptors.TYPE_RW) != 0
                : Descriptors.isData(a) && (a & Descriptors.TYPE_RW) != 0);
        cpu.flags.setZf(ok);
    }

    /** The descriptor if LAR/LSL/VERR/VERW may see it, else 0. */
    private long visibleDescriptor(int sel, boolean forLimit) {
        CpuState c = cpu;
        if ((sel & ~3) == 0) return 0;
        long d;
        try {
            d = Segments.readDescriptor(c, sel);
        } catch (GuestFault beyondLimit) {
            return 0;
        }
        int a = Descriptors.attr(d);
        if ((a & Descriptors.ATTR_S) == 0) {
            int t = a & Descriptors.ATTR_TYPE;
            boolean ok = t == Descriptors.TYPE_LDT || t == Descriptors.TYPE_TSS_AVAIL || t == Descriptors.TYPE_TSS_BUSY
                    || (!forLimit && t == Descriptors.TYPE_CALL_GATE);
            if (!ok) return 0;
        }
        boolean conformingCode = Descriptors.isCode(a) && (a & Descriptors.TYPE_EC) != 0;
        if (!conformingCode && (Descriptors.dpl(a) < c.cpl || Descriptors.dpl(a) < (sel & 3))) return 0;
        return d;
    }
}
