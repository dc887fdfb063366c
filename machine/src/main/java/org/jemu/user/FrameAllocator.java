package org.jemu.user;

import java.util.Arrays;
import org.jemu.cpu.mem.PhysicalMemory;

/**
 * Hands out 4 KiB physical page frames of the guest RAM to the user address space. Frames come back
 * zeroed: fresh ones are, and a freed frame is cleared when it is returned. A freed frame that held
 * decoded code is written through {@link PhysicalMemory#write} first, so the decode cache drops it.
 */
final class FrameAllocator {
    private final PhysicalMemory phys;
    private final byte[] ram;
    private final long frames;
    private long next;
    private long[] free = new long[256];
    private int freeCount;

    FrameAllocator(PhysicalMemory phys) {
        this.phys = phys;
        this.ram = phys.ram();
        this.frames = phys.ramSize() >>> PhysicalMemory.PAGE_SHIFT;
    }

    /** Physical address of a zeroed frame, or -1 when guest RAM is exhausted. */
    long allocate() {
        if (freeCount > 0) return free[--freeCount];
        if (next < frames) return (next++) << PhysicalMemory.PAGE_SHIFT;
        return -1;
    }

    void release(long physAddr) {
        long page = physAddr >>> PhysicalMemory.PAGE_SHIFT;
        if (phys.isCodePage(page)) phys.write(physAddr, 1, 0);
        Arrays.fill(ram, (int) physAddr, (int) physAddr + PhysicalMemory.PAGE_SIZE, (byte) 0);
        if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
        free[freeCount++] = physAddr;
    }

    /** Frames not yet handed out. */
    long available() { return frames - next + freeCount; }
}
