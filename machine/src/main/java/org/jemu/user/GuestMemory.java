package org.jemu.user;

import java.nio.charset.StandardCharsets;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;

/**
 * Copies between guest virtual memory and Java arrays, page by page, with the user permissions a
 * kernel's copy_to_user/copy_from_user checks. A bad address throws {@link Fault}, which syscalls turn
 * into -EFAULT. Writes into pages that hold decoded code notify the decode cache.
 */
final class GuestMemory {
    /** A guest buffer the program may not access: the syscall fails with EFAULT. */
    static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;

        Fault() {
            super(null, null, false, false);
        }
    }

    private static final Fault FAULT = new Fault();

    private final AddressSpace space;
    private final PhysicalMemory phys;
    private final byte[] ram;

    GuestMemory(AddressSpace space, PhysicalMemory phys) {
        this.space = space;
        this.phys = phys;
        this.ram = phys.ram();
    }

    private long frame(long va, int access) throws Fault {
        try {
            return space.translate(va, access, true);
        } catch (GuestFault f) {
            throw FAULT;
        }
    }

    void read(long va, byte[] dst, int off, int len) throws Fault {
        while (len > 0) {
            int n = (int) Math.min(len, AddressSpace.PAGE - (va & 0xfff));
            long p = frame(va, Translator.READ);
            System.arraycopy(ram, (int) p, dst, off, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    byte[] read(long va, int len) throws Fault {
        byte[] b = new byte[len];
        read(va, b, 0, len);
        return b;
    }

    void write(long va, byte[] src, int off, int len) throws Fault {
        while (len > 0) {
            int n = (int) Math.min(len, AddressSpace.PAGE - (va & 0xfff));
            long p = frame(va, Translator.WRITE);
            if (phys.isCodePage(p >>> 12)) phys.write(p, 1, src[off]);
            System.arraycopy(src, off, ram, (int) p, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    void write(long va, byte[] src) throws Fault { write(va, src, 0, src.length); }

    /** Checks that [va, va+len) is writable without changing it. */
    void checkWritable(long va, long len) throws Fault {
        for (long a = va & -AddressSpace.PAGE; a < va + len; a += AddressSpace.PAGE) frame(Math.max(a, va), Translator.WRITE);
    }

    long read64(long va) throws Fault {
        long p = frame(va, Translator.READ);
        if ((va & 0xfff) <= 0xff8) return phys.read(p, 8);
        byte[] b = read(va, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }

    int read32(long va) throws Fault {
        long p = frame(va, Translator.READ);
        if ((va & 0xfff) <= 0xffc) return (int) phys.read(p, 4);
        byte[] b = read(va, 4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    void write64(long va, long v) throws Fault {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        write(va, b);
    }

    void write32(long va, int v) throws Fault {
        write(va, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    /** A NUL-terminated string of at most {@code max} bytes (PATH_MAX for paths). */
    String readCString(long va, int max) throws Fault {
        byte[] buf = new byte[64];
        int n = 0;
        while (n < max) {
            long p = frame(va + n, Translator.READ);
            byte c = ram[(int) p];
            if (c == 0) return new String(buf, 0, n, StandardCharsets.UTF_8);
            if (n == buf.length) buf = java.util.Arrays.copyOf(buf, n * 2);
            buf[n++] = c;
        }
        throw FAULT;
    }
}
