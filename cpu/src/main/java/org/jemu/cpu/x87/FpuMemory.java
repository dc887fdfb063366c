package org.jemu.cpu.x87;

/**
 * Guest memory as the x87 unit sees it: little-endian reads and writes of 1, 2, 4 or 8 bytes at
 * a linear address. The interpreter implements it over its MMU; a fault is thrown from here
 * (as {@link org.jemu.cpu.GuestFault}). Every x87 instruction reads all its memory operands
 * before changing FPU state, and writes memory before committing FPU state, so a fault leaves
 * the FPU as it was.
 */
public interface FpuMemory {
    /** Reads {@code size} bytes (1, 2, 4 or 8), zero-extended. */
    long read(long address, int size);

    /** Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code value}. */
    void write(long address, int size, long value);
}
