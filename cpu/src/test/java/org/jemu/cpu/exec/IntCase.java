package org.jemu.cpu.exec;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;

/**
 * One integer test vector, in the host oracle's line format
 * {@code op size flagsIn in1 in2 in3 : out1 out2 flagsOut}, and its evaluation through jemu's
 * semantics. Only the flags the SDM defines for the case are compared ({@link #definedFlags}).
 */
final class IntCase {
    static final long ALL = Flags.ARITH;

    final String op;
    final int size;
    final long fin, in1, in2, in3;
    /** Expected outputs; {@code fault} means #DE expected. */
    final long out1, out2, fout;
    final boolean fault;
    private long gotFlags;

    IntCase(String op, int size, long fin, long in1, long in2, long in3, long out1, long out2,
            long fout, boolean fault) {
        this.op = op; this.size = size; this.fin = fin; this.in1 = in1; this.in2 = in2; this.in3 = in3;
        this.out1 = out1; this.out2 = out2; this.fout = fout; this.fault = fault;
    }

    static IntCase parse(String line) {
        String[] t = line.trim().split("\\s+");
        boolean de = t[7].equals("DE");
        return new IntCase(t[0], Integer.parseInt(t[1]), hex(t[2]), hex(t[3]), hex(t[4]), hex(t[5]),
                de ? 0 : hex(t[7]), de ? 0 : hex(t[8]), hex(t[9]), de);
    }

    static long hex(String s) {
        return Long.parseUnsignedLong(s, 16);
    }

    /** The arithmetic flags the SDM defines for this case (others are undefined). */
    long definedFlags() {
        int bits = size * 8;
        switch (op) {
            case "and": case "or": case "xor": case "test": return ALL & ~Flags.AF;
            case "imul2": case "mul1": case "imul1": return Flags.CF | Flags.OF;
            case "div1": case "idiv1": return 0;
            case "crc32": case "movbe": return ALL; // unchanged
            case "bt": case "bts": case "btr": case "btc": return Flags.CF | Flags.ZF;
            case "bsf": case "bsr": return Flags.ZF;
            case "tzcnt": case "lzcnt": return Flags.CF | Flags.ZF;
            case "shl": case "shr": case "sar": {
                int c = Shift.maskCount(size, in2);
                if (c == 0) return ALL;
                long m = Flags.PF | Flags.ZF | Flags.SF;
                if (op.equals("sar") || c <= bits) m |= Flags.CF;
                if (c == 1) m |= Flags.OF;
                return m;
            }
            case "rol": case "ror": case "rcl": case "rcr": {
                int c = Shift.maskCount(size, in2);
                return c == 1 ? ALL : ALL & ~Flags.OF;
            }
            case "shld": case "shrd": {
                int c = Shift.maskCount(size, in3);
                if (c == 0) return ALL;
                if (c > bits) return 0;
                return Flags.CF | Flags.PF | Flags.ZF | Flags.SF | (c == 1 ? Flags.OF : 0);
            }
            default: return ALL;
        }
    }

    /** Whether the SDM defines the result (false only for SHLD/SHRD of 16 bits by more than 16). */
    boolean resultDefined() {
        return !((op.equals("shld") || op.equals("shrd")) && Shift.maskCount(size, in3) > size * 8);
    }

    /** Runs the case through jemu; returns null when it matches, else a description. */
    String check() {
        Flags f = new Flags();
        f.set(fin);
        long r1 = 0, r2 = 0;
        boolean de = false;
        long a = in1, b = in2, c = in3;
        switch (op) {
            case "add": r1 = Alu.add(f, size, a, b); break;
            case "adc": r1 = Alu.adc(f, size, a, b); break;
            case "sub": r1 = Alu.sub(f, size, a, b); break;
            case "sbb": r1 = Alu.sbb(f, size, a, b); break;
            case "and": r1 = Alu.and(f, size, a, b); break;
            case "or": r1 = Alu.or(f, size, a, b); break;
            case "xor": r1 = Alu.xor(f, size, a, b); break;
            case "cmp": Alu.cmp(f, size, a, b); r1 = a; break;
            case "test": Alu.test(f, size, a, b); r1 = a; break;
            case "inc": r1 = Alu.inc(f, size, a); break;
            case "dec": r1 = Alu.dec(f, size, a); break;
            case "neg": r1 = Alu.neg(f, size, a); break;
            case "not": r1 = Alu.not(size, a); break;
            case "imul2": r1 = MulDiv.imul(f, size, a, b); break;
            case "bt": Bits.bt(f, size, a, b); r1 = a; break;
            case "bts": r1 = Bits.bts(f, size, a, b); break;
            case "btr": r1 = Bits.btr(f, size, a, b); break;
            case "btc": r1 = Bits.btc(f, size, a, b); break;
            case "bsf": r1 = Bits.bsf(f, size, a, b); break;
            case "bsr": r1 = Bits.bsr(f, size, a, b); break;
            case "tzcnt": r1 = Bits.tzcnt(f, size, b); break;
            case "lzcnt": r1 = Bits.lzcnt(f, size, b); break;
            case "popcnt": r1 = Bits.popcnt(f, size, b); break;
            case "crc32": r1 = Crc32c.crc32(a, b, size); break;
            case "movbe": r1 = Bits.movbe(size, b); break;
            case "bswap": r1 = Bits.bswap(size, a); break;
            case "shl": r1 = Shift.shl(f, size, a, b); break;
            case "shr": r1 = Shift.shr(f, size, a, b); break;
            case "sar": r1 = Shift.sar(f, size, a, b); break;
            case "rol": r1 = Shift.rol(f, size, a, b); break;
            case "ror": r1 = Shift.ror(f, size, a, b); break;
            case "rcl": r1 = Shift.rcl(f, size, a, b); break;
            case "rcr": r1 = Shift.rcr(f, size, a, b); break;
            case "shld": r1 = Shift.shld(f, size, a, b, c); break;
            case "shrd": r1 = Shift.shrd(f, size, a, b, c); break;
            case "xadd": r1 = Alu.add(f, size, a, b); r2 = a; break;
            case "cmpxchg":
                Alu.cmp(f, size, a, b);
                if (f.zf()) { r1 = a; r2 = c; } else { r1 = b; r2 = b; }
                break;
            case "mul1": case "imul1": case "div1": case "idiv1": {
                CpuState cpu = new CpuState(null);
                cpu.flags.set(fin);
                cpu.gpr[CpuState.RAX] = a;
                cpu.gpr[CpuState.RDX] = b;
                try {
                    switch (op) {
                        case "mul1": MulDiv.mul1(cpu, size, c); break;
                        case "imul1": MulDiv.imul1(cpu, size, c); break;
                        case "div1": MulDiv.div1(cpu, size, c); break;
                        default: MulDiv.idiv1(cpu, size, c);
                    }
                } catch (GuestFault e) {
                    if (e.vector != GuestFault.DE) throw e;
                    de = true;
                }
                r1 = cpu.gpr[CpuState.RAX];
                r2 = cpu.gpr[CpuState.RDX];
                f = cpu.flags;
                break;
            }
            default: throw new IllegalArgumentException("unknown op " + op);
        }
        if (de || fault) {
            return de == fault ? null : describe(de ? "#DE" : hx(r1) + " " + hx(r2), f.get());
        }
        gotFlags = f.get();
        long m = definedFlags();
        boolean ok = (!resultDefined() || (r1 == out1 && r2 == out2)) && ((f.get() ^ fout) & m) == 0;
        return ok ? null : describe(hx(r1) + " " + hx(r2), f.get());
    }

    /** Undefined flags where jemu and the host differ, after {@link #check} (diagnostics only). */
    long undefinedDiff() {
        return fault ? 0 : (gotFlags ^ fout) & ALL & ~definedFlags();
    }

    private String describe(String got, long gotFlags) {
        return String.format("%s %d fin=%x in=%x,%x,%x: want %s flags %s, got %s flags %s (defined %s)",
                op, size, fin, in1, in2, in3, fault ? "#DE" : hx(out1) + " " + hx(out2),
                names(fout & definedFlags()), got, names(gotFlags & definedFlags()),
                names(definedFlags()));
    }

    static String hx(long v) {
        return Long.toHexString(v);
    }

    static String names(long f) {
        StringBuilder sb = new StringBuilder();
        if ((f & Flags.OF) != 0) sb.append('O');
        if ((f & Flags.SF) != 0) sb.append('S');
        if ((f & Flags.ZF) != 0) sb.append('Z');
        if ((f & Flags.AF) != 0) sb.append('A');
        if ((f & Flags.PF) != 0) sb.append('P');
        if ((f & Flags.CF) != 0) sb.append('C');
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
