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

    Region(long rip, long phys, CompiledRegion code, int instructions) {
        this.rip = rip;
        this.phys = phys;
        this.code = code;
        this.instructions = instructions;
    }
}
