/**
 * What the CPU needs from the platform's devices, and nothing more: the port-I/O bus
 * ({@link org.jemu.cpu.io.PortBus}, {@link org.jemu.cpu.io.PortIoHandler}), interrupt request lines
 * ({@link org.jemu.cpu.io.InterruptLine}), the pending-event word the CPU polls
 * ({@link org.jemu.cpu.io.CpuSignals}), the interrupt-acknowledge cycle
 * ({@link org.jemu.cpu.io.InterruptController}) and the local APIC's MSR/CR8 hooks
 * ({@link org.jemu.cpu.io.LocalApicRegisters}). The devices module implements them.
 *
 * <h2>Threading model</h2>
 * One thread, the guest CPU thread, runs the CPU, every device register access, every interrupt
 * controller and every timer callback ({@link org.jemu.cpu.time.VirtualClock#runDue()}). Device state
 * is therefore plain fields with no locking. Other threads (the console reader, the monitor, a test
 * driving the console) may only (a) put bytes into a device's thread-safe host input queue and
 * (b) call {@link org.jemu.cpu.io.CpuSignals#raise(int)}, which sets a bit in the volatile pending
 * word and wakes a halted CPU thread. The CPU thread then calls
 * {@link org.jemu.cpu.io.CpuSignals#serviceHost()}, which runs the devices' host pollers on the CPU
 * thread. So "is anything pending" is one volatile int read (a plain load on x86).
 *
 * <h2>The CPU's side of the contract</h2>
 * <pre>
 *   between instructions:  if (signals.word() != 0) handleSignals();
 *   handleSignals:  HOST  -> signals.serviceHost()
 *                   RESET -> machine reset;  STOP -> leave the run loop
 *                   NMI   -> signals.clear(NMI), deliver vector 2 (subject to NMI blocking)
 *                   INTR  -> if IF=1 and no STI/MOV SS shadow: vector = controller.acknowledge(), deliver it
 *                            (INTR is a level: it stays set while a deliverable interrupt exists,
 *                             so with IF=0 mask it out of the check, e.g. word() &amp; ~INTR)
 * </pre>
 */
package org.jemu.cpu.io;
