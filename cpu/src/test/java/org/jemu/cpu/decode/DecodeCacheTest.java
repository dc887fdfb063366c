package org.jemu.cpu.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;
import org.junit.jupiter.api.Test;

class DecodeCacheTest {
    /** Linear page n maps to physical page map[n]; -1 is not present. */
    private final long[] map = {0, 1, 2, 3, 4, 5, 6, 7};
    private final PhysicalMemory phys = new PhysicalMemory(8 * 4096);
    private final Translator tr = (linear, access, user) -> {
        int page = (int) (linear >>> 12);
        if (page >= map.length || map[page] < 0) throw GuestFault.pf(linear, GuestFault.PF_I);
        return map[page] << 12 | (linear & 0xfff);
    };
    private final Mmu mmu = new Mmu(phys, tr);
    private final DecodeCache cache = new DecodeCache(phys, new Decoder());

    private void load(long addr, String hex) {
        byte[] b = Hex.bytes(hex);
        phys.load(addr, b, 0, b.length);
    }

    @Test
    void decodesOnceAndReuses() {
        load(0x1000, "48 01 d8");
        Insn a = cache.get(mmu, 0x1000);
        assertEquals(Op.ADD, a.op);
        assertSame(a, cache.get(mmu, 0x1000));
        assertTrue(phys.isCodePage(1));
    }

    @Test
    void writeToThePageInvalidates() {
        load(0x1000, "48 01 d8");
        Insn a = cache.get(mmu, 0x1000);
        mmu.write8(0x1001, 0x29);                 // ADD -> SUB
        Insn b = cache.get(mmu, 0x1000);
        assertNotSame(a, b);
        assertEquals(Op.SUB, b.op);
    }

    @Test
    void crossPageInstructionIsInvalidatedByAWriteToItsTail() {
        load(0x1ffe, "48 b8 0102030405060708");  // 10 bytes, the immediate on page 2
        Insn a = cache.get(mmu, 0x1ffe);
        assertEquals(0x0807060504030201L, a.imm);
        assertEquals(2, a.tailPage);
        assertTrue(phys.isCodePage(2));
        mmu.write8(0x2005, 0x77);
        Insn b = cache.get(mmu, 0x1ffe);
        assertEquals(0x0807770504030201L, b.imm);
    }

    @Test
    void crossPageInstructionRechecksTheTailMapping() {
        load(0x1ffe, "48 b8 0102030405060708");
        load(0x5000, "11121314151617");
        assertEquals(0x0807060504030201L, cache.get(mmu, 0x1ffe).imm);
        map[2] = 5;                               // remap the next linear page
        mmu.flushAll();
        assertEquals(0x0017161514131211L, cache.get(mmu, 0x1ffe).imm);
        map[2] = -1;                              // and unmap it: the fetch faults again
        mmu.flushAll();
        GuestFault f = assertThrows(GuestFault.class, () -> cache.get(mmu, 0x1ffe));
        assertEquals(GuestFault.PF, f.vector);
        assertEquals(0x2000, f.address);
    }

    @Test
    void undefinedOpcodeLeavesTheCacheUsable() {
        load(0x3000, "0f 0b 90 c5 f8 77");
        assertEquals(Op.UD2, cache.get(mmu, 0x3000).op);
        assertEquals(Op.NOP, cache.get(mmu, 0x3002).op);
        assertThrows(GuestFault.class, () -> cache.get(mmu, 0x3003));
        assertEquals(Op.NOP, cache.get(mmu, 0x3002).op);
    }
}
