package org.jemu.loader.linux;

/**
 * Where the loader puts its own structures in low guest memory. All of it lies in conventional
 * memory below the EBDA, away from the kernel (loaded at 1 MiB or above) and the initramfs (at the
 * top of RAM).
 */
public final class BootLayout {
    private BootLayout() {}

    /** The GDT with __BOOT_CS (0x10) and __BOOT_DS (0x18), as boot.rst's 64-bit protocol requires. */
    public static final long GDT = 0x1000;
    public static final int BOOT_CS = 0x10, BOOT_DS = 0x18;
    /** Identity-mapping page tables: PML4, one PDPT, four page directories of 2 MiB pages (4 GiB). */
    public static final long PML4 = 0x9000, PDPT = 0xa000, PD = 0xb000;
    public static final int PD_COUNT = 4;
    /** struct boot_params, the "zero page". */
    public static final long ZERO_PAGE = 0x7000;
    /** The kernel command line (NUL-terminated). */
    public static final long CMDLINE = 0x20000;
    public static final long CMDLINE_MAX = 0x10000;
    /** Where a relocatable kernel goes when its preferred address does not fit: 1 MiB, then aligned. */
    public static final long LOW_LIMIT = 0x100000;
}
