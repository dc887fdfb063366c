package org.jemu.display;

import static java.awt.event.KeyEvent.*;
import static org.junit.jupiter.api.Assertions.*;

import org.jemu.devices.ps2.Key;
import org.junit.jupiter.api.Test;

class AwtKeysTest {
    @Test
    void lettersDigitsAndPunctuation() {
        assertEquals(Key.A, AwtKeys.map(VK_A, KEY_LOCATION_STANDARD));
        assertEquals(Key.Z, AwtKeys.map(VK_Z, KEY_LOCATION_STANDARD));
        assertEquals(Key.K0, AwtKeys.map(VK_0, KEY_LOCATION_STANDARD));
        assertEquals(Key.ENTER, AwtKeys.map(VK_ENTER, KEY_LOCATION_STANDARD));
        assertEquals(Key.SPACE, AwtKeys.map(VK_SPACE, KEY_LOCATION_STANDARD));
        assertEquals(Key.GRAVE, AwtKeys.map(VK_BACK_QUOTE, KEY_LOCATION_STANDARD));
        assertEquals(Key.F12, AwtKeys.map(VK_F12, KEY_LOCATION_STANDARD));
        assertNull(AwtKeys.map(VK_F24, KEY_LOCATION_STANDARD), "no such key on a PC keyboard");
    }

    @Test
    void modifiersByLocation() {
        assertEquals(Key.SHIFT, AwtKeys.map(VK_SHIFT, KEY_LOCATION_LEFT));
        assertEquals(Key.SHIFT_R, AwtKeys.map(VK_SHIFT, KEY_LOCATION_RIGHT));
        assertEquals(Key.CTRL_R, AwtKeys.map(VK_CONTROL, KEY_LOCATION_RIGHT));
        assertEquals(Key.ALT, AwtKeys.map(VK_ALT, KEY_LOCATION_LEFT));
        assertEquals(Key.ALT_R, AwtKeys.map(VK_ALT_GRAPH, KEY_LOCATION_RIGHT));
    }

    @Test
    void keypadWithAndWithoutNumLock() {
        assertEquals(Key.KP_7, AwtKeys.map(VK_NUMPAD7, KEY_LOCATION_NUMPAD));
        assertEquals(Key.KP_7, AwtKeys.map(VK_HOME, KEY_LOCATION_NUMPAD));
        assertEquals(Key.HOME, AwtKeys.map(VK_HOME, KEY_LOCATION_STANDARD));
        assertEquals(Key.KP_ENTER, AwtKeys.map(VK_ENTER, KEY_LOCATION_NUMPAD));
        assertEquals(Key.KP_ADD, AwtKeys.map(VK_ADD, KEY_LOCATION_NUMPAD));
        assertEquals(Key.UP, AwtKeys.map(VK_UP, KEY_LOCATION_STANDARD));
    }
}
