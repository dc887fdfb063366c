package org.jemu.user;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;

/**
 * The guest process's virtual address space, as Linux keeps it: a set of mappings (VMAs) with
 * PROT_READ/WRITE/EXEC permissions, backed by physical frames of guest RAM that are allocated on first
 * touch (so a large anonymous mmap costs nothing until used, as on Linux).
 *
 * <p>As the {@link Translator} of the {@link Mmu}, it raises #PF with the x86 error code (Intel SDM
 * Vol. 3A §4.7: P = a frame is present, W = write, U = always, I = instruction fetch) for accesses the
 * mapping does not allow, and #GP(0) for non-canonical addresses (SDM Vol. 1 §3.3.7.1). Every change
 * of a mapping flushes the affected TLB entries.
 *
 * <p>On x86, any present page is readable, so PROT_WRITE and PROT_EXEC imply PROT_READ.
 */
final class AddressSpace implements Translator {
    static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    static final long PAGE = PhysicalMemory.PAGE_SIZE;
    /** Linux x86-64 TASK_SIZE with 4-level paging: the top of user space. */
    static final long TASK_SIZE = 0x7ffffffff000L;

    private final FrameAllocator frames;
    private final PageTable pages = new PageTable();
    private final TreeMap<Long, Vma> vmas = new TreeMap<>();
    private Mmu mmu;

    /** One mapping: [start, end), page-aligned. */
    static final class Vma {
        final long start;
        long end;
        int prot;
        final String name;

        Vma(long start, long end, int prot, String name) {
            this.start = start;
            this.end = end;
            this.prot = prot;
            this.name = name;
        }
    }

    AddressSpace(PhysicalMemory phys) {
        this.frames = new FrameAllocator(phys);
    }

    void attach(Mmu mmu) { this.mmu = mmu; }

    static long pageDown(long a) { return a & -PAGE; }

    static long pageUp(long a) { return (a + PAGE - 1) & -PAGE; }

    // ---- Translator ----------------------------------------------------------------------------

    @Override
    public long translate(long linear, int access, boolean user) {
        if ((linear << 16 >> 16) != linear) throw GuestFault.gp(0);
        long vpn = linear >>> 12;
        Vma v = find(linear);
        long frame = pages.get(vpn);
        int need = access == WRITE ? PROT_WRITE : access == FETCH ? PROT_EXEC : PROT_READ;
        if (v == null || (v.prot & need) == 0 || (access == READ && v.prot == 0)) {
            int code = GuestFault.PF_U | (frame >= 0 ? GuestFault.PF_P : 0)
                    | (access == WRITE ? GuestFault.PF_W : 0) | (access == FETCH ? GuestFault.PF_I : 0);
            throw GuestFault.pf(linear, code);
        }
        if (frame < 0) {
            frame = frames.allocate();
            if (frame < 0) throw GuestFault.pf(linear, GuestFault.PF_U | (access == WRITE ? GuestFault.PF_W : 0));
            pages.put(vpn, frame);
        }
        return frame | (linear & (PAGE - 1));
    }

    /** The mapping containing {@code addr}, or null. */
    Vma find(long addr) {
        Map.Entry<Long, Vma> e = vmas.floorEntry(addr);
        if (e == null) return null;
        Vma v = e.getValue();
        return addr < v.end ? v : null;
    }

    // ---- mapping changes -----------------------------------------------------------------------

    /** Maps [start, start+len) with {@code prot}, replacing whatever was there (MAP_FIXED semantics). */
    void map(long start, long len, int prot, String name) {
        long end = start + pageUp(len);
        unmap(start, end - start);
        vmas.put(start, new Vma(start, end, effective(prot), name));
    }

    private static int effective(int prot) {
        return (prot & (PROT_WRITE | PROT_EXEC)) != 0 ? prot | PROT_READ : prot;
    }

    /** Removes every mapping in [start, start+len) and frees its frames. */
    void unmap(long start, long len) {
        long end = start + pageUp(len);
        splitAt(start);
        splitAt(end);
        ArrayList<Vma> gone = new ArrayList<>(vmas.subMap(start, true, end, false).values());
        for (Vma v : gone) {
            vmas.remove(v.start);
            for (long a = v.start; a < v.end; a += PAGE) {
                long f = pages.remove(a >>> 12);
                if (f >= 0) frames.release(f);
            }
        }
        flush(start, end);
    }

    /** MADV_DONTNEED: frees the frames of [start, end); the mappings stay and read back as zeros. */
    void discard(long start, long end) {
        for (long a = start; a < end; a += PAGE) {
            long f = pages.remove(a >>> 12);
            if (f >= 0) frames.release(f);
        }
        flush(start, end);
    }

    /** mprotect: false if part of the range is not mapped (ENOMEM). */
    boolean protect(long start, long len, int prot) {
        long end = start + pageUp(len);
        if (!isMapped(start, end)) return false;
        splitAt(start);
        splitAt(end);
        for (Vma v : vmas.subMap(start, true, end, false).values()) v.prot = effective(prot);
        flush(start, end);
        return true;
    }

    /** Whether every page of [start, end) is mapped. */
    boolean isMapped(long start, long end) {
        long a = start;
        while (a < end) {
            Vma v = find(a);
            if (v == null) return false;
            a = v.end;
        }
        return true;
    }

    /** Whether no page of [start, end) is mapped. */
    boolean isFree(long start, long end) {
        if (start < PAGE || end > TASK_SIZE || end < start) return false;
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        return e == null || e.getValue().end <= start;
    }

    /** Highest free page-aligned range of {@code len} bytes below {@code top}, or -1. */
    long findFree(long len, long top) {
        len = pageUp(len);
        long end = top;
        while (end - len >= PAGE) {
            Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
            if (e == null || e.getValue().end <= end - len) return end - len;
            end = e.getValue().start;
        }
        return -1;
    }

    private void splitAt(long addr) {
        Vma v = find(addr);
        if (v == null || v.start == addr) return;
        Vma hi = new Vma(addr, v.end, v.prot, v.name);
        v.end = addr;
        vmas.put(addr, hi);
    }

    private void flush(long start, long end) {
        if (mmu == null) return;
        if (end - start > 64 * PAGE) mmu.flushAll();
        else for (long a = start; a < end; a += PAGE) mmu.flushPage(a);
    }

    /** The frame behind a mapped page, allocating it; -1 if unmapped. For loaders and syscalls. */
    long frameOf(long addr) {
        if (find(addr) == null) return -1;
        long vpn = addr >>> 12;
        long frame = pages.get(vpn);
        if (frame < 0) {
            frame = frames.allocate();
            if (frame < 0) return -1;
            pages.put(vpn, frame);
        }
        return frame;
    }

    /** The permissions of the mapping containing addr, or -1. */
    int protAt(long addr) {
        Vma v = find(addr);
        return v == null ? -1 : v.prot;
    }

    Iterable<Vma> mappings() { return vmas.values(); }

    long framesAvailable() { return frames.available(); }
}
