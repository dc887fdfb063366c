/**
 * The assembled PC: memory, CPU, devices and firmware tables wired together, the boot of a Linux
 * kernel through the 64-bit boot protocol, and the run loop that interleaves instructions, timers and
 * interrupts. {@link org.jemu.Machine} is the public face; this package holds its parts.
 */
package org.jemu.machine;
