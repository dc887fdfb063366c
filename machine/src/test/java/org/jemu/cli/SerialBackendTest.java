package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -serial file:PATH with -monitor stdio, and -serial tcp::0,server, with the small kernel. */
@Tag("boot")
class SerialBackendTest {
    @TempDir Path dir;

    private static Process start(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(TerminalTest.jemuCommand());
        cmd.addAll(TerminalTest.bootArgsForTests());
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).start();
    }

    @Test
    void serialToFileMonitorOnStdio() throws Exception {
        Path log = dir.resolve("serial.log");
        Process p = start("-serial", "file:" + log, "-monitor", "stdio");
        try {
            TerminalTest.Output out = new TerminalTest.Output(p.getInputStream());
            long end = System.currentTimeMillis() + 180_000;
            while (!(Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("/ # "))) {
                if (System.currentTimeMillis() > end) fail("no shell prompt in " + log);
                Thread.sleep(200);
            }
            out.waitFor("(jemu) ", 10_000);
            OutputStream in = p.getOutputStream();
            in.write("info status\nquit\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertTrue(out.text().contains("VM status: running"), out.text());
            assertTrue(!out.text().contains("Linux version"), "the guest's console went to the file");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void serialOnLoopbackTcp() throws Exception {
        Process p = start("-serial", "tcp::0,server", "-monitor", "none");
        try {
            TerminalTest.Output err = new TerminalTest.Output(p.getErrorStream());
            err.waitFor("listening on tcp:127.0.0.1:", 30_000);
            Matcher m = Pattern.compile("tcp:127\\.0\\.0\\.1:(\\d+)").matcher(err.text());
            assertTrue(m.find());
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                TerminalTest.Output guest = new TerminalTest.Output(s.getInputStream());
                guest.waitFor("/ # ", 180_000);
                OutputStream o = s.getOutputStream();
                o.write("echo tcp-$((6*7))\n".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                guest.waitFor("tcp-42", 30_000);
                o.write("poweroff -f\n".getBytes(StandardCharsets.US_ASCII));
                o.flush();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue());
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
