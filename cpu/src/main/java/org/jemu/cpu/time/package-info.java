/**
 * The virtual clock: one time base for the TSC, PIT, APIC timer, RTC (and later HPET), so they
 * always agree, and the timer queue devices schedule on.
 *
 * <h2>Modes</h2>
 * <ul>
 * <li>{@link org.jemu.cpu.time.VirtualClock.Mode#REALTIME}: virtual time is host time since start
 *     ({@code System.nanoTime}). For interactive use.</li>
 * <li>{@link org.jemu.cpu.time.VirtualClock.Mode#DETERMINISTIC}: virtual time is
 *     {@code retiredInstructions << shift} nanoseconds plus the time skipped while halted, like QEMU's
 *     {@code -icount shift}. A run is then reproducible instruction for instruction; tests use it.</li>
 * </ul>
 *
 * <h2>The run loop's side of the contract</h2>
 * <pre>
 *   for (;;) {
 *       long budget = clock.instructionBudget();     // instructions until the next timer is due (or a slice)
 *       long n = cpu.run(budget);                      // stops early if signals.word() needs attention
 *       clock.retire(n);                               // deterministic: time advances with retired instructions
 *       clock.runDue();                                // fire expired timers (they raise interrupt lines)
 *       ...handle signals; on HLT: clock.idle(signals, wakeMask)...
 *   }
 * </pre>
 * In deterministic mode a device read in the middle of a slice (IN from the PIT, an APIC
 * current-count read, RDTSC) sees the time of the last {@code retire}; the CPU calls
 * {@code retire} for the instructions executed so far before any port, MMIO or RDTSC access to be
 * exact to the instruction.
 */
package org.jemu.cpu.time;
