package org.jemu.monitor;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.PhysicalMemory;

/**
 * Walks the guest's page tables from CR3 by reading physical memory directly: no TLB, no accessed or
 * dirty bits set, no faults. For the monitor's {@code x}, {@code info mem} and {@code info tlb}.
 * Handles no paging (identity) and 4-level long-mode paging.
 */
public final class PageWalker {
    public static final long P = 1, W = 2, U = 4, PWT = 8, PCD = 0x10, A = 0x20, D = 0x40, PS = 0x80, G = 0x100;
    public static final long NX = 1L << 63;
    static final long ADDR = 0x000f_ffff_ffff_f000L;

    /** One leaf mapping with the permissions that all levels together give. */
    public interface Leaf {
        void map(long va, long pa, long size, long pte, boolean user, boolean write, boolean nx);
    }

    private final CpuState cpu;
    private final PhysicalMemory mem;

    public PageWalker(CpuState cpu, PhysicalMemory mem) {
        this.cpu = cpu;
        this.mem = mem;
    }

    public boolean pagingOn() { return (cpu.cr0 & (1L << 31)) != 0; }

    /** Why the walker cannot walk this mode, or null. */
    public String unsupported() {
        if (!pagingOn()) return null;
        if ((cpu.efer & (1L << 10)) == 0) return "32-bit paging is not supported by the monitor";
        if ((cpu.cr4 & (1L << 12)) != 0) return "5-level paging is not supported by the monitor";
        return null;
    }

    /** The physical address of {@code va}, or -1 when it is not mapped. */
    public long translate(long va) {
        if (!pagingOn()) return va;
        if (unsupported() != null) return -1;
        long table = cpu.cr3 & ADDR;
        for (int level = 4; level >= 1; level--) {
            if (!mem.isRam(table)) return -1;
            int shift = 12 + 9 * (level - 1);
            long e = mem.read(table + ((va >>> shift) & 511) * 8, 8);
            if ((e & P) == 0) return -1;
            if (level == 1 || (level <= 3 && (e & PS) != 0)) {
                long mask = (1L << shift) - 1;
                return ((e & ADDR) & ~mask) | (va & mask);
            }
            table = e & ADDR;
        }
        return -1;
    }

    /** Every present leaf, in ascending (canonical) virtual address order. */
    public void walk(Leaf out) {
        if (!pagingOn() || unsupported() != null) return;
        walk(cpu.cr3 & ADDR, 4, 0, true, true, false, out);
    }

    private void walk(long table, int level, long base, boolean user, boolean write, boolean nx, Leaf out) {
        if (!mem.isRam(table)) return;
        int shift = 12 + 9 * (level - 1);
        for (int i = 0; i < 512; i++) {
            long e = mem.read(table + i * 8L, 8);
            if ((e & P) == 0) continue;
            long va = base | ((long) i << shift);
            if (level == 4 && i >= 256) va |= 0xffff_0000_0000_0000L;
            boolean u = user && (e & U) != 0, w = write && (e & W) != 0, x = nx || (e & NX) != 0;
            if (level == 1 || (level <= 3 && (e & PS) != 0)) {
                long size = 1L << shift;
                out.map(va, (e & ADDR) & ~(size - 1), size, e, u, w, x);
            } else if (level > 1) {
                walk(e & ADDR, level - 1, va, u, w, x, out);
            }
        }
    }
}
