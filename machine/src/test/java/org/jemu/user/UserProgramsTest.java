package org.jemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end oracle: each C program runs natively and under {@code jemu user} with the same
 * arguments and environment; stdout and the exit status must be identical.
 */
class UserProgramsTest {
    /** Generous: the slowest program runs well under this on the interpreter. */
    static final long MAX_INSNS = 2_000_000_000L;
    static final Map<String, String> ENV = new LinkedHashMap<>();

    static {
        ENV.put("JEMU_TEST", "yes");
        ENV.put("LC_ALL", "C");
        ENV.put("EMPTY", "");
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("hello", List.of()),
                Arguments.of("exit_status", List.of()),
                Arguments.of("exit_status", List.of("7")),
                Arguments.of("intarith", List.of()),
                Arguments.of("strings", List.of()),
                Arguments.of("qsort", List.of()),
                Arguments.of("printf", List.of()),
                Arguments.of("malloc", List.of()),
                Arguments.of("auxv", List.of("one", "two words", "")),
                Arguments.of("segv", List.of()),
                Arguments.of("abort", List.of()),
                Arguments.of("signals", List.of()),
                Arguments.of("ifunc_strings", List.of()),
                Arguments.of("simd_sse42", List.of()),
                Arguments.of("mmx", List.of()),
                Arguments.of("longdouble", List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void sameAsNative(String name, List<String> args) throws Exception {
        Path bin = CPrograms.binary(name);
        compare(bin, args);
    }

    @ParameterizedTest(name = "files")
    @MethodSource("none")
    void files(String ignored, @TempDir Path dir) throws Exception {
        Path bin = CPrograms.binary("files");
        Path a = Files.createDirectory(dir.resolve("native")), b = Files.createDirectory(dir.resolve("jemu"));
        CPrograms.Result nat = CPrograms.exec(List.of(bin.toString(), a.toString()), ENV, null);
        CPrograms.Result emu = CPrograms.jemu(bin, List.of(b.toString()), envList(), MAX_INSNS);
        assertEquals(nat.outText(), emu.outText(), emu.err());
        assertEquals(nat.status(), emu.status(), emu.err());
    }

    /** glibc sees exactly the extensions jemu advertises (and its ifuncs choose by them). */
    @ParameterizedTest(name = "cpu features")
    @MethodSource("none")
    void cpuFeaturesSeenByGlibc(String ignored) throws Exception {
        Path bin = CPrograms.binary("ifunc_strings");
        CPrograms.Result emu = CPrograms.jemu(bin, List.of("cpu"), envList(), MAX_INSNS);
        assertEquals("sse3=1 ssse3=1 sse4.1=1 sse4.2=1 popcnt=1 mmx=1 avx=0 avx2=0\n", emu.outText(), emu.err());
    }

    /**
     * long double libm: runs once the x87 unit has its transcendental instructions (until then jemu
     * stops with "transcendental" and the test is skipped, not failed).
     */
    @ParameterizedTest(name = "longdouble_libm")
    @MethodSource("none")
    void longDoubleLibm(String ignored) throws Exception {
        Path bin = CPrograms.binary("longdouble_libm");
        CPrograms.Result emu = CPrograms.jemu(bin, List.of(), envList(), MAX_INSNS);
        org.junit.jupiter.api.Assumptions.assumeFalse(emu.err().contains("transcendental"),
                "x87 transcendentals not implemented yet: " + emu.err().strip());
        compare(bin, List.of());
    }

    static Stream<Arguments> none() {
        return Stream.of(Arguments.of("x"));
    }

    private static List<String> envList() {
        List<String> env = new ArrayList<>();
        ENV.forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }

    static void compare(Path bin, List<String> args) throws Exception {
        // env -i keeps the variables in the order given, as jemu's -E does (ProcessBuilder would not).
        List<String> cmd = new ArrayList<>(List.of("env", "-i"));
        cmd.addAll(envList());
        cmd.add(bin.toString());
        cmd.addAll(args);
        CPrograms.Result nat = CPrograms.exec(cmd, Map.of(), null);
        CPrograms.Result emu = CPrograms.jemu(bin, args, envList(), MAX_INSNS);
        assertEquals(nat.outText(), emu.outText(), "stdout differs; jemu stderr: " + emu.err());
        assertEquals(nat.status(), emu.status(), "exit status differs; jemu stderr: " + emu.err());
    }
}
