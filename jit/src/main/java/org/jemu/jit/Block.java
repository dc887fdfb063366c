package org.jemu.jit;

import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.decode.Insn;

/**
 * One basic block of a region: straight-line instructions from {@link #start}, ending in a branch,
 * an instruction the region must not carry past, the page end, or the next block's start.
 */
final class Block {
    final long start;
    final List<Insn> insns = new ArrayList<>();
    /** RIP of each instruction (parallel to {@link #insns}). */
    final List<Long> rips = new ArrayList<>();
    /** Set by the compiler: the JVM label of the block's first instruction. */
    org.objectweb.asm.Label label;
    /** A branch from a later (or the same) address targets this block: it polls for interrupts. */
    boolean loopHead;
    /** No fall-through. Not -1 or any negative number: higher-half (kernel) RIPs are negative as longs. */
    static final long NONE = Long.MIN_VALUE;   // non-canonical, so never a RIP
    /** When the block ends without a terminating instruction: where execution continues, else {@link #NONE}. */
    long fallthrough = NONE;

    Block(long start) {
        this.start = start;
    }

    int size() { return insns.size(); }

    boolean fallsThrough() { return fallthrough != NONE; }

    long end() {
        int n = insns.size();
        return n == 0 ? start : rips.get(n - 1) + insns.get(n - 1).length;
    }
}
