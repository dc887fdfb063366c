/**
 * The x86-64 CPU: architectural state ({@link org.jemu.cpu.CpuState}), lazy flags
 * ({@link org.jemu.cpu.Flags}), guest exceptions ({@link org.jemu.cpu.GuestFault}).
 *
 * <p>Sub-packages: {@code mem} (physical address space and the TLB), {@code decode} (the instruction
 * table and the decoder), {@code exec} (instruction semantics, shared by the interpreter and the JIT,
 * and the interpreter itself). This module depends on nothing else of jemu's.
 */
package org.jemu.cpu;
