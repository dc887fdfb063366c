package org.jemu.devices.ps2;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyboard's commands as Linux's atkbd.c sends them, and the codes it sends in sets 1 and 2. */
class Ps2KeyboardTest {
    final List<Integer> wire = new ArrayList<>();
    final Ps2Keyboard kbd = new Ps2Keyboard(wire::add);

    List<Integer> take() {
        List<Integer> r = List.copyOf(wire);
        wire.clear();
        return r;
    }

    @Test
    void resetIdentifyLedsAndSets() {
        kbd.command(0xff);
        assertEquals(List.of(0xfa, 0xaa), take());
        kbd.command(0xf2);
        assertEquals(List.of(0xfa, 0xab, 0x83), take());
        kbd.command(0xed);
        kbd.command(0x04);
        assertEquals(List.of(0xfa, 0xfa), take());
        assertEquals(4, kbd.leds());
        kbd.command(0xf0);
        kbd.command(0x00);
        assertEquals(List.of(0xfa, 0xfa, 0x02), take());
        kbd.command(0xf0);
        kbd.command(0x01);
        assertEquals(1, kbd.scancodeSet());
        kbd.command(0xf5);
        kbd.key(Key.A, true);
        assertEquals(List.of(0xfa, 0xfa, 0xfa), take(), "no key codes while disabled; F5 also restores set 2");
        assertEquals(2, kbd.scancodeSet());
        kbd.command(0xf4);
        kbd.command(0x42);
        assertEquals(List.of(0xfa, 0xfe), take(), "unknown command: resend");
        kbd.command(0xfe);
        assertEquals(List.of(0xfe), take());
    }

    @Test
    void set2MakeAndBreak() {
        kbd.key(Key.A, true);
        kbd.key(Key.A, false);
        kbd.key(Key.UP, true);
        kbd.key(Key.UP, false);
        assertEquals(List.of(0x1c, 0xf0, 0x1c, 0xe0, 0x75, 0xe0, 0xf0, 0x75), take());
        kbd.key(Key.PAUSE, true);
        kbd.key(Key.PAUSE, false);
        assertEquals(List.of(0xe1, 0x14, 0x77, 0xe1, 0xf0, 0x14, 0xf0, 0x77), take());
    }

    @Test
    void set1MakeAndBreak() {
        kbd.command(0xf0);
        kbd.command(0x01);
        take();
        kbd.key(Key.F1, true);
        kbd.key(Key.F1, false);
        kbd.key(Key.CTRL_R, true);
        kbd.key(Key.CTRL_R, false);
        assertEquals(List.of(0x3b, 0xbb, 0xe0, 0x1d, 0xe0, 0x9d), take());
    }

    @Test
    void translationGivesSet1ForEveryKey() {
        // The controller's translation of each key's set-2 sequence is that key's set-1 sequence.
        for (Key k : Key.values()) {
            for (boolean down : new boolean[] {true, false}) {
                Ps2Keyboard two = new Ps2Keyboard(wire::add);
                two.key(k, down);
                Set2Translation x = new Set2Translation();
                List<Integer> translated = new ArrayList<>();
                for (int b : take()) {
                    int v = x.next(b);
                    if (v >= 0) translated.add(v);
                }
                Ps2Keyboard one = new Ps2Keyboard(wire::add);
                one.command(0xf0);
                one.command(0x01);
                take();
                one.key(k, down);
                assertEquals(take(), translated, k + (down ? " make" : " break"));
            }
        }
    }

    @Test
    void translationOfCommandAnswers() {
        assertEquals(0x41, Set2Translation.translate(0x02), "F0 00 answer for set 2");
        assertEquals(0x41, Set2Translation.translate(0x83), "second ID byte");
        assertEquals(0xfa, Set2Translation.translate(0xfa));
        assertEquals(0xaa, Set2Translation.translate(0xaa));
        assertEquals(0xff, Set2Translation.translate(0x00), "overrun");
    }
}
