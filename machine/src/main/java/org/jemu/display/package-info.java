/**
 * The graphical console: what {@code qemu-system-x86_64} shows without {@code -nographic}.
 *
 * <p>{@link org.jemu.display.DisplayWindow} is a Swing window that takes a frame of the VGA's text
 * screen ({@code org.jemu.devices.vga}) 70 times a second, as mode 3 refreshes, draws it only when
 * it changed or a blink phase turned, and scales it to the window. Its title says whether the
 * machine runs, is paused, or has powered off. Keys typed into it become PS/2 key events through
 * {@link org.jemu.display.AwtKeys} (by their meaning on a US layout, as the guest's default keymap
 * reads them) and reach the guest through the i8042; the host's own auto-repeat repeats them.
 *
 * <p>{@link org.jemu.display.Screendump} writes a frame as PNG or PPM for the monitor's
 * {@code screendump}. Nothing here runs on the machine's thread: the window reads the VGA's state
 * as a monitor would read the signal (see {@code org.jemu.devices.vga}), and keys go through the
 * i8042's host queue.
 */
package org.jemu.display;
