package org.jemu.cpu.decode;

import static org.jemu.cpu.decode.Hex.bytes;
import static org.jemu.cpu.decode.Hex.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.api.Test;

/** Encoding rules that are easy to get wrong (Intel SDM Vol. 2A, Chapter 2). */
class DecoderEdgeTest {

    private static int fault(String hex) {
        return assertThrows(GuestFault.class, () -> decode(hex)).vector;
    }

    @Test
    void prefixesInAnyOrderAndRepeated() {
        Insn in = decode("66 66 66 01 c0");
        assertEquals(Op.ADD, in.op);
        assertEquals(2, in.opSize);
        assertEquals(5, in.length);
        assertEquals("add ax,ax", in.toString());
        // F3 as mandatory prefix and 66 as operand size, in either order: POPCNT r16.
        for (String h : new String[] {"66 f3 0f b8 c1", "f3 66 0f b8 c1"}) {
            in = decode(h);
            assertEquals(Op.POPCNT, in.op, h);
            assertEquals(2, in.opSize, h);
        }
        in = decode("f0 66 f0 01 00");
        assertTrue(in.lock());
        assertEquals(5, in.length);
    }

    @Test
    void rexCountsOnlyDirectlyBeforeTheOpcode() {
        Insn in = decode("48 66 01 c0");     // REX.W then 66: the REX is ignored
        assertEquals(2, in.opSize);
        assertFalse(in.rex);
        assertEquals(0, in.prefixes & Insn.PFX_REXW);
        in = decode("66 48 01 c0");          // 66 then REX.W: REX.W wins over 66
        assertEquals(8, in.opSize);
        in = decode("41 26 01 c0");          // REX.B dropped by the ES prefix after it
        assertEquals(0, in.rm);
        assertEquals("add eax,eax", in.toString());
        in = decode("41 49 01 c0");          // two REX: the last one counts
        assertEquals(8, in.rm);
        assertEquals(8, in.opSize);
    }

    @Test
    void fifteenByteLimitRaisesGp() {
        assertEquals(Op.NOP, decode("66".repeat(14) + "90").op);   // exactly 15 bytes
        assertEquals(15, decode("66".repeat(14) + "90").length);
        assertEquals(GuestFault.GP, fault("66".repeat(15) + "90"));
        // Legal pieces that add up to 16 bytes: 6 prefixes + REX.W B8 imm64.
        assertEquals(GuestFault.GP, fault("2e3e2e3e2e3e 48b8 0102030405060708"));
        assertEquals(14, decode("2e3e2e3e 48b8 0102030405060708").length);
    }

    @Test
    void operandSizeWithRexWAnd66() {
        Insn in = decode("66 48 b8 0102030405060708");
        assertEquals(8, in.opSize);
        assertEquals(10 + 1, in.length);
        assertEquals(0x0807060504030201L, in.imm);
        in = decode("66 b8 3412");
        assertEquals(2, in.opSize);
        assertEquals(4, in.length);
        assertEquals(0x1234, in.imm);
        in = decode("66 50");                 // PUSH with 66: 16-bit; without: 64-bit (d64)
        assertEquals(2, in.opSize);
        assertEquals(8, decode("50").opSize);
        assertEquals(8, decode("48 50").opSize);
        assertEquals(8, decode("ff d0").opSize);   // CALL r/m is forced 64
        assertEquals(8, decode("66 ff d0").opSize);
        // Near branches keep rel32 with 66 on Intel CPUs (SDM Vol. 2A, Jcc: 64-bit mode).
        assertEquals(6, decode("66 e8 00000000").length);
        assertEquals(7, decode("66 0f 84 00000000").length);
    }

    @Test
    void lastSegmentOverrideWins() {
        assertEquals(CpuState.GS, decode("64 65 8b 00").segment);
        assertEquals(CpuState.FS, decode("65 64 8b 00").segment);
        Insn in = decode("2e 64 3e 8b 00");
        assertEquals(CpuState.DS, in.segment);
        long[] gpr = new long[16];
        gpr[0] = 0x1000;
        long[] seg = {0x100, 0x200, 0x300, 0x400, 0x5000, 0x6000};
        // In 64-bit mode only FS and GS bases take part in addressing (SDM Vol. 3A §3.4.4).
        assertEquals(0x1000, in.effectiveAddress(gpr, 0, seg));
        assertEquals(0x7000, decode("65 8b 00").effectiveAddress(gpr, 0, seg));
    }

    @Test
    void ripRelativeIsRelativeToTheEndIncludingImmediate() {
        Insn in = decode("c7 05 10000000 78563412");   // mov DWORD PTR [rip+0x10], 0x12345678
        assertEquals(10, in.length);
        assertEquals(Insn.BASE_RIP, in.base);
        assertEquals(0x12345678, in.imm);
        long rip = 0x400000;
        assertEquals(rip + 10 + 0x10, in.effectiveAddress(new long[16], rip + in.length, new long[6]));
        in = decode("48 81 3d f0ffffff 00010000");      // cmp QWORD PTR [rip-0x10], 0x100
        assertEquals(11, in.length);
        assertEquals(rip + 11 - 0x10, in.effectiveAddress(new long[16], rip + in.length, new long[6]));
        // RIP-relative ignores REX.B (r13 with mod 00 is still RIP): 41 8b 05 disp32.
        assertEquals(Insn.BASE_RIP, decode("41 8b 05 00000000").base);
        // With 67 the address is truncated to 32 bits (EIP-relative).
        in = decode("67 8b 05 00000000");
        assertEquals(0x2345_6789L + 7, in.effectiveAddress(new long[16], 0x1_2345_6789L + 7, new long[6]));
    }

    @Test
    void sibSpecialCases() {
        Insn in = decode("8b 04 25 44332211");          // no base, no index: absolute disp32
        assertEquals(-1, in.base);
        assertEquals(-1, in.index);
        assertEquals(0x11223344, in.disp);
        in = decode("42 8b 04 20");                     // REX.X: index 100b is R12, not "none"
        assertEquals(12, in.index);
        assertEquals(0, in.base);
        in = decode("41 8b 45 00");                     // r13 base needs a disp8
        assertEquals(13, in.base);
        assertEquals(4, in.length);
        in = decode("41 8b 04 24");                     // r12 base through SIB
        assertEquals(12, in.base);
        assertEquals(-1, in.index);
        in = decode("8b 44 24 f8");
        assertEquals(-8, in.disp);
    }

    @Test
    void movImm64AndImmediateExtension() {
        Insn in = decode("49 bf 8877665544332211");
        assertEquals(15, in.reg);
        assertEquals(0x1122334455667788L, in.imm);
        assertEquals(10, in.length);
        assertEquals(0xffffffffL, decode("b8 ffffffff").imm);          // zero-extended Iv
        assertEquals(-1, decode("48 83 c0 ff").imm);                   // Ibs sign-extended
        assertEquals(-1, decode("48 05 ffffffff").imm);                // Iz sign-extended to 64
        assertEquals(0xff, decode("80 c0 ff").imm);                    // Ib zero-extended
        assertEquals(5, decode("c1 e0 05").imm);
        assertEquals(-1, decode("6a ff").imm);
        in = decode("c8 1000 03");                                     // ENTER 0x10, 3
        assertEquals(0x10, in.imm);
        assertEquals(3, in.imm2);
        in = decode("48 a1 8877665544332211");                         // moffs64
        assertEquals(0x1122334455667788L, in.disp);
        assertTrue(in.hasMem);
        assertEquals(10, in.length);
        assertEquals(6, decode("67 a1 44332211").length);              // moffs32 with 67
    }

    @Test
    void highByteRegistersVersusRex() {
        Insn in = decode("88 e0");                // mov al, ah
        assertEquals(4, in.reg);
        assertFalse(in.rex);
        assertEquals(16, in.byteReg(4));          // RAX, bits 15:8
        assertEquals("mov al,ah", in.toString());
        in = decode("40 88 e0");                  // mov al, spl
        assertTrue(in.rex);
        assertEquals(4, in.byteReg(4));
        assertEquals("mov al,spl", in.toString());
        assertEquals("mov al,ah", decode("40 26 88 e0").toString().replace("es ", ""));
    }

    @Test
    void mandatoryPrefixRules() {
        assertEquals(Op.ADDSD, decode("66 f2 0f 58 c0").op);   // F2 beats 66
        assertEquals(Op.ADDSD, decode("f2 66 0f 58 c0").op);
        assertEquals(Op.ADDSD, decode("f3 f2 0f 58 c0").op);   // the last of F2/F3
        assertEquals(Op.ADDSS, decode("f2 f3 0f 58 c0").op);
        assertEquals(Op.ADDPD, decode("66 0f 58 c0").op);
        assertEquals(Op.ADDPS, decode("0f 58 c0").op);
        assertEquals(GuestFault.UD, fault("f3 0f 28 c0"));      // MOVAPS has no F3 form
        assertEquals(Op.PADDD, decode("0f fe c0").op);          // MMX PADDD (no prefix)
        assertEquals(Shape.P_Q, decode("0f fe c0").shape);
        assertEquals(GuestFault.UD, fault("f3 0f fe c0"));      // no F3 form
        Insn in = decode("66 48 0f 6e c0");                      // MOVQ xmm0, rax
        assertEquals(Op.MOVD_TO_XMM, in.op);
        assertEquals(8, in.opSize);
        assertEquals(8, decode("f2 48 0f 2c c1").opSize);       // CVTTSD2SI rax
        assertEquals(4, decode("f2 0f 2c c1").opSize);
        assertEquals(9, decode("f2 44 0f 58 c9").reg);          // xmm9 via REX.R
    }

    @Test
    void nopPauseAndXchg() {
        assertEquals(Op.NOP, decode("90").op);
        assertEquals(Op.PAUSE, decode("f3 90").op);
        Insn in = decode("41 90");
        assertEquals(Op.XCHG, in.op);
        assertEquals(8, in.reg);
        assertEquals(Op.NOP, decode("66 0f 1f 84 00 00000000").op);
        assertEquals(9, decode("66 0f 1f 84 00 00000000").length);
    }

    @Test
    void lockOnlyWithLockableMemoryForms() {
        assertEquals(GuestFault.UD, fault("f0 01 c0"));     // register destination
        assertEquals(GuestFault.UD, fault("f0 89 00"));     // MOV is not lockable
        assertEquals(GuestFault.UD, fault("f0 39 00"));     // CMP is not lockable
        assertTrue(decode("f0 0f c7 0f").lock());           // CMPXCHG8B
        assertTrue(decode("f0 48 0f c1 07").lock());        // XADD
    }

    @Test
    void vexAndEvexRaiseUd() {
        assertEquals(GuestFault.UD, fault("c5 f8 77"));                 // VZEROUPPER
        assertEquals(GuestFault.UD, fault("c4 e2 79 18 00"));           // VBROADCASTSS
        assertEquals(GuestFault.UD, fault("62 f1 7c 48 58 c1"));        // EVEX VADDPS zmm
        assertEquals(GuestFault.UD, fault("06"));                        // PUSH ES: invalid in 64-bit mode
        assertEquals(Op.UD2, decode("0f 0b").op);
    }

    @Test
    void invalidRegisterEncodings() {
        assertEquals(GuestFault.UD, fault("8e c8"));        // MOV CS, r
        assertEquals(GuestFault.UD, fault("8c f0"));        // Sreg 6
        assertEquals(GuestFault.UD, fault("0f 20 c8"));     // CR1
        assertEquals(8, decode("44 0f 20 c0").reg);         // CR8 via REX.R
        assertEquals(GuestFault.UD, fault("44 0f 21 c0"));  // DR8
        assertEquals(0, decode("0f 20 18").rm);             // MOV from CR ignores mod: r/m is RAX, no memory
        assertEquals(3, decode("0f 20 18").reg);            // CR3
        assertFalse(decode("0f 20 18").hasMem);
        assertEquals(3, decode("0f 20 18").length);
    }

    @Test
    void extensionsFollowCpuid() {
        Insn in = new Insn();
        Decoder base = new Decoder();
        base.decode(bytes("f3 0f bc c1"), 0, in);
        assertEquals(Op.BSF, in.op);                         // REP BSF on a CPU without BMI1
        assertThrows(GuestFault.class, () -> base.decode(bytes("f3 0f b8 c1"), 0, new Insn()));
        Decoder bmi = new Decoder(Ext.BMI1 | Ext.POPCNT);
        bmi.decode(bytes("f3 0f bc c1"), 0, in);
        assertEquals(Op.TZCNT, in.op);
        bmi.decode(bytes("f3 0f b8 c1"), 0, in);
        assertEquals(Op.POPCNT, in.op);
    }

    @Test
    void conditionCodesAndTableFlags() {
        Insn in = decode("0f 4f c1");                        // CMOVG
        assertEquals(Op.CMOVCC, in.op);
        assertEquals(15, in.cc);
        Form f = in.row();
        assertEquals(Form.ZF | Form.SF | Form.OF, f.flagsRead);
        assertEquals(Op.JCC, decode("74 00").op);
        assertEquals(4, decode("74 00").cc);
        assertTrue(decode("74 00").row().endsBlock);
        Form add = decode("01 c0").row();
        assertEquals(Form.ARITH, add.flagsWritten);
        assertTrue(add.lock);
        assertEquals(Shape.E_G, add.shape);
        assertEquals("ADD_Ev_Gv", add.name);
        Form and = decode("21 c0").row();
        assertEquals(Form.AF, and.flagsUndefined);
        assertEquals(Shape.G_E, decode("03 c0").shape);
        assertEquals(Shape.A_I, decode("05 00000000").shape);
    }

    @Test
    void truncatedCodeFaultsOnFetch() {
        GuestFault f = assertThrows(GuestFault.class, () -> new Decoder().decode(bytes("48 b8 01 02"), 0, new Insn()));
        assertEquals(GuestFault.PF, f.vector);
    }
}
