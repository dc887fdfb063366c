package org.jemu.cpu.decode;

import java.util.Arrays;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;

/**
 * Decoded instructions per physical page, so hot code is decoded once. Each RAM page that has been
 * executed gets an {@code Insn[4096]} indexed by the page offset of the first byte; the page is
 * marked as a code page in {@link PhysicalMemory}, and a write to it drops the array (via
 * {@link PhysicalMemory.CodeWriteListener}). Keyed by physical address, so two virtual mappings of
 * one page share the decoded instructions.
 *
 * <p>An instruction that crosses into the next virtual page marks its tail's physical page too and
 * remembers it in {@link Insn#tailPage}: a write to the tail page drops the head page's array, and
 * before reuse the tail's translation is checked again (the next virtual page may have been remapped,
 * and the fetch permission of both pages is rechecked so a #PF is raised as on hardware).
 *
 * <p>Code fetched from outside RAM (a ROM or MMIO region) is decoded every time. The cache assumes
 * one decoding mode; call {@link #invalidateAll} when the CPU changes mode or enabled extensions.
 */
public final class DecodeCache implements PhysicalMemory.CodeWriteListener {
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;

    private final PhysicalMemory phys;
    private final Decoder decoder;
    private final Insn[][] pages;
    /** For each page: the head pages whose instructions reach into it (rare; small arrays). */
    private final int[][] dependents;
    private final Insn uncached = new Insn();

    /**
     * Creates the cache and installs it as {@code phys}'s code-write listener. A second listener (the
     * JIT) must chain to {@link #codeWritten}.
     */
    public DecodeCache(PhysicalMemory phys, Decoder decoder) {
        this.phys = phys;
        this.decoder = decoder;
        int n = (int) (phys.ramSize() / PAGE);
        this.pages = new Insn[n][];
        this.dependents = new int[n][];
        phys.setCodeWriteListener(this);
    }

    public Decoder decoder() { return decoder; }

    /**
     * The decoded instruction at linear address {@code rip}. Throws the fetch's #PF, or the decoder's
     * #UD / #GP. The returned object stays valid until the next call for an uncached (non-RAM) fetch,
     * and until its page is written for a cached one.
     */
    public Insn get(Mmu mmu, long rip) {
        long p = mmu.fetchPhysical(rip);
        if (!phys.isRam(p) || (p >>> 12) >= pages.length) {
            decoder.decode(mmu, rip, uncached);
            return uncached;
        }
        int page = (int) (p >>> 12), off = (int) (p & (PAGE - 1));
        Insn[] arr = pages[page];
        if (arr == null) {
            arr = new Insn[PAGE];
            pages[page] = arr;
            phys.markCodePage(page);
        }
        Insn in = arr[off];
        if (in != null) {
            if (in.tailPage < 0) return in;
            if ((mmu.fetchPhysical(tailStart(rip, in)) >>> 12) == in.tailPage) return in;
            arr[off] = null;
        } else {
            in = new Insn();
        }
        decoder.decode(mmu, rip, in);
        in.jitHeat = 0;
        in.jitEntry = chained != null && chained.isEntry(p);
        if (off + in.length > PAGE) {
            long tail = mmu.fetchPhysical(tailStart(rip, in)) >>> 12;
            in.tailPage = tail;
            if (tail < pages.length) {
                phys.markCodePage(tail);
                addDependent((int) tail, page);
            }
        }
        if (pages[page] == arr) arr[off] = in;
        return in;
    }

    /** First byte of the next linear page: where a #PF on the tail is reported (CR2). */
    private static long tailStart(long rip, Insn in) {
        return (rip + in.length - 1) & ~(long) (PAGE - 1);
    }

    private void addDependent(int tail, int head) {
        int[] d = dependents[tail];
        if (d == null) { dependents[tail] = new int[] {head}; return; }
        for (int x : d) if (x == head) return;
        d = Arrays.copyOf(d, d.length + 1);
        d[d.length - 1] = head;
        dependents[tail] = d;
    }

    /** Receives code writes and invalidations after the cache (the JIT's region cache). */
    public interface Chained extends PhysicalMemory.CodeWriteListener {
        void invalidatedAll();

        /** True when compiled code may start at physical address {@code phys} (see {@link Insn#jitEntry}). */
        boolean isEntry(long phys);
    }

    /** The cached instruction at physical address {@code p}, or null when none is cached. */
    public Insn cached(long p) {
        if (p < 0 || (p >>> 12) >= pages.length) return null;
        Insn[] arr = pages[(int) (p >>> 12)];
        return arr == null ? null : arr[(int) (p & (PAGE - 1))];
    }

    private Chained chained;

    /** Installs the one listener that sees every code write and {@link #invalidateAll} after this cache. */
    public void setChained(Chained c) { chained = c; }

    /** A write hit a code page: forget its instructions and those of pages that reach into it. */
    @Override
    public void codeWritten(long physPage) {
        if (chained != null) chained.codeWritten(physPage);
        if (physPage < 0 || physPage >= pages.length) return;
        int page = (int) physPage;
        pages[page] = null;
        int[] d = dependents[page];
        if (d != null) {
            for (int head : d) pages[head] = null;
            dependents[page] = null;
        }
    }

    /** Drops everything (mode change, extension change). */
    public void invalidateAll() {
        if (chained != null) chained.invalidatedAll();
        Arrays.fill(pages, null);
        Arrays.fill(dependents, null);
    }
}
