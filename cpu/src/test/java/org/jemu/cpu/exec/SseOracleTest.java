package org.jemu.cpu.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SSE/SSE2 semantics against the host CPU: {@code src/test/c/sse_oracle.c} executes each instruction
 * natively over NaN/infinity/denormal/signed-zero/boundary and seeded random inputs, under the default
 * MXCSR and (for floating-point instructions) every rounding mode with and without FTZ/DAZ and with
 * exceptions unmasked; results, MXCSR and whether #XM is raised must match bit for bit. One dynamic
 * test per instruction (and immediate), and one for its runs under the other MXCSR settings.
 * {@code -Djemu.oracle.seed=N} and {@code -Djemu.oracle.scale=K} vary and enlarge the run.
 */
class SseOracleTest {
    @TestFactory
    Stream<DynamicTest> hostVectors() {
        List<String> lines = HostOracle.run("sse_oracle.c", HostOracle.seed(), HostOracle.randomCount(400));
        Map<String, List<SseCase>> groups = new LinkedHashMap<>();
        for (String l : lines) {
            SseCase c = SseCase.parse(l);
            groups.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        assertTrue(groups.size() > 150, "oracle produced too few groups: " + groups.size());
        return groups.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + " (" + e.getValue().size() + " vectors)", () -> {
                    List<String> bad = new ArrayList<>();
                    int n = 0;
                    for (SseCase c : e.getValue()) {
                        String msg = c.check();
                        if (msg != null && ++n <= 10) bad.add(msg);
                    }
                    if (n > 0) fail(n + " of " + e.getValue().size() + " mismatches:\n" + String.join("\n", bad));
                }));
    }
}
