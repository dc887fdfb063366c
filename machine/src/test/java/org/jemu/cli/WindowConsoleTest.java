package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jemu.devices.vga.VgaFont;
import org.jemu.display.RobotTyper;
import org.jemu.display.ScreenDecoder;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's end-to-end test: jemu as a user runs it without -nographic, its window on an X server
 * (Xvfb), the small kernel on the VGA console (console=tty0). Keys typed through the monitor's
 * sendkey, and through the X server into the window, reach the shell through the i8042; the
 * monitor's screendump shows the result, read back by matching the font's glyphs.
 * Skips when Xvfb or a small kernel with the VGA console is missing.
 */
@Tag("boot")
class WindowConsoleTest {
    private static final long BOOT_MS = 240_000, STEP_MS = 60_000;
    @TempDir Path dir;
    private final List<Process> processes = new ArrayList<>();
    private OutputStream monitor;
    private TerminalTest.Output out;
    private int dumps;

    @AfterEach
    void stop() {
        for (Process p : processes) p.destroyForcibly();
    }

    private static Path image(String name) {
        Path p = ImageCache.find(name);
        assumeTrue(p != null, "guest image " + name + " not built: src-test-images/make-images.sh");
        return p;
    }

    private static Path xvfb() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "Xvfb");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Starts Xvfb on a free display (it prints the number on -displayfd when ready) and returns ":N". */
    private String startXvfb(Path xvfb) throws IOException {
        Process x = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectError(dir.resolve("xvfb.log").toFile()).start();
        processes.add(x);
        BufferedReader r = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII));
        String n = r.readLine();
        assertNotNull(n, "Xvfb did not start: " + Files.readString(dir.resolve("xvfb.log")));
        return ":" + n.trim();
    }

    private void command(String line) throws IOException {
        monitor.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        monitor.flush();
    }

    /** The screen as text, through screendump and glyph matching. */
    private String screen() throws Exception {
        Path png = dir.resolve("screen" + dumps++ + ".png");
        command("screendump " + png);
        long end = System.currentTimeMillis() + STEP_MS;
        while (!Files.exists(png)) {
            if (System.currentTimeMillis() > end) fail("no screendump; jemu said:\n" + out.text());
            Thread.sleep(50);
        }
        return new ScreenDecoder(VgaFont.standard()).decode(ImageIO.read(png.toFile()));
    }

    private String waitForScreen(String text, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = screen();
            if (s.contains(text)) return s;
            Thread.sleep(1000);
        }
        fail("timed out waiting for '" + text + "' on the screen:\n" + s + "\njemu said:\n" + out.text());
        return s;
    }

    @Test
    void typesIntoTheShellOnTheVgaConsole() throws Exception {
        Path kernel = image("small/bzImage"), initrd = image("seed/initramfs.cpio.gz");
        Path config = kernel.resolveSibling("config");
        assumeTrue(Files.exists(config) && Files.readString(config).contains("CONFIG_VGA_CONSOLE=y"),
                "the small kernel was built without the VGA console: rerun src-test-images/make-images.sh small");
        assumeTrue(Files.exists(Path.of(System.getProperty("java.home"), "lib", "libawt_xawt.so")),
                "this JDK has no X11 AWT (Debian: openjdk-17-jre, not only -headless)");
        Path xvfb = xvfb();
        assumeTrue(xvfb != null, "Xvfb not installed (Debian package xvfb)");
        String display = startXvfb(xvfb);

        List<String> cmd = new ArrayList<>(TerminalTest.jemuCommand());
        cmd.addAll(List.of("-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", "console=tty0 quiet",
                "-icount", "3", "-m", "256M", "-display", "window", "-serial", "null", "-monitor", "stdio"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process jemu = pb.start();
        processes.add(jemu);
        out = new TerminalTest.Output(jemu.getInputStream());
        monitor = jemu.getOutputStream();
        out.waitFor("(jemu) ", STEP_MS);
        long end = System.currentTimeMillis() + STEP_MS;   // the prompt comes before the machine is built
        do {
            command("info status");
            Thread.sleep(200);
        } while (!out.text().contains("VM status: running") && System.currentTimeMillis() < end);

        String boot = waitForScreen("\n/ #\n", BOOT_MS);
        assertTrue(boot.contains("Hello Linux"), boot);

        for (String key : "e c h o spc h e l l o ret".split(" ")) command("sendkey " + key + " 20");
        String typed = waitForScreen("/ # echo hello\nhello\n/ #\n", STEP_MS);
        assertFalse(typed.contains("?"), "every cell matched a glyph:\n" + typed);

        command("sendkey shift-a-b 20");      // a chord: shift held over both keys
        command("sendkey ctrl-c");
        waitForScreen("/ # AB^C\n/ #\n", STEP_MS);

        // A person's keys: through the X server into the window, then the same path to the guest.
        ProcessBuilder robot = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RobotTyper.class.getName(), "360", "200", "echo robot\n")
                .redirectErrorStream(true).redirectOutput(dir.resolve("robot.log").toFile());
        robot.environment().put("DISPLAY", display);
        Process r = robot.start();
        processes.add(r);
        assertTrue(r.waitFor(STEP_MS, TimeUnit.MILLISECONDS), "robot typing");
        assertEquals(0, r.exitValue(), Files.readString(dir.resolve("robot.log")));
        String robotTyped = waitForScreen("\nrobot\n/ #\n", STEP_MS);   // a late kernel message may split the echoed line
        assertTrue(robotTyped.contains("/ # echo "), robotTyped);

        command("quit");
        assertTrue(jemu.waitFor(STEP_MS, TimeUnit.MILLISECONDS), "quit");
        assertEquals(0, jemu.exitValue(), out.text());
    }
}
