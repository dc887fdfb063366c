package org.jemu.cpu.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoder vectors as data: each listing under {@code resources/decode/} is assembled with GNU as at
 * test time and disassembled with objdump; every instruction's length and mnemonic must match jemu's
 * decode, and its operand text too (Intel syntax, as objdump prints it).
 */
class VectorFilesTest {
    static int total;

    @ParameterizedTest
    @ValueSource(strings = {"integer.s", "control.s", "sse.s", "x87.s", "system.s", "sse4.s", "mmx.s"})
    void listing(String file) throws IOException, InterruptedException {
        List<Binutils.Line> lines = assembled(file, "intel,intel64");
        Decoder d = new Decoder(Ext.ALL);
        List<String> errors = new ArrayList<>();
        int operandMismatches = 0;
        for (Binutils.Line l : lines) {
            byte[] code = new byte[l.bytes().length + 16];
            System.arraycopy(l.bytes(), 0, code, 0, l.bytes().length);
            Insn in = new Insn();
            String where = String.format("%s+%x %s [%s]", file, l.offset(), hex(l.bytes()), l.text());
            try {
                d.decode(code, 0, in);
            } catch (GuestFault f) {
                errors.add(where + ": jemu " + f.getMessage());
                continue;
            }
            if (in.length != l.bytes().length) {
                errors.add(where + ": jemu length " + in.length);
                continue;
            }
            String mine = Disassembler.format(in, l.offset());
            if (!Mnemonics.mnemonic(mine).equals(Mnemonics.mnemonic(l.text()))) {
                errors.add(where + ": jemu mnemonic '" + mine + "'");
                continue;
            }
            if (!Mnemonics.text(mine).replace(" ", "").equals(Mnemonics.text(l.text()).replace(" ", "")))
                errors.add(where + ": jemu operands '" + mine + "'");
        }
        total += lines.size();
        System.out.println("[decode vectors] " + file + ": " + lines.size() + " instructions, " + errors.size() + " mismatches");
        assertEquals(List.of(), errors);
    }

    /** The listing {@code resources/decode/FILE} as GNU as assembles it and objdump -M {@code syntax} prints it. */
    static List<Binutils.Line> assembled(String file, String syntax) throws IOException, InterruptedException {
        assumeTrue(Binutils.available(), "GNU as/objdump not installed");
        String src;
        try (InputStream s = VectorFilesTest.class.getResourceAsStream("/decode/" + file)) {
            src = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Binutils.Line> lines = Binutils.assemble(src, syntax);
        assertTrue(lines.size() > 20, "objdump lines: " + lines.size());
        return lines;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x & 0xff));
        return sb.toString();
    }
}
