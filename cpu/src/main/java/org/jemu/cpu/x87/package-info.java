/**
 * The x87 FPU: 80-bit extended precision in software, shared by the interpreter and the JIT.
 *
 * <h2>State</h2>
 * {@link org.jemu.cpu.x87.X87} holds FCW, FSW (TOP apart), which physical registers are empty,
 * R0-R7 as {@code (int se, long sig)} pairs (sign/exponent word, 64-bit significand with the
 * explicit integer bit), and FIP/FDP/FCS/FDS/FOP. It is meant to hang off {@code CpuState} as one
 * field; nothing here depends on CpuState. The tag word is derived from the contents.
 *
 * <h2>Calling convention</h2>
 * Per decoded D8-DF instruction the interpreter calls
 * {@link org.jemu.cpu.x87.X87Exec#execute(X87, int, int, FpuMemory, long, org.jemu.cpu.Flags, long)}
 * with the escape byte, the ModRM byte, the effective address (memory forms), RFLAGS (FCMOVcc reads,
 * FCOMI/FUCOMI write) and the instruction's RIP. It returns {@code OK}, {@code MF} (an unmasked
 * exception is pending and the instruction waits: raise #MF, vector 16; jemu models CR0.NE = 1
 * only, no FERR#), {@code UD}, or {@code STORE_AX} (FNSTSW AX: write
 * {@link org.jemu.cpu.x87.X87#statusWord()} to AX). WAIT/FWAIT (9B) is
 * {@link org.jemu.cpu.x87.X87Exec#fwait}. CR0.TS/EM (#NM) and CR0.EM are the caller's checks.
 * Memory goes through {@link org.jemu.cpu.x87.FpuMemory} (1/2/4/8-byte little-endian reads and
 * writes that may throw a {@code GuestFault}); operands are read before any FPU state changes.
 * FXSAVE/FXRSTOR: the 512-byte layout is {@link org.jemu.cpu.x87.FxsaveLayout}; the x87 part is
 * {@link org.jemu.cpu.x87.Env#fxsave}/{@link org.jemu.cpu.x87.Env#fxrstor}, MXCSR and XMM the
 * caller's. MMX aliasing: {@code X87.physSe/physSig/setPhys}.
 *
 * <h2>Classes</h2>
 * {@code F80} (format, classes, tags), {@code Rounding} (round to PC/RC with tininess after
 * rounding, masked/unmasked OE/UE), {@code Arith} (add/sub/mul/div/sqrt, NaN rules), {@code Convert}
 * (m16/m32/m64 integer, m32/m64 real, BCD), {@code Compare} (FCOM family, FXAM), {@code Misc}
 * (constants, FRNDINT, FSCALE, FXTRACT, FPREM/FPREM1), {@code Env} (FNSTENV/FLDENV, FNSAVE/FRSTOR,
 * FXSAVE/FXRSTOR x87 part), {@code Transcendental} + {@code BigF80} (FSIN ... FYL2XP1),
 * {@code X87Exec} (decode of the escape opcodes, stack faults, masked/unmasked responses).
 * Operations write into a per-FPU scratch {@code FRes}; only transcendentals and FRSTOR allocate.
 *
 * <h2>Where the host decides</h2>
 * The oracle is the host's x87 ({@code src/test/c/x87/x87_oracle.c}); where the SDM leaves
 * behaviour undefined or the host differs from the SDM's text, jemu follows the host and says so
 * at the spot (e.g. FST m32/m64 of a denormal raises no DE; x/0 with a denormal dividend raises ZE
 * only; compares set C3/C2/C0 even when IE/DE is unmasked; FSCALE ignores PC).
 */
package org.jemu.cpu.x87;
