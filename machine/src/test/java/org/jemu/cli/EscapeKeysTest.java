package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ctrl-A state machine, key by key, against QEMU's documented behaviour. */
class EscapeKeysTest {
    /** Records every decision as a short word. */
    static final class Log implements EscapeKeys.Actions {
        final List<String> events = new ArrayList<>();
        final StringBuilder guest = new StringBuilder(), monitor = new StringBuilder();

        @Override public void send(int b, boolean toMonitor) { (toMonitor ? monitor : guest).append((char) b); }
        @Override public void help(String text) { events.add("help"); }
        @Override public void exit() { events.add("exit"); }
        @Override public void saveDisks() { events.add("save"); }
        @Override public void timestamps(boolean on) { events.add("ts:" + on); }
        @Override public void sendBreak() { events.add("break"); }
        @Override public void switched(boolean toMonitor) { events.add(toMonitor ? "monitor" : "console"); }
        @Override public void noMonitor() { events.add("nomonitor"); }
    }

    private static Log run(int echr, boolean monitor, String input) {
        Log log = new Log();
        EscapeKeys k = new EscapeKeys(echr, monitor, log);
        byte[] b = input.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        k.feed(b, 0, b.length);
        return log;
    }

    @Test
    void plainBytesGoToTheGuestIncludingCtrlCAndCtrlZ() {
        Log l = run(1, true, "ls\r\u0003\u001a");
        assertEquals("ls\r\u0003\u001a", l.guest.toString());
        assertTrue(l.events.isEmpty());
    }

    @Test
    void eachCommandKey() {
        assertEquals(List.of("help"), run(1, true, "\u0001h").events);
        assertEquals(List.of("help"), run(1, true, "\u0001?").events);
        assertEquals(List.of("exit"), run(1, true, "\u0001x").events);
        assertEquals(List.of("save"), run(1, true, "\u0001s").events);
        assertEquals(List.of("ts:true", "ts:false"), run(1, true, "\u0001t\u0001t").events);
        assertEquals(List.of("break"), run(1, true, "\u0001b").events);
    }

    @Test
    void doubleEscapeSendsOneEscape() {
        Log l = run(1, true, "a\u0001\u0001b");
        assertEquals("a\u0001b", l.guest.toString());
        assertTrue(l.events.isEmpty());
    }

    @Test
    void unknownKeyAfterEscapeIsDropped() {
        Log l = run(1, true, "\u0001zq");
        assertEquals("q", l.guest.toString());
        assertTrue(l.events.isEmpty());
    }

    @Test
    void escapeSplitAcrossReadsStillWorks() {
        Log log = new Log();
        EscapeKeys k = new EscapeKeys(1, true, log);
        k.feed(new byte[] {'a', 1}, 0, 2);
        k.feed(new byte[] {'x'}, 0, 1);
        assertEquals("a", log.guest.toString());
        assertEquals(List.of("exit"), log.events);
    }

    @Test
    void switchSendsKeysToTheMonitorAndBack() {
        Log l = run(1, true, "a\u0001cinfo registers\r\u0001cb");
        assertEquals("ab", l.guest.toString());
        assertEquals("info registers\r", l.monitor.toString());
        assertEquals(List.of("monitor", "console"), l.events);
    }

    @Test
    void escapeCharReachesTheMonitorToo() {
        Log l = run(1, true, "\u0001c\u0001\u0001");
        assertEquals("\u0001", l.monitor.toString());
    }

    @Test
    void noMonitorSaysSoAndKeepsTheConsole() {
        Log l = run(1, false, "\u0001cz");
        assertEquals(List.of("nomonitor"), l.events);
        assertEquals("z", l.guest.toString());
    }

    @Test
    void echrChangesTheEscapeCharacter() {
        Log l = run(0x14, true, "\u0001x\u0014x"); // -echr 20 is Ctrl-T
        assertEquals("\u0001x", l.guest.toString());
        assertEquals(List.of("exit"), l.events);
    }

    @Test
    void helpNamesTheKeysAsQemuDoes() {
        String h = EscapeKeys.help(1);
        assertTrue(h.contains("C-a h    print this help"), h);
        assertTrue(h.contains("C-a x    exit emulator"), h);
        assertTrue(h.contains("C-a C-a  sends C-a"), h);
        assertTrue(EscapeKeys.help(0x14).contains("C-t x"));
        assertFalse(EscapeKeys.help(1).contains("C-t"));
    }
}
