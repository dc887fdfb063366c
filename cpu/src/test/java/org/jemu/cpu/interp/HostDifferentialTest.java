package org.jemu.cpu.interp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interpreter against the host CPU (the strongest oracle, ../shared/DESIGN.md): every snippet in the
 * case files under {@code src/test/resources/interp/} runs natively and on the interpreter from the
 * same random states ({@link StateGen}); registers, flags, x87/MMX/SSE state and memory must match.
 * One line is one snippet (AT&T syntax, ';' between instructions). The exec package verified the
 * semantics on the host already; these cases check the plumbing: operand fetch from xmm, mm, GPRs and
 * memory of each width, destination writes, REX.W forms, immediates, the implicit XMM0, flags.
 *
 * <p>{@code -Djemu.snippets.scale=N} multiplies the states per snippet; {@code -Djemu.snippets.seed}
 * changes them.
 */
class HostDifferentialTest {
    /** Case files and whether their states get a random x87 part. */
    static final String[] FILES = {"sse3-sse4.txt", "mmx.txt", "x87.txt"};
    static final boolean[] X87_STATE = {true, true, true};
    static final int STATES = 12 * Integer.getInteger("jemu.snippets.scale", 1);
    static final long SEED = Long.getLong("jemu.snippets.seed", 1);

    /** {@code approx}: the line started with '~' (XMM lanes compared with a tolerance). */
    record Case(String name, String asm, boolean x87, boolean approx) {
        @Override public String toString() { return name; }
    }

    private static final Map<String, List<HostSnippets.State>> INIT = new LinkedHashMap<>(), NATIVE = new LinkedHashMap<>();
    private static final Map<String, byte[]> CODE = new LinkedHashMap<>();

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (int f = 0; f < FILES.length; f++) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    HostDifferentialTest.class.getResourceAsStream("/interp/" + FILES[f]), StandardCharsets.UTF_8))) {
                int n = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) continue;
                    boolean approx = t.startsWith("~");
                    if (approx) t = t.substring(1).strip();
                    out.add(new Case(FILES[f] + ":" + n + ": " + t, t, X87_STATE[f], approx));
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void runNatively() throws Exception {
        List<Case> all = cases().toList();
        List<byte[]> codes = HostSnippets.assemble(all.stream().map(Case::asm).toList());
        List<byte[]> runCodes = new ArrayList<>();
        List<HostSnippets.State> runStates = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Case c = all.get(i);
            Random r = new Random(SEED * 1_000_003L + c.asm().hashCode());
            List<HostSnippets.State> states = new ArrayList<>();
            for (int k = 0; k < STATES; k++) {
                HostSnippets.State s = StateGen.state(r, c.x87());
                states.add(s);
                runCodes.add(codes.get(i));
                runStates.add(s);
            }
            INIT.put(c.name(), states);
            CODE.put(c.name(), codes.get(i));
        }
        List<HostSnippets.State> results = HostSnippets.runNative(runCodes, runStates);
        int k = 0;
        for (Case c : all) {
            NATIVE.put(c.name(), new ArrayList<>(results.subList(k, k + STATES)));
            k += STATES;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAsHost(Case c) {
        List<HostSnippets.State> init = INIT.get(c.name()), nat = NATIVE.get(c.name());
        byte[] code = CODE.get(c.name());
        StringBuilder failures = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < init.size(); i++) {
            HostSnippets.State emu = HostSnippets.runJemu(code, init.get(i));
            String diff = HostSnippets.compare(nat.get(i), emu, c.approx() ? 0x1800 : 0);
            if (!diff.isEmpty() && bad++ < 2)
                failures.append("state ").append(i).append(":\n").append(HostSnippets.describe(init.get(i))).append(diff).append('\n');
        }
        if (bad > 0) fail(bad + " of " + init.size() + " states differ\n" + failures);
    }
}
