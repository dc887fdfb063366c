package org.jemu.jit;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.DecodeCache;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.mem.Mmu;

/**
 * Finds the blocks of a region: the code of one linear page reachable from the entry through
 * fall-through and direct branches (Jcc, JMP, CALL targets) that stay in the page. Instructions
 * come from the {@link DecodeCache}, so the region shares its decoded {@link Insn}s and the cache's
 * code-page marking. An instruction that crosses the page end, or that does not decode, is left
 * to the interpreter (the block exits before it).
 */
final class RegionScanner {
    private final DecodeCache cache;
    private final Mmu mmu;

    RegionScanner(DecodeCache cache, Mmu mmu) {
        this.cache = cache;
        this.mmu = mmu;
    }

    /** Blocks in discovery order; the first is the entry. */
    Map<Long, Block> scan(long entry, int maxInsns) {
        long page = entry & ~0xfffL;
        Map<Long, Block> blocks = new LinkedHashMap<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        work.add(entry);
        int total = 0;
        while (!work.isEmpty()) {
            long start = work.poll();
            if (blocks.containsKey(start)) continue;
            if (total >= maxInsns) break;
            Block b = new Block(start);
            blocks.put(start, b);
            long rip = start;
            while (true) {
                if (rip != start && blocks.containsKey(rip)) { b.fallthrough = rip; break; }
                if (total >= maxInsns) { b.fallthrough = rip; break; }
                Insn in = decode(rip, page);
                if (in == null) { b.fallthrough = rip; break; }
                b.insns.add(in);
                b.rips.add(rip);
                total++;
                long next = rip + in.length;
                int kind = Emitter.kind(in);
                if (kind == Emitter.K_BRANCH) {
                    // Jcc, JMP, CALL rel: scan the targets inside the page.
                    long target = next + in.imm;
                    if ((target & ~0xfffL) == page) work.add(target);
                    if (in.op == Op.JCC && (next & ~0xfffL) == page) work.add(next);
                    if (in.op == Op.JCC) b.fallthrough = next;
                    break;
                }
                if (kind == Emitter.K_END) break;
                rip = next;
            }
        }
        for (Block b : blocks.values()) {
            if (b.size() == 0) continue;
            Insn last = b.insns.get(b.size() - 1);
            long lastRip = b.rips.get(b.size() - 1);
            if (Emitter.kind(last) == Emitter.K_BRANCH) {
                Block t = blocks.get(lastRip + last.length + last.imm);
                if (t != null && t.start <= lastRip) t.loopHead = true;
            }
            if (b.fallsThrough()) {
                Block t = blocks.get(b.fallthrough);
                if (t != null && t.start <= lastRip) t.loopHead = true;
            }
        }
        return blocks;
    }

    /** The instruction at {@code rip} if it lies wholly in {@code page} and decodes; else null. */
    private Insn decode(long rip, long page) {
        if ((rip & ~0xfffL) != page) return null;
        try {
            Insn in = cache.get(mmu, rip);
            if (((rip + in.length - 1) & ~0xfffL) != page || in.tailPage >= 0) return null;
            return in;
        } catch (GuestFault f) {
            return null;
        }
    }
}
