package org.jemu.user;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the C test programs under src/test/c with the host gcc ({@code -O2 -static}) into
 * target/c-bin, once per source change, and runs them natively: the oracle for {@code jemu user}.
 * Tests that need them are skipped (not failed) when gcc or static glibc is absent.
 */
final class CPrograms {
    static final Path SOURCES = Path.of("src/test/c");
    static final Path BINARIES = Path.of("target/c-bin");

    private CPrograms() {}

    /** The result of one run: exit status, stdout, stderr. */
    record Result(int status, byte[] out, String err) {
        String outText() { return new String(out, java.nio.charset.StandardCharsets.UTF_8); }
    }

    private static Boolean gccWorks;

    /** The static binary for {@code name}.c, compiled if needed; skips the test when gcc is missing. */
    static synchronized Path binary(String name) throws IOException, InterruptedException {
        if (gccWorks == null) gccWorks = probe();
        assumeTrue(gccWorks, "gcc with static glibc is not available");
        Path src = SOURCES.resolve(name + ".c");
        Path bin = BINARIES.resolve(name);
        if (Files.exists(bin) && Files.getLastModifiedTime(bin).compareTo(Files.getLastModifiedTime(src)) >= 0) return bin;
        Files.createDirectories(BINARIES);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O2", "-static", "-w"));
        cmd.addAll(cflags(src));
        cmd.addAll(List.of("-o", bin.toString(), src.toString(), "-lm"));
        Result r = exec(cmd, Map.of(), null);
        if (r.status() != 0) throw new IOException("gcc failed for " + src + ":\n" + r.err());
        Files.setLastModifiedTime(bin, FileTime.fromMillis(System.currentTimeMillis()));
        return bin;
    }

    /** Extra gcc options from a first line {@code /* cflags: -msse4.2 *\/} of the source. */
    static List<String> cflags(Path src) throws IOException {
        String first = Files.readAllLines(src).stream().findFirst().orElse("");
        int i = first.indexOf("cflags:");
        if (!first.startsWith("/*") || i < 0) return List.of();
        String opts = first.substring(i + "cflags:".length()).replace("*/", "").strip();
        return opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    private static boolean probe() {
        try {
            Files.createDirectories(BINARIES);
            Path src = BINARIES.resolve("probe.c");
            Files.writeString(src, "int main(void){return 0;}\n");
            Result r = exec(List.of("gcc", "-static", "-o", BINARIES.resolve("probe").toString(), src.toString()), Map.of(), null);
            return r.status() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a host command with exactly the environment {@code env}, stdin from /dev/null (or cwd given). */
    static Result exec(List<String> cmd, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (!env.isEmpty() || cmd.get(0).startsWith(BINARIES.toString())) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        if (dir != null) pb.directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Thread t1 = pump(p.getInputStream(), out), t2 = pump(p.getErrorStream(), err);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout running " + cmd);
        }
        t1.join();
        t2.join();
        return new Result(p.exitValue(), out.toByteArray(), err.toString());
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        t.start();
        return t;
    }

    /** Runs {@code bin args} under jemu user in this JVM, with exactly the environment {@code env}. */
    /**
     * Runs {@code bin} under {@code jemu user} twice, on the JIT (the default) and on the
     * interpreter alone; the two runs must agree in status and output. Returns the JIT's run.
     */
    static Result jemu(Path bin, List<String> args, List<String> env, long maxInsns) {
        Result jit = jemu(bin, args, env, maxInsns, "jit"), interp = jemu(bin, args, env, maxInsns, "interp");
        if (jit.status() != interp.status() || !java.util.Arrays.equals(jit.out(), interp.out()))
            throw new AssertionError(bin.getFileName() + ": the JIT and the interpreter differ: status " + jit.status()
                    + " vs " + interp.status() + "\n--- jit ---\n" + jit.outText() + jit.err() + "\n--- interp ---\n"
                    + interp.outText() + interp.err());
        return jit;
    }

    static Result jemu(Path bin, List<String> args, List<String> env, long maxInsns, String accel) {
        List<String> a = new ArrayList<>(List.of("-accel", accel, "-i", "-m", "256", "-max-insns", Long.toString(maxInsns)));
        for (String e : env) {
            a.add("-E");
            a.add(e);
        }
        a.add(bin.toString());
        a.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = UserMain.run(a.toArray(new String[0]), InputStream.nullInputStream(), out, err, false);
        return new Result(status, out.toByteArray(), err.toString());
    }
}
