/**
 * The JIT: hot guest code compiled to JVM bytecode with ASM, loaded as hidden classes.
 *
 * <h2>Data flow</h2>
 * <ol>
 *   <li>{@link org.jemu.jit.Jit} is the dispatcher. It has the contract of the interpreter's
 *       {@code runSystem}/{@code run} (same instruction counts, clock retirement, interrupt points,
 *       fault delivery), so the machine can use either engine and {@code -accel lockstep} can run
 *       both side by side. Cold code runs in the interpreter (in system mode from block to block,
 *       stopping before an entry where a region starts); each block entry is counted in its decoded
 *       instruction, and at {@link org.jemu.jit.Jit#HOT} executions the
 *       region from that entry is scanned on the CPU thread and compiled on a worker thread (or
 *       inline with {@code -Djemu.jit.compiler=inline}); the result is installed if its page was not
 *       written meanwhile.
 *   <li>{@link org.jemu.jit.RegionScanner} collects the region: the blocks of the entry's 4 KiB page
 *       reachable through fall-through and direct branches, from the
 *       {@link org.jemu.cpu.decode.DecodeCache} (the decoded {@code Insn}s of the one instruction
 *       table).
 *   <li>{@link org.jemu.jit.RegionCompiler} emits one method per region: guest branches between its
 *       blocks are JVM jumps, so a guest loop is a JVM loop; every other exit stores RIP and returns.
 *       {@link org.jemu.jit.Emitter} emits each instruction: simple integer and SSE forms inline,
 *       calling the same {@code org.jemu.cpu.exec} semantics as the interpreter (C2 inlines them;
 *       the hottest, such as {@code Alu.sub}, are under C1's 35-byte limit, though
 *       {@code -XX:+PrintInlining} shows C1 still refusing {@code Alu.add/sub} for their stack use,
 *       so C1 code calls them); everything
 *       else as a call to the interpreter on the decoded instruction
 *       ({@link org.jemu.jit.JitFrame#fallback}). Flags no later instruction of the block can observe
 *       are not recorded; a CMP/SUB/TEST followed by Jcc branches on the operands directly.
 *   <li>{@link org.jemu.jit.RegionCache} keeps regions under the physical address of every block
 *       they contain (a switch at the method's start jumps to the block at RIP), so a hot entry that
 *       lies in an existing region runs it instead of compiling another copy; an entry is used only
 *       while the page is mapped at the linear address the code was compiled for (the code embeds
 *       linear addresses). A write to a page drops every region of that page.
 * </ol>
 *
 * <h2>Exactness</h2>
 * <ul>
 *   <li>Precise faults: each instruction that can fault first stores its fault-point number in a
 *       local; the method's one exception handler looks up that instruction's RIP and the
 *       completed-instruction count in the region's fault table, stores them and rethrows.
 *       Inline code orders side effects as the interpreter does (probe, then write; store, then RSP),
 *       so nothing of a faulting instruction is visible.
 *   <li>Devices and code writes: while a region runs, the MMU's slow path throws
 *       {@link org.jemu.cpu.mem.Mmu#BAIL} before an MMIO access or a write to a page with decoded
 *       code (neither has fast TLB entries, so the fast path costs nothing). The dispatcher then runs
 *       that one instruction in the interpreter, with the clock exact, and the write invalidates the
 *       page's regions. Fallback calls bring the clock up to date first (IN, RDTSC, MMIO inside them
 *       read exact time) and leave the region when the instruction wrote code or made an interrupt
 *       deliverable.
 *   <li>Budget and interrupts: each block checks that its instructions fit the budget; loop heads
 *       poll the pending-event word. Instructions that change the mode, the address space, IF or an
 *       interrupt shadow end the region.
 * </ul>
 *
 * <h2>Constants</h2>
 * Each region class has the machine's TLB array, guest RAM, register array, flags object, MMU, XMM
 * array and segment bases as static final fields, set from its class data; HotSpot folds them as
 * constants into the compiled region (no reloads after calls, known array lengths). The memory
 * accesses call {@link org.jemu.cpu.mem.Mmu}'s static fast paths with the two arrays.
 *
 * <h2>Limits (see bench/README.md for the measured consequences)</h2>
 * Guest registers live in {@code CpuState.gpr}, not in JVM locals (keeping them in locals was
 * measured slower, twice: bench/README.md); regions stay within one page
 * and under {@link org.jemu.jit.RegionCompiler#HUGE_METHOD} bytecode bytes so HotSpot inlines the
 * helpers; regions do not chain to each other (each exit returns to the dispatcher; a cached
 * region-to-region link in the dispatcher was measured and gained nothing).
 */
package org.jemu.jit;
