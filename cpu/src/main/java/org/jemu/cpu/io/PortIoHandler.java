package org.jemu.cpu.io;

/**
 * A device's I/O ports. {@code size} is 1, 2 or 4; values are zero-extended. A handler registered
 * byte-wide on {@link PortBus} only ever sees {@code size == 1}.
 */
public interface PortIoHandler {
    int read(int port, int size);

    void write(int port, int size, int value);

    /**
     * What {@code port} is, for the monitor's {@code info mtree} (QEMU's region names where they
     * exist: "serial", "pic", "pit", ...). Consecutive ports with one name form one region.
     */
    default String portName(int port) { return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT); }
}
