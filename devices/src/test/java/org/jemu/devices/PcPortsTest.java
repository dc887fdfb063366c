package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import org.jemu.cpu.io.CpuSignals;
import org.junit.jupiter.api.Test;

class PcPortsTest {
    final Rig rig = new Rig();

    @Test
    void post80IsIgnoredAndUnclaimedPortsFloat() {
        rig.outb(0x12, 0x80);
        assertEquals(0xff, rig.inb(0x80));
        assertEquals(0xffff, rig.bus.in(0x1f0, 2));
        assertEquals(0xffffffff, rig.bus.in(0xcf8, 4));
        assertFalse(rig.signals.isSet(CpuSignals.RESET));
    }

    @Test
    void port92FastA20AndReset() {
        rig.outb(0x02, 0x92);
        assertEquals(0x02, rig.inb(0x92));
        assertTrue(rig.pc.ports.a20());
        assertFalse(rig.signals.isSet(CpuSignals.RESET));
        rig.outb(0x03, 0x92);
        assertTrue(rig.signals.isSet(CpuSignals.RESET));
    }

    @Test
    void cf9ResetAsLinuxRebootPciDoes() {
        rig.outb(0x02, 0xcf9);
        assertFalse(rig.signals.isSet(CpuSignals.RESET));
        rig.outb(0x06, 0xcf9);
        assertTrue(rig.signals.isSet(CpuSignals.RESET));
    }
}
