package org.jemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * long double libm (glibc's expl/logl/sinl/... run FYL2X, F2XM1, FPATAN, FSIN, FPTAN). jemu's x87
     * transcendentals are correctly rounded; this machine's CPU (an AMD EPYC) is not always, so the
     * comparison is exact except that a %La value may differ from the native one by one unit in the
     * last place, and at most {@link #MAX_ULP_DIFFERENCES} values may. The differences per instruction
     * are listed in cpu/src/test/resources/x87/transcendental-differences.txt.
     */
    @ParameterizedTest(name = "longdouble_libm")
    @MethodSource("none")
    void longDoubleLibm(String ignored) throws Exception {
        Path bin = CPrograms.binary("longdouble_libm");
        CPrograms.Result nat = CPrograms.exec(List.of(bin.toString()), ENV, null);
        CPrograms.Result emu = CPrograms.jemu(bin, List.of(), envList(), MAX_INSNS);
        assertEquals(nat.status(), emu.status(), emu.err());
        String[] want = nat.outText().split("\\s+"), got = emu.outText().split("\\s+");
        assertEquals(want.length, got.length, emu.outText());
        int ulpDifferences = 0;
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals(got[i])) continue;
            assertEquals(1, ulpDistance(want[i], got[i]), "value " + i + ": native " + want[i] + ", jemu " + got[i]);
            ulpDifferences++;
        }
        assertTrue(ulpDifferences <= MAX_ULP_DIFFERENCES, ulpDifferences + " values differ by one ulp");
    }

    static final int MAX_ULP_DIFFERENCES = 8;

    /**
     * Distance in units of the last place between two glibc %La long doubles ("0xH.HHHp+E", 64-bit
     * significand: one leading hex digit and up to 15 fraction digits); -1 when not comparable.
     */
    static long ulpDistance(String a, String b) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(-?)0x([0-9a-f])\\.?([0-9a-f]*)p([+-]\\d+)");
        java.util.regex.Matcher x = p.matcher(a), y = p.matcher(b);
        if (!x.matches() || !y.matches() || !x.group(1).equals(y.group(1)) || !x.group(4).equals(y.group(4))) return -1;
        long sa = Long.parseUnsignedLong(x.group(2) + (x.group(3) + "000000000000000").substring(0, 15), 16);
        long sb = Long.parseUnsignedLong(y.group(2) + (y.group(3) + "000000000000000").substring(0, 15), 16);
        return Math.abs(sa - sb);
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
