package org.jemu.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.jemu.cpu.decode.DecodeCache;

/**
 * Compiled regions by the physical address of their entry, with a per-page index so a write to a
 * code page drops every region on it. A direct-mapped front table makes the common lookup one array
 * load and two compares; the map behind it holds everything. Execution counts of uncompiled entries
 * (the tiering decision) live in a hashed counter table: collisions only make code hot sooner.
 *
 * <p>Chained behind the {@link DecodeCache}, which owns the physical memory's code-write slot.
 */
final class RegionCache implements DecodeCache.Chained {
    private static final int FRONT = 1 << 14;
    private static final int COUNTERS = 1 << 16;

    private final Region[] front = new Region[FRONT];
    private final HashMap<Long, Region> byPhys = new HashMap<>();
    private final HashMap<Long, List<Region>> byPage = new HashMap<>();
    private final short[] counters = new short[COUNTERS];
    /** Set when any code page is written; the frame's dirty bit follows it. */
    private final JitFrame frame;
    int compiled, invalidated;

    RegionCache(JitFrame frame) {
        this.frame = frame;
    }

    private static int slot(long phys) {
        return (int) (phys ^ (phys >>> 14)) & (FRONT - 1);
    }

    /** The region entered at linear {@code rip}, fetched from {@code phys}; null when none. */
    Region get(long rip, long phys) {
        Region r = front[slot(phys)];
        if (r != null && r.phys == phys && r.rip == rip) return r;
        r = byPhys.get(phys);
        if (r == null || r.rip != rip) return null;
        front[slot(phys)] = r;
        return r;
    }

    /** Counts one execution of the uncompiled entry at {@code phys}; true when it became hot. */
    boolean hot(long phys, int threshold) {
        int i = (int) (phys ^ (phys >>> 16)) & (COUNTERS - 1);
        int v = counters[i] + 1;
        if (v >= threshold) {
            counters[i] = 0;
            return true;
        }
        counters[i] = (short) v;
        return false;
    }

    void put(Region r) {
        Region old = byPhys.put(r.phys, r);
        if (old != null) removeFromPage(old);
        byPage.computeIfAbsent(r.phys >>> 12, k -> new ArrayList<>(2)).add(r);
        front[slot(r.phys)] = r;
        compiled++;
    }

    private void removeFromPage(Region r) {
        List<Region> l = byPage.get(r.phys >>> 12);
        if (l != null) l.remove(r);
    }

    @Override
    public void codeWritten(long physPage) {
        frame.codeDirty = true;
        List<Region> l = byPage.remove(physPage);
        if (l == null) return;
        for (Region r : l) {
            byPhys.remove(r.phys);
            int s = slot(r.phys);
            if (front[s] == r) front[s] = null;
            invalidated++;
        }
    }

    @Override
    public void invalidatedAll() {
        frame.codeDirty = true;
        invalidated += byPhys.size();
        byPhys.clear();
        byPage.clear();
        Arrays.fill(front, null);
    }

    int size() { return byPhys.size(); }
}
