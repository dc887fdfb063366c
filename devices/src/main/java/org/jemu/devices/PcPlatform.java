package org.jemu.devices;

import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.time.VirtualClock;
import org.jemu.devices.vga.Vga;

/**
 * The legacy PC platform, wired as the package documentation's routing diagram shows: one call
 * for the machine to get COM1-COM4 (COM2-4 optional), the PIT, the PIC pair, the I/O APIC, the
 * local APIC, the RTC/CMOS, the i8042, the VGA and the small ports, all registered on the port bus and in
 * the physical address space.
 *
 * <p>The CPU gets: {@link #interruptController()} for INTA, {@link #apicRegisters()} for the APIC
 * MSRs and CR8, and watches {@link CpuSignals}. Reset requests from devices raise
 * {@link CpuSignals#RESET}.
 */
public final class PcPlatform {
    public final DualPic8259 pic;
    public final LocalApic lapic;
    public final IoApic ioapic;
    public final Pit8254 pit;
    public final CmosRtc rtc;
    public final I8042 i8042;
    public final PcPorts ports;
    /** The VGA (text mode); present on every machine, as a PC's card is whether or not a window shows it. */
    public final Vga vga;
    /** COM1-COM4; absent ports are null. */
    public final Uart16550[] uarts = new Uart16550[4];
    private final InterruptLine[] isaIrq = new InterruptLine[16];
    private final MemoryMap memoryMap;

    /**
     * @param comPorts how many of COM1-COM4 to create (1 for the usual console machine)
     */
    public PcPlatform(PhysicalMemory memory, PortBus bus, VirtualClock clock, CpuSignals signals, int comPorts) {
        Runnable reset = () -> signals.raise(CpuSignals.RESET);
        memoryMap = new MemoryMap(memory);
        lapic = new LocalApic(clock, signals);
        ioapic = new IoApic(lapic);
        // The 8259's INT output: LAPIC LINT0 (virtual wire) and I/O APIC pin 0.
        pic = new DualPic8259(level -> {
            lapic.setLint0(level);
            ioapic.setPin(0, level);
        });
        lapic.setPic(pic);
        for (int i = 0; i < 16; i++) {
            int irq = i, gsi = i == 0 ? 2 : i; // ISA IRQ 0 is I/O APIC pin 2 (MADT interrupt source override)
            isaIrq[i] = level -> {
                pic.setIrq(irq, level);
                ioapic.setPin(gsi, level);
            };
        }
        pit = new Pit8254(clock, isaIrq[0]);
        rtc = new CmosRtc(clock, isaIrq[8]);
        i8042 = new I8042(isaIrq[1], isaIrq[12], reset, signals);
        ports = new PcPorts(reset);
        vga = new Vga(memory, clock);
        int[] bases = { Uart16550.COM1, Uart16550.COM2, Uart16550.COM3, Uart16550.COM4 };
        int[] irqs = { 4, 3, 4, 3 };
        for (int i = 0; i < Math.min(comPorts, 4); i++) {
            uarts[i] = new Uart16550(bases[i], clock, isaIrq[irqs[i]], signals);
            uarts[i].attach(bus);
        }
        pic.attach(bus);
        pit.attach(bus);
        rtc.attach(bus);
        i8042.attach(bus);
        ports.attach(bus);
        vga.attach(bus);
        memoryMap.mapMmio("ioapic", IoApic.BASE, 0x1000, ioapic);
        memoryMap.mapMmio("apic", LocalApic.DEFAULT_BASE, 0x1000, lapic);
        long ram = memory.ramSize();
        long below4g = Math.min(ram, 0xc0000000L);
        rtc.setMemorySize(below4g, ram - below4g);
    }

    /** The line for ISA IRQ {@code irq} (to the PIC and the I/O APIC). */
    public InterruptLine isaIrq(int irq) { return isaIrq[irq]; }

    public org.jemu.cpu.io.InterruptController interruptController() { return lapic; }

    public org.jemu.cpu.io.LocalApicRegisters apicRegisters() { return lapic; }

    public Uart16550 com1() { return uarts[0]; }

    /** The physical address map (RAM and MMIO) as built; map further MMIO devices through it. */
    public MemoryMap memoryMap() { return memoryMap; }
}
