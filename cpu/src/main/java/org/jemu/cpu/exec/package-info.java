/**
 * Instruction semantics: static, allocation-free methods shared by the interpreter and the JIT.
 *
 * <p>Conventions. Operand size is an {@code int} in bytes (1, 2, 4, 8). Integer values are
 * {@code long}s zero-extended to the size; results come back the same way and the caller writes the
 * destination with the x86 rules (8/16-bit writes merge, 32-bit writes zero-extend). Flags go to
 * {@link org.jemu.cpu.Flags} lazily. Guest exceptions are thrown as
 * {@link org.jemu.cpu.GuestFault} before any state is changed.
 *
 * <p>128-bit values. XMM register {@code n} is {@code xmm[2n]} (bits 63:0) and {@code xmm[2n+1]}
 * (bits 127:64) of {@link org.jemu.cpu.CpuState#xmm}. A packed operation takes the register file,
 * the destination register number, and the source as two {@code long}s by value
 * ({@code sLo, sHi}): {@code SseInt.paddb(xmm, d, xmm[2*s], xmm[2*s+1])} for a register source, or
 * the two halves just loaded from memory for a memory source. So no scratch buffer is needed and
 * nothing is allocated. The destination is updated in place. Floating-point operations take the
 * {@link org.jemu.cpu.CpuState} instead of the bare array because they read MXCSR (rounding) and
 * accumulate its exception flags.
 *
 * <p>Classes: {@link org.jemu.cpu.exec.Alu} (ADD..NOT, and how XADD/CMPXCHG use it),
 * {@link org.jemu.cpu.exec.Shift} (shifts, rotates, SHLD/SHRD), {@link org.jemu.cpu.exec.MulDiv}
 * (the one-operand MUL/IMUL/DIV/IDIV read and write RAX/RDX in {@code cpu.gpr} themselves, with the
 * x86 write rules, because their registers are implicit; #DE before any change),
 * {@link org.jemu.cpu.exec.Bits} (bit scans and counts, BT*, BSWAP; BSF/BSR with a zero source set
 * ZF and the caller skips the destination write), {@link org.jemu.cpu.exec.SseFloat},
 * {@link org.jemu.cpu.exec.SseConvert}, {@link org.jemu.cpu.exec.SseInt},
 * {@link org.jemu.cpu.exec.SseRounding} (MXCSR: directed rounding, FTZ/DAZ, flags, the software path
 * for what Java's arithmetic cannot do, and the #XM/#UD decision), {@link org.jemu.cpu.exec.SseApprox}
 * (RCP/RSQRT), {@link org.jemu.cpu.exec.Sse3}, {@link org.jemu.cpu.exec.Ssse3},
 * {@link org.jemu.cpu.exec.Sse41}, {@link org.jemu.cpu.exec.Sse41Fp} (ROUND*, DPPS/DPPD),
 * {@link org.jemu.cpu.exec.Sse42Strings} (PCMPxSTRx), {@link org.jemu.cpu.exec.Crc32c}. Flags the SDM
 * leaves undefined are documented per method with the value we give.
 *
 * <p>SIMD floating-point exceptions. Instruction-level floating-point methods raise an unmasked
 * MXCSR exception themselves: they throw {@link org.jemu.cpu.GuestFault} #XM (vector 19), or #UD
 * when CR4.OSXMMEXCPT is clear, after setting the MXCSR flags and before writing the destination, as
 * the hardware does. The interpreter needs no check of its own; the primitives ({@code op32},
 * {@code op64}) only accumulate flags, for use between {@code SseRounding.begin} and {@code commit}.
 * Pure loads with SSE names (LDDQU, MOVNTDQA, MOVDQU) have no method here.
 *
 * <p>Verification: the tests in {@code src/test/java/org/jemu/cpu/exec} build the C oracles in
 * {@code src/test/c} with gcc, run every instruction natively on the host over edge and seeded random
 * inputs, and compare results, defined flags and MXCSR exactly; hand-checked cases live in
 * {@code src/test/resources/exec/*.txt}.
 */
package org.jemu.cpu.exec;
