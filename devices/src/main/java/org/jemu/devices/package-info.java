/**
 * The PC platform devices: 16550A UART, 8254 PIT (with port 0x61), dual 8259A PIC with ELCR,
 * 82093AA-style I/O APIC, xAPIC local APIC, MC146818 CMOS RTC, i8042 keyboard controller, and the
 * small PC ports (0x80, 0x92, 0xCF9); the VGA's text mode is in {@code vga}, the PS/2 keyboard behind
 * the i8042 in {@code ps2}. {@link org.jemu.devices.PcPlatform} wires them together.
 *
 * <p>Each device is one class behind {@link org.jemu.cpu.io.PortIoHandler} or
 * {@link org.jemu.cpu.mem.MmioHandler}; register names and behaviour come from the datasheets,
 * cited where the behaviour is not obvious. Devices never call the CPU: they drive
 * {@link org.jemu.cpu.io.InterruptLine}s, and the interrupt controllers maintain
 * {@link org.jemu.cpu.io.CpuSignals#INTR}. Time comes only from the
 * {@link org.jemu.cpu.time.VirtualClock}; all device code runs on the CPU thread (see
 * {@code org.jemu.cpu.io}'s threading model), except the enqueue side of host input queues.
 *
 * <h2>Interrupt routing (the "virtual wire")</h2>
 * <pre>
 *   ISA IRQ n --+--&gt; 8259 pair IR n --INT--+--&gt; local APIC LINT0 (ExtINT) --&gt; CPU INTR / INTA
 *               |                          `--&gt; I/O APIC pin 0
 *               `--&gt; I/O APIC pin (n == 0 ? 2 : n) --message--&gt; local APIC IRR
 * </pre>
 * so the platform description must carry an interrupt source override ISA IRQ 0 → GSI 2.
 */
package org.jemu.devices;
