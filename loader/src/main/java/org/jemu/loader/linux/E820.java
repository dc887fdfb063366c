package org.jemu.loader.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * The BIOS memory map (INT 15h AX=E820h) that the zero page carries to the kernel
 * ({@code zero-page.rst}: e820_entries at 0x1E8, e820_table at 0x2D0, 20 bytes an entry).
 *
 * <p>jemu has no BIOS, but the kernel still expects a PC's low-memory layout: conventional memory
 * up to 0x9FC00, the EBDA and the video/ROM area reserved up to 1 MiB, then RAM.
 */
public final class E820 {
    public static final int RAM = 1, RESERVED = 2, ACPI = 3, NVS = 4;
    public static final int MAX_ENTRIES = 128;
    public static final long EBDA = 0x9fc00, BIOS_ROM = 0xf0000, ONE_MB = 0x100000;

    /** One range: address, size, type. */
    public record Entry(long addr, long size, int type) {}

    private final List<Entry> entries = new ArrayList<>();

    public E820 add(long addr, long size, int type) {
        if (entries.size() == MAX_ENTRIES) throw new IllegalStateException("too many e820 entries");
        entries.add(new Entry(addr, size, type));
        return this;
    }

    public List<Entry> entries() { return List.copyOf(entries); }

    /** The map of a PC with {@code ramSize} bytes of RAM, all of it below the 32-bit PCI hole. */
    public static E820 forPc(long ramSize) {
        return new E820()
                .add(0, EBDA, RAM)
                .add(EBDA, 0xa0000 - EBDA, RESERVED)
                .add(BIOS_ROM, ONE_MB - BIOS_ROM, RESERVED)
                .add(ONE_MB, ramSize - ONE_MB, RAM);
    }

    /** Highest usable RAM address + 1 at or below {@code limit}. */
    public long usableTop(long limit) {
        long top = 0;
        for (Entry e : entries)
            if (e.type == RAM && e.addr < limit) top = Math.max(top, Math.min(e.addr + e.size, limit));
        return top;
    }
}
