package org.jemu.jit;

import org.jemu.cpu.CpuState;

/**
 * The entry point of one compiled region, implemented by each generated hidden class.
 *
 * <p>{@link #run} executes guest instructions from the region's entry until it leaves the region,
 * exhausts {@link JitFrame#max}, or sees an interrupt it must let the dispatcher take. It returns how
 * many instructions completed, with {@code c.rip} at the next instruction to execute. A guest fault
 * propagates as {@link org.jemu.cpu.GuestFault} with RIP at the faulting instruction, every earlier
 * instruction's effects in place, and the completed count in {@link JitFrame#count}.
 */
public interface CompiledRegion {
    int run(CpuState c, JitFrame x);
}
