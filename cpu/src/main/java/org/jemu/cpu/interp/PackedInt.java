package org.jemu.cpu.interp;

import org.jemu.cpu.decode.Op;
import org.jemu.cpu.exec.SseInt;
import org.jemu.cpu.exec.Ssse3;

/**
 * The packed-integer operations of SSE2 and SSSE3 whose only operands are the destination register
 * {@code d} of {@code x} and the source value: shared by the XMM forms ({@code x} = the XMM file)
 * and the MMX forms ({@link MmxOps} runs them on a scratch register with the high half zero, where
 * the lane semantics are the same for 64 bits).
 */
final class PackedInt {
    private PackedInt() {}

    /** Applies {@code op}; false when it is not one of these operations. */
    static boolean apply(long[] x, int d, int op, long lo, long hi, int imm) {
        switch (op) {
            case Op.PAND: SseInt.pand(x, d, lo, hi); return true;
            case Op.PANDN: SseInt.pandn(x, d, lo, hi); return true;
            case Op.POR: SseInt.por(x, d, lo, hi); return true;
            case Op.PXOR: SseInt.pxor(x, d, lo, hi); return true;
            case Op.PUNPCKLBW: SseInt.punpcklbw(x, d, lo, hi); return true;
            case Op.PUNPCKLWD: SseInt.punpcklwd(x, d, lo, hi); return true;
            case Op.PUNPCKLDQ: SseInt.punpckldq(x, d, lo, hi); return true;
            case Op.PUNPCKLQDQ: SseInt.punpcklqdq(x, d, lo, hi); return true;
            case Op.PUNPCKHBW: SseInt.punpckhbw(x, d, lo, hi); return true;
            case Op.PUNPCKHWD: SseInt.punpckhwd(x, d, lo, hi); return true;
            case Op.PUNPCKHDQ: SseInt.punpckhdq(x, d, lo, hi); return true;
            case Op.PUNPCKHQDQ: SseInt.punpckhqdq(x, d, lo, hi); return true;
            case Op.PACKSSWB: SseInt.packsswb(x, d, lo, hi); return true;
            case Op.PACKUSWB: SseInt.packuswb(x, d, lo, hi); return true;
            case Op.PACKSSDW: SseInt.packssdw(x, d, lo, hi); return true;
            case Op.PCMPGTB: SseInt.pcmpgtb(x, d, lo, hi); return true;
            case Op.PCMPGTW: SseInt.pcmpgtw(x, d, lo, hi); return true;
            case Op.PCMPGTD: SseInt.pcmpgtd(x, d, lo, hi); return true;
            case Op.PCMPEQB: SseInt.pcmpeqb(x, d, lo, hi); return true;
            case Op.PCMPEQW: SseInt.pcmpeqw(x, d, lo, hi); return true;
            case Op.PCMPEQD: SseInt.pcmpeqd(x, d, lo, hi); return true;
            case Op.PADDB: SseInt.paddb(x, d, lo, hi); return true;
            case Op.PADDW: SseInt.paddw(x, d, lo, hi); return true;
            case Op.PADDD: SseInt.paddd(x, d, lo, hi); return true;
            case Op.PADDQ: SseInt.paddq(x, d, lo, hi); return true;
            case Op.PSUBB: SseInt.psubb(x, d, lo, hi); return true;
            case Op.PSUBW: SseInt.psubw(x, d, lo, hi); return true;
            case Op.PSUBD: SseInt.psubd(x, d, lo, hi); return true;
            case Op.PSUBQ: SseInt.psubq(x, d, lo, hi); return true;
            case Op.PADDSB: SseInt.paddsb(x, d, lo, hi); return true;
            case Op.PADDSW: SseInt.paddsw(x, d, lo, hi); return true;
            case Op.PADDUSB: SseInt.paddusb(x, d, lo, hi); return true;
            case Op.PADDUSW: SseInt.paddusw(x, d, lo, hi); return true;
            case Op.PSUBSB: SseInt.psubsb(x, d, lo, hi); return true;
            case Op.PSUBSW: SseInt.psubsw(x, d, lo, hi); return true;
            case Op.PSUBUSB: SseInt.psubusb(x, d, lo, hi); return true;
            case Op.PSUBUSW: SseInt.psubusw(x, d, lo, hi); return true;
            case Op.PMINUB: SseInt.pminub(x, d, lo, hi); return true;
            case Op.PMAXUB: SseInt.pmaxub(x, d, lo, hi); return true;
            case Op.PMINSW: SseInt.pminsw(x, d, lo, hi); return true;
            case Op.PMAXSW: SseInt.pmaxsw(x, d, lo, hi); return true;
            case Op.PAVGB: SseInt.pavgb(x, d, lo, hi); return true;
            case Op.PAVGW: SseInt.pavgw(x, d, lo, hi); return true;
            case Op.PMULLW: SseInt.pmullw(x, d, lo, hi); return true;
            case Op.PMULHW: SseInt.pmulhw(x, d, lo, hi); return true;
            case Op.PMULHUW: SseInt.pmulhuw(x, d, lo, hi); return true;
            case Op.PMULUDQ: SseInt.pmuludq(x, d, lo, hi); return true;
            case Op.PMADDWD: SseInt.pmaddwd(x, d, lo, hi); return true;
            case Op.PSADBW: SseInt.psadbw(x, d, lo, hi); return true;
            case Op.PSHUFB: Ssse3.pshufb(x, d, lo, hi); return true;
            case Op.PHADDW: Ssse3.phaddw(x, d, lo, hi); return true;
            case Op.PHADDD: Ssse3.phaddd(x, d, lo, hi); return true;
            case Op.PHADDSW: Ssse3.phaddsw(x, d, lo, hi); return true;
            case Op.PHSUBW: Ssse3.phsubw(x, d, lo, hi); return true;
            case Op.PHSUBD: Ssse3.phsubd(x, d, lo, hi); return true;
            case Op.PHSUBSW: Ssse3.phsubsw(x, d, lo, hi); return true;
            case Op.PMADDUBSW: Ssse3.pmaddubsw(x, d, lo, hi); return true;
            case Op.PSIGNB: Ssse3.psignb(x, d, lo, hi); return true;
            case Op.PSIGNW: Ssse3.psignw(x, d, lo, hi); return true;
            case Op.PSIGND: Ssse3.psignd(x, d, lo, hi); return true;
            case Op.PMULHRSW: Ssse3.pmulhrsw(x, d, lo, hi); return true;
            case Op.PABSB: Ssse3.pabsb(x, d, lo, hi); return true;
            case Op.PABSW: Ssse3.pabsw(x, d, lo, hi); return true;
            case Op.PABSD: Ssse3.pabsd(x, d, lo, hi); return true;
            case Op.PALIGNR: Ssse3.palignr(x, d, lo, hi, imm & 0xff); return true;
            default: return false;
        }
    }
}
