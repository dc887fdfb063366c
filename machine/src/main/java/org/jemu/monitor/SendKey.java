package org.jemu.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jemu.devices.ps2.Key;

/**
 * The monitor's {@code sendkey KEYS [HOLD_MS]}: key names as QEMU spells them (its QKeyCode
 * names: {@code a}, {@code 1}, {@code ret}, {@code spc}, {@code ctrl}, {@code alt_r},
 * {@code f1}, {@code kp_add}, ...) joined by '-'. The keys are pressed in order, held, and
 * released in the reverse order, so {@code ctrl-alt-delete} is a chord.
 */
final class SendKey {
    static final int DEFAULT_HOLD_MS = 100, MAX_HOLD_MS = 10_000;
    private static final Map<String, Key> NAMES = names();

    private SendKey() {}

    private static Map<String, Key> names() {
        Map<String, Key> m = new HashMap<>();
        for (char c = 'a'; c <= 'z'; c++) m.put(String.valueOf(c), Key.valueOf(String.valueOf(Character.toUpperCase(c))));
        for (char c = '0'; c <= '9'; c++) m.put(String.valueOf(c), Key.valueOf("K" + c));
        for (int i = 1; i <= 12; i++) m.put("f" + i, Key.valueOf("F" + i));
        for (int i = 0; i <= 9; i++) m.put("kp_" + i, Key.valueOf("KP_" + i));
        Object[] pairs = {
            "shift", Key.SHIFT, "shift_r", Key.SHIFT_R, "alt", Key.ALT, "alt_r", Key.ALT_R, "altgr", Key.ALT_R,
            "altgr_r", Key.ALT_R, "ctrl", Key.CTRL, "ctrl_r", Key.CTRL_R, "menu", Key.MENU, "compose", Key.MENU,
            "esc", Key.ESC, "minus", Key.MINUS, "equal", Key.EQUAL, "backspace", Key.BACKSPACE, "tab", Key.TAB,
            "bracket_left", Key.BRACKET_LEFT, "bracket_right", Key.BRACKET_RIGHT, "ret", Key.ENTER,
            "semicolon", Key.SEMICOLON, "apostrophe", Key.APOSTROPHE, "grave_accent", Key.GRAVE,
            "backslash", Key.BACKSLASH, "comma", Key.COMMA, "dot", Key.DOT, "slash", Key.SLASH,
            "asterisk", Key.KP_MULTIPLY, "spc", Key.SPACE, "caps_lock", Key.CAPS_LOCK, "num_lock", Key.NUM_LOCK,
            "scroll_lock", Key.SCROLL_LOCK, "kp_divide", Key.KP_DIVIDE, "kp_multiply", Key.KP_MULTIPLY,
            "kp_subtract", Key.KP_SUBTRACT, "kp_add", Key.KP_ADD, "kp_enter", Key.KP_ENTER,
            "kp_decimal", Key.KP_DECIMAL, "sysrq", Key.SYSRQ, "print", Key.PRINT, "less", Key.LESS,
            "home", Key.HOME, "pgup", Key.PGUP, "pgdn", Key.PGDN, "end", Key.END, "left", Key.LEFT, "up", Key.UP,
            "down", Key.DOWN, "right", Key.RIGHT, "insert", Key.INSERT, "delete", Key.DELETE,
            "meta_l", Key.META_L, "meta_r", Key.META_R, "pause", Key.PAUSE,
        };
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Key) pairs[i + 1]);
        return m;
    }

    /** The keys of a chord such as {@code ctrl-alt-f1}, in pressing order. */
    static List<Key> parse(String chord) throws Monitor.MonitorException {
        if (chord.isEmpty()) throw new Monitor.MonitorException("sendkey: which keys? e.g. sendkey ctrl-alt-f1");
        List<Key> keys = new ArrayList<>();
        // "-" alone or at the end is the minus key's character, which QEMU also reads as a name separator: demand "minus".
        for (String name : chord.split("-", -1)) {
            Key k = NAMES.get(name.toLowerCase(Locale.ROOT));
            if (k == null)
                throw new Monitor.MonitorException("sendkey: unknown key '" + name + "' (names as in QEMU: a, 1, ret, spc, ctrl, alt, shift, f1, up, ...)");
            keys.add(k);
        }
        return keys;
    }

    /** The optional hold time in milliseconds. */
    static int holdMs(String text) throws Monitor.MonitorException {
        try {
            int ms = Integer.parseInt(text);
            if (ms >= 0 && ms <= MAX_HOLD_MS) return ms;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new Monitor.MonitorException("sendkey: hold time '" + text + "' is not a number of milliseconds from 0 to " + MAX_HOLD_MS);
    }
}
