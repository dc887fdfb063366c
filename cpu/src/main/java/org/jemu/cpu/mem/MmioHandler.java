package org.jemu.cpu.mem;

/** A device's memory-mapped registers. Sizes are 1, 2, 4 or 8 bytes; offsets are relative to the region base. */
public interface MmioHandler {
    long read(long offset, int size);

    void write(long offset, int size, long value);
}
