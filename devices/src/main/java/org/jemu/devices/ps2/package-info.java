/**
 * The PS/2 keyboard behind the i8042: what a key press becomes on the wire, and the keyboard's own
 * command set.
 *
 * <p>{@link org.jemu.devices.ps2.Key} names the keys of a 105-key PC keyboard with their make codes
 * in scancode set 1 and set 2 (Microsoft's "Keyboard Scan Code Specification", 2000, appendix
 * tables). {@link org.jemu.devices.ps2.Ps2Keyboard} is the keyboard: it sends set-2 (or set-1)
 * make and break codes and answers the host commands (0xED LEDs, 0xEE echo, 0xF0 scancode set,
 * 0xF2 identify, 0xF3 typematic, 0xF4/0xF5 enable/disable, 0xF6 defaults, 0xFE resend, 0xFF reset).
 * {@link org.jemu.devices.ps2.Set2Translation} is what the i8042 does to its bytes when command
 * byte bit 6 (XLAT) is set, as a PC BIOS leaves it: set 2 in, set 1 out, an 0xF0 break prefix
 * folded into bit 7 of the next byte.
 *
 * <p>Key repeat: a real keyboard repeats the make code of a held key itself (typematic). Here the
 * host's own auto-repeat drives it: a front end that sees a key repeat sends its make code again,
 * without a break between, which is what the keyboard would put on the wire. This keeps repeats in
 * step with the person at the keyboard whatever the guest's clock does (under -icount it can run
 * far ahead of the wall clock).
 */
package org.jemu.devices.ps2;
