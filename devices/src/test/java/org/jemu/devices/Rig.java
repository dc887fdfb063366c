package org.jemu.devices;

import java.io.ByteArrayOutputStream;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.time.VirtualClock;

/** A whole PC platform on a deterministic clock, driven like a CPU would: port I/O, MMIO, INTA. */
final class Rig {
    final VirtualClock clock = VirtualClock.deterministic(0, VirtualClock.DEFAULT_TSC_HZ, 1_700_000_000L * VirtualClock.NS_PER_S);
    final CpuSignals signals = new CpuSignals();
    final PortBus bus = new PortBus();
    final PhysicalMemory memory = new PhysicalMemory(64 << 20);
    final PcPlatform pc = new PcPlatform(memory, bus, clock, signals, 2);
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    Rig() {
        pc.com1().setSink(console::write);
    }

    int inb(int port) { return bus.in(port, 1); }

    void outb(int value, int port) { bus.out(port, 1, value); } // Linux's argument order

    int apic(int reg) { return (int) memory.read(LocalApic.DEFAULT_BASE + reg, 4); }

    void apic(int reg, int v) { memory.write(LocalApic.DEFAULT_BASE + reg, 4, v & 0xffffffffL); }

    int ioapicRead(int reg) {
        memory.write(IoApic.BASE, 4, reg);
        return (int) memory.read(IoApic.BASE + 0x10, 4);
    }

    void ioapicWrite(int reg, int v) {
        memory.write(IoApic.BASE, 4, reg);
        memory.write(IoApic.BASE + 0x10, 4, v & 0xffffffffL);
    }

    /** Runs the "CPU" for {@code ns} of virtual time (1 instruction per ns), firing timers on the way. */
    void run(long ns) {
        long end = clock.nowNs() + ns;
        while (clock.nowNs() < end) {
            long n = Math.min(clock.instructionBudget(), end - clock.nowNs());
            clock.retire(n);
            clock.runDue();
        }
    }

    boolean intr() { return signals.isSet(CpuSignals.INTR); }

    /** INTA as the CPU does it when INTR is set and IF=1. */
    int ack() { return pc.interruptController().acknowledge(); }

    /** Linux's init_8259A(auto_eoi=0): vectors 0x30 / 0x38, cascade on IR2, 8086 mode. */
    void initPicLinux() {
        outb(0xff, 0x21);
        outb(0xff, 0xa1);
        outb(0x11, 0x20); // ICW1: edge, cascade, ICW4
        outb(0x30, 0x21); // ICW2: vector base
        outb(0x04, 0x21); // ICW3: slave on IR2
        outb(0x01, 0x21); // ICW4: 8086 mode, normal EOI
        outb(0x11, 0xa0);
        outb(0x38, 0xa1);
        outb(0x02, 0xa1); // ICW3: slave ID 2
        outb(0x01, 0xa1);
    }
}
