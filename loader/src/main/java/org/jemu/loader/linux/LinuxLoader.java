package org.jemu.loader.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.sys.Segments;
import org.jemu.loader.elf.ElfException;
import org.jemu.loader.elf.ElfFile;
import org.jemu.loader.elf.ProgramHeader;

/**
 * The Linux x86 boot protocol's 64-bit entry (Linux {@code Documentation/arch/x86/boot.rst},
 * "64-bit Boot Protocol"): the protected-mode part of a bzImage is loaded at a legal address, a zero
 * page describes memory, the command line and the initramfs, and the CPU enters long mode at
 * load address + 0x200 with RSI pointing at the zero page, an identity mapping, a GDT with
 * __BOOT_CS/__BOOT_DS and interrupts off.
 */
public final class LinuxLoader {
    /** boot.rst: "0xFF" for a loader without an assigned ID. */
    static final int TYPE_OF_LOADER = 0xff;
    /** zero-page.rst offsets outside the setup header. */
    static final int ZP_ACPI_RSDP_ADDR = 0x070, ZP_EXT_RAMDISK_IMAGE = 0x0c0, ZP_EXT_RAMDISK_SIZE = 0x0c4, ZP_EXT_CMD_LINE_PTR = 0x0c8,
            ZP_E820_ENTRIES = 0x1e8, ZP_E820_TABLE = 0x2d0;

    private LinuxLoader() {}

    /**
     * Loads a bzImage, the initramfs and the command line into {@code mem} and returns where things
     * went. Throws {@link KernelFormatException} with a one-line message when they do not fit.
     */
    public static BootInfo load(PhysicalMemory mem, KernelImage kernel, byte[] initrd, String cmdline)
            throws KernelFormatException {
        return load(mem, kernel, initrd, cmdline, 0);
    }

    /** As above, and passes the ACPI RSDP's address in boot_params.acpi_rsdp_addr (0 for none). */
    public static BootInfo load(PhysicalMemory mem, KernelImage kernel, byte[] initrd, String cmdline, long rsdp)
            throws KernelFormatException {
        return load(mem, kernel, initrd, cmdline, rsdp, false);
    }

    /**
     * As above; {@code vgaConsole} describes an 80×25 VGA text console in the zero page's
     * screen_info (as the BIOS would under QEMU without -nographic), so the kernel's vgacon takes
     * the screen and tty0 becomes the default console. Without it screen_info stays zero.
     */
    public static BootInfo load(PhysicalMemory mem, KernelImage kernel, byte[] initrd, String cmdline, long rsdp, boolean vgaConsole)
            throws KernelFormatException {
        long ram = mem.ramSize();
        E820 e820 = E820.forPc(ram);
        if (kernel.kind == KernelImage.Kind.ELF) return loadElf(mem, kernel, initrd, cmdline, rsdp, vgaConsole, e820);
        SetupHeader h = kernel.header;
        int kOff = h.kernelOffset();
        int kLen = kernel.bytes.length - kOff;
        long memNeeded = Math.max(h.initSize, kLen);
        long load = placeKernel(h, memNeeded, ram);
        checkCmdline(h, cmdline);
        mem.load(load, kernel.bytes, kOff, kLen);
        return place(mem, kernel.bytes, h, e820, initrd, cmdline, rsdp, vgaConsole, load + 0x200, load, load + memNeeded);
    }

    private static byte[] checkCmdline(SetupHeader h, String cmdline) throws KernelFormatException {
        byte[] cmd = cmdline.getBytes(StandardCharsets.UTF_8);
        long cmdMax = Math.min(h.cmdlineSize, BootLayout.CMDLINE_MAX - 1);
        if (cmd.length > cmdMax)
            throw new KernelFormatException("kernel command line is " + cmd.length + " bytes; this kernel takes at most " + cmdMax);
        return cmd;
    }

    /**
     * What every kernel format shares once the kernel is in memory: the initramfs at the top of RAM
     * below initrd_addr_max and above the kernel, the command line, the zero page (from {@code header},
     * the image's or a synthetic setup header), the GDT and the identity map.
     */
    private static BootInfo place(PhysicalMemory mem, byte[] header, SetupHeader h, E820 e820, byte[] initrd, String cmdline,
            long rsdp, boolean vgaConsole, long entry, long kernelStart, long kernelEnd) throws KernelFormatException {
        byte[] cmd = checkCmdline(h, cmdline);
        long initrdAddr = 0;
        if (initrd != null && initrd.length > 0) {
            long top = e820.usableTop(Math.min(mem.ramSize(), h.initrdAddrMax + 1));
            initrdAddr = (top - initrd.length) & ~0xfffL;
            if (initrdAddr < kernelEnd)
                throw new KernelFormatException(String.format(
                        "initramfs of %d KiB does not fit in guest RAM above the kernel (try a larger -m)", initrd.length >> 10));
            mem.load(initrdAddr, initrd, 0, initrd.length);
        }
        mem.load(BootLayout.CMDLINE, cmd, 0, cmd.length);
        mem.load(BootLayout.CMDLINE + cmd.length, new byte[1], 0, 1);

        byte[] zp = zeroPage(header, h, e820, initrdAddr, initrd == null ? 0 : initrd.length);
        ByteBuffer zpb = ByteBuffer.wrap(zp).order(ByteOrder.LITTLE_ENDIAN);
        zpb.putLong(ZP_ACPI_RSDP_ADDR, rsdp);
        if (vgaConsole) ScreenInfo.vgaText(zpb, 80, 25);
        mem.load(BootLayout.ZERO_PAGE, zp, 0, zp.length);
        writeGdt(mem);
        writeIdentityMap(mem);
        return new BootInfo(entry, BootLayout.ZERO_PAGE, kernelStart, kernelEnd, initrdAddr,
                initrd == null ? 0 : initrd.length, BootLayout.CMDLINE);
    }

    /**
     * An uncompressed ELF vmlinux: each PT_LOAD segment at its physical address, entry at e_entry
     * (the physical address of startup_64, as the decompressor would jump there). There is no setup
     * header in the file, so the zero page gets a synthetic one that says what a 2.15 bzImage would.
     */
    static BootInfo loadElf(PhysicalMemory mem, KernelImage kernel, byte[] initrd, String cmdline, long rsdp, boolean vgaConsole,
            E820 e820)
            throws KernelFormatException {
        ElfFile elf;
        try {
            elf = ElfFile.parse(kernel.bytes);
        } catch (ElfException e) {
            throw new KernelFormatException("malformed ELF kernel: " + e.getMessage());
        }
        if (elf.type() != ElfFile.ET_EXEC) throw new KernelFormatException("ELF kernel is not an executable (ET_EXEC)");
        long ram = mem.ramSize(), start = Long.MAX_VALUE, end = 0;
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.type() != ProgramHeader.PT_LOAD || ph.memsz() == 0) continue;
            if (ph.paddr() < BootLayout.LOW_LIMIT || ph.paddr() + ph.memsz() > ram)
                throw new KernelFormatException(String.format("ELF kernel segment at 0x%x+0x%x does not fit in guest RAM (try a larger -m)",
                        ph.paddr(), ph.memsz()));
            if (ph.offset() + ph.filesz() > kernel.bytes.length) throw new KernelFormatException("truncated ELF kernel");
            mem.load(ph.paddr(), kernel.bytes, (int) ph.offset(), (int) ph.filesz());
            mem.load(ph.paddr() + ph.filesz(), new byte[(int) (ph.memsz() - ph.filesz())], 0, (int) (ph.memsz() - ph.filesz()));
            start = Math.min(start, ph.paddr());
            end = Math.max(end, ph.paddr() + ph.memsz());
        }
        if (end == 0) throw new KernelFormatException("ELF kernel has no loadable segments");
        if (elf.entry() < start || elf.entry() >= end)
            throw new KernelFormatException("ELF kernel entry 0x" + Long.toHexString(elf.entry()) + " is not a physical address inside it");
        byte[] header = new byte[4096];
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(SetupHeader.OFF_BOOT_FLAG, (short) SetupHeader.BOOT_FLAG);
        b.put(SetupHeader.OFF_END_BYTE, (byte) 0x6a);
        b.putInt(SetupHeader.OFF_HEADER, SetupHeader.HDRS);
        b.putShort(SetupHeader.OFF_VERSION, (short) 0x020f);
        b.put(SetupHeader.OFF_LOADFLAGS, (byte) SetupHeader.LOADED_HIGH);
        b.putInt(SetupHeader.OFF_INITRD_ADDR_MAX, 0x7fffffff);
        b.putInt(SetupHeader.OFF_KERNEL_ALIGNMENT, 0x200000);
        b.putShort(SetupHeader.OFF_XLOADFLAGS, (short) SetupHeader.XLF_KERNEL_64);
        b.putInt(SetupHeader.OFF_CMDLINE_SIZE, 2047);
        b.putLong(SetupHeader.OFF_PREF_ADDRESS, start);
        b.putInt(SetupHeader.OFF_INIT_SIZE, (int) (end - start));
        SetupHeader h = SetupHeader.parse0(header);
        return place(mem, header, h, e820, initrd, cmdline, rsdp, vgaConsole, elf.entry(), start, end);
    }

    /** boot.rst: a relocatable kernel may go anywhere aligned to kernel_alignment; prefer pref_address. */
    static long placeKernel(SetupHeader h, long size, long ram) throws KernelFormatException {
        long align = Math.max(h.kernelAlignment, 0x1000);
        long addr = h.prefAddress;
        if (addr < BootLayout.LOW_LIMIT || addr + size > ram) {
            if (!h.relocatable)
                throw new KernelFormatException(String.format(
                        "the kernel must load at 0x%x and needs %d MiB there: guest RAM too small (try a larger -m)",
                        h.prefAddress, (size + 0xfffff) >> 20));
            addr = (BootLayout.LOW_LIMIT + align - 1) & -align;
        }
        if (addr + size > ram)
            throw new KernelFormatException("the kernel needs " + ((addr + size) >> 20) + " MiB: guest RAM too small (try a larger -m)");
        return addr;
    }

    static byte[] zeroPage(byte[] image, SetupHeader h, E820 e820, long initrdAddr, long initrdSize) {
        byte[] zp = new byte[4096];
        // The setup header is copied from the image as boot.rst asks; the loader then fills its fields.
        System.arraycopy(image, SetupHeader.OFF_SETUP_SECTS, zp, SetupHeader.OFF_SETUP_SECTS, h.headerLength);
        ByteBuffer b = ByteBuffer.wrap(zp).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SetupHeader.OFF_TYPE_OF_LOADER, (byte) TYPE_OF_LOADER);
        b.putInt(SetupHeader.OFF_CMD_LINE_PTR, (int) BootLayout.CMDLINE);
        b.putInt(ZP_EXT_CMD_LINE_PTR, (int) (BootLayout.CMDLINE >>> 32));
        b.putInt(SetupHeader.OFF_RAMDISK_IMAGE, (int) initrdAddr);
        b.putInt(ZP_EXT_RAMDISK_IMAGE, (int) (initrdAddr >>> 32));
        b.putInt(SetupHeader.OFF_RAMDISK_SIZE, (int) initrdSize);
        b.putInt(ZP_EXT_RAMDISK_SIZE, (int) (initrdSize >>> 32));
        // screen_info (offset 0) stays zero unless the loader is asked for a VGA console (see load).
        int n = 0;
        for (E820.Entry e : e820.entries()) {
            int o = ZP_E820_TABLE + 20 * n++;
            b.putLong(o, e.addr());
            b.putLong(o + 8, e.size());
            b.putInt(o + 16, e.type());
        }
        b.put(ZP_E820_ENTRIES, (byte) n);
        return zp;
    }

    /** __BOOT_CS: 64-bit code (L=1, P, S, type 0xB, accessed); __BOOT_DS: flat writable data (G, D/B). */
    static final long BOOT_CS_DESC = 0x00af9b000000ffffL, BOOT_DS_DESC = 0x00cf93000000ffffL;

    /** Null, null, __BOOT_CS, __BOOT_DS. */
    static void writeGdt(PhysicalMemory mem) {
        mem.write(BootLayout.GDT, 8, 0);
        mem.write(BootLayout.GDT + 8, 8, 0);
        mem.write(BootLayout.GDT + BootLayout.BOOT_CS, 8, BOOT_CS_DESC);
        mem.write(BootLayout.GDT + BootLayout.BOOT_DS, 8, BOOT_DS_DESC);
    }

    /** Identity-maps the low 4 GiB with 2 MiB pages (Intel SDM Vol. 3A §4.5). */
    static void writeIdentityMap(PhysicalMemory mem) {
        final long p = 1, rw = 2, ps = 0x80;
        mem.write(BootLayout.PML4, 8, BootLayout.PDPT | p | rw);
        for (int i = 0; i < BootLayout.PD_COUNT; i++) {
            long pd = BootLayout.PD + 0x1000L * i;
            mem.write(BootLayout.PDPT + 8L * i, 8, pd | p | rw);
            for (int j = 0; j < 512; j++)
                mem.write(pd + 8L * j, 8, ((long) i << 30) + ((long) j << 21) | p | rw | ps);
        }
    }

    /**
     * Puts the CPU into the state boot.rst's 64-bit protocol requires: long mode with paging on the
     * identity map, CS = __BOOT_CS, data segments = __BOOT_DS, interrupts off, RSI = zero page.
     */
    public static void enter64(CpuState cpu, BootInfo info) {
        cpu.cr0 = 0x80000001L | 0x10;           // PG | PE | ET
        cpu.cr4 = 0x20;                          // PAE
        cpu.efer = 0x500;                        // LME | LMA
        cpu.cr3 = BootLayout.PML4;
        cpu.gdtrBase = BootLayout.GDT;
        cpu.gdtrLimit = BootLayout.BOOT_DS + 7;
        // Selectors and their descriptor caches, as if loaded from the GDT above.
        for (int s = 0; s < 6; s++) Segments.setCache(cpu, s, BootLayout.BOOT_DS, BOOT_DS_DESC);
        Segments.setCache(cpu, CpuState.CS, BootLayout.BOOT_CS, BOOT_CS_DESC);
        cpu.setCpl(0);
        java.util.Arrays.fill(cpu.gpr, 0);
        cpu.gpr[CpuState.RSI] = info.zeroPage();
        cpu.rip = info.entry();
    }
}
