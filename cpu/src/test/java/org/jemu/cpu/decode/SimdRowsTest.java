package org.jemu.cpu.decode;

import static org.jemu.cpu.decode.Hex.bytes;
import static org.jemu.cpu.decode.Hex.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.GuestFault;
import org.junit.jupiter.api.Test;

/**
 * The SSE3 / SSSE3 / SSE4 / MMX rows: gating by {@link Ext}, the fields the semantics rely on (shapes,
 * operand sizes, register numbering of mm operands, flags). Mnemonics and operand text are checked
 * against objdump by {@link VectorFilesTest} (sse4.s, mmx.s).
 */
class SimdRowsTest {

    private static boolean decodes(int ext, String hex) {
        try {
            new Decoder(ext).decode(bytes(hex), 0, new Insn());
            return true;
        } catch (GuestFault f) {
            assertEquals(GuestFault.UD, f.vector, hex);
            return false;
        }
    }

    @Test
    void eachExtensionGatesItsRows() {
        String[][] byExt = {
            {"sse3", "f2 0f 7c c1", "f3 0f 16 c1", "f2 0f f0 00", "db 08", "dd 08", "df 08"},
            {"ssse3", "66 0f 38 00 c1", "66 0f 3a 0f c1 03", "66 0f 38 1e c1"},
            {"sse41", "66 0f 38 17 c1", "66 0f 3a 21 c1 10", "66 0f 38 2a 00", "66 0f 3a 16 c1 01"},
            {"sse42", "66 0f 38 37 c1", "66 0f 3a 61 c1 0c", "66 0f 3a 63 c1 0c", "f2 0f 38 f1 c1"},
            {"mmx", "0f fc c1", "0f 6f c1", "0f 2a c1", "f3 0f d6 c1", "0f 77"},
        };
        for (String[] row : byExt) {
            int ext = Ext.byName(row[0]);
            for (int i = 1; i < row.length; i++) {
                assertTrue(decodes(ext, row[i]), row[0] + ": " + row[i]);
                assertFalse(decodes(Ext.ALL & ~ext, row[i]), "without " + row[0] + ": " + row[i]);
            }
        }
        // SSSE3 on mm registers needs both.
        assertTrue(decodes(Ext.SSSE3 | Ext.MMX, "0f 38 00 c1"));
        assertFalse(decodes(Ext.SSSE3, "0f 38 00 c1"));
        assertFalse(decodes(Ext.MMX, "0f 38 00 c1"));
        assertTrue(decodes(Ext.SSSE3, "66 0f 38 00 c1"));
    }

    @Test
    void mmxRegistersIgnoreRex() {
        Insn in = decode("45 0f fc c1");                  // paddb mm0,mm1 (REX.R and REX.B ignored)
        assertEquals(Op.PADDB, in.op);
        assertEquals(0, in.reg);
        assertEquals(1, in.rm);
        assertTrue(Shape.isMmx(in.shape));
        assertEquals(8, in.opSize);
        in = decode("f3 45 0f d6 c1");                    // movq2dq xmm8,mm1
        assertEquals(Op.MOVQ2DQ, in.op);
        assertEquals(8, in.reg);
        assertEquals(1, in.rm);
        in = decode("f2 45 0f d6 c1");                    // movdq2q mm0,xmm9
        assertEquals(Op.MOVDQ2Q, in.op);
        assertEquals(0, in.reg);
        assertEquals(9, in.rm);
        in = decode("44 0f d7 c1");                       // pmovmskb r8d,mm1
        assertEquals(8, in.reg);
        assertEquals(1, in.rm);
        assertEquals(Shape.G_N, in.shape);
        in = decode("41 0f 6e c1");                       // movd mm0,r9d
        assertEquals(Op.MOVD_TO_MM, in.op);
        assertEquals(9, in.rm);
        assertEquals(4, in.opSize);
        assertEquals(8, decode("49 0f 7e c1").opSize);    // movq r9,mm0
        assertFalse(Shape.isMmx(decode("66 0f fc c1").shape));
        assertEquals(Op.PADDB, decode("66 0f fc c1").op);
    }

    @Test
    void mmxFormsThatDoNotExist() {
        assertThrows(GuestFault.class, () -> decode("0f 73 d9 01"));    // no PSRLDQ on mm
        assertThrows(GuestFault.class, () -> decode("0f 71 10 01"));    // shift-by-immediate: register only
        assertThrows(GuestFault.class, () -> decode("0f e7 c1"));       // MOVNTQ: memory only
        assertThrows(GuestFault.class, () -> decode("0f f7 00"));       // MASKMOVQ: register only
        assertThrows(GuestFault.class, () -> decode("f3 0f d6 00"));    // MOVQ2DQ: register only
        assertThrows(GuestFault.class, () -> decode("66 0f 38 2a c1")); // MOVNTDQA: memory only
        assertThrows(GuestFault.class, () -> decode("f3 0f 38 00 c1")); // PSHUFB has no F3 form
    }

    @Test
    void byteAndWordExtractsAndInserts() {
        Insn in = decode("66 48 0f 3a 14 c8 01");         // pextrb eax,xmm1,1 (REX.W changes nothing)
        assertEquals(Op.PEXTRB, in.op);
        assertEquals(Shape.R_V_I, in.shape);
        assertEquals(4, in.opSize);
        assertEquals(1, in.reg);
        assertEquals(0, in.rm);
        assertEquals(1, in.imm);
        in = decode("66 0f 3a 14 08 01");                 // pextrb BYTE PTR [rax],xmm1,1
        assertEquals(Shape.M_V_I, in.shape);
        assertEquals(1, in.opSize);
        in = decode("66 0f 3a 15 08 01");
        assertEquals(Op.PEXTRW_E, in.op);
        assertEquals(2, in.opSize);
        assertEquals(Shape.G_U_I, decode("66 0f c5 c1 01").shape);
        in = decode("66 0f 3a 20 c4 01");                 // pinsrb xmm0,esp,1: a dword register, never AH
        assertEquals(Op.PINSRB, in.op);
        assertEquals(Shape.V_R_I, in.shape);
        assertEquals(4, in.rm);
        assertEquals(4, in.opSize);
        assertEquals(Op.PINSRD, decode("66 48 0f 3a 22 c1 01").op);
        assertEquals(8, decode("66 48 0f 3a 22 c1 01").opSize);
        assertEquals(4, decode("66 0f 3a 22 c1 01").opSize);
        assertEquals(8, decode("66 48 0f 3a 16 c1 01").opSize);
        assertEquals(Op.PEXTRD, decode("66 48 0f 3a 16 c1 01").op);
        assertEquals(4, decode("66 0f 3a 21 00 10").row().sizes[1]);  // insertps m32
    }

    @Test
    void flagsAndImplicitOperands() {
        Form ptest = decode("66 0f 38 17 c1").row();
        assertEquals(Form.ARITH, ptest.flagsWritten);
        for (String h : new String[] {"66 0f 3a 60 c1 00", "66 0f 3a 61 c1 00", "66 0f 3a 62 c1 00", "66 0f 3a 63 c1 00"})
            assertEquals(Form.ARITH, decode(h).row().flagsWritten, h);
        assertEquals(0, decode("66 0f 38 00 c1").row().flagsWritten);
        Insn in = decode("66 0f 38 10 c1");
        assertEquals(Shape.V_W_XMM0, in.shape);
        assertEquals("pblendvb xmm0,xmm1,xmm0", in.toString());
        in = decode("66 48 0f 3a 61 c1 00");
        assertEquals(Op.PCMPESTRI, in.op);
        assertTrue((in.prefixes & Insn.PFX_REXW) != 0);
        assertEquals("pcmpestriq xmm0,xmm1,0x0", in.toString());
        assertEquals(Op.MOVAPS, decode("66 0f 38 2a 00").op);  // MOVNTDQA: aligned load
    }

    @Test
    void opIdsAreUniqueAndNamed() {
        assertEquals("PCMPISTRI", Op.name(Op.PCMPISTRI));
        assertEquals(Op.COUNT - 1, Op.PEXTRW_E);
        assertEquals("V_W_XMM0", Shape.name(Shape.V_W_XMM0));
        assertEquals(Shape.COUNT - 1, Shape.P_U);
    }
}
