package org.jemu.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.jemu.cpu.decode.DecodeCache;

/**
 * Compiled regions by the physical address of their entry, with a per-page index so a write to a
 * code page drops every region on it. The map is open-addressed on the physical address (no boxing
 * on the lookup every region exit makes); execution counts of uncompiled entries (the tiering
 * decision) live in a hashed counter table where collisions only make code hot sooner.
 *
 * <p>Chained behind the {@link DecodeCache}, which owns the physical memory's code-write slot.
 */
final class RegionCache implements DecodeCache.Chained {
    private static final int COUNTERS = 1 << 16;
    /**
     * The code cache's bound: at this many live regions everything is dropped (as QEMU flushes its
     * full translation buffer), so hidden classes no longer referenced can be unloaded and what is
     * still hot is compiled again.
     */
    static final int MAX_LIVE = Integer.getInteger("jemu.jit.maxRegions", 16384);
    private final int maxLive;
    private static final Region TOMBSTONE = new Region(-1, -1, null, 0, false);

    private Region[] table = new Region[1 << 12];
    private int used, live;
    private final HashMap<Long, List<Region>> byPage = new HashMap<>();
    private final short[] counters = new short[COUNTERS];
    private final JitFrame frame;
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

    RegionCache(JitFrame frame, int maxLive) {
        this.frame = frame;
        this.maxLive = Math.max(1, maxLive);
    }

    private static int hash(long phys) {
        long h = phys * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40);
    }

    /** The region entered at linear {@code rip}, fetched from {@code phys}; null when none. */
    Region get(long rip, long phys) {
        Region[] t = table;
        int m = t.length - 1;
        for (int i = hash(phys) & m; ; i = (i + 1) & m) {
            Region r = t[i];
            if (r == null) return null;
            if (r.phys == phys && r != TOMBSTONE) return r.rip == rip ? r : null;
        }
    }

    /** Counts one execution of the uncompiled entry at {@code phys}; true when it became hot. */
    boolean hot(long phys, int threshold) {
        int i = hash(phys) & (COUNTERS - 1);
        int v = counters[i] + 1;
        if (v >= threshold) {
            counters[i] = 0;
            return true;
        }
        counters[i] = (short) Math.min(v, Short.MAX_VALUE);
        return false;
    }

    void put(Region r) {
        remove(r.phys);
        if (live >= maxLive) {
            flushes++;
            invalidatedAll();
        }
        if ((used + 1) * 2 > table.length) rehash(live * 4 > table.length ? table.length * 2 : table.length);
        Region[] t = table;
        int m = t.length - 1;
        int i = hash(r.phys) & m;
        while (t[i] != null && t[i] != TOMBSTONE) i = (i + 1) & m;
        if (t[i] == null) used++;
        t[i] = r;
        live++;
        byPage.computeIfAbsent(r.phys >>> 12, k -> new ArrayList<>(2)).add(r);
        compiled++;
    }

    private void remove(long phys) {
        Region[] t = table;
        int m = t.length - 1;
        for (int i = hash(phys) & m; t[i] != null; i = (i + 1) & m) {
            Region r = t[i];
            if (r != TOMBSTONE && r.phys == phys) {
                t[i] = TOMBSTONE;
                live--;
                List<Region> l = byPage.get(phys >>> 12);
                if (l != null) l.remove(r);
                return;
            }
        }
    }

    private void rehash(int size) {
        Region[] old = table;
        table = new Region[size];
        used = 0;
        live = 0;
        int m = size - 1;
        for (Region r : old) {
            if (r == null || r == TOMBSTONE) continue;
            int i = hash(r.phys) & m;
            while (table[i] != null) i = (i + 1) & m;
            table[i] = r;
            used++;
            live++;
        }
    }

    @Override
    public void codeWritten(long physPage) {
        frame.codeDirty = true;
        pageGen[(int) (physPage & 0xffff)]++;
        List<Region> l = byPage.remove(physPage);
        if (l == null) return;
        for (Region r : new ArrayList<>(l)) {
            remove(r.phys);
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
        for (Region r : table) if (r != null && r != TOMBSTONE && r.code != null) l.add(r);
        return l;
    }
}
