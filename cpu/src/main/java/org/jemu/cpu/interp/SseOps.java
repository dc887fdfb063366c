package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.decode.Shape;
import org.jemu.cpu.exec.SseConvert;
import org.jemu.cpu.exec.SseFloat;
import org.jemu.cpu.exec.SseInt;
import org.jemu.cpu.exec.Sse41;

/**
 * Operand plumbing for SSE/SSE2: XMM register n is {@code xmm[2n]} (low) and {@code xmm[2n+1]}
 * (high). The source operand (W/U/E/M) is loaded into {@link #lo}/{@link #hi} and handed to the shared
 * semantics in {@code org.jemu.cpu.exec}; pure data moves are done here.
 *
 * <p>Legacy-SSE (non-VEX) 128-bit memory operands must be 16-byte aligned, else #GP(0) (the
 * "Protected Mode Exceptions" of each instruction in Intel SDM Vol. 2), except for the explicitly
 * unaligned MOVUPS/MOVUPD/MOVDQU/LDDQU and MASKMOVDQU. Scalar and 64-bit memory operands have no
 * alignment requirement.
 */
final class SseOps {
    private final CpuState cpu;
    private final long[] x;
    private long lo, hi;

    private final X87Ops x87;

    SseOps(CpuState cpu, X87Ops x87) {
        this.cpu = cpu;
        this.x = cpu.xmm;
        this.x87 = x87;
    }

    /** Loads the r/m operand (register rm or memory of {@code size} bytes, zero-extended) into lo/hi. */
    private void load(Insn in, long ea, int size) {
        if (in.rm >= 0) {
            lo = x[2 * in.rm];
            hi = x[2 * in.rm + 1];
            return;
        }
        if (size == 16) {
            if ((ea & 15) != 0 && !unalignedOk(in.op)) throw GuestFault.gp(0);
            lo = cpu.mmu.read64(ea);
            hi = cpu.mmu.read64(ea + 8);
        } else {
            lo = cpu.mmu.read(ea, size);
            hi = 0;
        }
    }

    /**
     * Legacy-SSE 128-bit memory operands that need no alignment: MOVUPS/MOVUPD/MOVDQU/LDDQU (one id)
     * and the SSE4.2 string compares (SDM Vol. 2B §4.1.1: "PCMPxSTRx ... memory operand ... need not
     * be aligned").
     */
    private static boolean unalignedOk(int op) {
        return op == Op.MOVUPS || (op >= Op.PCMPESTRM && op <= Op.PCMPISTRI);
    }

    private void store16(long ea, long l, long h, boolean aligned) {
        if (aligned && (ea & 15) != 0) throw GuestFault.gp(0);
        cpu.mmu.probeWrite(ea, 16);
        cpu.mmu.write64(ea, l);
        cpu.mmu.write64(ea + 8, h);
    }

    /** Size in bytes of operand {@code i} of the row (16 for packed, 8 / 4 for scalar and q forms). */
    private static int size(Insn in, int i) {
        int s = in.row().sizes[i];
        return s == 4 || s == 8 || s == 2 ? s : 16;
    }

    void execute(Insn in, long ea) {
        int d = in.reg;
        switch (in.op) {
            // ---- moves ----
            case Op.MOVUPS: case Op.MOVAPS:
                if (in.shape == Shape.V_W || in.shape == Shape.V_M) {
                    load(in, ea, 16);
                    x[2 * d] = lo;
                    x[2 * d + 1] = hi;
                } else if (in.rm >= 0) {
                    x[2 * in.rm] = x[2 * d];
                    x[2 * in.rm + 1] = x[2 * d + 1];
                } else {
                    store16(ea, x[2 * d], x[2 * d + 1], in.op == Op.MOVAPS);
                }
                return;
            case Op.MOVSS: case Op.MOVSD: {
                int sz = in.op == Op.MOVSS ? 4 : 8;
                long m = sz == 4 ? 0xffffffffL : -1L;
                if (in.shape == Shape.V_W) {
                    if (in.rm >= 0) {
                        x[2 * d] = (x[2 * d] & ~m) | (x[2 * in.rm] & m);
                    } else {
                        x[2 * d] = cpu.mmu.read(ea, sz);
                        x[2 * d + 1] = 0;
                    }
                } else if (in.rm >= 0) {
                    x[2 * in.rm] = (x[2 * in.rm] & ~m) | (x[2 * d] & m);
                } else {
                    cpu.mmu.write(ea, sz, x[2 * d]);
                }
                return;
            }
            case Op.MOVHLPS: x[2 * d] = x[2 * in.rm + 1]; return;
            case Op.MOVLHPS: x[2 * d + 1] = x[2 * in.rm]; return;
            case Op.MOVLPS:
                if (in.shape == Shape.V_M) x[2 * d] = cpu.mmu.read64(ea);
                else cpu.mmu.write64(ea, x[2 * d]);
                return;
            case Op.MOVHPS:
                if (in.shape == Shape.V_M) x[2 * d + 1] = cpu.mmu.read64(ea);
                else cpu.mmu.write64(ea, x[2 * d + 1]);
                return;
            case Op.MOVD_TO_XMM:
                x[2 * d] = Operands.readE(cpu, in, in.opSize, ea);
                x[2 * d + 1] = 0;
                return;
            case Op.MOVD_FROM_XMM:
                Operands.writeE(cpu, in, in.opSize, ea, in.opSize == 4 ? x[2 * d] & 0xffffffffL : x[2 * d]);
                return;
            case Op.MOVQ_TO_XMM:
                load(in, ea, 8);
                x[2 * d] = lo;
                x[2 * d + 1] = 0;
                return;
            case Op.MOVQ_FROM_XMM:
                if (in.rm >= 0) {
                    x[2 * in.rm] = x[2 * d];
                    x[2 * in.rm + 1] = 0;
                } else {
                    cpu.mmu.write64(ea, x[2 * d]);
                }
                return;
            case Op.MOVNTI:
                cpu.mmu.write(ea, in.opSize, Operands.readG(cpu, in, in.opSize));
                return;
            case Op.MASKMOVDQU: maskmovdqu(in); return;
            case Op.MOVMSKPS: cpu.gpr[d] = SseInt.movmskps(x[2 * in.rm], x[2 * in.rm + 1]); return;
            case Op.MOVMSKPD: cpu.gpr[d] = SseInt.movmskpd(x[2 * in.rm], x[2 * in.rm + 1]); return;
            case Op.PMOVMSKB: cpu.gpr[d] = SseInt.pmovmskb(x[2 * in.rm], x[2 * in.rm + 1]); return;
            case Op.PEXTRW: {
                int w = (int) in.imm & 7;
                cpu.gpr[d] = (x[2 * in.rm + (w >> 2)] >>> (16 * (w & 3))) & 0xffff;
                return;
            }
            case Op.PINSRW: {
                long v = Operands.readE(cpu, in, 2, ea) & 0xffff;
                int w = (int) in.imm & 7;
                int i = 2 * d + (w >> 2), sh = 16 * (w & 3);
                x[i] = (x[i] & ~(0xffffL << sh)) | (v << sh);
                return;
            }
            // ---- shifts by immediate (U_I) or by the low quadword of the source (V_W) ----
            case Op.PSRLW: case Op.PSRAW: case Op.PSLLW: case Op.PSRLD: case Op.PSRAD: case Op.PSLLD:
            case Op.PSRLQ: case Op.PSLLQ: case Op.PSRLDQ: case Op.PSLLDQ:
                shift(in, ea);
                return;
            // ---- conversions with a general-purpose side ----
            case Op.CVTSI2SS: SseConvert.cvtsi2ss(cpu, d, in.opSize, Operands.readE(cpu, in, in.opSize, ea)); return;
            case Op.CVTSI2SD: SseConvert.cvtsi2sd(cpu, d, in.opSize, Operands.readE(cpu, in, in.opSize, ea)); return;
            case Op.CVTTSS2SI: case Op.CVTSS2SI:
                load(in, ea, 4);
                Operands.writeGpr(cpu.gpr, d, in.opSize, SseConvert.cvtss2si(cpu, in.opSize, lo, in.op == Op.CVTTSS2SI));
                return;
            case Op.CVTTSD2SI: case Op.CVTSD2SI:
                load(in, ea, 8);
                Operands.writeGpr(cpu.gpr, d, in.opSize, SseConvert.cvtsd2si(cpu, in.opSize, lo, in.op == Op.CVTTSD2SI));
                return;
            case Op.PEXTRB: case Op.PEXTRW_E: case Op.PEXTRD: case Op.EXTRACTPS:
            case Op.PINSRB: case Op.PINSRD:
                Sse4Ops.insertExtract(cpu, in, ea);
                return;
            case Op.INSERTPS:
                if (in.rm < 0) {
                    Sse41.insertpsValue(x, d, cpu.mmu.read32(ea), (int) in.imm);
                    return;
                }
                break;
            default:
                break;
        }
        // Everything else: V op= W (with an immediate for the _I shapes).
        load(in, ea, size(in, 1));
        int imm = (int) in.imm;
        switch (in.op) {
            case Op.ADDPS: SseFloat.addps(cpu, d, lo, hi); break;
            case Op.ADDPD: SseFloat.addpd(cpu, d, lo, hi); break;
            case Op.ADDSS: SseFloat.addss(cpu, d, lo); break;
            case Op.ADDSD: SseFloat.addsd(cpu, d, lo); break;
            case Op.SUBPS: SseFloat.subps(cpu, d, lo, hi); break;
            case Op.SUBPD: SseFloat.subpd(cpu, d, lo, hi); break;
            case Op.SUBSS: SseFloat.subss(cpu, d, lo); break;
            case Op.SUBSD: SseFloat.subsd(cpu, d, lo); break;
            case Op.MULPS: SseFloat.mulps(cpu, d, lo, hi); break;
            case Op.MULPD: SseFloat.mulpd(cpu, d, lo, hi); break;
            case Op.MULSS: SseFloat.mulss(cpu, d, lo); break;
            case Op.MULSD: SseFloat.mulsd(cpu, d, lo); break;
            case Op.DIVPS: SseFloat.divps(cpu, d, lo, hi); break;
            case Op.DIVPD: SseFloat.divpd(cpu, d, lo, hi); break;
            case Op.DIVSS: SseFloat.divss(cpu, d, lo); break;
            case Op.DIVSD: SseFloat.divsd(cpu, d, lo); break;
            case Op.MINPS: SseFloat.minps(cpu, d, lo, hi); break;
            case Op.MINPD: SseFloat.minpd(cpu, d, lo, hi); break;
            case Op.MINSS: SseFloat.minss(cpu, d, lo); break;
            case Op.MINSD: SseFloat.minsd(cpu, d, lo); break;
            case Op.MAXPS: SseFloat.maxps(cpu, d, lo, hi); break;
            case Op.MAXPD: SseFloat.maxpd(cpu, d, lo, hi); break;
            case Op.MAXSS: SseFloat.maxss(cpu, d, lo); break;
            case Op.MAXSD: SseFloat.maxsd(cpu, d, lo); break;
            case Op.SQRTPS: SseFloat.sqrtps(cpu, d, lo, hi); break;
            case Op.SQRTPD: SseFloat.sqrtpd(cpu, d, lo, hi); break;
            case Op.SQRTSS: SseFloat.sqrtss(cpu, d, lo); break;
            case Op.SQRTSD: SseFloat.sqrtsd(cpu, d, lo); break;
            case Op.CMPPS: SseFloat.cmpps(cpu, d, lo, hi, imm); break;
            case Op.CMPPD: SseFloat.cmppd(cpu, d, lo, hi, imm); break;
            case Op.CMPSS: SseFloat.cmpss(cpu, d, lo, imm); break;
            case Op.CMPSD: SseFloat.cmpsd(cpu, d, lo, imm); break;
            case Op.UCOMISS: SseFloat.comis32(cpu, (int) x[2 * d], (int) lo, false); break;
            case Op.COMISS: SseFloat.comis32(cpu, (int) x[2 * d], (int) lo, true); break;
            case Op.UCOMISD: SseFloat.comis64(cpu, x[2 * d], lo, false); break;
            case Op.COMISD: SseFloat.comis64(cpu, x[2 * d], lo, true); break;
            case Op.SHUFPS: SseInt.shufps(x, d, lo, hi, imm); break;
            case Op.SHUFPD: SseInt.shufpd(x, d, lo, hi, imm); break;
            case Op.PSHUFD: SseInt.pshufd(x, d, lo, hi, imm); break;
            case Op.PSHUFHW: SseInt.pshufhw(x, d, lo, hi, imm); break;
            case Op.PSHUFLW: SseInt.pshuflw(x, d, lo, hi, imm); break;
            case Op.CVTPS2PD: SseConvert.cvtps2pd(cpu, d, lo); break;
            case Op.CVTPD2PS: SseConvert.cvtpd2ps(cpu, d, lo, hi); break;
            case Op.CVTSS2SD: SseConvert.cvtss2sd(cpu, d, lo); break;
            case Op.CVTSD2SS: SseConvert.cvtsd2ss(cpu, d, lo); break;
            case Op.CVTDQ2PS: SseConvert.cvtdq2ps(cpu, d, lo, hi); break;
            case Op.CVTPS2DQ: SseConvert.cvtps2dq(cpu, d, lo, hi, false); break;
            case Op.CVTTPS2DQ: SseConvert.cvtps2dq(cpu, d, lo, hi, true); break;
            case Op.CVTDQ2PD: SseConvert.cvtdq2pd(cpu, d, lo); break;
            case Op.CVTPD2DQ: SseConvert.cvtpd2dq(cpu, d, lo, hi, false); break;
            case Op.CVTTPD2DQ: SseConvert.cvtpd2dq(cpu, d, lo, hi, true); break;
            default: if (!PackedInt.apply(x, d, in.op, lo, hi, imm)) Sse4Ops.execute(cpu, in, d, lo, hi, imm);
        }
    }

    private void shift(Insn in, long ea) {
        int d;
        long count;
        if (in.shape == Shape.U_I) {
            d = in.rm;
            count = in.imm & 0xff;
        } else {
            d = in.reg;
            load(in, ea, 16);
            count = lo;
        }
        switch (in.op) {
            case Op.PSRLW: SseInt.psrlw(x, d, count); break;
            case Op.PSRAW: SseInt.psraw(x, d, count); break;
            case Op.PSLLW: SseInt.psllw(x, d, count); break;
            case Op.PSRLD: SseInt.psrld(x, d, count); break;
            case Op.PSRAD: SseInt.psrad(x, d, count); break;
            case Op.PSLLD: SseInt.pslld(x, d, count); break;
            case Op.PSRLQ: SseInt.psrlq(x, d, count); break;
            case Op.PSLLQ: SseInt.psllq(x, d, count); break;
            case Op.PSRLDQ: SseInt.psrldq(x, d, (int) count); break;
            default: SseInt.pslldq(x, d, (int) count);
        }
    }

    /** MASKMOVDQU: stores the bytes of V whose mask byte in U has its top bit set, at DS:rDI. */
    private void maskmovdqu(Insn in) {
        long a = cpu.gpr[CpuState.RDI] & Operands.addrMask(in);
        if (in.segment >= CpuState.FS) a += cpu.segBase[in.segment];
        int d = in.reg, m = in.rm;
        for (int i = 0; i < 16; i++) {
            long mask = x[2 * m + (i >> 3)] >>> (8 * (i & 7));
            if ((mask & 0x80) != 0) cpu.mmu.write8(a + i, (int) (x[2 * d + (i >> 3)] >>> (8 * (i & 7))));
        }
    }

    // ---- MXCSR and FXSAVE/FXRSTOR ----

    /** MXCSR bits that may be set: flags, masks, RC, FZ, DAZ (MXCSR_MASK 0xFFFF). */
    static final int MXCSR_MASK = 0xffff;

    void ldmxcsr(long ea) {
        int v = cpu.mmu.read32(ea);
        if ((v & ~MXCSR_MASK) != 0) throw GuestFault.gp(0);
        cpu.mxcsr = v;
    }

    void stmxcsr(long ea) {
        cpu.mmu.write32(ea, cpu.mxcsr);
    }

    /**
     * FXSAVE (SDM Vol. 2A, FXSAVE, Table 3-53 and 3-56 for FXSAVE64): the x87 part as the x87 unit
     * lays it out ({@link org.jemu.cpu.x87.Env#fxsave}), MXCSR at 24, MXCSR_MASK at 28, XMM0-15 at 160.
     * Bytes 416-511 are left alone (reserved, and available to software from 464).
     */
    void fxsave(long ea, boolean rex64) {
        if ((ea & 15) != 0) throw GuestFault.misaligned(ea);
        cpu.mmu.probeWrite(ea, 416);
        org.jemu.cpu.x87.Env.fxsave(x87.fpu, x87, ea, rex64);
        cpu.mmu.write32(ea + 24, cpu.mxcsr);
        cpu.mmu.write32(ea + 28, MXCSR_MASK);
        for (int r = 0; r < 16; r++) {
            cpu.mmu.write64(ea + 160 + 16 * r, x[2 * r]);
            cpu.mmu.write64(ea + 168 + 16 * r, x[2 * r + 1]);
        }
    }

    /** FXRSTOR: every byte is read (and MXCSR checked, #GP) before any state changes. */
    void fxrstor(long ea, boolean rex64) {
        if ((ea & 15) != 0) throw GuestFault.misaligned(ea);
        int m = cpu.mmu.read32(ea + 24);
        if ((m & ~MXCSR_MASK) != 0) throw GuestFault.gp(0);
        long[] v = fxBuffer;
        for (int r = 0; r < 32; r++) v[r] = cpu.mmu.read64(ea + 160 + 8 * r);
        org.jemu.cpu.x87.Env.fxrstor(x87.fpu, x87, ea, rex64);
        cpu.mxcsr = m;
        System.arraycopy(v, 0, x, 0, 32);
    }

    private final long[] fxBuffer = new long[32];
}
