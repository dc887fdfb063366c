/**
 * The VGA in its 80×25 colour text mode (BIOS mode 3), as Linux's vgacon drives it, and the
 * host-side pieces that turn its state into pixels.
 *
 * <p>Guest side: {@link org.jemu.devices.vga.Vga} answers the VGA's I/O ports (misc output
 * 0x3C2/0x3CC, sequencer SR 0x3C4/5, graphics controller GR 0x3CE/F, attribute controller AR
 * 0x3C0/1 with its index/data flip-flop, DAC 0x3C6-0x3C9, CRTC 0x3D4/5 and input status 1 0x3DA)
 * and starts with the register values a PC BIOS leaves for mode 3. The text buffer at
 * 0xB8000-0xBFFFF is ordinary guest RAM (the e820 map reserves the legacy hole, so the kernel
 * allocates nothing there): the guest writes it at RAM speed and the VGA only reads it when a
 * frame is taken. Planar memory, graphics modes and font loading are not modelled.
 *
 * <p>Host side: {@link org.jemu.devices.vga.Vga#snapshot} captures a
 * {@link org.jemu.devices.vga.TextFrame} (cells, cursor, the 16 colours the attribute
 * controller and DAC give the attribute nibbles); {@link org.jemu.devices.vga.TextRenderer} draws a
 * frame with a {@link org.jemu.devices.vga.VgaFont} into a {@code BufferedImage}, 9 dots per
 * character as the VGA's default clocking mode has it. Register names are those of the IBM VGA
 * Technical Reference (CRn, SRn, GRn, ARn).
 *
 * <p>Threading: ports are written on the CPU thread; a display thread may call
 * {@code snapshot} at any time. Its reads of registers and of the text buffer are not
 * synchronised: a frame may show a half-done update, exactly as a real monitor can, and the next
 * frame is whole.
 */
package org.jemu.devices.vga;
