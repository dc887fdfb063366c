package org.jemu.cpu.io;

/**
 * The 64 KiB x86 I/O port space. A flat array of handlers indexed by port, so IN/OUT cost one
 * array load and one interface call.
 *
 * <p>Width rules, as on the ISA/LPC bus: a handler declares the access sizes it takes. A wider
 * access to a byte-wide device is split into byte cycles on consecutive ports, each going to
 * whoever owns that port (this is how {@code inw(0x3f8)} reads RBR and IER). An access whose first
 * port nobody owns is unclaimed as a whole: reads return all ones (0xFF, 0xFFFF, 0xFFFFFFFF) and
 * writes vanish. (So a 32-bit access to the PCI CONFIG_ADDRESS port 0xCF8 never reaches the
 * byte-wide reset control register at 0xCF9, as on Intel chipsets.)
 */
public final class PortBus {
    /** Access-size masks for {@link #register(int, int, int, PortIoHandler)}. */
    public static final int SIZE_1 = 1, SIZE_2 = 2, SIZE_4 = 4, SIZE_ALL = 7;

    /** Optional observer of unclaimed accesses (for {@code -d unimp} logging). */
    public interface UnclaimedListener {
        void unclaimed(int port, int size, boolean write, int value);
    }

    private final PortIoHandler[] handlers = new PortIoHandler[0x10000];
    private final byte[] sizes = new byte[0x10000];
    private UnclaimedListener unclaimed;

    /** Registers a byte-wide device at ports [first, first+count). */
    public void register(int first, int count, PortIoHandler h) {
        register(first, count, SIZE_1, h);
    }

    /** Registers a device taking the access sizes in {@code sizeMask} (a combination of SIZE_1/2/4). */
    public void register(int first, int count, int sizeMask, PortIoHandler h) {
        if (first < 0 || count <= 0 || first + count > 0x10000 || (sizeMask & SIZE_ALL) == 0)
            throw new IllegalArgumentException("bad port range 0x" + Integer.toHexString(first) + "+" + count);
        for (int p = first; p < first + count; p++)
            if (handlers[p] != null)
                throw new IllegalArgumentException("port 0x" + Integer.toHexString(p) + " already claimed");
        for (int p = first; p < first + count; p++) {
            handlers[p] = h;
            sizes[p] = (byte) sizeMask;
        }
    }

    public void setUnclaimedListener(UnclaimedListener l) { unclaimed = l; }

    /** Receives the claimed port ranges (see {@link #forEachRange}). */
    public interface RangeVisitor {
        void range(int first, int last, String name);
    }

    /**
     * The claimed ports as ranges, lowest first: each a run of consecutive ports with one handler
     * and one {@link PortIoHandler#portName} (the monitor's {@code info mtree}).
     */
    public void forEachRange(RangeVisitor v) {
        int p = 0;
        while (p < handlers.length) {
            PortIoHandler h = handlers[p];
            if (h == null) { p++; continue; }
            String name = h.portName(p);
            int last = p;
            while (last + 1 < handlers.length && handlers[last + 1] == h && h.portName(last + 1).equals(name)) last++;
            v.range(p, last, name);
            p = last + 1;
        }
    }

    public boolean isClaimed(int port) { return handlers[port & 0xffff] != null; }

    /** IN: {@code size} 1, 2 or 4; returns the zero-extended value. */
    public int in(int port, int size) {
        port &= 0xffff;
        PortIoHandler h = handlers[port];
        if (h == null) {
            if (unclaimed != null) unclaimed.unclaimed(port, size, false, 0);
            return ones(size);
        }
        if ((sizes[port] & size) != 0) return h.read(port, size);
        int v = 0;
        for (int i = 0; i < size; i++) {
            int p = (port + i) & 0xffff;
            PortIoHandler hi = handlers[p];
            v |= (hi == null ? 0xff : hi.read(p, 1) & 0xff) << (8 * i);
        }
        return v;
    }

    /** OUT: {@code size} 1, 2 or 4; only the low {@code size} bytes of {@code value} are used. */
    public void out(int port, int size, int value) {
        port &= 0xffff;
        PortIoHandler h = handlers[port];
        if (h == null) {
            if (unclaimed != null) unclaimed.unclaimed(port, size, true, value);
            return;
        }
        if ((sizes[port] & size) != 0) {
            h.write(port, size, size == 4 ? value : value & ones(size));
            return;
        }
        for (int i = 0; i < size; i++) {
            int p = (port + i) & 0xffff;
            PortIoHandler hi = handlers[p];
            if (hi != null) hi.write(p, 1, (value >>> (8 * i)) & 0xff);
        }
    }

    private static int ones(int size) {
        return size == 4 ? -1 : (1 << (8 * size)) - 1;
    }
}
