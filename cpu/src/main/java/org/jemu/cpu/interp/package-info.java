/**
 * The interpreter: the run loop that executes decoded instructions.
 *
 * <h2>Design</h2>
 * {@link org.jemu.cpu.interp.Interpreter#step} asks the {@link org.jemu.cpu.decode.DecodeCache} for the
 * {@link org.jemu.cpu.decode.Insn} at RIP (decoded once per physical page), computes the memory
 * operand's linear address once, and switches on {@link org.jemu.cpu.decode.Insn#op}. Each case is
 * operand plumbing only: {@link org.jemu.cpu.interp.Operands} (register rules, effective addresses),
 * {@link org.jemu.cpu.interp.IntegerOps}, {@link org.jemu.cpu.interp.StackOps},
 * {@link org.jemu.cpu.interp.StringOps} and {@link org.jemu.cpu.interp.SseOps} fetch operands by
 * {@link org.jemu.cpu.decode.Shape} and call the shared semantics in {@code org.jemu.cpu.exec}, which
 * the JIT will call too. Nothing is allocated per instruction.
 *
 * <p>Faults are precise: RIP stays at the faulting instruction and no state changes before the last
 * check that can fault (read-modify-write destinations are probed with
 * {@link org.jemu.cpu.mem.Mmu#probeWrite} first; PUSH writes memory before RSP). REP string
 * instructions run in slices and are re-executed until done, so the loop never loses control for long.
 *
 * <p>{@link org.jemu.cpu.sys.Cpuid} is the single statement of what the CPU advertises; the decoder
 * enables exactly the extensions it names. Two modes: user mode (no {@link SystemPlatform}: SYSCALL
 * goes to a {@link org.jemu.cpu.interp.SyscallHandler}, where user-mode emulation implements Linux,
 * and system instructions fault as at CPL 3) and system mode ({@link SystemOps}: the instructions a
 * kernel uses, with their rules in {@code org.jemu.cpu.sys}).
 * {@link org.jemu.cpu.interp.X87Control} is a temporary stand-in for the x87 unit (control and status
 * words only).
 */
package org.jemu.cpu.interp;
