package org.jemu.cpu.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AT&T side of the disassembler against plain {@code objdump -d} (AT&T is objdump's default and
 * QEMU's log syntax): the decoder vector listings, assembled by GNU as, must read the same, operand
 * for operand, once prefix words and comments are set aside (as {@link VectorFilesTest} does for
 * Intel syntax).
 */
class AttSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"integer.s", "control.s", "sse.s", "x87.s", "system.s", "sse4.s", "mmx.s"})
    void listingReadsAsObjdumpPrintsIt(String file) throws IOException, InterruptedException {
        List<Binutils.Line> lines = VectorFilesTest.assembled(file, "intel64");
        Decoder d = new Decoder(Ext.ALL);
        List<String> errors = new ArrayList<>();
        for (Binutils.Line l : lines) {
            byte[] code = new byte[l.bytes().length + 16];
            System.arraycopy(l.bytes(), 0, code, 0, l.bytes().length);
            Insn in = new Insn();
            try {
                d.decode(code, 0, in);
            } catch (GuestFault f) {
                continue;                                   // the Intel test reports decoder gaps
            }
            if (in.length != l.bytes().length) continue;
            String mine = Disassembler.format(in, l.offset(), Disassembler.Syntax.ATT);
            if (!Mnemonics.text(mine).replace(" ", "").equals(Mnemonics.text(l.text()).replace(" ", "")))
                errors.add(String.format("%s+%x %s [%s]: jemu '%s'", file, l.offset(), VectorFilesTest.hex(l.bytes()), l.text(), mine));
        }
        System.out.println("[att syntax] " + file + ": " + lines.size() + " instructions, " + errors.size() + " mismatches");
        assertEquals(List.of(), errors);
    }
}
