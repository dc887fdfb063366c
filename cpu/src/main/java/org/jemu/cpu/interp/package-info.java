/**
 * The interpreter: the run loop that executes decoded instructions.
 *
 * <h2>Design</h2>
 * {@link org.jemu.cpu.interp.Interpreter#step} asks the {@link org.jemu.cpu.decode.DecodeCache} for the
 * {@link org.jemu.cpu.decode.Insn} at RIP (decoded once per physical page), computes the memory
 * operand's linear address once, and dispatches on {@link org.jemu.cpu.decode.Insn#op}: the integer,
 * stack and string instructions through {@code OpGroups}, a table of small classes (so
 * HotSpot compiles each group apart and a newly reached rare branch recompiles one small method, not
 * the whole dispatch), the rest through a switch. Each case is
 * operand plumbing only: {@link org.jemu.cpu.interp.Operands} (register rules, effective addresses),
 * {@link org.jemu.cpu.interp.IntegerOps}, {@link org.jemu.cpu.interp.StackOps},
 * {@link org.jemu.cpu.interp.StringOps}, {@link org.jemu.cpu.interp.SseOps} (SSE/SSE2; with
 * {@link org.jemu.cpu.interp.Sse4Ops} for SSE3, SSE4.1, SSE4.2 and CRC32, and
 * {@link org.jemu.cpu.interp.PackedInt} for the packed-integer and SSSE3 operations that XMM and MMX
 * forms share), {@link org.jemu.cpu.interp.MmxOps} (mm operands) and
 * {@link org.jemu.cpu.interp.X87Ops} (the x87 unit of {@code org.jemu.cpu.x87}) fetch operands by
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
 *
 * <p>Floating-point state: the x87 register file ({@link org.jemu.cpu.x87.X87}, held by
 * {@link org.jemu.cpu.interp.X87Ops} and exposed by {@link org.jemu.cpu.interp.Interpreter#fpu}) is also
 * mm0-7; FXSAVE/FXRSTOR carry it with MXCSR and the XMM registers. CR0.EM/TS/MP give #UD/#NM as in
 * SDM Vol. 3A Table 2-2; a pending unmasked x87 exception is #MF at the next waiting x87 or MMX
 * instruction.
 *
 * <p>Tests: {@code HostDifferentialTest} runs every snippet of the case files in
 * {@code src/test/resources/interp/} natively ({@code snippet_host.c}) and here from the same random
 * states and compares the whole architectural state.
 */
package org.jemu.cpu.interp;
