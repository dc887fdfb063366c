package org.jemu.cpu.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jemu.cpu.Flags;
import org.junit.jupiter.api.Test;

/** Flags: lazy evaluation agrees with the materialised RFLAGS, and cond() with the SDM's table. */
class FlagsTest {
    /** Jcc conditions from the flag bits (SDM Vol. 2A, Jcc table). */
    static boolean condFromBits(long f, int cc) {
        boolean cf = (f & Flags.CF) != 0, zf = (f & Flags.ZF) != 0, sf = (f & Flags.SF) != 0,
                of = (f & Flags.OF) != 0, pf = (f & Flags.PF) != 0;
        boolean r;
        switch (cc >> 1) {
            case 0: r = of; break;
            case 1: r = cf; break;
            case 2: r = zf; break;
            case 3: r = cf || zf; break;
            case 4: r = sf; break;
            case 5: r = pf; break;
            case 6: r = sf != of; break;
            default: r = zf || sf != of;
        }
        return r ^ ((cc & 1) != 0);
    }

    @Test
    void condMatchesMaterialisedFlags() {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] edges = {0, 1, -1, 0x7f, 0x80, 0x7fff, 0x8000, 0x7fffffffL, 0x80000000L, Long.MAX_VALUE,
                Long.MIN_VALUE};
        int[] sizes = {1, 2, 4, 8};
        for (int i = 0; i < 20000; i++) {
            int size = sizes[i & 3];
            long a = i % 3 == 0 ? edges[rnd.nextInt(edges.length)] : rnd.nextLong();
            long b = i % 5 == 0 ? edges[rnd.nextInt(edges.length)] : (i % 2 == 0 ? a : rnd.nextLong());
            Flags f = new Flags();
            f.set(rnd.nextLong() & Flags.ARITH);
            switch (rnd.nextInt(8)) {
                case 0: Alu.cmp(f, size, a, b); break;
                case 1: Alu.sbb(f, size, a, b); break;
                case 2: Alu.add(f, size, a, b); break;
                case 3: Alu.adc(f, size, a, b); break;
                case 4: Alu.and(f, size, a, b); break;
                case 5: Alu.inc(f, size, a); break;
                case 6: Shift.shl(f, size, a, b & 7); break;
                default: Shift.rol(f, size, a, b & 7);
            }
            long bits = f.get();
            for (int cc = 0; cc < 16; cc++) {
                assertEquals(condFromBits(bits, cc), f.cond(cc), "cc " + cc + " flags " + f);
            }
        }
    }

    @Test
    void setGetKeepsSystemBitsAndBit1() {
        Flags f = new Flags();
        f.set(Flags.IF | Flags.DF | Flags.CF);
        assertEquals(Flags.IF | Flags.DF | Flags.CF | 2, f.get());
        Alu.sub(f, 4, 1, 1);
        assertEquals(Flags.IF | Flags.DF | Flags.ZF | Flags.PF | 2, f.get());
        f.setCf(true);
        f.setDf(false);
        assertEquals(Flags.IF | Flags.ZF | Flags.PF | Flags.CF | 2, f.get());
        f.complementCf();
        assertEquals(false, f.cf());
    }
}
