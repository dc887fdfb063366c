package org.jemu.cpu.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long-mode paging against the Intel SDM Vol. 3A chapter 4: walk results, A/D bits (§4.8), access
 * rights (§4.6), #PF error codes (§4.7), and TLB behaviour (§4.10: stale entries survive until
 * invalidated).
 */
class PagingTranslatorTest {
    static final long P = 1, RW = 2, US = 4, A = 0x20, D = 0x40, PS = 0x80, G = 0x100, XD = 1L << 63;
    static final long PML4 = 0x1000, PDPT = 0x2000, PD = 0x3000, PT = 0x4000;

    PhysicalMemory mem;
    CpuState cpu;
    Mmu mmu;

    @BeforeEach
    void setUp() {
        mem = new PhysicalMemory(64 << 20);
        Translator[] t = new Translator[1];
        mmu = new Mmu(mem, (la, acc, u) -> t[0].translate(la, acc, u));
        cpu = new CpuState(mmu);
        t[0] = new PagingTranslator(cpu, mem);
        cpu.cr0 = PagingTranslator.CR0_PG | PagingTranslator.CR0_WP | 1;
        cpu.cr4 = 0x20;
        cpu.efer = PagingTranslator.EFER_LMA | 0x100 | PagingTranslator.EFER_NXE;
        cpu.cr3 = PML4;
        // 0x0000_0000_0040_0000 -> 4 KiB pages via PT; 0x0000_0000_0060_0000 -> 2 MiB page at 0x800000
        mem.write(PML4, 8, PDPT | P | RW | US);
        mem.write(PDPT, 8, PD | P | RW | US);
        mem.write(PD + 8 * 2, 8, PT | P | RW | US);
        mem.write(PD + 8 * 3, 8, 0x800000 | P | RW | PS);            // supervisor-only 2 MiB page
        mem.write(PT + 8 * 0, 8, 0x10000 | P | RW | US);             // 0x400000: user RW
        mem.write(PT + 8 * 1, 8, 0x11000 | P | US);                  // 0x401000: user RO
        mem.write(PT + 8 * 2, 8, 0x12000 | P | RW | US | XD);        // 0x402000: user RW, no-exec
        mem.write(PT + 8 * 3, 8, 0x13000 | RW | US);                 // 0x403000: not present
        mem.write(PT + 8 * 4, 8, 0x14000 | P | RW | US | (1L << 45)); // 0x404000: reserved bit above MAXPHYADDR
    }

    private int pfCode(Runnable r, long expectAddr) {
        GuestFault f = assertThrows(GuestFault.class, r::run);
        assertEquals(GuestFault.PF, f.vector);
        assertEquals(expectAddr, f.address);
        return f.errorCode;
    }

    @Test
    void walksFourKilobyteAndTwoMegabytePages() {
        mem.write(0x10123, 4, 0xdeadbeefL);
        assertEquals(0xdeadbeef, mmu.read32(0x400123));
        mem.write(0x800000 + 0x12345, 8, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, mmu.read64(0x600000 + 0x12345));
    }

    /**
     * SDM Vol. 3A §4.7: an access crossing a page boundary uses both pages' translations. Pages
     * 0x400000 and 0x402000 (frames 0x10000 and 0x12000) are both cached first, so a crossing
     * access finds its first page in the TLB; every size at every offset of the last 8 bytes must
     * come from both frames, and the crossing into the read-only page must fault on a write.
     */
    @Test
    void pageCrossingAccessesUseBothFramesWhenTheFirstPageIsCached() {
        mem.write(PT + 8 * 1, 8, 0x12000 | P | RW | US);             // 0x401000 -> 0x12000, not 0x11000
        for (int k = 0; k < 8; k++) {
            mem.write(0x10ff8 + k, 1, 0xa0 + k);
            mem.write(0x12000 + k, 1, 0xa8 + k);
            mem.write(0x11000 + k, 1, 0x55);                          // what the next frame would give
        }
        mmu.read8(0x400000);
        mmu.read8(0x401000);
        mmu.write8(0x400000, 0xa0);
        for (long va = 0x400ff8; va < 0x401000; va++) {
            long off = va - 0x400ff8;
            long expect = 0;
            for (int b = 7; b >= 0; b--) expect = expect << 8 | (0xa0 + off + b);
            assertEquals(expect & 0xffff, mmu.read16(va) & 0xffff, "read16 at " + Long.toHexString(va));
            assertEquals(expect & 0xffffffffL, mmu.read32(va) & 0xffffffffL, "read32 at " + Long.toHexString(va));
            assertEquals(expect, mmu.read64(va), "read64 at " + Long.toHexString(va));
        }
        mmu.write64(0x400ffc, 0x0706050403020100L);
        assertEquals(0x03020100L, mem.read(0x10ffc, 4));
        assertEquals(0x07060504L, mem.read(0x12000, 4));
        mem.write(PT + 8 * 1, 8, 0x11000 | P | US);                  // 0x401000 read-only again
        mmu.flushPage(0x401000);
        assertEquals(P | 2, pfCode(() -> mmu.write32(0x400ffe, 0), 0x401000), "present, write, supervisor");
        assertEquals(0x0302, mem.read(0x10ffe, 2), "nothing written before the fault");
    }

    @Test
    void oneGigabytePage() {
        mem.write(PDPT + 8 * 1, 8, P | RW | PS);   // linear 1 GiB -> physical 0
        mem.write(0x5008, 8, 42);
        assertEquals(42, mmu.read64((1L << 30) + 0x5008));
    }

    @Test
    void accessedOnEveryLevelDirtyOnlyOnLeafAndOnlyOnWrite() {
        mmu.read8(0x400000);
        assertEquals(A, mem.read(PML4, 8) & (A | D));
        assertEquals(A, mem.read(PDPT, 8) & (A | D));
        assertEquals(A, mem.read(PD + 16, 8) & (A | D));
        assertEquals(A, mem.read(PT, 8) & (A | D), "read sets A, not D");
        mmu.write8(0x400000, 1);
        assertEquals(A | D, mem.read(PT, 8) & (A | D), "write sets D on the leaf");
        assertEquals(0, mem.read(PD + 16, 8) & D, "D is not set on non-leaf entries");
    }

    @Test
    void errorCodesFollowSdm47() {
        mmu.setUser(true);
        assertEquals(GuestFault.PF_U, pfCode(() -> mmu.read8(0x403000), 0x403000), "not present, user read");
        assertEquals(GuestFault.PF_U | GuestFault.PF_W, pfCode(() -> mmu.write8(0x403010, 0), 0x403010));
        assertEquals(GuestFault.PF_P | GuestFault.PF_U | GuestFault.PF_W, pfCode(() -> mmu.write8(0x401000, 0), 0x401000),
                "user write to read-only page");
        assertEquals(GuestFault.PF_P | GuestFault.PF_U, pfCode(() -> mmu.read8(0x600000), 0x600000), "user read of supervisor page");
        assertEquals(GuestFault.PF_P | GuestFault.PF_U | GuestFault.PF_I, pfCode(() -> mmu.fetch8(0x402000), 0x402000), "XD fetch");
        assertEquals(GuestFault.PF_P | GuestFault.PF_U | GuestFault.PF_RSVD, pfCode(() -> mmu.read8(0x404000), 0x404000), "reserved bit");
        mmu.setUser(false);
        assertEquals(GuestFault.PF_P | GuestFault.PF_W, pfCode(() -> mmu.write8(0x401000, 0), 0x401000), "CR0.WP protects RO pages from supervisor");
    }

    @Test
    void supervisorWritesReadOnlyPagesWhenWpIsClear() {
        cpu.cr0 &= ~PagingTranslator.CR0_WP;
        mmu.write8(0x401000, 7);
        assertEquals(7, mem.read(0x11000, 1));
    }

    @Test
    void nxBitIsReservedWithoutNxe() {
        cpu.efer &= ~PagingTranslator.EFER_NXE;
        int code = pfCode(() -> mmu.read8(0x402000), 0x402000);
        assertEquals(GuestFault.PF_P | GuestFault.PF_RSVD, code);
    }

    @Test
    void nonCanonicalIsGeneralProtection() {
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.read8(0x0000800000000000L));
        assertEquals(GuestFault.GP, f.vector);
    }

    @Test
    void staleTranslationIsUsedUntilInvalidated() {
        mem.write(0x10000, 1, 1);
        mem.write(0x15000, 1, 2);
        assertEquals(1, mmu.read8(0x400000));
        mem.write(PT, 8, 0x15000 | P | RW | US);    // remap without INVLPG
        assertEquals(1, mmu.read8(0x400000), "the TLB keeps the old translation (SDM §4.10.4.4)");
        mmu.flushPage(0x400000);
        assertEquals(2, mmu.read8(0x400000), "INVLPG drops it");
    }

    @Test
    void globalEntriesSurviveCr3FlushButNotFullFlush() {
        cpu.cr4 |= PagingTranslator.CR4_PGE;
        mem.write(PT, 8, 0x10000 | P | RW | US | G);
        mem.write(PT + 8, 8, 0x11000 | P | RW | US);
        mem.write(0x10000, 1, 1);
        mem.write(0x11000, 1, 3);
        mem.write(0x15000, 1, 2);
        assertEquals(1, mmu.read8(0x400000));
        assertEquals(3, mmu.read8(0x401000));
        mem.write(PT, 8, 0x15000 | P | RW | US | G);
        mem.write(PT + 8, 8, 0x15000 | P | RW | US);
        mmu.flushNonGlobal();                       // MOV to CR3
        assertEquals(1, mmu.read8(0x400000), "global entry survives a CR3 write");
        assertEquals(2, mmu.read8(0x401000), "non-global entry is gone");
        mmu.flushAll();                             // CR4.PGE toggle
        assertEquals(2, mmu.read8(0x400000));
    }

    @Test
    void pageCrossingAccessChecksBothPages() {
        mem.write(0x10ffe, 2, 0xbbaa);
        mem.write(0x11000, 2, 0xddcc);
        assertEquals(0xddccbbaaL, mmu.read32(0x400ffe) & 0xffffffffL);
        mmu.setUser(true);
        int code = pfCode(() -> mmu.write32(0x400ffe, 0), 0x401000);
        assertTrue((code & GuestFault.PF_W) != 0);
        assertEquals(0xbbaa, mem.read(0x10ffe, 2), "no partial write before the fault");
    }
}
