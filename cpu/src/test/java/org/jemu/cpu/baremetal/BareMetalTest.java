package org.jemu.cpu.baremetal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jemu.cpu.baremetal.BareMetal.Fault;
import org.jemu.cpu.baremetal.BareMetal.Result;
import org.junit.jupiter.api.Test;

/**
 * Bare-metal programs (src/test/resources/baremetal/*.S) run in 64-bit mode on the interpreter;
 * every expected value below is derived from the Intel SDM section cited next to it.
 */
class BareMetalTest {
    static final long NONE = -1L;          // isr_common's dummy error code for vectors that push none
    static final int KCODE = 0x08, KDATA = 0x10, UDATA = 0x1b, UCODE = 0x23;
    static final long RSP0_TOP = 0x90000, IST1_TOP = 0xA0000, IST2_TOP = 0xB0000, USTACK_TOP = 0xC0000;

    static Result run(String name) throws Exception {
        Result r = BareMetal.run(name);
        assertNull(r.tripleFault, () -> "unexpected triple fault: " + r);
        assertEquals(0, r.exitCode, () -> "program did not finish normally: " + r);
        return r;
    }

    static void assertFault(Result r, int index, int vector, long error, long rip, String what) {
        assertTrue(r.faults.size() > index, () -> what + ": missing fault record " + index + ": " + r);
        Fault f = r.faults.get(index);
        assertEquals(vector, f.vector(), () -> what + ": vector: " + f);
        assertEquals(error, f.error(), () -> what + ": error code: " + f);
        assertEquals(rip, f.rip(), () -> what + ": RIP: " + f);
    }

    static void assertValues(Result r, long... expected) {
        assertEquals(expected.length, r.values.size(), () -> "values: " + r);
        for (int i = 0; i < expected.length; i++) {
            final int k = i;
            assertEquals(expected[i], r.value(i), () -> String.format("value %d: expected %#x: %s", k, expected[k], r));
        }
    }

    /** §6.15 interrupt 6 (#UD, fault, no error code) and interrupt 0 (#DE, fault): RIP at the instruction. */
    @Test
    void undefinedOpcodeAndDivideError() throws Exception {
        Result r = run("ud_de");
        assertFault(r, 0, 6, NONE, r.sym("ud_insn"), "UD2");
        assertEquals(KCODE, r.faults.get(0).cs());
        assertFault(r, 1, 6, NONE, r.sym("cr1_insn"), "MOV CR1");
        assertFault(r, 2, 0, NONE, r.sym("de_insn"), "DIV by 0");
        assertFault(r, 3, 0, NONE, r.sym("idiv_insn"), "IDIV overflow");
        assertEquals(4, r.faults.size(), r::toString);
        assertValues(r, 0x600D, 7, 9);
    }
}
