package org.jemu.cpu.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortBusTest {
    /** A byte-wide device that records accesses and reads back port & 0xff. */
    static final class Recorder implements PortIoHandler {
        final List<String> log = new ArrayList<>();
        @Override public int read(int port, int size) { log.add("r" + Integer.toHexString(port) + "/" + size); return port & 0xff; }
        @Override public void write(int port, int size, int value) { log.add("w" + Integer.toHexString(port) + "/" + size + "=" + Integer.toHexString(value)); }
    }

    @Test
    void unclaimedReadsAllOnesAndWritesVanish() {
        PortBus bus = new PortBus();
        assertEquals(0xff, bus.in(0x1234, 1));
        assertEquals(0xffff, bus.in(0x1234, 2));
        assertEquals(0xffffffff, bus.in(0x1234, 4));
        int[] seen = new int[1];
        bus.setUnclaimedListener((p, s, w, v) -> seen[0]++);
        bus.out(0x1234, 4, 0);
        assertEquals(1, seen[0]);
    }

    @Test
    void wideAccessToByteDeviceIsSplitIntoByteCycles() {
        PortBus bus = new PortBus();
        Recorder r = new Recorder();
        bus.register(0x3f8, 8, r);
        assertEquals(0xfbfaf9f8, bus.in(0x3f8, 4));
        bus.out(0x3fe, 2, 0xabcd);
        assertEquals(List.of("r3f8/1", "r3f9/1", "r3fa/1", "r3fb/1", "w3fe/1=cd", "w3ff/1=ab"), r.log);
        // the part of a split access past the device is unclaimed: all ones
        assertEquals(0xff00 | 0xff, bus.in(0x3ff, 2));
    }

    @Test
    void wideHandlerGetsTheWholeAccessAndFirstPortDecides() {
        PortBus bus = new PortBus();
        Recorder wide = new Recorder(), reset = new Recorder();
        bus.register(0xcf9, 1, reset);
        assertEquals(0xffffffff, bus.in(0xcf8, 4)); // 0xCF8 unclaimed: 0xCF9 never sees the dword
        bus.out(0xcf8, 4, 0x80000000);
        assertTrue(reset.log.isEmpty());
        bus.register(0xcfc, 4, PortBus.SIZE_ALL, wide);
        bus.in(0xcfc, 4);
        assertEquals(List.of("rcfc/4"), wide.log);
    }

    @Test
    void overlappingRegistrationIsRefused() {
        PortBus bus = new PortBus();
        bus.register(0x60, 1, new Recorder());
        assertThrows(IllegalArgumentException.class, () -> bus.register(0x5f, 2, new Recorder()));
    }

    /** info mtree's source: runs of one handler and one name, split where either changes or a port is free. */
    @Test
    void claimedPortsListAsNamedRanges() {
        PortBus bus = new PortBus();
        Recorder a = new Recorder();
        PortIoHandler named = new PortIoHandler() {
            @Override public int read(int port, int size) { return 0; }
            @Override public void write(int port, int size, int value) { }
            @Override public String portName(int port) { return port < 0x22 ? "pic" : "elcr"; }
        };
        bus.register(0x20, 4, named);
        bus.register(0x24, 2, a);
        bus.register(0x30, 1, a);
        bus.register(0xfffe, 2, a);
        List<String> ranges = new ArrayList<>();
        bus.forEachRange((first, last, name) -> ranges.add(Integer.toHexString(first) + "-" + Integer.toHexString(last) + " " + name));
        assertEquals(List.of("20-21 pic", "22-23 elcr", "24-25 recorder", "30-30 recorder", "fffe-ffff recorder"), ranges);
    }
}
