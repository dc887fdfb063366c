package org.jemu.jit;

/**
 * A compiled region: its entry (linear RIP and the physical address it was fetched from, since
 * the code embeds linear addresses), the physical page it covers, and the generated code.
 */
final class Region {
    final long rip;
    final long phys;
    final CompiledRegion code;
    /** Guest instructions compiled (for statistics). */
    final int instructions;
    /** The code runs SSE instructions inline: it may be entered only while SSE is usable. */
    final boolean sse;
    /** Statistics for -Djemu.jit.stats: entries and instructions completed. */
    long entries, executed;

    Region(long rip, long phys, CompiledRegion code, int instructions, boolean sse) {
        this.rip = rip;
        this.phys = phys;
        this.code = code;
        this.instructions = instructions;
        this.sse = sse;
    }
}
