package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intel 8259A datasheet behaviour and Linux's arch/x86/kernel/i8259.c sequences. */
class DualPic8259Test {
    Rig rig;
    DualPic8259 pic;

    @BeforeEach
    void setUp() {
        rig = new Rig();
        pic = rig.pc.pic;
        // PIC mode: the APIC globally disabled, so INTR is the PIC's INT output.
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP));
    }

    @Test
    void linuxProbeAndInitSequence() {
        // probe_8259A(): write a mask and read it back
        rig.outb(0xff, 0xa1);
        rig.outb(0xfb, 0x21);
        assertEquals(0xfb, rig.inb(0x21));
        rig.initPicLinux();
        assertEquals(0x30, pic.vectorBase(false));
        assertEquals(0x38, pic.vectorBase(true));
        assertEquals(0, rig.inb(0x21), "ICW1 clears the IMR");
        rig.outb(0xfb, 0x21); // restore cached masks: all but the cascade
        rig.outb(0xff, 0xa1);
        assertEquals(0xfb, rig.inb(0x21));
        assertEquals(0xff, rig.inb(0xa1));
    }

    @Test
    void edgeIrqIsAcknowledgedWithItsVectorAndEoiClearsIsr() {
        rig.initPicLinux();
        rig.outb(0xbf, 0x21); // only IRQ6 (nothing else drives it; IRQ0 is held high by the PIT's OUT0)
        rig.outb(0xff, 0xa1);
        pic.setIrq(6, true);
        assertTrue(rig.intr());
        assertEquals(0x36, rig.ack());
        assertFalse(rig.intr());
        assertEquals(0x40, pic.isr(false));
        // Linux's i8259A_irq_real(): OCW3 read ISR, then back to IRR
        rig.outb(0x0b, 0x20);
        assertEquals(0x40, rig.inb(0x20));
        rig.outb(0x0a, 0x20);
        assertEquals(0x00, rig.inb(0x20) & 0x40, "edge request consumed by INTA");
        rig.outb(0x66, 0x20); // specific EOI for IR6, as mask_and_ack_8259A does
        assertEquals(0, pic.isr(false));
        pic.setIrq(6, true); // still high: no new edge, no new request
        assertFalse(rig.intr());
        pic.setIrq(6, false);
        pic.setIrq(6, true);
        assertTrue(rig.intr());
        assertEquals(1, pic.delivered(6), "info irq: one INTA for IRQ 6 so far");
        rig.ack();
        assertEquals(2, pic.delivered(6));
    }

    @Test
    void fullyNestedPriorityAndNonSpecificEoi() {
        rig.initPicLinux();
        rig.outb(0x00, 0x21);
        pic.setIrq(3, true);
        assertEquals(0x33, rig.ack());
        pic.setIrq(5, true);
        assertFalse(rig.intr(), "IR5 is lower priority than IR3 in service");
        pic.setIrq(1, true);
        assertTrue(rig.intr(), "IR1 preempts IR3");
        assertEquals(0x31, rig.ack());
        rig.outb(0x20, 0x20); // non-specific EOI: clears the highest in service (IR1)
        assertEquals(0x08, pic.isr(false));
        assertFalse(rig.intr());
        rig.outb(0x20, 0x20);
        assertEquals(0x35, rig.ack());
    }

    @Test
    void cascadedSlaveIrqNeedsEoiOnBothChips() {
        rig.initPicLinux();
        rig.outb(0xfb, 0x21);
        rig.outb(0xfe, 0xa1); // IRQ8 only
        pic.setIrq(8, true);
        assertTrue(rig.intr());
        assertEquals(0x38, rig.ack());
        assertEquals(0x04, pic.isr(false));
        assertEquals(0x01, pic.isr(true));
        rig.outb(0x60, 0xa0);      // specific EOI slave IR0
        rig.outb(0x62, 0x20);      // specific EOI master IR2
        assertEquals(0, pic.isr(false) | pic.isr(true));
    }

    @Test
    void spuriousIrq7WhenTheRequestVanishesBeforeInta() {
        rig.initPicLinux();
        rig.outb(0x00, 0x21);
        pic.setIrq(4, true);
        assertTrue(rig.intr());
        pic.setIrq(4, false); // dropped before INTA (datasheet: IR must stay high until INTA)
        assertEquals(0x37, rig.ack());
        assertEquals(0, pic.isr(false), "spurious IR7 is not put in service");
        assertEquals(0, pic.delivered(7), "nor counted as IRQ 7");
        assertEquals(0, pic.delivered(4));
    }

    @Test
    void spuriousIrq15LeavesMasterIr2InService() {
        rig.initPicLinux();
        rig.outb(0x00, 0x21);
        rig.outb(0x00, 0xa1);
        pic.setIrq(12, true);
        pic.setIrq(12, false);
        pic.setIrq(12, true);
        // mask the slave input between INT and INTA: slave has nothing to give
        assertTrue(rig.intr());
        pic.slave.imr = 0xff;
        assertEquals(0x3f, rig.ack());
        assertEquals(0x04, pic.isr(false));
        assertEquals(0, pic.isr(true));
    }

    @Test
    void levelTriggeredViaElcrFollowsTheLine() {
        rig.initPicLinux();
        rig.outb(0x00, 0x21);
        rig.outb(0x00, 0xa1);
        rig.outb(0x0e, 0x4d1); // IRQ 9,10,11 level
        assertEquals(0x0e, rig.inb(0x4d1));
        rig.outb(0xff, 0x4d0);
        assertEquals(0xf8, rig.inb(0x4d0), "IRQ 0-2 cannot be level");
        pic.setIrq(10, true);
        assertEquals(0x3a, rig.ack());
        rig.outb(0x62, 0xa0);
        rig.outb(0x62, 0x20);
        assertTrue(rig.intr(), "level still asserted: requests again after EOI");
        pic.setIrq(10, false);
        assertFalse(rig.intr());
    }

    @Test
    void autoEoiAndRotation() {
        rig.outb(0x11, 0x20);
        rig.outb(0x08, 0x21);
        rig.outb(0x04, 0x21);
        rig.outb(0x03, 0x21); // ICW4: AEOI, 8086
        rig.outb(0x00, 0x21);
        pic.setIrq(1, true);
        assertEquals(0x09, rig.ack());
        assertEquals(0, pic.isr(false), "AEOI: no in-service bit");
        // rotate on specific EOI / set priority: make IR4 the lowest, so IR5 is highest
        rig.outb(0xc4, 0x20);
        pic.setIrq(3, true);
        pic.setIrq(6, true);
        assertEquals(0x0e, rig.ack(), "IR6 outranks IR3 after rotation");
    }

    @Test
    void pollCommand() {
        rig.initPicLinux();
        rig.outb(0x00, 0x21);
        pic.setIrq(6, true);
        rig.outb(0x0c, 0x20); // OCW3 poll
        assertEquals(0x86, rig.inb(0x20));
        assertEquals(0x40, pic.isr(false));
        rig.outb(0x0c, 0x20);
        assertEquals(0x00, rig.inb(0x20), "nothing else pending");
    }

    @Test
    void specialMaskModeAllowsLowerPriorities() {
        rig.initPicLinux();
        rig.outb(0x00, 0x21);
        pic.setIrq(1, true);
        assertEquals(0x31, rig.ack());
        pic.setIrq(5, true);
        assertFalse(rig.intr());
        rig.outb(0x02, 0x21);  // mask IR1 (in service)
        rig.outb(0x68, 0x20);  // OCW3: set special mask mode
        assertTrue(rig.intr());
        assertEquals(0x35, rig.ack());
    }
}
