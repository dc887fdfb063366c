package org.jemu.jit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.jemu.cpu.mem.Mmu;
import org.junit.jupiter.api.Test;

/**
 * Compiled regions call {@link Mmu}'s read and write fast paths, which C2 inlines; their shared
 * TLB-miss path ({@code Mmu.slow}) must stay too large for C2 to inline after them, or each access
 * spends hundreds of bytecodes of the region's inlining budget on a path that almost never runs
 * (see the comment on {@code Mmu.slow}). The limit is read from the JVM running the test.
 */
class MmuInliningTest {
    @Test
    void theTlbMissPathIsLargerThanC2InlinesForHotCalls() throws IOException {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeTrue(hotspot != null, "not HotSpot: no FreqInlineSize to compare with");
        int freqInlineSize = Integer.parseInt(hotspot.getVMOption("FreqInlineSize").getValue());
        int size;
        try (InputStream in = Mmu.class.getResourceAsStream("Mmu.class")) {
            size = codeLength(new DataInputStream(in), "slow");
        }
        assertTrue(size > freqInlineSize, "Mmu.slow has " + size + " bytes of bytecode;"
                + " HotSpot inlines hot callees up to FreqInlineSize = " + freqInlineSize);
    }

    /** The code_length of the (first) method called {@code method} in a class file (JVMS 4.1, 4.7.3). */
    private static int codeLength(DataInputStream in, String method) throws IOException {
        in.readInt();                                   // magic
        in.readInt();                                   // minor, major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: utf8[i] = in.readUTF(); break;                          // Utf8
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    in.readInt(); break;                                         // 4-byte entries
                case 5: case 6: in.readLong(); i++; break;                      // Long, Double: two slots
                case 7: case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;  // MethodHandle
                default: throw new IOException("constant pool tag " + tag);
            }
        }
        in.readUnsignedShort();                         // access flags
        in.readUnsignedShort();                         // this
        in.readUnsignedShort();                         // super
        in.skipNBytes(2L * in.readUnsignedShort());     // interfaces
        for (int kind = 0; kind < 2; kind++) {          // fields, then methods
            int members = in.readUnsignedShort();
            for (int m = 0; m < members; m++) {
                in.readUnsignedShort();
                String name = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (kind == 1 && name.equals(method) && attribute.equals("Code")) {
                        in.readInt();                   // max_stack, max_locals
                        return in.readInt();
                    }
                    in.skipNBytes(length);
                }
            }
        }
        throw new IOException("no method " + method);
    }
}
