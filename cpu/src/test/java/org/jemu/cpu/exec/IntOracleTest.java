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
 * Integer semantics against the host CPU: {@code src/test/c/int_oracle.c} executes each instruction
 * natively over edge and seeded random inputs; every result and every defined flag must match.
 * One dynamic test per instruction and operand size.
 */
class IntOracleTest {
    @TestFactory
    Stream<DynamicTest> hostVectors() {
        List<String> lines = HostOracle.run("int_oracle.c", HostOracle.seed(), HostOracle.randomCount(300));
        Map<String, List<IntCase>> groups = new LinkedHashMap<>();
        for (String l : lines) {
            IntCase c = IntCase.parse(l);
            groups.computeIfAbsent(c.op + " " + c.size, k -> new ArrayList<>()).add(c);
        }
        assertTrue(groups.size() > 100, "oracle produced too few groups: " + groups.size());
        boolean verbose = Boolean.getBoolean("jemu.oracle.verbose");
        return groups.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + " (" + e.getValue().size() + " vectors)", () -> {
                    List<String> bad = new ArrayList<>();
                    int n = 0;
                    long undef = 0;
                    int undefCount = 0;
                    for (IntCase c : e.getValue()) {
                        String msg = c.check();
                        if (msg != null && ++n <= 10) bad.add(msg);
                        long u = c.undefinedDiff();
                        if (u != 0) { undef |= u; undefCount++; }
                    }
                    if (verbose && undefCount > 0) {
                        System.out.printf("%s: undefined flags %s differ from host in %d of %d%n",
                                e.getKey(), IntCase.names(undef), undefCount, e.getValue().size());
                    }
                    if (n > 0) fail(n + " of " + e.getValue().size() + " mismatches:\n" + String.join("\n", bad));
                }));
    }
}
