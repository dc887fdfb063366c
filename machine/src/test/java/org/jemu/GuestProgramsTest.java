package org.jemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The test-program initramfs on the small kernel: every program's output inside the booted guest
 * must equal its native run on this machine (expected.txt, made at image-build time), program by
 * program, exit status included.
 */
@Tag("boot")
class GuestProgramsTest {
    private static final Pattern RUN = Pattern.compile("=== BEGIN (\\w+) ===\n(.*?)=== END \\1 rc=(\\d+) ===", Pattern.DOTALL);

    static Map<String, String> programs(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = RUN.matcher(text.replace("\r\n", "\n"));
        while (x.find()) m.put(x.group(1), x.group(2) + "rc=" + x.group(3) + "\n");
        return m;
    }

    @Test
    void everyProgramMatchesItsNativeRun() throws Exception {
        Path kernel = ImageCache.find("small/bzImage"), initrd = ImageCache.find("tests/initramfs.cpio.gz"),
                expected = ImageCache.find("tests/expected.txt");
        assumeTrue(kernel != null && initrd != null && expected != null, "guest images not built: src-test-images/make-images.sh");
        MachineConfig cfg = new MachineConfig();
        cfg.kernel = kernel;
        cfg.initrd.add(initrd);
        cfg.append = "console=ttyS0 quiet panic=-1";   // quiet: the kernel's notes on the programs' own segfaults stay off the console
        cfg.icountShift = 3;
        cfg.noReboot = true;
        ConsoleExpect con = new ConsoleExpect();
        Machine m = new Machine(cfg, con);
        con.attach(m);
        CompletableFuture<Machine.Exit> run = CompletableFuture.supplyAsync(m::run);
        try {
            con.waitFor("=== jemu guest tests done ===", Duration.ofMinutes(8));
            assertEquals(Machine.Exit.POWER_OFF, run.get(2, TimeUnit.MINUTES));
        } finally {
            m.stop();
        }
        Map<String, String> want = programs(Files.readString(expected)), got = programs(con.output());
        assertEquals(want.keySet(), got.keySet(), "the same programs ran");
        for (String name : want.keySet()) assertEquals(want.get(name), got.get(name), name + ": guest output differs from the native run");
    }
}
