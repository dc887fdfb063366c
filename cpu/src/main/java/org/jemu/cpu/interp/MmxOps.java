package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.decode.Shape;
import org.jemu.cpu.exec.SseConvert;
import org.jemu.cpu.exec.SseInt;
import org.jemu.cpu.x87.X87;

/**
 * Operand plumbing for the instructions with MMX operands (shapes with P, Q or N; {@link
 * Shape#isMmx}). mm<i>i</i> is the 64-bit significand of physical x87 register R<i>i</i> (SDM Vol. 1
 * §9.5): reads take it whatever the tag, writes set the exponent/sign field to all ones, and every
 * MMX instruction leaves TOP = 0 and all tags valid ({@link X87Ops#enterMmx}); CVTPI2PS/CVTPI2PD with
 * a memory source do not touch the x87 state (SDM Vol. 2A, CVTPI2PS: "... does not cause a transition
 * to MMX technology" for m64).
 *
 * <p>The packed operations run the XMM semantics ({@link PackedInt}) on a scratch register with the
 * high half zero, which is exact where each 64-bit lane computes on its own. The others differ for a
 * 64-bit register and are done here: PUNPCKH* take the high doublewords of both operands, PACK* and
 * PHADD/PHSUB put the source's results in the upper 32 bits, PSHUFB indexes with bits 2:0, and
 * PALIGNR shifts the 128-bit concatenation of two 64-bit registers (SDM Vol. 2B, per instruction,
 * "64-bit operand" forms).
 */
final class MmxOps {
    private final CpuState cpu;
    private final X87Ops x87;
    private final X87 fpu;
    private final long[] t = new long[2];

    MmxOps(CpuState cpu, X87Ops x87) {
        this.cpu = cpu;
        this.x87 = x87;
        this.fpu = x87.fpu;
    }

    long mm(int i) { return fpu.physSig(i); }

    void setMm(int i, long v) { fpu.setPhys(i, 0xffff, v); }

    void execute(Insn in, long ea) {
        x87.checkMmx();
        if (run(in, ea)) x87.enterMmx();
    }

    /** Returns false for the two forms that leave the x87 state alone. */
    private boolean run(Insn in, long ea) {
        long[] x = cpu.xmm;
        int d = in.reg, imm = (int) in.imm & 0xff;
        switch (in.op) {
            case Op.MOVD_TO_MM: setMm(d, Operands.readE(cpu, in, in.opSize, ea)); return true;
            case Op.MOVD_FROM_MM:
                Operands.writeE(cpu, in, in.opSize, ea, in.opSize == 4 ? mm(d) & 0xffffffffL : mm(d));
                return true;
            case Op.MOVQ_MM:
                if (in.shape == Shape.P_Q) setMm(d, src(in, ea));
                else if (in.rm >= 0) setMm(in.rm, mm(d));
                else cpu.mmu.write64(ea, mm(d));
                return true;
            case Op.MOVQ2DQ:
                x[2 * d] = mm(in.rm);
                x[2 * d + 1] = 0;
                return true;
            case Op.MOVDQ2Q: setMm(d, x[2 * in.rm]); return true;
            case Op.MASKMOVQ: maskmovq(in); return true;
            case Op.PMOVMSKB: cpu.gpr[d] = SseInt.pmovmskb(mm(in.rm), 0); return true;
            case Op.PEXTRW: cpu.gpr[d] = (mm(in.rm) >>> (16 * (imm & 3))) & 0xffff; return true;
            case Op.PINSRW: {
                long v = Operands.readE(cpu, in, 2, ea) & 0xffff;
                int sh = 16 * (imm & 3);
                setMm(d, (mm(d) & ~(0xffffL << sh)) | (v << sh));
                return true;
            }
            case Op.PSHUFW:
                t[0] = 0;
                SseInt.pshuflw(t, 0, src(in, ea), 0, imm);
                setMm(d, t[0]);
                return true;
            case Op.CVTPI2PS: {
                long s = src(in, ea), keep = x[2 * d + 1];
                SseConvert.cvtdq2ps(cpu, d, s, 0);   // the zero upper lanes convert exactly, flagless
                x[2 * d + 1] = keep;
                return in.rm >= 0;
            }
            case Op.CVTPI2PD: SseConvert.cvtdq2pd(cpu, d, src(in, ea)); return in.rm >= 0;
            case Op.CVTPS2PI: case Op.CVTTPS2PI: {
                long s = in.rm >= 0 ? x[2 * in.rm] : cpu.mmu.read64(ea);
                boolean tr = in.op == Op.CVTTPS2PI;
                long r0 = SseConvert.cvtss2si(cpu, 4, s & 0xffffffffL, tr), r1 = SseConvert.cvtss2si(cpu, 4, s >>> 32, tr);
                setMm(d, (r0 & 0xffffffffL) | r1 << 32);
                return true;
            }
            case Op.CVTPD2PI: case Op.CVTTPD2PI: {
                long lo, hi;
                if (in.rm >= 0) {
                    lo = x[2 * in.rm];
                    hi = x[2 * in.rm + 1];
                } else {
                    if ((ea & 15) != 0) throw GuestFault.gp(0);
                    lo = cpu.mmu.read64(ea);
                    hi = cpu.mmu.read64(ea + 8);
                }
                boolean tr = in.op == Op.CVTTPD2PI;
                long r0 = SseConvert.cvtsd2si(cpu, 4, lo, tr), r1 = SseConvert.cvtsd2si(cpu, 4, hi, tr);
                setMm(d, (r0 & 0xffffffffL) | r1 << 32);
                return true;
            }
            case Op.PSRLW: case Op.PSRAW: case Op.PSLLW: case Op.PSRLD: case Op.PSRAD: case Op.PSLLD:
            case Op.PSRLQ: case Op.PSLLQ:
                shift(in, ea);
                return true;
            default:
                break;
        }
        long a = mm(d), s = src(in, ea);
        switch (in.op) {
            case Op.PUNPCKHBW: case Op.PUNPCKHWD: case Op.PUNPCKHDQ:
                // the high halves of both, interleaved as PUNPCKL* interleaves the low ones
                setMm(d, packed(lowOf(in.op), a >>> 32, s >>> 32, imm));
                return true;
            case Op.PACKSSWB: case Op.PACKUSWB: case Op.PACKSSDW:
            case Op.PHADDW: case Op.PHADDD: case Op.PHADDSW: case Op.PHSUBW: case Op.PHSUBD: case Op.PHSUBSW:
                // the XMM form puts the destination's results in bits 31:0 and the source's in 95:64
                t[0] = a;
                t[1] = 0;
                PackedInt.apply(t, 0, in.op, s, 0, imm);
                setMm(d, (t[0] & 0xffffffffL) | t[1] << 32);
                return true;
            case Op.PSHUFB: setMm(d, pshufb(a, s)); return true;
            case Op.PALIGNR: setMm(d, palignr(a, s, imm)); return true;
            default:
                setMm(d, packed(in.op, a, s, imm));
                return true;
        }
    }

    private static int lowOf(int op) {
        switch (op) {
            case Op.PUNPCKHBW: return Op.PUNPCKLBW;
            case Op.PUNPCKHWD: return Op.PUNPCKLWD;
            default: return Op.PUNPCKLDQ;
        }
    }

    /** The low 64 bits of the XMM operation on (a, 0) and (s, 0). */
    private long packed(int op, long a, long s, int imm) {
        t[0] = a;
        t[1] = 0;
        if (!PackedInt.apply(t, 0, op, s, 0, imm)) throw GuestFault.ud();
        return t[0];
    }

    /** The Q operand: mm register or m64 (m32 for PUNPCKL*, whose row says Qd). */
    private long src(Insn in, long ea) {
        if (in.rm >= 0) return mm(in.rm);
        return in.row().sizes[1] == 4 ? cpu.mmu.read32(ea) & 0xffffffffL : cpu.mmu.read64(ea);
    }

    private void shift(Insn in, long ea) {
        int d;
        long count;
        if (in.shape == Shape.N_I) {
            d = in.rm;
            count = in.imm & 0xff;
        } else {
            d = in.reg;
            count = src(in, ea);
        }
        t[0] = mm(d);
        t[1] = 0;
        switch (in.op) {
            case Op.PSRLW: SseInt.psrlw(t, 0, count); break;
            case Op.PSRAW: SseInt.psraw(t, 0, count); break;
            case Op.PSLLW: SseInt.psllw(t, 0, count); break;
            case Op.PSRLD: SseInt.psrld(t, 0, count); break;
            case Op.PSRAD: SseInt.psrad(t, 0, count); break;
            case Op.PSLLD: SseInt.pslld(t, 0, count); break;
            case Op.PSRLQ: SseInt.psrlq(t, 0, count); break;
            default: SseInt.psllq(t, 0, count);
        }
        setMm(d, t[0]);
    }

    /** PSHUFB mm (SDM Vol. 2B, PSHUFB): byte i = a[s_i & 7], or 0 when bit 7 of s_i is set. */
    static long pshufb(long a, long s) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int c = (int) (s >>> (8 * i)) & 0xff;
            if ((c & 0x80) == 0) r |= ((a >>> (8 * (c & 7))) & 0xff) << (8 * i);
        }
        return r;
    }

    /** PALIGNR mm (SDM Vol. 2B, PALIGNR): bits 63:0 of (a:s) >> 8*imm; zero for imm >= 16. */
    static long palignr(long a, long s, int imm) {
        if (imm >= 16) return 0;
        if (imm >= 8) return imm == 8 ? a : a >>> (8 * (imm - 8));
        return imm == 0 ? s : (s >>> (8 * imm)) | (a << (64 - 8 * imm));
    }

    /** MASKMOVQ: the bytes of P whose mask byte in N has its top bit set, stored at DS:rDI. */
    private void maskmovq(Insn in) {
        long a = cpu.gpr[CpuState.RDI] & Operands.addrMask(in);
        if (in.segment >= CpuState.FS) a += cpu.segBase[in.segment];
        long v = mm(in.reg), m = mm(in.rm);
        for (int i = 0; i < 8; i++)
            if ((m >>> (8 * i + 7) & 1) != 0) cpu.mmu.write8(a + i, (int) (v >>> (8 * i)));
    }
}
