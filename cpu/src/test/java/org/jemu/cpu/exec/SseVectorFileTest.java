package org.jemu.cpu.exec;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-checked cases of {@code exec/sse-vectors.txt}. */
class SseVectorFileTest {
    static List<String> cases() throws IOException {
        try (InputStream in = SseVectorFileTest.class.getResourceAsStream("/exec/sse-vectors.txt")) {
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) out.add(l.trim());
            }
            return out;
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vector(String line) {
        assertNull(SseCase.parse(line).check());
    }
}
