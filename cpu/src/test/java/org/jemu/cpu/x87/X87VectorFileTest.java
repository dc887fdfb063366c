package org.jemu.cpu.x87;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-checked cases from {@code x87/sdm-vectors.txt} (tests as data). */
class X87VectorFileTest {
    static Stream<String> vectors() throws IOException {
        try (InputStream in = X87VectorFileTest.class.getResourceAsStream("/x87/sdm-vectors.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vector(String line) {
        assertNull(X87OracleTest.replay(line.split(" ")), line);
    }
}
