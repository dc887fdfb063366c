package org.jemu.devices;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.io.CpuSignals;
import org.junit.jupiter.api.Test;

/** The run-loop contract with the whole platform: HLT waits, deterministic replay. */
class PlatformTest {
    /** Firmware-like power-up: the 8259s masked, so the running 18.2 Hz PIT raises nothing before the OS sets up. */
    @Test
    void powerUpStateRaisesNoInterrupt() {
        Rig rig = new Rig();
        assertFalse(rig.intr());
        rig.run(100_000_000);
        assertFalse(rig.intr());
        assertEquals(0xff, rig.inb(0x21));
        assertEquals(0xff, rig.inb(0xa1));
        rig.outb(0xc2, 0x43);
        assertEquals(0x36, rig.inb(0x40) & 0x3f, "status: LSB/MSB, mode 3, binary");
    }

    /** HLT with IF=1: the clock warps to the PIT's next edge; INTR is then set and INTA gives the vector. */
    @Test
    void haltedCpuIsWokenByThePitAtTheExactTick() {
        Rig rig = new Rig();
        rig.initPicLinux();
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP));
        rig.outb(0xfe, 0x21);
        rig.outb(0x34, 0x43);
        rig.outb(1193 & 0xff, 0x40);
        rig.outb(1193 >> 8, 0x40);
        rig.clock.idle(rig.signals, CpuSignals.INTR);
        assertEquals(999_848, rig.clock.nowNs(), "1193 PIT clocks, rounded up to the ns");
        assertEquals(0x30, rig.ack());
    }

    @Test
    void hostInputWakesAHaltedCpuThroughTheUart() throws Exception {
        Rig rig = new Rig();
        rig.initPicLinux();
        assertTrue(rig.pc.lapic.setApicBase(LocalApic.DEFAULT_BASE | LocalApic.BASE_BSP));
        rig.outb(0xef, 0x21);
        rig.outb(0x08, 0x3f8 + 4);
        rig.outb(0x01, 0x3f8 + 1); // ERBFI, FIFO off: each byte is RDA
        Thread console = new Thread(() -> rig.pc.com1().hostInput('q'));
        console.start();
        rig.clock.idle(rig.signals, CpuSignals.INTR); // no timer armed: blocks until the console thread's byte
        console.join();
        assertEquals(0x34, rig.ack());
        assertEquals('q', rig.inb(0x3f8));
    }

    /** The same program on the deterministic clock gives the same interrupt times, run after run. */
    @Test
    void deterministicRunsAreReproducible() {
        assertEquals(trace(), trace());
    }

    private List<Long> trace() {
        Rig rig = new Rig();
        rig.apic(0xf0, 0x1ff);
        rig.apic(0x350, 0x10700);
        rig.ioapicWrite(0x10 + 4, 0x30);   // PIT via pin 2
        rig.ioapicWrite(0x10 + 16, 0x38);  // RTC via pin 8
        rig.outb(0x34, 0x43);
        rig.outb(0x9b, 0x40);
        rig.outb(0x2e, 0x40);
        rig.outb(0x0b, 0x70);
        rig.outb(0x42, 0x71);
        rig.apic(0x3e0, 0xb);
        rig.apic(0x320, 0x20000 | 0x40);
        rig.apic(0x380, 777_777);
        List<Long> events = new ArrayList<>();
        while (rig.clock.nowNs() < 200_000_000) {
            rig.clock.retire(Math.min(rig.clock.instructionBudget(), 997));
            rig.clock.runDue();
            while (rig.intr()) {
                int v = rig.ack();
                events.add(rig.clock.nowNs() << 8 | v);
                if (v == 0x38) { rig.outb(0x0c, 0x70); rig.inb(0x71); }
                rig.apic(0xb0, 0);
            }
        }
        assertTrue(events.size() > 200);
        return events;
    }

    /** The maps info mtree prints come from what the platform registered (two COM ports here). */
    @Test
    void memoryAndPortMapsListWhatIsRegistered() {
        Rig rig = new Rig();
        List<String> mem = new ArrayList<>();
        for (MemoryMap.Region r : rig.pc.memoryMap().regions())
            mem.add(String.format("%x-%x %s %s", r.base(), r.last(), r.kind(), r.name()));
        assertEquals(List.of(String.format("0-%x RAM pc.ram", rig.memory.ramSize() - 1),
                "fec00000-fec00fff IO ioapic", "fee00000-fee00fff IO apic"), mem);
        List<String> io = new ArrayList<>();
        rig.bus.forEachRange((first, last, name) -> io.add(String.format("%x-%x %s", first, last, name)));
        assertEquals(List.of("20-21 pic", "40-43 pit", "60-60 i8042", "61-61 port61", "64-64 i8042", "70-71 rtc",
                "80-80 ioport80", "92-92 port92", "a0-a1 pic", "ed-ed ioportED", "2f8-2ff serial", "3b4-3b5 vga", "3ba-3ba vga", "3c0-3cf vga", "3d4-3d5 vga", "3da-3da vga", "3f8-3ff serial",
                "4d0-4d1 elcr", "cf9-cf9 reset-control"), io);
    }
}
