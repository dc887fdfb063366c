package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.Op;
import org.jemu.cpu.exec.Crc32c;
import org.jemu.cpu.exec.Sse3;
import org.jemu.cpu.exec.Sse41;
import org.jemu.cpu.exec.Sse41Fp;
import org.jemu.cpu.exec.Sse42Strings;
import org.jemu.cpu.exec.SseApprox;

/**
 * Operand plumbing for the XMM forms of SSE3, SSSE3, SSE4.1 and SSE4.2 (and RCP/RSQRT of SSE):
 * {@link SseOps} has already loaded the source (register, or memory of the row's size) into
 * {@code sLo, sHi}; the third operand XMM0 of the variable blends is implicit in the semantics. The
 * forms whose operands are general registers or narrow memory (PEXTR*, PINSR*, EXTRACTPS) come
 * through {@link #insertExtract}; CRC32 (an integer instruction) through {@link #crc32}.
 */
final class Sse4Ops {
    private Sse4Ops() {}

    static void execute(CpuState c, Insn in, int d, long lo, long hi, int imm) {
        long[] x = c.xmm;
        switch (in.op) {
            // ---- SSE: approximations ----
            case Op.RCPPS: SseApprox.rcpps(x, d, lo, hi); break;
            case Op.RCPSS: SseApprox.rcpss(x, d, lo); break;
            case Op.RSQRTPS: SseApprox.rsqrtps(x, d, lo, hi); break;
            case Op.RSQRTSS: SseApprox.rsqrtss(x, d, lo); break;
            // ---- SSE3 ----
            case Op.ADDSUBPS: Sse3.addsubps(c, d, lo, hi); break;
            case Op.ADDSUBPD: Sse3.addsubpd(c, d, lo, hi); break;
            case Op.HADDPS: Sse3.haddps(c, d, lo, hi); break;
            case Op.HADDPD: Sse3.haddpd(c, d, lo, hi); break;
            case Op.HSUBPS: Sse3.hsubps(c, d, lo, hi); break;
            case Op.HSUBPD: Sse3.hsubpd(c, d, lo, hi); break;
            case Op.MOVSHDUP: Sse3.movshdup(x, d, lo, hi); break;
            case Op.MOVSLDUP: Sse3.movsldup(x, d, lo, hi); break;
            case Op.MOVDDUP: Sse3.movddup(x, d, lo); break;
            // ---- SSE4.1 ----
            case Op.PBLENDVB: Sse41.pblendvb(x, d, lo, hi); break;
            case Op.BLENDVPS: Sse41.blendvps(x, d, lo, hi); break;
            case Op.BLENDVPD: Sse41.blendvpd(x, d, lo, hi); break;
            case Op.PTEST: Sse41.ptest(c, d, lo, hi); break;
            case Op.PMOVSXBW: Sse41.pmovx(x, d, lo, 1, 2, true); break;
            case Op.PMOVSXBD: Sse41.pmovx(x, d, lo, 1, 4, true); break;
            case Op.PMOVSXBQ: Sse41.pmovx(x, d, lo, 1, 8, true); break;
            case Op.PMOVSXWD: Sse41.pmovx(x, d, lo, 2, 4, true); break;
            case Op.PMOVSXWQ: Sse41.pmovx(x, d, lo, 2, 8, true); break;
            case Op.PMOVSXDQ: Sse41.pmovx(x, d, lo, 4, 8, true); break;
            case Op.PMOVZXBW: Sse41.pmovx(x, d, lo, 1, 2, false); break;
            case Op.PMOVZXBD: Sse41.pmovx(x, d, lo, 1, 4, false); break;
            case Op.PMOVZXBQ: Sse41.pmovx(x, d, lo, 1, 8, false); break;
            case Op.PMOVZXWD: Sse41.pmovx(x, d, lo, 2, 4, false); break;
            case Op.PMOVZXWQ: Sse41.pmovx(x, d, lo, 2, 8, false); break;
            case Op.PMOVZXDQ: Sse41.pmovx(x, d, lo, 4, 8, false); break;
            case Op.PMULDQ: Sse41.pmuldq(x, d, lo, hi); break;
            case Op.PCMPEQQ: Sse41.pcmpeqq(x, d, lo, hi); break;
            case Op.PACKUSDW: Sse41.packusdw(x, d, lo, hi); break;
            case Op.PMINSB: Sse41.pminsb(x, d, lo, hi); break;
            case Op.PMINSD: Sse41.pminsd(x, d, lo, hi); break;
            case Op.PMINUW: Sse41.pminuw(x, d, lo, hi); break;
            case Op.PMINUD: Sse41.pminud(x, d, lo, hi); break;
            case Op.PMAXSB: Sse41.pmaxsb(x, d, lo, hi); break;
            case Op.PMAXSD: Sse41.pmaxsd(x, d, lo, hi); break;
            case Op.PMAXUW: Sse41.pmaxuw(x, d, lo, hi); break;
            case Op.PMAXUD: Sse41.pmaxud(x, d, lo, hi); break;
            case Op.PMULLD: Sse41.pmulld(x, d, lo, hi); break;
            case Op.PHMINPOSUW: Sse41.phminposuw(x, d, lo, hi); break;
            case Op.ROUNDPS: Sse41Fp.roundps(c, d, lo, hi, imm & 0xff); break;
            case Op.ROUNDPD: Sse41Fp.roundpd(c, d, lo, hi, imm & 0xff); break;
            case Op.ROUNDSS: Sse41Fp.roundss(c, d, lo, imm & 0xff); break;
            case Op.ROUNDSD: Sse41Fp.roundsd(c, d, lo, imm & 0xff); break;
            case Op.BLENDPS: Sse41.blendps(x, d, lo, hi, imm & 0xff); break;
            case Op.BLENDPD: Sse41.blendpd(x, d, lo, hi, imm & 0xff); break;
            case Op.PBLENDW: Sse41.pblendw(x, d, lo, hi, imm & 0xff); break;
            case Op.INSERTPS: Sse41.insertps(x, d, lo, hi, imm & 0xff); break;
            case Op.DPPS: Sse41Fp.dpps(c, d, lo, hi, imm & 0xff); break;
            case Op.DPPD: Sse41Fp.dppd(c, d, lo, hi, imm & 0xff); break;
            case Op.MPSADBW: Sse41.mpsadbw(x, d, lo, hi, imm & 0xff); break;
            // ---- SSE4.2 ----
            case Op.PCMPGTQ: Sse41.pcmpgtq(x, d, lo, hi); break;
            case Op.PCMPESTRI: Sse42Strings.pcmpestri(c, d, lo, hi, imm & 0xff, rexW(in) ? 8 : 4); break;
            case Op.PCMPESTRM: Sse42Strings.pcmpestrm(c, d, lo, hi, imm & 0xff, rexW(in) ? 8 : 4); break;
            case Op.PCMPISTRI: Sse42Strings.pcmpistri(c, d, lo, hi, imm & 0xff); break;
            case Op.PCMPISTRM: Sse42Strings.pcmpistrm(c, d, lo, hi, imm & 0xff); break;
            default: throw GuestFault.ud();
        }
    }

    /** PCMPESTRx: the lengths are RAX/RDX with REX.W, else EAX/EDX (the row's opSize stays 16). */
    private static boolean rexW(Insn in) {
        return (in.prefixes & Insn.PFX_REXW) != 0;
    }

    /**
     * PEXTRB/PEXTRW/PEXTRD/PEXTRQ/EXTRACTPS (xmm in reg, destination in r/m) and PINSRB/PINSRD/PINSRQ
     * (source in r/m). A general-register operand of PEXTRB/PEXTRW and PINSRB is a whole 32-bit
     * register: the extracted value is zero-extended into it, and PINSRB takes its low byte (SDM Vol.
     * 2B, PEXTRB/PINSRB). Memory is the element's own size ({@link Insn#opSize}).
     */
    static void insertExtract(CpuState c, Insn in, long ea) {
        long[] x = c.xmm;
        int v = in.reg, imm = (int) in.imm & 0xff;
        long lo = x[2 * v], hi = x[2 * v + 1];
        switch (in.op) {
            case Op.PEXTRB: store(c, in, ea, Sse41.pextrb(lo, hi, imm)); return;
            case Op.PEXTRW_E: store(c, in, ea, Sse41.pextrw(lo, hi, imm)); return;
            case Op.EXTRACTPS: store(c, in, ea, Sse41.extractps(lo, hi, imm)); return;
            case Op.PEXTRD:
                store(c, in, ea, in.opSize == 8 ? Sse41.pextrq(lo, hi, imm) : Sse41.pextrd(lo, hi, imm));
                return;
            case Op.PINSRB: Sse41.pinsrb(x, v, Operands.readE(c, in, in.rm >= 0 ? 4 : 1, ea), imm); return;
            case Op.PINSRD:
                if (in.opSize == 8) Sse41.pinsrq(x, v, Operands.readE(c, in, 8, ea), imm);
                else Sse41.pinsrd(x, v, Operands.readE(c, in, 4, ea), imm);
                return;
            default: throw GuestFault.ud();
        }
    }

    /** A register destination is written whole (32 bits zero-extended, or 64); memory at opSize. */
    private static void store(CpuState c, Insn in, long ea, long v) {
        if (in.rm >= 0) Operands.writeGpr(c.gpr, in.rm, in.opSize == 8 ? 8 : 4, v);
        else c.mmu.write(ea, in.opSize, v);
    }

    /**
     * CRC32 Gy, Eb/Ev (F2 0F 38 F0/F1): the source is a byte, or a word/dword/qword by 66 and REX.W
     * while {@link Insn#opSize} is the destination's; the 32-bit result is written to the full
     * destination register, zero-extended (SDM Vol. 2A, CRC32).
     */
    static void crc32(CpuState c, Insn in, long ea) {
        int size = in.row().sizes[1] == 1 ? 1
                : (in.prefixes & Insn.PFX_REXW) != 0 ? 8 : (in.prefixes & Insn.PFX_OPSIZE) != 0 ? 2 : 4;
        long src = Operands.readE(c, in, size, ea);
        c.gpr[in.reg] = Crc32c.crc32(c.gpr[in.reg], src, size);
    }
}
