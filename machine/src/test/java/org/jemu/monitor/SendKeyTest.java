package org.jemu.monitor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jemu.devices.ps2.Key;
import org.junit.jupiter.api.Test;

/** sendkey's key names (QEMU's QKeyCode names) and its answers to bad input. */
class SendKeyTest {
    @Test
    void chordsInPressingOrder() throws Exception {
        assertEquals(List.of(Key.CTRL, Key.ALT, Key.F1), SendKey.parse("ctrl-alt-f1"));
        assertEquals(List.of(Key.A), SendKey.parse("a"));
        assertEquals(List.of(Key.SHIFT, Key.K1), SendKey.parse("shift-1"));
        assertEquals(List.of(Key.ENTER), SendKey.parse("ret"));
        assertEquals(List.of(Key.SPACE), SendKey.parse("spc"));
        assertEquals(List.of(Key.CTRL_R, Key.KP_ENTER), SendKey.parse("ctrl_r-kp_enter"));
        assertEquals(List.of(Key.ALT, Key.SYSRQ, Key.H), SendKey.parse("alt-sysrq-h"));
        assertEquals(List.of(Key.UP, Key.DOWN, Key.LEFT, Key.RIGHT), SendKey.parse("up-down-left-right"));
        assertEquals(List.of(Key.BACKSPACE, Key.ESC, Key.TAB, Key.MINUS), SendKey.parse("backspace-esc-tab-minus"));
    }

    @Test
    void badInputIsOneLine() {
        Monitor mon = new Monitor(() -> { });
        for (String cmd : new String[] {"sendkey", "sendkey ctrl-foo", "sendkey a-", "sendkey a 99999999", "sendkey a 10 x"}) {
            String r = mon.execute(cmd);
            assertTrue(r.startsWith("sendkey: ") && r.indexOf('\n') == r.length() - 1, cmd + " -> " + r);
        }
        assertEquals("no machine is running\n", mon.execute("sendkey a"));
        assertTrue(mon.execute("screendump").startsWith("screendump: usage"));
        assertTrue(mon.execute("screendump x.png -f gif").startsWith("screendump: unsupported format"));
        assertTrue(mon.execute("help").contains("sendkey KEYS"));
    }
}
