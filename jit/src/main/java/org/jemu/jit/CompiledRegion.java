package org.jemu.jit;

import org.jemu.cpu.CpuState;

/**
 * The entry point of one compiled region, extended by each generated hidden class. An abstract
 * class rather than an interface: the dispatcher's call site sees thousands of region classes, and
 * a megamorphic virtual call is one vtable load where an interface call searches the itable.
 *
 * <p>{@link #run} executes guest instructions from the region's entry until it leaves the region,
 * exhausts {@link JitFrame#max}, or sees an interrupt it must let the dispatcher take. It returns how
 * many instructions completed, with {@code c.rip} at the next instruction to execute. A guest fault
 * propagates as {@link org.jemu.cpu.GuestFault} with RIP at the faulting instruction, every earlier
 * instruction's effects in place, and the completed count in {@link JitFrame#count}.
 */
public abstract class CompiledRegion {
    public abstract int run(CpuState c, JitFrame x);
}
