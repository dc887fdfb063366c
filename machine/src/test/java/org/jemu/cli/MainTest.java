package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's contract: exit statuses and one-line errors, as the README states them. */
class MainTest {
    private String out, err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    private void assertOneLineError(String containing) {
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "one line: " + err);
        assertTrue(err.startsWith("jemu: ") && err.contains(containing), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("-kernel") && out.contains("-initrd") && out.contains("-append") && out.contains("-nographic"));
        assertEquals(0, run("-h"));
    }

    @Test
    void versionNamesTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.startsWith("jemu version "), out);
    }

    @Test
    void missingKernelIsStatus1() {
        assertEquals(1, run("-kernel", "/nonexistent/bzImage"));
        assertOneLineError("/nonexistent/bzImage");
    }

    @Test
    void missingInitrdIsStatus1(@TempDir Path dir) throws IOException {
        Path k = dir.resolve("k");
        Files.write(k, new byte[16]);
        assertEquals(1, run("-kernel", k.toString(), "-initrd", dir.resolve("missing.cpio").toString()));
        assertOneLineError("missing.cpio");
    }

    @Test
    void malformedKernelIsStatus1(@TempDir Path dir) throws IOException {
        Path k = dir.resolve("notakernel");
        Files.writeString(k, "#!/bin/sh\necho hi\n");
        assertEquals(1, run("-kernel", k.toString()));
        assertOneLineError("not a Linux kernel");
    }

    @ParameterizedTest
    @CsvSource({"-bogus", "-hda", "-enable-kvm", "--monitor"})
    void unknownOptionIsStatus2(String opt) {
        assertEquals(2, run(opt));
        assertOneLineError(opt);
    }

    @ParameterizedTest
    @CsvSource({"-smp,2", "-accel,kvm", "-m,8M", "-m,12Q", "-m,-5", "-m,3G"})
    void unsupportedValueIsStatus2(String opt, String value) {
        assertEquals(2, run(opt, value, "-kernel", "/nonexistent"));
        assertOneLineError(opt);
    }

    @Test
    void optionWithoutValueIsStatus2() {
        assertEquals(2, run("-kernel"));
        assertOneLineError("needs a value");
    }

    @ParameterizedTest
    @CsvSource({"512,536870912", "512M,536870912", "512m,536870912", "1G,1073741824", "65536K,67108864", "size=64M,67108864"})
    void memorySizesParseAsQemuDoes(String spec, long bytes) throws UsageException {
        assertEquals(bytes, Options.parseMemory(spec));
    }

    @Test
    void displayOptionErrorsAreStatus2() {
        assertEquals(2, run("-display", "vnc", "-kernel", "/nonexistent"));
        assertOneLineError("-display vnc: unsupported (use none or window)");
        assertEquals(2, run("-nographic", "-display", "none", "-kernel", "/nonexistent"));
        assertOneLineError("-nographic cannot be used with -display");
    }

    /** Without -nographic jemu wants a window; with no display it says so in one line and exits 1. */
    @Test
    void noDisplayIsOneLineAndStatus1() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.awt.GraphicsEnvironment.isHeadless(), "a display is available here");
        Path k = org.jemu.loader.ImageCache.find("small/bzImage");
        org.junit.jupiter.api.Assumptions.assumeTrue(k != null, "guest image small/bzImage not built: src-test-images/make-images.sh");
        assertEquals(1, run("-kernel", k.toString()));
        assertEquals("jemu: no display available (use -nographic or -display none)\n", err);
        assertEquals(1, run("-kernel", k.toString(), "-display", "window"));
        assertOneLineError("no display available");
    }
}
