package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** -serial, -monitor and -echr as QEMU spells them. */
class ConsoleOptionsTest {
    private static Options parse(String... a) throws UsageException { return Options.parse(a); }

    @Test
    void defaultIsTheTerminalSharedWithTheMonitor() throws UsageException {
        Options o = parse("-nographic");
        assertEquals(SerialBackend.Kind.MON_STDIO, o.serial.kind);
        assertNull(o.monitor);
        assertEquals(1, o.echr);
    }

    @Test
    void serialBackends() throws UsageException {
        assertEquals(SerialBackend.Kind.STDIO, parse("-serial", "stdio").serial.kind);
        assertEquals(SerialBackend.Kind.NULL, parse("-serial", "null").serial.kind);
        SerialBackend f = parse("-serial", "file:/tmp/x.log").serial;
        assertEquals(SerialBackend.Kind.FILE, f.kind);
        assertEquals("/tmp/x.log", f.path);
        SerialBackend t = parse("-serial", "tcp::4555,server,nowait").serial;
        assertEquals(SerialBackend.Kind.TCP, t.kind);
        assertEquals("127.0.0.1", t.host);
        assertEquals(4555, t.port);
        assertEquals("127.0.0.1", parse("-serial", "tcp:127.0.0.1:4556,server").serial.host);
        assertTrue(t.server);
        assertFalse(t.waitForClient, "nowait");
        assertTrue(parse("-serial", "tcp::4556,server").serial.waitForClient, "QEMU's server waits by default");
        assertTrue(parse("-serial", "tcp::4556,server=on,wait=on").serial.waitForClient);
        assertFalse(parse("-serial", "tcp::4556,server,wait=off").serial.waitForClient);
        SerialBackend c = parse("-serial", "tcp:10.0.2.2:4557").serial;
        assertFalse(c.server, "without ,server: connect out");
        assertEquals("10.0.2.2", c.host);
        assertEquals(4557, c.port);
        assertEquals("127.0.0.1", parse("-serial", "tcp::4557").serial.host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp:127.0.0.1:4555,nowait", "tcp::0", "tcp::99999,server", "tcp:4555", "tcp::4555,server,telnet",
        "pty", "file:", "udp::1"})
    void badSerialIsStatus2(String v) {
        UsageException e = assertThrows(UsageException.class, () -> parse("-serial", v));
        assertEquals(Main.EXIT_USAGE, e.status);
    }

    @Test
    void monitorStdioMovesTheConsoleToPlainStdio() throws UsageException {
        Options o = parse("-monitor", "stdio", "-serial", "file:/tmp/s");
        assertEquals("stdio", o.monitor);
        assertEquals(SerialBackend.Kind.FILE, o.serial.kind);
        assertEquals(SerialBackend.Kind.STDIO, parse("-monitor", "none").serial.kind);
        assertThrows(UsageException.class, () -> parse("-monitor", "stdio", "-serial", "mon:stdio"));
        assertThrows(UsageException.class, () -> parse("-monitor", "telnet::4444"));
    }

    @Test
    void echr() throws UsageException {
        assertEquals(20, parse("-echr", "20").echr);
        assertEquals(0x14, parse("-echr", "0x14").echr);
        assertThrows(UsageException.class, () -> parse("-echr", "256"));
        assertThrows(UsageException.class, () -> parse("-echr", "a"));
    }
}
