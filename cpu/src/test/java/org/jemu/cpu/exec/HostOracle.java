package org.jemu.cpu.exec;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds a C oracle from {@code src/test/c} with the host's gcc and runs it; the output lines are
 * test vectors computed by the host CPU. Tests are skipped (not failed) when the host is not x86-64
 * or gcc is missing.
 */
final class HostOracle {
    private HostOracle() {}

    static List<String> run(String source, String... args) {
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "host is not x86-64");
        Path src = Paths.get("src/test/c", source).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(src), "oracle source not found: " + src);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jemu-oracle");
            Path exe = dir.resolve("oracle");
            int rc;
            try {
                Process gcc = new ProcessBuilder("gcc", "-O1", "-mno-red-zone", "-o", exe.toString(),
                        src.toString(), "-lm").redirectErrorStream(true).start();
                String msg = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                rc = gcc.waitFor();
                if (rc != 0) throw new IllegalStateException("gcc failed:\n" + msg);
            } catch (IOException e) {
                Assumptions.abort("gcc not available: " + e.getMessage());
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(exe.toString());
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("oracle " + source + " failed");
            }
            return lines;
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

    /** The seed for random vectors: fixed unless {@code -Djemu.oracle.seed=N} is given. */
    static String seed() {
        return System.getProperty("jemu.oracle.seed", "1");
    }

    /** Random cases per op/size: {@code -Djemu.oracle.scale=100} runs 100 times more. */
    static String randomCount(int base) {
        return Integer.toString(base * Integer.getInteger("jemu.oracle.scale", 1));
    }
}
