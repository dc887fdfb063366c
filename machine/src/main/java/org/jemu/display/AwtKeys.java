package org.jemu.display;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;
import org.jemu.devices.ps2.Key;

/**
 * AWT key codes to PC keys. Left and right modifiers and the keypad are told apart by the event's
 * key location; a keypad key without Num Lock (AWT's VK_HOME on the keypad, say) is still the
 * keypad key, so the guest applies its own Num Lock.
 */
public final class AwtKeys {
    private static final Map<Integer, Key> STANDARD = new HashMap<>(), NUMPAD = new HashMap<>();

    static {
        for (char c = 'A'; c <= 'Z'; c++) STANDARD.put((int) c, Key.valueOf(String.valueOf(c)));   // VK_A..VK_Z are 'A'..'Z'
        for (char c = '0'; c <= '9'; c++) STANDARD.put((int) c, Key.valueOf("K" + c));             // VK_0..VK_9 are '0'..'9'
        for (int i = 0; i < 12; i++) STANDARD.put(KeyEvent.VK_F1 + i, Key.valueOf("F" + (i + 1)));
        for (int i = 0; i <= 9; i++) NUMPAD.put(KeyEvent.VK_NUMPAD0 + i, Key.valueOf("KP_" + i));
        int[][] standard = {
            {KeyEvent.VK_ESCAPE, Key.ESC.ordinal()}, {KeyEvent.VK_MINUS, Key.MINUS.ordinal()},
            {KeyEvent.VK_EQUALS, Key.EQUAL.ordinal()}, {KeyEvent.VK_BACK_SPACE, Key.BACKSPACE.ordinal()},
            {KeyEvent.VK_TAB, Key.TAB.ordinal()}, {KeyEvent.VK_OPEN_BRACKET, Key.BRACKET_LEFT.ordinal()},
            {KeyEvent.VK_CLOSE_BRACKET, Key.BRACKET_RIGHT.ordinal()}, {KeyEvent.VK_ENTER, Key.ENTER.ordinal()},
            {KeyEvent.VK_SEMICOLON, Key.SEMICOLON.ordinal()}, {KeyEvent.VK_QUOTE, Key.APOSTROPHE.ordinal()},
            {KeyEvent.VK_BACK_QUOTE, Key.GRAVE.ordinal()}, {KeyEvent.VK_BACK_SLASH, Key.BACKSLASH.ordinal()},
            {KeyEvent.VK_COMMA, Key.COMMA.ordinal()}, {KeyEvent.VK_PERIOD, Key.DOT.ordinal()},
            {KeyEvent.VK_SLASH, Key.SLASH.ordinal()}, {KeyEvent.VK_SPACE, Key.SPACE.ordinal()},
            {KeyEvent.VK_CAPS_LOCK, Key.CAPS_LOCK.ordinal()}, {KeyEvent.VK_NUM_LOCK, Key.NUM_LOCK.ordinal()},
            {KeyEvent.VK_SCROLL_LOCK, Key.SCROLL_LOCK.ordinal()}, {KeyEvent.VK_LESS, Key.LESS.ordinal()},
            {KeyEvent.VK_SHIFT, Key.SHIFT.ordinal()}, {KeyEvent.VK_CONTROL, Key.CTRL.ordinal()},
            {KeyEvent.VK_ALT, Key.ALT.ordinal()}, {KeyEvent.VK_ALT_GRAPH, Key.ALT_R.ordinal()},
            {KeyEvent.VK_WINDOWS, Key.META_L.ordinal()}, {KeyEvent.VK_META, Key.META_L.ordinal()},
            {KeyEvent.VK_CONTEXT_MENU, Key.MENU.ordinal()}, {KeyEvent.VK_PRINTSCREEN, Key.PRINT.ordinal()},
            {KeyEvent.VK_PAUSE, Key.PAUSE.ordinal()}, {KeyEvent.VK_INSERT, Key.INSERT.ordinal()},
            {KeyEvent.VK_DELETE, Key.DELETE.ordinal()}, {KeyEvent.VK_HOME, Key.HOME.ordinal()},
            {KeyEvent.VK_END, Key.END.ordinal()}, {KeyEvent.VK_PAGE_UP, Key.PGUP.ordinal()},
            {KeyEvent.VK_PAGE_DOWN, Key.PGDN.ordinal()}, {KeyEvent.VK_UP, Key.UP.ordinal()},
            {KeyEvent.VK_DOWN, Key.DOWN.ordinal()}, {KeyEvent.VK_LEFT, Key.LEFT.ordinal()},
            {KeyEvent.VK_RIGHT, Key.RIGHT.ordinal()},
        };
        int[][] numpad = {
            {KeyEvent.VK_MULTIPLY, Key.KP_MULTIPLY.ordinal()}, {KeyEvent.VK_ADD, Key.KP_ADD.ordinal()},
            {KeyEvent.VK_SUBTRACT, Key.KP_SUBTRACT.ordinal()}, {KeyEvent.VK_DIVIDE, Key.KP_DIVIDE.ordinal()},
            {KeyEvent.VK_DECIMAL, Key.KP_DECIMAL.ordinal()}, {KeyEvent.VK_SEPARATOR, Key.KP_DECIMAL.ordinal()},
            {KeyEvent.VK_ENTER, Key.KP_ENTER.ordinal()}, {KeyEvent.VK_HOME, Key.KP_7.ordinal()},
            {KeyEvent.VK_UP, Key.KP_8.ordinal()}, {KeyEvent.VK_PAGE_UP, Key.KP_9.ordinal()},
            {KeyEvent.VK_LEFT, Key.KP_4.ordinal()}, {KeyEvent.VK_BEGIN, Key.KP_5.ordinal()},
            {KeyEvent.VK_CLEAR, Key.KP_5.ordinal()}, {KeyEvent.VK_RIGHT, Key.KP_6.ordinal()},
            {KeyEvent.VK_END, Key.KP_1.ordinal()}, {KeyEvent.VK_DOWN, Key.KP_2.ordinal()},
            {KeyEvent.VK_PAGE_DOWN, Key.KP_3.ordinal()}, {KeyEvent.VK_INSERT, Key.KP_0.ordinal()},
            {KeyEvent.VK_DELETE, Key.KP_DECIMAL.ordinal()}, {KeyEvent.VK_KP_UP, Key.KP_8.ordinal()},
            {KeyEvent.VK_KP_DOWN, Key.KP_2.ordinal()}, {KeyEvent.VK_KP_LEFT, Key.KP_4.ordinal()},
            {KeyEvent.VK_KP_RIGHT, Key.KP_6.ordinal()},
        };
        Key[] keys = Key.values();
        for (int[] p : standard) STANDARD.put(p[0], keys[p[1]]);
        for (int[] p : numpad) NUMPAD.put(p[0], keys[p[1]]);
        // Keypad operators arrive with the standard location on some hosts.
        for (int vk : new int[] {KeyEvent.VK_MULTIPLY, KeyEvent.VK_ADD, KeyEvent.VK_SUBTRACT, KeyEvent.VK_DIVIDE})
            STANDARD.putIfAbsent(vk, NUMPAD.get(vk));
    }

    private AwtKeys() {}

    /** The PC key for an AWT key code at a key location, or null for a key the PC keyboard lacks. */
    public static Key map(int keyCode, int location) {
        if (location == KeyEvent.KEY_LOCATION_NUMPAD) {
            Key k = NUMPAD.get(keyCode);
            if (k != null) return k;
        }
        if (location == KeyEvent.KEY_LOCATION_RIGHT) {
            switch (keyCode) {
                case KeyEvent.VK_SHIFT: return Key.SHIFT_R;
                case KeyEvent.VK_CONTROL: return Key.CTRL_R;
                case KeyEvent.VK_ALT: return Key.ALT_R;
                case KeyEvent.VK_WINDOWS: case KeyEvent.VK_META: return Key.META_R;
                default: break;
            }
        }
        return STANDARD.get(keyCode);
    }

    public static Key map(KeyEvent e) { return map(e.getKeyCode(), e.getKeyLocation()); }
}
