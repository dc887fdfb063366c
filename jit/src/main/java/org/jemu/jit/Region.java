package org.jemu.jit;

/**
 * A compiled region: its entry (linear RIP and the physical address it was fetched from, since
 * the code embeds linear addresses), the physical page it covers, the other block starts it can be
 * entered at, and the generated code.
 */
final class Region {
    final long rip;
    final long phys;
    final CompiledRegion code;
    /** Guest instructions compiled (for statistics). */
    final int instructions;
    /** The code runs SSE instructions inline: it may be entered only while SSE is usable. */
    final boolean sse;
    /**
     * The physical addresses the region can be entered at: the start of each of its blocks (all in
     * the entry's page, at the same linear-to-physical offset as the entry).
     */
    final long[] entryPoints;
    /** How many entry points the cache maps to this region (it is dropped at 0). */
    int mapped;
    /** Statistics for -Djemu.jit.stats: entries and instructions completed. */
    long entries, executed;

    Region(long rip, long phys, CompiledRegion code, int instructions, boolean sse) {
        this(rip, phys, code, instructions, sse, new long[] {phys});
    }

    Region(long rip, long phys, CompiledRegion code, int instructions, boolean sse, long[] entryPoints) {
        this.rip = rip;
        this.phys = phys;
        this.code = code;
        this.instructions = instructions;
        this.sse = sse;
        this.entryPoints = entryPoints;
    }

    /** True when entering at linear {@code rip} from physical {@code p} finds the page mapped as when compiled. */
    boolean mappedAs(long rip, long p) {
        return rip - p == this.rip - phys;
    }
}
