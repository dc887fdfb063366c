package org.jemu.devices.ps2;

import java.util.function.IntConsumer;

/**
 * A PS/2 (MF2) keyboard: answers host commands and sends make and break codes in the scancode set
 * the host chose (1, or 2; set 3 is answered as chosen but sent as set 2, which no guest of jemu
 * asks for: Linux's atkbd uses set 2 unless told otherwise). Facts from the IBM PS/2 Technical
 * Reference "Keyboards" (commands, 0xFA acknowledge, 0xAA self-test passed, ID 0xAB 0x83) and
 * Microsoft's scan code specification (the sequences).
 *
 * <p>Bytes leave through {@code out}, the keyboard's side of the wire to the controller.
 */
public final class Ps2Keyboard {
    public static final int ACK = 0xfa, BAT_OK = 0xaa, ECHO = 0xee, RESEND = 0xfe, ID1 = 0xab, ID2 = 0x83;

    private final IntConsumer out;
    private int scancodeSet = 2;
    private boolean scanning = true;
    /** A command waiting for its argument byte (0 = none). */
    private int pendingCommand;
    private int leds;
    /** Typematic rate/delay byte (0xF3); repeats come from the host, so it is only kept. */
    private int typematic = 0x2b;
    private int lastSent = -1;

    public Ps2Keyboard(IntConsumer out) { this.out = out; }

    public int scancodeSet() { return scancodeSet; }

    /** LED state from the last 0xED: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
    public int leds() { return leds; }

    public boolean scanning() { return scanning; }

    private void send(int b) {
        lastSent = b;
        out.accept(b);
    }

    /** A byte from the host (the controller passes port 0x60 writes through). */
    public void command(int v) {
        int pending = pendingCommand;
        pendingCommand = 0;
        if (pending != 0) {
            argument(pending, v);
            return;
        }
        switch (v) {
            case 0xed, 0xf3, 0xf0 -> { pendingCommand = v; send(ACK); }
            case ECHO -> send(ECHO);
            case 0xf2 -> { send(ACK); send(ID1); send(ID2); }
            case 0xf4 -> { scanning = true; send(ACK); }
            case 0xf5 -> { defaults(); scanning = false; send(ACK); }
            case 0xf6 -> { defaults(); send(ACK); }
            case 0xf7, 0xf8, 0xf9, 0xfa -> send(ACK);              // set-3 "all keys" modes: accepted
            case 0xfe -> out.accept(lastSent < 0 ? ACK : lastSent); // resend the last byte
            case 0xff -> { defaults(); scanning = true; send(ACK); send(BAT_OK); }
            default -> send(RESEND);                               // unknown command
        }
    }

    private void argument(int command, int v) {
        if (v >= 0xed && command != 0xf0) { // a command instead of an argument: the keyboard takes it as one
            command(v);
            return;
        }
        switch (command) {
            case 0xed -> { leds = v & 7; send(ACK); }
            case 0xf3 -> { typematic = v & 0x7f; send(ACK); }
            default -> {                                     // 0xF0: 0 reports the set, 1-3 select it
                if (v == 0) { send(ACK); send(scancodeSet); }
                else if (v <= 3) { scancodeSet = v; send(ACK); }
                else send(RESEND);
            }
        }
    }

    private void defaults() {
        scancodeSet = 2;
        typematic = 0x2b;
        leds = 0;
    }

    /** The codes for pressing ({@code down}) or releasing {@code key}; nothing while scanning is disabled. */
    public void key(Key key, boolean down) {
        if (!scanning) return;
        boolean set1 = scancodeSet == 1;
        if (key == Key.PAUSE) {
            if (!down) return;
            int[] seq = set1 ? new int[] {0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5} : new int[] {0xe1, 0x14, 0x77, 0xe1, 0xf0, 0x14, 0xf0, 0x77};
            for (int b : seq) send(b);
            return;
        }
        if (key.extended) send(0xe0);
        if (set1) {
            send(down ? key.set1 : key.set1 | 0x80);
        } else {
            if (!down) send(0xf0);
            send(key.set2);
        }
    }
}
