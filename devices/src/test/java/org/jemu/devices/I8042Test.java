package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import org.jemu.cpu.io.CpuSignals;
import org.junit.jupiter.api.Test;

/** i8042 controller commands and the PS/2 keyboard as Linux's drivers/input/serio/i8042.c drives them. */
class I8042Test {
    final Rig rig = new Rig();

    int status() { return rig.inb(0x64); }

    int command(int cmd) {
        rig.outb(cmd, 0x64);
        assertEquals(1, status() & 1, "OBF after command 0x" + Integer.toHexString(cmd));
        return rig.inb(0x60);
    }

    @Test
    void selfTestAndInterfaceTests() {
        assertEquals(0x55, command(0xaa));
        assertEquals(0x00, command(0xab));
        assertEquals(0x04, status() & 0x04, "system flag");
        assertEquals(0x08, status() & 0x08, "last write was a command");
        assertEquals(0, status() & 1);
    }

    @Test
    void commandByteReadWrite() {
        int ctr = command(0x20);
        assertEquals(0x65, ctr);
        rig.outb(0x60, 0x64);
        rig.outb(0x47, 0x60);
        assertEquals(0x47, command(0x20));
        rig.outb(0xa7, 0x64);
        assertEquals(0x67, command(0x20));
    }

    @Test
    void keyboardResetAndIdentify() {
        rig.outb(0xff, 0x60);
        assertEquals(0xfa, rig.inb(0x60));
        assertEquals(0xaa, rig.inb(0x60));
        rig.outb(0xf2, 0x60);
        assertEquals(0xfa, rig.inb(0x60));
        assertEquals(0xab, rig.inb(0x60));
        assertEquals(0x41, rig.inb(0x60), "translated ID");
        rig.outb(0xf0, 0x60);
        assertEquals(0xfa, rig.inb(0x60));
        rig.outb(0x00, 0x60);
        assertEquals(0xfa, rig.inb(0x60));
        assertEquals(0x41, rig.inb(0x60), "set 2, translated");
        rig.outb(0xee, 0x60);
        assertEquals(0xee, rig.inb(0x60));
        rig.outb(0xed, 0x60);
        assertEquals(0xfa, rig.inb(0x60));
        rig.outb(0x07, 0x60);
        assertEquals(0xfa, rig.inb(0x60));
    }

    @Test
    void auxLoopbackAndNoMouse() {
        rig.outb(0xd3, 0x64);
        rig.outb(0x5a, 0x60);
        assertEquals(0x21, status() & 0x21, "OBF | AUXDATA");
        assertEquals(0x5a, rig.inb(0x60));
        assertEquals(0x00, command(0xa9));
        rig.outb(0xd4, 0x64);
        rig.outb(0xff, 0x60);   // reset the (absent) mouse
        assertEquals(0x61, status() & 0x61, "OBF | AUXDATA | TIMEOUT");
        assertEquals(0xfe, rig.inb(0x60));
    }

    @Test
    void resetPulseAndOutputPort() {
        assertFalse(rig.signals.isSet(CpuSignals.RESET));
        rig.outb(0xd1, 0x64);
        rig.outb(0x01, 0x60); // A20 off, reset line not pulsed
        assertFalse(rig.pc.i8042.a20());
        assertEquals(0x01, command(0xd0) & 0x03);
        rig.outb(0xfe, 0x64);
        assertTrue(rig.signals.isSet(CpuSignals.RESET));
    }

    @Test
    void hostScancodesRaiseIrq1() {
        rig.initPicLinux();
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP));
        rig.outb(0xfd, 0x21);
        rig.pc.i8042.hostScancodes(new byte[] { 0x1e, (byte) 0x9e });
        assertTrue(rig.signals.isSet(CpuSignals.HOST));
        rig.signals.serviceHost();
        assertTrue(rig.intr());
        assertEquals(0x31, rig.ack());
        assertEquals(0x1e, rig.inb(0x60));
        rig.outb(0x20, 0x20);
        assertTrue(rig.intr(), "the next byte is a new edge");
        assertEquals(0x31, rig.ack());
        assertEquals(0x9e, rig.inb(0x60));
        rig.outb(0x20, 0x20);
        assertFalse(rig.intr());
    }

    /** Drains the output buffer: every byte that IRQ 1 announces. */
    java.util.List<Integer> drainWithIrq1() {
        java.util.List<Integer> got = new java.util.ArrayList<>();
        rig.signals.serviceHost();
        while (rig.intr()) {
            assertEquals(0x31, rig.ack(), "IRQ 1");
            assertEquals(1, status() & 1, "OBF");
            got.add(rig.inb(0x60));
            rig.outb(0x20, 0x20);
        }
        return got;
    }

    @Test
    void hostKeysAreSet2TranslatedToSet1WithIrq1() {
        rig.initPicLinux();
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP));
        rig.outb(0xfd, 0x21);
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.A, true);
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.A, false);
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.LEFT, true);
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.LEFT, false);
        assertEquals(java.util.List.of(0x1e, 0x9e, 0xe0, 0x4b, 0xe0, 0xcb), drainWithIrq1());
        // XLAT off (command byte bit 6 clear): the guest sees set 2 as the keyboard sends it.
        rig.outb(0x60, 0x64);
        rig.outb(0x65 & ~0x40, 0x60);
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.A, true);
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.A, false);
        assertEquals(java.util.List.of(0x1c, 0xf0, 0x1c), drainWithIrq1());
    }

    @Test
    void keysWaitWhileTheKeyboardInterfaceIsDisabled() {
        rig.outb(0xad, 0x64);                       // disable keyboard interface
        rig.pc.i8042.hostKey(org.jemu.devices.ps2.Key.ENTER, true);
        rig.signals.serviceHost();
        assertEquals(0, status() & 1, "nothing delivered");
        rig.outb(0xae, 0x64);                       // enable
        rig.signals.serviceHost();
        assertEquals(1, status() & 1);
        assertEquals(0x1c, rig.inb(0x60));
    }
}
