package org.jemu.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.jemu.cpu.decode.DecodeCache;

/**
 * Compiled regions by the physical address of each of their entry points (every block start of a
 * region), with a per-page index so a write to a code page drops every region on it. The map is
 * open-addressed on the physical address (no boxing on the lookup every region exit makes).
 * Execution counts of uncompiled entries (the tiering decision) live in the decoded instructions
 * ({@link org.jemu.cpu.decode.Insn#jitHeat}), and each entry point's instruction is marked
 * ({@link org.jemu.cpu.decode.Insn#jitEntry}), so the interpreter stops there for the dispatcher.
 *
 * <p>Chained behind the {@link DecodeCache}, which owns the physical memory's code-write slot.
 */
final class RegionCache implements DecodeCache.Chained {
    /**
     * The code cache's bound: at this many live regions everything is dropped (as QEMU flushes its
     * full translation buffer), so hidden classes no longer referenced can be unloaded and what is
     * still hot is compiled again.
     */
    static final int MAX_LIVE = Integer.getInteger("jemu.jit.maxRegions", 16384);
    private final int maxLive;
    private static final Region TOMBSTONE = new Region(-1, -1, null, 0, false);

    /** Open addressing: entry point (physical address) in {@link #keys}, its region in {@link #table}. */
    private long[] keys = new long[1 << 12];
    private Region[] table = new Region[1 << 12];
    private int used, live;
    private final HashMap<Long, List<Region>> byPage = new HashMap<>();
    private final JitFrame frame;
    /** The instruction cache in front of this one: entry points are marked in its instructions. */
    private final DecodeCache decoded;
    int compiled, invalidated, flushes;
    /** Write generations per physical page (hashed; a collision only discards a background result). */
    private final int[] pageGen = new int[1 << 16];
    private int epoch;

    /** The generation of {@code physPage}: changes whenever the page is written or everything is dropped. */
    long generation(long physPage) {
        return ((long) epoch << 32) | (pageGen[(int) (physPage & 0xffff)] & 0xffffffffL);
    }

    /** Puts a region whose code is still being compiled (not counted as compiled). */
    void putPending(Region r) {
        put(r);
        compiled--;
    }

    RegionCache(JitFrame frame, int maxLive, DecodeCache decoded) {
        this.frame = frame;
        this.decoded = decoded;
        this.maxLive = Math.max(1, maxLive);
    }

    private static int hash(long phys) {
        long h = phys * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40);
    }

    /**
     * The region that can be entered at linear {@code rip}, fetched from {@code phys} (its entry or
     * one of its blocks, with the page mapped at the same linear address); null when none.
     */
    Region get(long rip, long phys) {
        Region r = at(phys);
        return r != null && r.mappedAs(rip, phys) ? r : null;
    }

    /** The region with an entry point at {@code phys}, whatever its linear mapping; null when none. */
    private Region at(long phys) {
        long[] k = keys;
        Region[] t = table;
        int m = t.length - 1;
        for (int i = hash(phys) & m; ; i = (i + 1) & m) {
            Region r = t[i];
            if (r == null) return null;
            if (k[i] == phys && r != TOMBSTONE) return r;
        }
    }

    /**
     * Adds {@code r} under each of its entry points; an entry point another region had goes to
     * {@code r} (the older region keeps running from the entries left to it, and is dropped when
     * none are left).
     */
    void put(Region r) {
        if (live >= maxLive) {
            flushes++;
            invalidatedAll();
        }
        for (long e : r.entryPoints) {
            Region old = unmap(e, null);
            if (old != null && --old.mapped == 0) drop(old);
            if ((used + 1) * 2 > keys.length) rehash(mappings() * 4 > keys.length ? keys.length * 2 : keys.length);
            long[] k = keys;
            Region[] t = table;
            int m = t.length - 1;
            int i = hash(e) & m;
            while (t[i] != null && t[i] != TOMBSTONE) i = (i + 1) & m;
            if (t[i] == null) used++;
            k[i] = e;
            t[i] = r;
            r.mapped++;
            org.jemu.cpu.decode.Insn in = decoded.cached(e);
            if (in != null) in.jitEntry = true;
        }
        live++;
        byPage.computeIfAbsent(r.phys >>> 12, k -> new ArrayList<>(2)).add(r);
        compiled++;
    }

    /** A region no entry point leads to any more leaves the page index. */
    private void drop(Region r) {
        List<Region> l = byPage.get(r.phys >>> 12);
        if (l != null && l.remove(r)) live--;
    }

    /** Drops the mapping of entry point {@code e} if it is to {@code owner} (any region when null); returns the region it had. */
    private Region unmap(long e, Region owner) {
        long[] k = keys;
        Region[] t = table;
        int m = t.length - 1;
        for (int i = hash(e) & m; t[i] != null; i = (i + 1) & m) {
            Region r = t[i];
            if (r != TOMBSTONE && k[i] == e) {
                if (owner != null && r != owner) return null;
                t[i] = TOMBSTONE;
                return r;
            }
        }
        return null;
    }

    private int mappings() {
        int n = 0;
        for (Region r : table) if (r != null && r != TOMBSTONE) n++;
        return n;
    }

    private void rehash(int size) {
        long[] oldKeys = keys;
        Region[] old = table;
        keys = new long[size];
        table = new Region[size];
        used = 0;
        int m = size - 1;
        for (int j = 0; j < old.length; j++) {
            Region r = old[j];
            if (r == null || r == TOMBSTONE) continue;
            int i = hash(oldKeys[j]) & m;
            while (table[i] != null) i = (i + 1) & m;
            keys[i] = oldKeys[j];
            table[i] = r;
            used++;
        }
    }

    @Override
    public boolean isEntry(long phys) {
        return at(phys) != null;
    }

    @Override
    public void codeWritten(long physPage) {
        frame.codeDirty = true;
        pageGen[(int) (physPage & 0xffff)]++;
        List<Region> l = byPage.remove(physPage);
        if (l == null) return;
        for (Region r : l) {
            for (long e : r.entryPoints) unmap(e, r);
            r.mapped = 0;
            live--;
            invalidated++;
        }
    }

    @Override
    public void invalidatedAll() {
        frame.codeDirty = true;
        epoch++;
        invalidated += live;
        Arrays.fill(table, null);
        used = 0;
        live = 0;
        byPage.clear();
    }

    int size() { return live; }

    /** Every live region (statistics). */
    List<Region> all() {
        List<Region> l = new ArrayList<>();
        for (List<Region> page : byPage.values()) for (Region r : page) if (r.code != null) l.add(r);
        return l;
    }
}
