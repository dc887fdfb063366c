package org.jemu.loader.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The real-mode setup header of a bzImage, at offset 0x1F1 of the file (Linux
 * {@code Documentation/arch/x86/boot.rst}, "The Real-Mode Kernel Header"). Only the fields a 64-bit
 * boot-protocol loader needs; offsets are from the start of the file, which is also the start of
 * {@code struct boot_params} (the zero page) once the header is copied there.
 */
public final class SetupHeader {
    public static final int OFF_SETUP_SECTS = 0x1f1, OFF_BOOT_FLAG = 0x1fe, OFF_HEADER = 0x202,
            OFF_VERSION = 0x206, OFF_TYPE_OF_LOADER = 0x210, OFF_LOADFLAGS = 0x211, OFF_CODE32_START = 0x214,
            OFF_RAMDISK_IMAGE = 0x218, OFF_RAMDISK_SIZE = 0x21c, OFF_HEAP_END_PTR = 0x224,
            OFF_CMD_LINE_PTR = 0x228, OFF_INITRD_ADDR_MAX = 0x22c, OFF_KERNEL_ALIGNMENT = 0x230,
            OFF_RELOCATABLE = 0x234, OFF_MIN_ALIGNMENT = 0x235, OFF_XLOADFLAGS = 0x236,
            OFF_CMDLINE_SIZE = 0x238, OFF_PREF_ADDRESS = 0x258, OFF_INIT_SIZE = 0x260;
    /** The header ends at 0x201 + the byte at 0x201 (the jump's displacement); copy that much. */
    public static final int OFF_END_BYTE = 0x201;

    public static final int HDRS = 0x53726448;           // "HdrS"
    public static final int BOOT_FLAG = 0xaa55;
    public static final int MIN_PROTOCOL = 0x020c;       // 2.12: xloadflags, 64-bit entry
    public static final int XLF_KERNEL_64 = 1;
    public static final int LOADED_HIGH = 1;

    public final int setupSects;
    public final int version;
    public final int loadflags;
    public final int xloadflags;
    public final long initrdAddrMax;
    public final long kernelAlignment;
    public final boolean relocatable;
    public final int minAlignment;
    public final long cmdlineSize;
    public final long prefAddress;
    public final long initSize;
    /** Length of the header bytes starting at 0x1F1 that the loader copies into the zero page. */
    public final int headerLength;

    private SetupHeader(ByteBuffer b) {
        int s = b.get(OFF_SETUP_SECTS) & 0xff;
        setupSects = s == 0 ? 4 : s;
        version = b.getShort(OFF_VERSION) & 0xffff;
        loadflags = b.get(OFF_LOADFLAGS) & 0xff;
        xloadflags = b.getShort(OFF_XLOADFLAGS) & 0xffff;
        initrdAddrMax = b.getInt(OFF_INITRD_ADDR_MAX) & 0xffffffffL;
        kernelAlignment = b.getInt(OFF_KERNEL_ALIGNMENT) & 0xffffffffL;
        relocatable = b.get(OFF_RELOCATABLE) != 0;
        minAlignment = b.get(OFF_MIN_ALIGNMENT) & 0xff;
        cmdlineSize = b.getInt(OFF_CMDLINE_SIZE) & 0xffffffffL;
        prefAddress = b.getLong(OFF_PREF_ADDRESS);
        initSize = b.getInt(OFF_INIT_SIZE) & 0xffffffffL;
        headerLength = 0x202 + (b.get(OFF_END_BYTE) & 0xff) - OFF_SETUP_SECTS;
    }

    /** Whether {@code image} starts like a bzImage (boot flag and "HdrS"), before any further checks. */
    public static boolean looksLikeBzImage(byte[] image) {
        if (image.length < 0x270) return false;
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        return (b.getShort(OFF_BOOT_FLAG) & 0xffff) == BOOT_FLAG && b.getInt(OFF_HEADER) == HDRS;
    }

    /** Parses and validates the header for a 64-bit boot; the message says what is wrong. */
    public static SetupHeader parse(byte[] image) throws KernelFormatException {
        if (!looksLikeBzImage(image)) throw new KernelFormatException("not a bzImage (no boot flag 0xAA55 and \"HdrS\" header)");
        SetupHeader h = new SetupHeader(ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN));
        if (h.version < MIN_PROTOCOL)
            throw new KernelFormatException(String.format("boot protocol %d.%02d is too old (2.12 or newer needed)",
                    h.version >> 8, h.version & 0xff));
        if ((h.xloadflags & XLF_KERNEL_64) == 0)
            throw new KernelFormatException("the kernel has no 64-bit entry point (XLF_KERNEL_64 not set): not an x86-64 kernel");
        if ((h.loadflags & LOADED_HIGH) == 0)
            throw new KernelFormatException("the kernel does not load high (LOADED_HIGH not set)");
        if ((long) (h.setupSects + 1) * 512 >= image.length)
            throw new KernelFormatException("truncated bzImage: setup of " + h.setupSects + " sectors but the file has "
                    + image.length + " bytes");
        return h;
    }

    /** The header without validation (tests and diagnostics). */
    static SetupHeader parse0(byte[] image) {
        return new SetupHeader(ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** File offset of the protected-mode kernel. */
    public int kernelOffset() { return (setupSects + 1) * 512; }
}
