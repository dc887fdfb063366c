package org.jemu.cpu.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Privilege transitions against the SDM's frame layouts: interrupt delivery from CPL 3 through a
 * 64-bit interrupt gate with the RSP0 and IST stack switches (Vol. 3A §6.14.2-§6.14.5), IRETQ back
 * (Vol. 2A IRET), SYSCALL/SYSRET (Vol. 2B), and the #DF/triple-fault rules (§6.15).
 * Paging is off here (identity), so addresses are physical.
 */
class SystemStateTest {
    static final long GDT = 0x1000, IDT = 0x2000, TSS = 0x3000;
    static final int KCODE = 0x10, KDATA = 0x18, UDATA = 0x20 | 3, UCODE = 0x28 | 3, TR = 0x30;
    static final long RSP0 = 0x9000, IST1 = 0xa000, USER_RSP = 0x7ff8;

    PhysicalMemory mem;
    CpuState cpu;

    static long codeDesc(int dpl) { return 0x00af9b000000ffffL | ((long) dpl << 45); }

    static long dataDesc(int dpl) { return 0x00cf93000000ffffL | ((long) dpl << 45); }

    void gate(int vector, long target, int ist, int dpl, int type) {
        long lo = (target & 0xffff) | ((long) KCODE << 16) | ((long) ist << 32) | ((long) (0x80 | dpl << 5 | type) << 40)
                | ((target & 0xffff0000L) << 32);
        mem.write(IDT + 16L * vector, 8, lo);
        mem.write(IDT + 16L * vector + 8, 8, target >>> 32);
    }

    @BeforeEach
    void setUp() {
        mem = new PhysicalMemory(1 << 20);
        cpu = new CpuState(new Mmu(mem, (a, acc, u) -> a));
        mem.write(GDT + KCODE, 8, codeDesc(0));
        mem.write(GDT + KDATA, 8, dataDesc(0));
        mem.write(GDT + (UDATA & ~3), 8, dataDesc(3));
        mem.write(GDT + (UCODE & ~3), 8, codeDesc(3));
        long tssLo = 0x67 | ((TSS & 0xffffff) << 16) | (0x89L << 40);
        mem.write(GDT + TR, 8, tssLo);
        mem.write(GDT + TR + 8, 8, 0);
        mem.write(TSS + 4, 8, RSP0);
        mem.write(TSS + 0x24, 8, IST1);
        cpu.gdtrBase = GDT;
        cpu.gdtrLimit = 0x3f;
        cpu.idtrBase = IDT;
        cpu.idtrLimit = 0xfff;
        cpu.efer = 0x500 | 1;
        cpu.cr0 = 1 | 0x10;
        cpu.setCpl(0);
        Segments.setCache(cpu, CpuState.CS, KCODE, codeDesc(0));
        Segments.loadTr(cpu, TR);
        gate(14, 0xffffffff81001000L, 0, 0, 14);
        gate(8, 0xffffffff81002000L, 1, 0, 14);
        gate(3, 0xffffffff81003000L, 0, 3, 15);
        gate(13, 0xffffffff81004000L, 0, 0, 14);
        toUser();
    }

    void toUser() {
        Segments.setCache(cpu, CpuState.CS, UCODE, codeDesc(3));
        Segments.setCache(cpu, CpuState.SS, UDATA, dataDesc(3));
        cpu.setCpl(3);
        cpu.gpr[CpuState.RSP] = USER_RSP;
        cpu.rip = 0x401234;
        cpu.flags.set(Flags.IF | 2 | Flags.CF);
    }

    @Test
    void pageFaultFromUserSwitchesToRsp0AndPushesTheFrame() {
        Interrupts.deliverFault(cpu, GuestFault.pf(0xdead000, GuestFault.PF_U | GuestFault.PF_W));
        assertEquals(0xdead000, cpu.cr2);
        assertEquals(0, cpu.cpl);
        assertTrue(cpu.mmu.isUser() == false);
        assertEquals(KCODE, cpu.segSelector[CpuState.CS]);
        assertEquals(0, cpu.segSelector[CpuState.SS], "SS becomes null with RPL = new CPL (§6.14.4)");
        assertEquals(0xffffffff81001000L, cpu.rip);
        long rsp = cpu.gpr[CpuState.RSP];
        assertEquals(RSP0 - 48, rsp, "error code, RIP, CS, RFLAGS, RSP, SS");
        assertEquals(GuestFault.PF_U | GuestFault.PF_W, mem.read(rsp, 8));
        assertEquals(0x401234, mem.read(rsp + 8, 8));
        assertEquals(UCODE, mem.read(rsp + 16, 8));
        assertEquals(Flags.IF | 2 | Flags.CF, mem.read(rsp + 24, 8));
        assertEquals(USER_RSP, mem.read(rsp + 32, 8));
        assertEquals(UDATA, mem.read(rsp + 40, 8));
        assertEquals(0, cpu.flags.get() & Flags.IF, "interrupt gate clears IF");
        // The handler pops the error code and returns.
        cpu.gpr[CpuState.RSP] += 8;
        Iret.iretq(cpu);
        assertEquals(3, cpu.cpl);
        assertEquals(0x401234, cpu.rip);
        assertEquals(USER_RSP, cpu.gpr[CpuState.RSP]);
        assertEquals(UDATA, cpu.segSelector[CpuState.SS]);
        assertEquals(Flags.IF | 2 | Flags.CF, cpu.flags.get());
    }

    @Test
    void int3ThroughTrapGateKeepsIfAndUsesIst() {
        gate(3, 0xffffffff81003000L, 1, 3, 15);
        Interrupts.deliver(cpu, 3, -1, Interrupts.Kind.SOFTWARE, cpu.rip + 1);
        assertEquals(IST1 - 40, cpu.gpr[CpuState.RSP]);
        assertEquals(0x401235, mem.read(IST1 - 40, 8), "traps push the next RIP");
        assertTrue((cpu.flags.get() & Flags.IF) != 0, "trap gate leaves IF");
    }

    /** The -d int hook: one call per event, before delivery, then one for what a failed delivery became. */
    @Test
    void observerSeesEachEventBeforeDelivery() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        cpu.interruptObserver = (c, v, e, k) -> seen.add(String.format("%s v=%d e=%d cpl=%d rip=%x", k, v, e, c.cpl, c.rip));
        Interrupts.deliver(cpu, 3, -1, Interrupts.Kind.SOFTWARE, cpu.rip + 1);     // INT3: allowed (DPL 3)
        toUser();
        Interrupts.deliver(cpu, 14, -1, Interrupts.Kind.SOFTWARE, cpu.rip + 2);    // INT 14: DPL 0 gate, #GP
        toUser();
        Interrupts.deliverFault(cpu, GuestFault.pf(0xdead000, GuestFault.PF_U));
        assertEquals(java.util.List.of(
                "SOFTWARE v=3 e=-1 cpl=3 rip=401234",
                "SOFTWARE v=14 e=-1 cpl=3 rip=401234",
                "EXCEPTION v=13 e=114 cpl=3 rip=401234",
                "EXCEPTION v=14 e=4 cpl=3 rip=401234"), seen);
    }

    @Test
    void softwareInterruptThroughDpl0GateIsGp() {
        Interrupts.deliver(cpu, 14, -1, Interrupts.Kind.SOFTWARE, cpu.rip + 2);
        // #GP(14*8+2) delivered instead, through vector 13.
        assertEquals(0xffffffff81004000L, cpu.rip);
        assertEquals(14 * 8 + 2, mem.read(cpu.gpr[CpuState.RSP], 8));
    }

    @Test
    void faultDuringDeliveryBecomesDoubleFaultOnIst() {
        mem.write(TSS + 4, 8, 0x0000800000000000L);              // non-canonical RSP0: #SS while delivering #GP
        gate(12, 0, 0, 0, 14);
        mem.write(IDT + 16 * 12, 8, 0);                            // #SS gate not present: #NP
        Interrupts.deliverFault(cpu, GuestFault.gp(0));
        assertEquals(0xffffffff81002000L, cpu.rip, "#GP then #SS (contributory) gives #DF");
        assertEquals(IST1 - 48, cpu.gpr[CpuState.RSP]);
        assertEquals(0, mem.read(IST1 - 48, 8), "#DF error code is 0");
    }

    @Test
    void faultWhileDeliveringDoubleFaultIsTripleFault() {
        mem.write(IDT + 16 * 8, 8, 0);                             // #DF gate not present
        mem.write(TSS + 4, 8, 0x0000800000000000L);
        assertThrows(TripleFault.class, () -> Interrupts.deliverFault(cpu, GuestFault.gp(0)));
    }

    @Test
    void syscallAndSysretFollowStar() {
        cpu.star = (0x13L << 48) | ((long) KCODE << 32);              // user base 0x10 (+8 SS, +16 CS) | RPL 3
        cpu.lstar = 0xffffffff81000100L;
        cpu.sfmask = Flags.IF | Flags.DF | Flags.TF;
        FastSyscall.syscall(cpu, 0x401236);
        assertEquals(0, cpu.cpl);
        assertEquals(0x401236, cpu.gpr[CpuState.RCX]);
        assertEquals(Flags.IF | 2 | Flags.CF, cpu.gpr[11]);
        assertEquals(0, cpu.flags.get() & Flags.IF);
        assertEquals(KCODE, cpu.segSelector[CpuState.CS]);
        assertEquals(KCODE + 8, cpu.segSelector[CpuState.SS]);
        FastSyscall.sysret64(cpu);
        assertEquals(3, cpu.cpl);
        assertEquals(0x23, cpu.segSelector[CpuState.CS]);
        assertEquals(0x1b, cpu.segSelector[CpuState.SS]);
        assertEquals(0x401236, cpu.rip);
        assertTrue((cpu.flags.get() & Flags.IF) != 0);
    }

    @Test
    void sysretToNonCanonicalRipFaultsInRing0() {
        cpu.setCpl(0);
        cpu.gpr[CpuState.RCX] = 0x0000800000000000L;
        GuestFault f = assertThrows(GuestFault.class, () -> FastSyscall.sysret64(cpu));
        assertEquals(GuestFault.GP, f.vector);
    }

    @Test
    void segmentLoadChecks() {
        GuestFault f = assertThrows(GuestFault.class, () -> Segments.loadData(cpu, CpuState.DS, KDATA));
        assertEquals(GuestFault.GP, f.vector, "CPL 3 may not load a DPL 0 data segment");
        assertEquals(KDATA, f.errorCode);
        Segments.loadData(cpu, CpuState.DS, UDATA);
        assertEquals(UDATA, cpu.segSelector[CpuState.DS]);
        assertTrue((mem.read(GDT + (UDATA & ~3), 8) & (1L << 40)) != 0, "accessed bit set");
        GuestFault beyond = assertThrows(GuestFault.class, () -> Segments.loadData(cpu, CpuState.ES, 0x80 | 3));
        assertEquals(0x80, beyond.errorCode);
    }

    @Test
    void controlRegisterChecks() {
        cpu.setCpl(0);
        assertThrows(GuestFault.class, () -> ControlRegisters.writeCr4(cpu, cpu.cr4 | (1L << 20)), "SMEP not advertised");
        assertThrows(GuestFault.class, () -> ControlRegisters.writeCr0(cpu, 0x80000000L), "PG without PE");
        Msrs msrs = new Msrs(cpu);
        assertThrows(GuestFault.class, () -> msrs.read(0x12345678), "unknown MSR");
        msrs.write(Msrs.LSTAR, 0xffffffff81000000L);
        assertEquals(0xffffffff81000000L, msrs.read(Msrs.LSTAR));
        assertThrows(GuestFault.class, () -> msrs.write(Msrs.LSTAR, 0x0000800000000000L));
    }

    @Test
    void ioPermissionBitmap() {
        // TSS limit 0x67 + bitmap of 8 KiB + 1: map base 0x68, ports 0x3f8-0x3ff allowed, others denied.
        long tssLo = (0x68 + 8193 - 1) | ((TSS & 0xffffff) << 16) | (0x89L << 40);
        cpu.setCpl(0);
        mem.write(GDT + TR + 0x10, 8, tssLo);
        mem.write(GDT + TR + 0x18, 8, 0);
        cpu.gdtrLimit = 0x4f;
        mem.write(TSS + 0x66, 2, 0x68);
        for (int i = 0; i < 8192; i++) mem.write(TSS + 0x68 + i, 1, 0xff);
        mem.write(TSS + 0x68 + (0x3f8 >> 3), 1, 0);
        Segments.loadTr(cpu, TR + 0x10);
        cpu.setCpl(3);
        Privileged.checkIo(cpu, 0x3f8, 1);
        Privileged.checkIo(cpu, 0x3fc, 4);
        assertThrows(GuestFault.class, () -> Privileged.checkIo(cpu, 0x3fe, 4), "spills into a denied port");
        assertThrows(GuestFault.class, () -> Privileged.checkIo(cpu, 0x80, 1));
        cpu.flags.set(cpu.flags.get() | Flags.IOPL);
        Privileged.checkIo(cpu, 0x80, 1);
    }

    @Test
    void popfRulesDependOnCplAndIopl() {
        // CPL 3, IOPL 0: IF and IOPL are silently kept.
        Privileged.popf(cpu, Flags.IOPL | Flags.DF | 2, 8);
        assertTrue((cpu.flags.get() & Flags.IF) != 0);
        assertEquals(0, cpu.flags.get() & Flags.IOPL);
        assertTrue((cpu.flags.get() & Flags.DF) != 0);
        assertThrows(GuestFault.class, () -> Privileged.cli(cpu));
        cpu.setCpl(0);
        Privileged.popf(cpu, Flags.IOPL | 2, 8);
        assertEquals(Flags.IOPL, cpu.flags.get() & Flags.IOPL);
        assertEquals(0, cpu.flags.get() & Flags.IF);
        Privileged.sti(cpu);
        assertTrue(cpu.interruptShadow, "STI with IF clear blocks interrupts for one instruction");
    }
}
