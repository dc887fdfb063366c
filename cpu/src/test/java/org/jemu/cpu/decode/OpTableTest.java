package org.jemu.cpu.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpTableTest {
    @Test
    void tableParses() {
        assertTrue(OpTable.count() > 500, "rows: " + OpTable.count());
        for (int i = 0; i < OpTable.count(); i++) assertEquals(i, OpTable.form(i).index);
    }

    @Test
    void smoke() {
        assertEquals("add rax,rbx", Hex.decode("4801d8").toString());
    }
}
