package org.jemu;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jemu.devices.ps2.Key;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The VGA console through the embedding API, no display needed: the small kernel boots with
 * {@code vgaConsole} on, its shell appears in the VGA text buffer, keys sent with
 * {@link Machine#sendKey} reach it through the i8042, and the kernel found what the zero page and
 * the devices told it (vgacon, an AT keyboard behind an i8042 in translated set 2).
 */
@Tag("boot")
class VgaConsoleTest {
    static final long BOOT_MS = 240_000, STEP_MS = 60_000;

    static String waitForScreen(Machine m, String text, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = m.inspect(Machine::screen).text();
            if (s.contains(text)) return s;
            Thread.sleep(200);
        }
        fail("timed out waiting for '" + text + "' on the screen:\n" + s);
        return s;
    }

    static void type(Machine m, Key... keys) {
        for (Key k : keys) {
            m.sendKey(k, true);
            m.sendKey(k, false);
        }
    }

    @Test
    void smallKernelShellOnTty0() throws Exception {
        Path k = ImageCache.find("small/bzImage"), i = ImageCache.find("seed/initramfs.cpio.gz");
        assumeTrue(k != null && i != null, "guest images not built: src-test-images/make-images.sh");
        Path config = k.resolveSibling("config");
        assumeTrue(Files.exists(config) && Files.readString(config).contains("CONFIG_VGA_CONSOLE=y"),
                "the small kernel was built without the VGA console: rerun src-test-images/make-images.sh small");
        MachineConfig c = new MachineConfig();
        c.kernel = k;
        c.initrd.add(i);
        c.append = "console=ttyS0 console=tty0";
        c.ramSize = 256L << 20;
        c.icountShift = 3;
        c.vgaConsole = true;
        ConsoleExpect serial = new ConsoleExpect();
        Machine m = new Machine(c, serial);
        serial.attach(m);
        CompletableFuture<Machine.Exit> run = CompletableFuture.supplyAsync(m::run);
        try {
            String boot = waitForScreen(m, "\n/ #\n", BOOT_MS);
            assertTrue(boot.contains("Hello Linux"), boot);
            String log = serial.output();
            assertTrue(log.contains("Console: colour VGA+ 80x25"), "vgacon took the screen:\n" + log);
            assertTrue(log.contains("input: AT Translated Set 2 keyboard"), "atkbd found the keyboard:\n" + log);
            type(m, Key.E, Key.C, Key.H, Key.O, Key.SPACE, Key.H, Key.E, Key.L, Key.L, Key.O, Key.ENTER);
            waitForScreen(m, "/ # echo hello\nhello\n/ #\n", STEP_MS);
            type(m, Key.P, Key.O, Key.W, Key.E, Key.R, Key.O, Key.F, Key.F, Key.SPACE, Key.MINUS, Key.F, Key.ENTER);
            assertEquals(Machine.Exit.POWER_OFF, run.get(STEP_MS, TimeUnit.MILLISECONDS));
            assertEquals(Machine.State.POWERED_OFF, m.state());
        } finally {
            m.stop();
        }
    }
}
