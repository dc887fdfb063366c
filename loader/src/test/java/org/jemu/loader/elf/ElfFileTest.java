package org.jemu.loader.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ElfFileTest {
    /** A minimal ET_EXEC image: one PT_LOAD (R+X) covering the whole file at 0x400000, plus PT_INTERP optionally. */
    static byte[] image(boolean interp) {
        ByteBuffer b = ByteBuffer.allocate(0x200).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.putShort(16, (short) ElfFile.ET_EXEC).putShort(18, (short) ElfFile.EM_X86_64).putInt(20, 1);
        b.putLong(24, 0x400100).putLong(32, 64).putShort(52, (short) 64).putShort(54, (short) 56);
        b.putShort(56, (short) (interp ? 2 : 1));
        int o = 64;
        b.putInt(o, ProgramHeader.PT_LOAD).putInt(o + 4, ProgramHeader.PF_R | ProgramHeader.PF_X);
        b.putLong(o + 8, 0).putLong(o + 16, 0x400000).putLong(o + 24, 0x400000);
        b.putLong(o + 32, 0x200).putLong(o + 40, 0x1000).putLong(o + 48, 0x1000);
        if (interp) {
            o += 56;
            b.putInt(o, ProgramHeader.PT_INTERP).putInt(o + 4, ProgramHeader.PF_R);
            b.putLong(o + 8, 0x180).putLong(o + 32, 12);
            b.put(0x180, "/lib/ld.so\0\0".getBytes());
        }
        return b.array();
    }

    @Test
    void parsesHeaderAndSegments() throws ElfException {
        ElfFile f = ElfFile.parse(image(false));
        assertEquals(ElfFile.ET_EXEC, f.type());
        assertEquals(ElfFile.EM_X86_64, f.machine());
        assertEquals(0x400100, f.entry());
        assertEquals(1, f.programHeaders().size());
        ProgramHeader ph = f.programHeaders().get(0);
        assertTrue(ph.readable() && ph.executable() && !ph.writable());
        assertEquals(0x1000, ph.memsz());
        assertEquals(0x400040, f.phdrVaddr());
        assertNull(f.interpreter());
    }

    @Test
    void readsInterpreter() throws ElfException {
        assertEquals("/lib/ld.so", ElfFile.parse(image(true)).interpreter());
    }

    @Test
    void rejectsBadFiles() {
        assertEquals("not an ELF file", assertThrows(ElfException.class, () -> ElfFile.parse("#!/bin/sh\n".getBytes())).getMessage());
        byte[] c32 = image(false);
        c32[4] = 1;
        assertThrows(ElfException.class, () -> ElfFile.parse(c32));
        assertThrows(ElfException.class, () -> ElfFile.parse(Arrays.copyOf(image(false), 40)));
        assertThrows(ElfException.class, () -> ElfFile.parse(Arrays.copyOf(image(false), 100)));
        byte[] big = image(false);
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putLong(64 + 32, 0x10000);
        assertThrows(ElfException.class, () -> ElfFile.parse(big));
    }
}
