package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as a user meets it: jemu in a real pseudo-terminal (a private tmux server), booting the
 * small kernel, typing into the guest's shell, switching to the monitor and back with C-a c, leaving
 * with C-a x, and the terminal settings afterwards equal to those before ({@code stty -g}). Also the
 * same program with stdin a pipe. Skips when tmux or the guest images are absent.
 */
@Tag("boot")
class TerminalTest {
    private static final long BOOT_MS = 180_000, STEP_MS = 30_000;
    private final String socket = "jemu-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean tmuxStarted;

    @TempDir Path dir;

    private static Path image(String name) {
        Path p = ImageCache.find(name);
        assumeTrue(p != null, "guest image " + name + " not built: src-test-images/make-images.sh");
        return p;
    }

    static List<String> jemuCommand() { return jemu(); }

    static List<String> bootArgsForTests() { return bootArgs(); }

    private static List<String> jemu(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static List<String> bootArgs() {
        return List.of("-kernel", image("small/bzImage").toString(), "-initrd", image("seed/initramfs.cpio.gz").toString(),
                "-nographic", "-append", "console=ttyS0", "-icount", "3", "-m", "256M");
    }

    private static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", "t");
    }

    private String waitScreen(Pattern p, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = screen();
            if (p.matcher(s).find()) return s;
            Thread.sleep(200);
        }
        fail("timed out waiting for /" + p + "/ on the terminal:\n" + s);
        return s;
    }

    private static String waitFile(Path f, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(f) && Files.size(f) > 0) {
                Thread.sleep(100);
                return Files.readString(f).trim();
            }
            Thread.sleep(100);
        }
        fail("timed out waiting for " + f);
        return null;
    }

    private static boolean haveTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @AfterEach
    void killTmux() throws Exception {
        if (tmuxStarted) tmux("kill-server");
    }

    /** Starts jemu in a fresh pty; the shell records stty -g before and after, and jemu's exit status. */
    private void startInTmux(List<String> jemuArgs) throws Exception {
        assumeTrue(haveTmux(), "tmux is not installed (apt-get install tmux)");
        List<String> cmd = jemu(jemuArgs.toArray(new String[0]));
        StringBuilder line = new StringBuilder();
        for (String c : cmd) line.append(quote(c)).append(' ');
        Path before = dir.resolve("before"), after = dir.resolve("after"), status = dir.resolve("status"), pid = dir.resolve("pid");
        String script = "stty -g > " + quote(before.toString()) + "; "
                + "sh -c 'echo $$ > " + pid + "; exec \"$0\" \"$@\"' " + line + "; "
                + "echo $? > " + quote(status.toString()) + "; stty -g > " + quote(after.toString()) + "; sleep 600";
        tmux("new-session", "-d", "-s", "t", "-x", "160", "-y", "50", "sh", "-c", script);
        tmuxStarted = true;
    }

    @Test
    void typeIntoTheGuestUseTheMonitorAndExitRestoringTheTerminal() throws Exception {
        List<String> args = new ArrayList<>(bootArgs());
        startInTmux(args);
        waitScreen(Pattern.compile("(?m)^/ # $"), BOOT_MS);
        tmux("send-keys", "-t", "t", "-l", "echo hi-$((6*7))");
        tmux("send-keys", "-t", "t", "Enter");
        waitScreen(Pattern.compile("(?m)^hi-42\\s*$"), STEP_MS);
        // Ctrl-C reaches the guest as a byte (not a signal for jemu): it interrupts the guest's sleep.
        tmux("send-keys", "-t", "t", "-l", "sleep 1000");
        tmux("send-keys", "-t", "t", "Enter");
        Thread.sleep(500);
        tmux("send-keys", "-t", "t", "C-c");
        tmux("send-keys", "-t", "t", "-l", "echo interrupted");
        tmux("send-keys", "-t", "t", "Enter");
        waitScreen(Pattern.compile("(?m)^interrupted\\s*$"), STEP_MS);
        tmux("send-keys", "-t", "t", "C-a", "c");
        waitScreen(Pattern.compile("\\(jemu\\) $"), STEP_MS);
        tmux("send-keys", "-t", "t", "-l", "info registers");
        tmux("send-keys", "-t", "t", "Enter");
        String regs = waitScreen(Pattern.compile("(?m)^RIP=[0-9a-f]{16} RFL=[0-9a-f]{8} \\[[-DOSZAPC]{7}\\] CPL=[0-3]"), STEP_MS);
        assertTrue(regs.contains("EFER=0000000000000d01") || regs.contains("EFER=0000000000000501"), regs);
        tmux("send-keys", "-t", "t", "C-a", "c");
        tmux("send-keys", "-t", "t", "-l", "echo back-$((1+1))");
        tmux("send-keys", "-t", "t", "Enter");
        waitScreen(Pattern.compile("(?m)^back-2\\s*$"), STEP_MS);
        tmux("send-keys", "-t", "t", "C-a", "x");
        assertEquals("0", waitFile(dir.resolve("status"), STEP_MS));
        waitFile(dir.resolve("after"), STEP_MS);
        assertEquals(Files.readString(dir.resolve("before")), Files.readString(dir.resolve("after")), "stty -g before and after");
        assertTrue(screen().contains("jemu: terminated"));
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        startInTmux(bootArgs());
        waitScreen(Pattern.compile("(?m)^/ # $"), BOOT_MS);
        String tty = tmux("display-message", "-p", "-t", "t", "#{pane_tty}").trim();
        Process st = new ProcessBuilder("stty", "-F", tty, "-g").redirectErrorStream(true).start();
        String during = new String(st.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        st.waitFor();
        assertTrue(!during.equals(Files.readString(dir.resolve("before"))), "raw mode while jemu runs: " + during);
        Process raw = new ProcessBuilder("stty", "-F", tty, "-a").redirectErrorStream(true).start();
        String a = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        raw.waitFor();
        assertTrue(a.contains("-icanon") && a.contains("-echo ") && a.contains("-isig"), a);
        long pid = Long.parseLong(waitFile(dir.resolve("pid"), STEP_MS));
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        assertTrue(h.info().command().orElse("").endsWith("java"), "the pid is our jemu");
        new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor();
        waitFile(dir.resolve("after"), STEP_MS);
        assertEquals(Files.readString(dir.resolve("before")), Files.readString(dir.resolve("after")), "stty -g before and after");
    }

    /** Stdin a pipe: no raw mode, the keys still work, and end of input does not end the guest. */
    @Test
    void pipedStdinEndOfInputLeavesTheGuestRunning() throws Exception {
        Process p = new ProcessBuilder(jemu(bootArgs().toArray(new String[0]))).redirectErrorStream(true).start();
        Output out = new Output(p.getInputStream());
        try {
            out.waitFor("/ # ", BOOT_MS);
            OutputStream in = p.getOutputStream();
            in.write("sleep 2; echo alive-$((6*7)); poweroff -f\n".getBytes(StandardCharsets.US_ASCII));
            in.close();
            out.waitFor("alive-42", STEP_MS);
            assertTrue(p.waitFor(STEP_MS, TimeUnit.MILLISECONDS), "jemu exits after the guest powers off");
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void pipedEscapeKeysHelpMonitorAndExit() throws Exception {
        Process p = new ProcessBuilder(jemu(bootArgs().toArray(new String[0]))).redirectErrorStream(true).start();
        Output out = new Output(p.getInputStream());
        try {
            out.waitFor("/ # ", BOOT_MS);
            OutputStream in = p.getOutputStream();
            in.write("\u0001h\u0001cinfo cpus\nxp/2xb 0\n\u0001c\u0001x".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertTrue(p.waitFor(STEP_MS, TimeUnit.MILLISECONDS), "C-a x ends jemu");
            assertEquals(0, p.exitValue());
            String s = out.text();
            assertTrue(s.contains("C-a x    exit emulator"), s);
            assertTrue(s.contains("* CPU #0: pc=0x"), s);
            assertTrue(s.contains("0000000000000000: 0x"), s);
            assertTrue(s.contains("jemu: terminated"), s);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Collects a process's output on a thread. */
    static final class Output {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Output(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] b = new byte[4096];
                int n;
                try {
                    while ((n = in.read(b)) > 0) synchronized (buf) { buf.write(b, 0, n); }
                } catch (IOException e) {
                    // process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
        }

        void waitFor(String s, long ms) throws InterruptedException {
            long end = System.currentTimeMillis() + ms;
            while (System.currentTimeMillis() < end) {
                if (text().contains(s)) return;
                Thread.sleep(100);
            }
            fail("timed out waiting for '" + s + "' in:\n" + text());
        }
    }
}
