package org.jemu.cpu.x87;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds {@code src/test/c/x87/x87_oracle.c} with the host's gcc into a temp directory and streams
 * its output lines (vectors computed by the host's x87) to a consumer. Skips (not fails) when the
 * host is not x86-64 or gcc is missing.
 */
final class X87HostOracle {
    private X87HostOracle() {}

    static void run(Consumer<String> sink, String... args) {
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "host is not x86-64");
        Path src = Paths.get("src/test/c/x87/x87_oracle.c").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(src), "oracle source not found: " + src);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jemu-x87");
            Path exe = dir.resolve("x87_oracle");
            try {
                Process gcc = new ProcessBuilder("gcc", "-O1", "-mno-red-zone", "-o", exe.toString(),
                        src.toString()).redirectErrorStream(true).start();
                String msg = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (gcc.waitFor() != 0) throw new IllegalStateException("gcc failed:\n" + msg);
            } catch (IOException e) {
                Assumptions.abort("gcc not available: " + e.getMessage());
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(exe.toString());
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII), 1 << 16)) {
                for (String l; (l = r.readLine()) != null; ) sink.accept(l);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("x87 oracle failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }
}
