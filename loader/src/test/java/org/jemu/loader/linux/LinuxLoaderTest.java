package org.jemu.loader.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jemu.cpu.CpuState;
import org.jemu.loader.ImageCache;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.junit.jupiter.api.Test;

/**
 * The loader against the boot protocol's rules (boot.rst / zero-page.rst), on Debian's stock kernel
 * when src-test-images has built it, and on a synthetic header for the error paths.
 */
class LinuxLoaderTest {
    private static final long MB = 1 << 20;

    /** A minimal image with a valid 2.15 setup header, 4 setup sectors and {@code payload} kernel bytes. */
    static byte[] synthetic(int version, int xloadflags, long pref, long initSize, int payload) {
        byte[] img = new byte[5 * 512 + payload];
        ByteBuffer b = ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0x1f1, (byte) 4);
        b.putShort(0x1fe, (short) 0xaa55);
        b.put(0x200, (byte) 0xeb);
        b.put(0x201, (byte) 0x6a);                 // header ends at 0x26c
        b.putInt(0x202, SetupHeader.HDRS);
        b.putShort(0x206, (short) version);
        b.put(0x211, (byte) SetupHeader.LOADED_HIGH);
        b.putInt(0x22c, 0x7fffffff);
        b.putInt(0x230, 0x200000);
        b.put(0x234, (byte) 1);
        b.putShort(0x236, (short) xloadflags);
        b.putInt(0x238, 2047);
        b.putLong(0x258, pref);
        b.putInt(0x260, (int) initSize);
        for (int i = 5 * 512; i < img.length; i++) img[i] = (byte) (i * 7);
        return img;
    }

    @Test
    void rejectsOldProtocolAnd32BitKernels() {
        KernelFormatException old = assertThrows(KernelFormatException.class,
                () -> KernelImage.of(synthetic(0x20a, 1, 0x1000000, MB, 4096)));
        assertTrue(old.getMessage().contains("2.10"), old.getMessage());
        KernelFormatException k32 = assertThrows(KernelFormatException.class,
                () -> KernelImage.of(synthetic(0x20f, 0, 0x1000000, MB, 4096)));
        assertTrue(k32.getMessage().contains("64-bit"), k32.getMessage());
    }

    @Test
    void placesKernelInitrdAndZeroPageByTheRules() throws Exception {
        byte[] img = synthetic(0x20f, 1, 0x1000000, 8 * MB, 64 * 1024);
        PhysicalMemory mem = new PhysicalMemory(64 * MB);
        byte[] initrd = new byte[300_000];
        Arrays.fill(initrd, (byte) 0x5a);
        BootInfo info = LinuxLoader.load(mem, KernelImage.of(img), initrd, "console=ttyS0 quiet");
        checkBoot(mem, img, info, initrd, "console=ttyS0 quiet");
        assertEquals(0x1000000 + 0x200, info.entry(), "pref_address honoured, entry at +0x200");
    }

    /** zero-page.rst / screen_info.h: the fields vgacon_startup reads, and all zero without a VGA console. */
    @Test
    void screenInfoDescribesTheVgaTextConsoleOnlyWhenAsked() throws Exception {
        byte[] img = synthetic(0x20f, 1, 0x1000000, 8 * MB, 4096);
        PhysicalMemory mem = new PhysicalMemory(64 * MB);
        long zp = LinuxLoader.load(mem, KernelImage.of(img), null, "", 0, false).zeroPage();
        for (int i = 0; i < 0x40; i++) assertEquals(0, mem.read(zp + i, 1), "screen_info byte " + i);
        mem = new PhysicalMemory(64 * MB);
        zp = LinuxLoader.load(mem, KernelImage.of(img), null, "", 0, true).zeroPage();
        assertEquals(0, mem.read(zp, 1), "orig_x");
        assertEquals(0, mem.read(zp + 0x01, 1), "orig_y");
        assertEquals(3, mem.read(zp + 0x06, 1), "orig_video_mode");
        assertEquals(80, mem.read(zp + 0x07, 1), "orig_video_cols");
        assertNotEquals(0x10L, mem.read(zp + 0x0a, 2) & 0xff, "orig_video_ega_bx: not a mono EGA");
        assertEquals(25, mem.read(zp + 0x0e, 1), "orig_video_lines");
        assertEquals(1, mem.read(zp + 0x0f, 1), "orig_video_isVGA");
        assertEquals(16, mem.read(zp + 0x10, 2), "orig_video_points");
    }

    @Test
    void relocatesWhenPreferredAddressDoesNotFit() throws Exception {
        byte[] img = synthetic(0x20f, 1, 0x1000000, 8 * MB, 4096);
        PhysicalMemory mem = new PhysicalMemory(16 * MB);
        BootInfo info = LinuxLoader.load(mem, KernelImage.of(img), null, "");
        assertEquals(0x200000, info.kernelAddress(), "1 MiB rounded up to kernel_alignment");
    }

    @Test
    void tooLittleRamIsAClearError() throws Exception {
        byte[] img = synthetic(0x20f, 1, 0x1000000, 30 * MB, 4096);
        KernelFormatException e = assertThrows(KernelFormatException.class,
                () -> LinuxLoader.load(new PhysicalMemory(16 * MB), KernelImage.of(img), null, ""));
        assertTrue(e.getMessage().contains("guest RAM too small"), e.getMessage());
        KernelFormatException big = assertThrows(KernelFormatException.class,
                () -> LinuxLoader.load(new PhysicalMemory(32 * MB), KernelImage.of(synthetic(0x20f, 1, 0x1000000, 8 * MB, 4096)),
                        new byte[30 << 20], ""));
        assertTrue(big.getMessage().contains("initramfs"), big.getMessage());
    }

    @Test
    void stockKernelLoads() throws Exception {
        Path k = ImageCache.find("stock/bzImage");
        assumeTrue(k != null, "stock kernel not built (src-test-images/make-images.sh stock)");
        byte[] img = Files.readAllBytes(k);
        KernelImage ki = KernelImage.of(img);
        assertTrue(ki.header.version >= 0x20f, "Debian 6.1 kernels speak protocol 2.15");
        assertTrue(ki.header.relocatable);
        PhysicalMemory mem = new PhysicalMemory(512 * MB);
        byte[] initrd = new byte[1 << 20];
        BootInfo info = LinuxLoader.load(mem, ki, initrd, "console=ttyS0");
        checkBoot(mem, img, info, initrd, "console=ttyS0");
        assertEquals(0, info.kernelAddress() % ki.header.kernelAlignment);
    }

    private static void checkBoot(PhysicalMemory mem, byte[] img, BootInfo info, byte[] initrd, String cmd) {
        SetupHeader h = SetupHeader.parse0(img);
        long zp = info.zeroPage();
        // The protected-mode kernel is the file from (setup_sects+1)*512 on, byte for byte.
        byte[] loaded = new byte[img.length - h.kernelOffset()];
        System.arraycopy(mem.ram(), (int) info.kernelAddress(), loaded, 0, loaded.length);
        assertArrayEquals(Arrays.copyOfRange(img, h.kernelOffset(), img.length), loaded);
        assertEquals(0, info.kernelAddress() % h.kernelAlignment, "kernel_alignment");
        assertTrue(info.kernelAddress() + h.initSize <= mem.ramSize(), "init_size fits");
        // Header copied, "HdrS" in place, loader fields filled (zero-page.rst offsets).
        assertEquals(SetupHeader.HDRS, (int) mem.read(zp + 0x202, 4));
        assertEquals(0xff, mem.read(zp + 0x210, 1), "type_of_loader");
        long cmdPtr = mem.read(zp + 0x228, 4) | mem.read(zp + 0x0c8, 4) << 32;
        for (int i = 0; i < cmd.length(); i++) assertEquals(cmd.charAt(i), (char) mem.read(cmdPtr + i, 1));
        assertEquals(0, mem.read(cmdPtr + cmd.length(), 1), "NUL-terminated");
        long rd = mem.read(zp + 0x218, 4) | mem.read(zp + 0x0c0, 4) << 32;
        long rdSize = mem.read(zp + 0x21c, 4) | mem.read(zp + 0x0c4, 4) << 32;
        if (initrd != null) {
            assertEquals(initrd.length, rdSize);
            assertEquals(0, rd & 0xfff, "page aligned");
            assertTrue(rd >= info.kernelAddress() + h.initSize, "initrd above the kernel's init_size");
            assertTrue(rd + rdSize <= Math.min(mem.ramSize(), h.initrdAddrMax + 1), "below initrd_addr_max and RAM top");
            assertEquals(initrd[initrd.length - 1], mem.ram()[(int) (rd + rdSize - 1)]);
        }
        // e820: usable RAM from 1 MiB to the end of RAM, low memory below the EBDA.
        int n = (int) mem.read(zp + 0x1e8, 1);
        long usable = 0;
        for (int i = 0; i < n; i++) {
            long e = zp + 0x2d0 + 20L * i;
            if (mem.read(e + 16, 4) == E820.RAM) usable += mem.read(e + 8, 8);
        }
        assertEquals(mem.ramSize() - (E820.ONE_MB - E820.EBDA), usable);
        assertEquals(0, mem.read(zp + 0x0f, 1), "screen_info.orig_video_isVGA: no VGA promised");
        // The identity map translates the entry point to itself (walk by hand, SDM Vol. 3A §4.5).
        long va = info.entry();
        long pml4e = mem.read(BootLayout.PML4 + 8 * ((va >>> 39) & 511), 8);
        long pdpte = mem.read((pml4e & ~0xfffL) + 8 * ((va >>> 30) & 511), 8);
        long pde = mem.read((pdpte & ~0xfffL) + 8 * ((va >>> 21) & 511), 8);
        assertEquals(0x81, pde & 0x81, "present 2 MiB page");
        assertEquals(va, (pde & ~0x1fffffL & 0xfffffffffL) | (va & 0x1fffff));
        CpuState cpu = new CpuState(new Mmu(mem, (a, acc, u) -> a));
        LinuxLoader.enter64(cpu, info);
        assertEquals(zp, cpu.gpr[CpuState.RSI]);
        assertEquals(BootLayout.BOOT_CS, cpu.segSelector[CpuState.CS]);
        assertEquals(BootLayout.BOOT_DS, cpu.segSelector[CpuState.DS]);
    }
}
