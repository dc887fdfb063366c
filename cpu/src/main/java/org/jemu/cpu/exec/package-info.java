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
 * <p>Classes: {@link org.jemu.cpu.exec.Alu} (ADD..NOT), {@link org.jemu.cpu.exec.Shift} (shifts,
 * rotates, SHLD/SHRD), {@link org.jemu.cpu.exec.MulDiv}, {@link org.jemu.cpu.exec.Bits} (bit scan,
 * counts, BT*, BSWAP), {@code SseFloat}, {@code SseInt}, {@code SseConvert}.
 */
package org.jemu.cpu.exec;
