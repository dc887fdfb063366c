package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/** -serial file:PATH with -monitor stdio, and -serial tcp: as server and as client, with the small kernel. */
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

    /** The guest's shell over a socket: a command answers, poweroff ends jemu with status 0. */
    private static void useShell(Process p, Socket s) throws Exception {
        TerminalTest.Output guest = new TerminalTest.Output(s.getInputStream());
        guest.waitFor("/ # ", 180_000);
        assertTrue(guest.text().contains("Linux version"), "the boot log came over the socket from the start");
        OutputStream o = s.getOutputStream();
        o.write("echo tcp-$((6*7))\n".getBytes(StandardCharsets.US_ASCII));
        o.flush();
        guest.waitFor("tcp-42", 30_000);
        o.write("poweroff -f\n".getBytes(StandardCharsets.US_ASCII));
        o.flush();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    /** QEMU's server mode without nowait: the guest waits for the first client, so nothing is lost. */
    @Test
    void serialOnLoopbackTcpServer() throws Exception {
        Process p = start("-serial", "tcp::0,server", "-monitor", "none");
        try {
            TerminalTest.Output err = new TerminalTest.Output(p.getErrorStream());
            err.waitFor("waiting for a connection", 30_000);
            Matcher m = Pattern.compile("listening on tcp:127\\.0\\.0\\.1:(\\d+)").matcher(err.text());
            assertTrue(m.find());
            Thread.sleep(2000);
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                useShell(p, s);
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /** Client mode, {@code tcp:HOST:PORT}: jemu connects out to a listener (here the test's). */
    @Test
    void serialConnectsOutToATcpListener() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(60_000);
            Process p = start("-serial", "tcp:127.0.0.1:" + listener.getLocalPort(), "-monitor", "none");
            try (Socket s = listener.accept()) {
                useShell(p, s);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /** Nobody listening: one line and status 1, as QEMU fails to start then. */
    @Test
    void refusedConnectionIsOneLineAndStatus1() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process p = start("-serial", "tcp:127.0.0.1:" + port, "-monitor", "none");
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(Main.EXIT_INPUT, p.exitValue(), err);
            assertTrue(err.startsWith("jemu: -serial tcp:127.0.0.1:" + port + ": cannot connect: "), err);
            assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
        } finally {
            p.destroyForcibly();
        }
    }
}
