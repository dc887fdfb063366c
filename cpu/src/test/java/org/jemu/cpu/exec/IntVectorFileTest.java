package org.jemu.cpu.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.Flags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-checked cases of {@code exec/int-vectors.txt}. */
class IntVectorFileTest {
    static List<String> cases() throws IOException {
        try (InputStream in = IntVectorFileTest.class.getResourceAsStream("/exec/int-vectors.txt")) {
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
        String[] sides = line.split("->");
        String[] in = sides[0].trim().split("\\s+", 6);
        String right = sides[1].trim();
        String[] out = right.split("\\s+", 3);
        long fin = flags(in[5]);
        long fout = flags(out[2]);
        boolean de = out[0].equals("DE");
        IntCase c = new IntCase(in[0], Integer.parseInt(in[1]), fin, IntCase.hex(in[2]),
                IntCase.hex(in[3]), IntCase.hex(in[4]), de ? 0 : IntCase.hex(out[0]),
                de ? 0 : IntCase.hex(out[1]), fout, de);
        assertNull(c.check());
    }

    /** "[O S Z A P C]" (possibly followed by a comment) to flag bits. */
    static long flags(String s) {
        String body = s.substring(s.indexOf('[') + 1, s.indexOf(']'));
        long f = 0x202;
        for (String n : body.trim().split("\\s+")) {
            switch (n) {
                case "": break;
                case "O": f |= Flags.OF; break;
                case "S": f |= Flags.SF; break;
                case "Z": f |= Flags.ZF; break;
                case "A": f |= Flags.AF; break;
                case "P": f |= Flags.PF; break;
                case "C": f |= Flags.CF; break;
                default: throw new IllegalArgumentException("flag " + n);
            }
        }
        return f;
    }

    @org.junit.jupiter.api.Test
    void fileIsNotEmpty() throws IOException {
        assertEquals(true, cases().size() > 40);
    }
}
