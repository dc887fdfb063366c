package org.jemu.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.junit.jupiter.api.Test;

/** {@code info registers}, {@code info mem} and {@code info tlb} against hand-built CPU states. */
class FormatsTest {
    static CpuState longModeCpu(PhysicalMemory mem) {
        CpuState c = new CpuState(new Mmu(mem, null));
        for (int i = 0; i < 16; i++) c.gpr[i] = 0x1111_1111_1111_1111L * (i % 15 + 1);
        c.gpr[CpuState.RSP] = 0xffffffff8180bf90L;
        c.rip = 0xffffffff81050c32L;
        c.flags.set(0x246);
        c.segSelector[CpuState.CS] = 0x10;
        c.segAttr[CpuState.CS] = 0x0b | 0x10 | 0x80 | (1 << 13) | (1 << 15); // code, present, L, G
        c.segLimit[CpuState.CS] = -1;
        c.segSelector[CpuState.SS] = 0x18;
        c.segAttr[CpuState.SS] = 0x03 | 0x10 | 0x80 | (1 << 14) | (1 << 15);
        c.segLimit[CpuState.SS] = -1;
        c.segBase[CpuState.GS] = 0xffff888007a00000L;
        c.trSelector = 0x40;
        c.trBase = 0xfffffe0000003000L;
        c.trLimit = 0x67;
        c.trAttr = 0x0b | 0x80;
        c.gdtrBase = 0xfffffe0000001000L;
        c.gdtrLimit = 0x7f;
        c.idtrBase = 0xfffffe0000000000L;
        c.idtrLimit = 0xfff;
        c.cr0 = 0x80050033L;
        c.cr2 = 0x7f00_dead_b000L;
        c.cr3 = 0x297000;
        c.cr4 = 0x6b0;
        c.efer = 0xd01;
        return c;
    }

    @Test
    void registersLikeQemu() {
        String r = Formats.registers(longModeCpu(new PhysicalMemory(1 << 20)));
        assertTrue(r.startsWith("RAX=1111111111111111 RBX=4444444444444444 RCX=2222222222222222 RDX=3333333333333333\n"), r);
        assertTrue(r.contains("RSP=ffffffff8180bf90\n"), r);
        assertTrue(r.contains("R8 =9999999999999999 R9 =aaaaaaaaaaaaaaaa"), r);
        assertTrue(r.contains("RIP=ffffffff81050c32 RFL=00000246 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=0\n"), r);
        assertTrue(r.contains("RFL: IF ZF PF\n"), r);
        assertTrue(r.contains("CS =0010 0000000000000000 ffffffff 00a09b00 DPL=0 CS64 [-RA]\n"), r);
        assertTrue(r.contains("SS =0018 0000000000000000 ffffffff 00c09300 DPL=0 DS   [-WA]\n"), r);
        assertTrue(r.contains("GS =0000 ffff888007a00000"), r);
        assertTrue(r.contains("TR =0040 fffffe0000003000 00000067 00008b00 DPL=0 TSS64-busy\n"), r);
        assertTrue(r.contains("GDT=     fffffe0000001000 0000007f\n"), r);
        assertTrue(r.contains("IDT=     fffffe0000000000 00000fff\n"), r);
        assertTrue(r.contains("CR0=80050033 CR2=00007f00deadb000 CR3=0000000000297000 CR4=000006b0\n"), r);
        assertTrue(r.contains("EFER=0000000000000d01 [SCE LME LMA NXE]\n"), r);
    }

    @Test
    void flagLetters() {
        assertEquals("-------", Formats.flags(0x2));
        assertEquals("DOSZAPC", Formats.flags(0xcd5 | 0x400));
        assertEquals("ID AC OF DF IF TF SF ZF AF PF CF IOPL=3", Formats.flagNames(0x247fd7 & ~0x4000 | 0x3000));
    }

    /** Page tables: 0x400000 user RX 4K page, a 2 MiB kernel RW NX page; CR3 at 0x10000. */
    static CpuState pagedCpu(PhysicalMemory m) {
        CpuState c = longModeCpu(m);
        c.cr3 = 0x10000;
        long pml4 = 0x10000, pdpt = 0x11000, pd = 0x12000, pt = 0x13000, kpdpt = 0x14000, kpd = 0x15000;
        long pwu = PageWalker.P | PageWalker.W | PageWalker.U;
        m.write(pml4, 8, pdpt | pwu);
        m.write(pdpt, 8, pd | pwu);
        m.write(pd + 2 * 8, 8, pt | pwu);                                                 // 0x400000
        m.write(pt, 8, 0x80000 | PageWalker.P | PageWalker.U | PageWalker.A);             // RX user
        m.write(pt + 8, 8, 0x81000 | PageWalker.P | PageWalker.U | PageWalker.W | PageWalker.D | PageWalker.A);
        m.write(pml4 + 511 * 8, 8, kpdpt | PageWalker.P | PageWalker.W);
        m.write(kpdpt + 510 * 8, 8, kpd | PageWalker.P | PageWalker.W);                   // 0xffffffff80000000
        m.write(kpd + 8, 8, 0x200000 | PageWalker.P | PageWalker.W | PageWalker.PS | PageWalker.G | PageWalker.NX);
        return c;
    }

    @Test
    void walkerTranslatesAndLists() {
        PhysicalMemory m = new PhysicalMemory(4 << 20);
        PageWalker w = new PageWalker(pagedCpu(m), m);
        assertEquals(0x80123, w.translate(0x400123));
        assertEquals(0x81fff, w.translate(0x401fff));
        assertEquals(-1, w.translate(0x402000));
        assertEquals(0x2abcde, w.translate(0xffffffff802abcdeL));
        assertEquals(-1, w.translate(0xffffffff80000000L));
        assertEquals(String.join("\n",
                "0000000000400000: 0000000000080000 ----A--U-",
                "0000000000401000: 0000000000081000 ---DA--UW",
                "ffffffff80200000: 0000000000200000 XGP-----W", ""), Formats.tlb(w));
        assertEquals(String.join("\n",
                "0000000000400000-0000000000401000 0000000000001000 ur-x",
                "0000000000401000-0000000000402000 0000000000001000 urwx",
                "ffffffff80200000-ffffffff80400000 0000000000200000 -rw-", ""), Formats.mem(w));
    }

    @Test
    void pagingOffIsIdentity() {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        CpuState c = longModeCpu(m);
        c.cr0 = 0x11;
        c.efer = 0;
        PageWalker w = new PageWalker(c, m);
        assertEquals(0x1234, w.translate(0x1234));
        assertEquals("", Formats.tlb(w));
    }
}
