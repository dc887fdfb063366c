package org.jemu.devices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jemu.cpu.mem.MmioHandler;
import org.jemu.cpu.mem.PhysicalMemory;

/**
 * The guest-physical address map as the machine is built: the RAM, the regions inside it that
 * firmware data occupies, and every MMIO device, each with a name (QEMU's where it has one). The
 * platform maps its MMIO devices through {@link #mapMmio}, so the monitor's {@code info mtree}
 * shows what is really mapped, not a list kept by hand.
 */
public final class MemoryMap {
    /** What backs a region: guest RAM or a device. */
    public enum Kind { RAM, IO }

    /** One region; {@code priority} 0 for the RAM itself, 1 for what lies on or in it. */
    public record Region(long base, long size, Kind kind, int priority, String name) {
        public long last() { return base + size - 1; }
    }

    private final PhysicalMemory memory;
    private final List<Region> regions = new ArrayList<>();

    public MemoryMap(PhysicalMemory memory) {
        this.memory = memory;
        regions.add(new Region(0, memory.ramSize(), Kind.RAM, 0, "pc.ram"));
    }

    /** Maps a device at [base, base+size) in {@link PhysicalMemory} and records it. */
    public void mapMmio(String name, long base, long size, MmioHandler handler) {
        memory.mapMmio(base, size, handler);
        regions.add(new Region(base, size, Kind.IO, 1, name));
    }

    /** Records RAM that firmware data occupies (e.g. the ACPI tables in the e820-reserved BIOS area). */
    public void markRam(String name, long base, long size) {
        regions.add(new Region(base, size, Kind.RAM, 1, name));
    }

    /** The regions by address (the RAM before what lies in it). */
    public List<Region> regions() {
        List<Region> r = new ArrayList<>(regions);
        r.sort(Comparator.comparingLong(Region::base).thenComparingInt(Region::priority));
        return r;
    }
}
