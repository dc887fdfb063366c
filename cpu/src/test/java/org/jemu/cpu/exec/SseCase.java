package org.jemu.cpu.exec;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;

/**
 * One SSE test vector in the host oracle's format {@code op imm a.lo a.hi b.lo b.hi : r.lo r.hi mxcsr}
 * (see {@code src/test/c/sse_oracle.c}) and its evaluation through jemu. Everything is compared
 * bit-exactly, MXCSR included.
 */
final class SseCase {
    final String op;
    final int imm;
    final long aLo, aHi, bLo, bHi, rLo, rHi;
    final int mxcsr;
    /** MXCSR before the instruction ({@code op@mxcsr} in the text; 1f80 when absent). */
    final int mxcsrIn;
    /** Whether the instruction must raise #XM ({@code mxcsr/XM}): then the destination is unchanged. */
    final boolean xm;
    /** PCMPESTR*: RAX and RDX before; {@code rflags=} after the result, or -1 when not given. */
    long rax, rdx, rflags = -1;

    SseCase(String op, int imm, long aLo, long aHi, long bLo, long bHi, long rLo, long rHi, int mxcsr,
            int mxcsrIn, boolean xm) {
        this.op = op; this.imm = imm; this.aLo = aLo; this.aHi = aHi; this.bLo = bLo; this.bHi = bHi;
        this.rLo = rLo; this.rHi = rHi; this.mxcsr = mxcsr; this.mxcsrIn = mxcsrIn; this.xm = xm;
    }

    static SseCase parse(String line) {
        String[] t = line.trim().split("\\s+");
        String op = t[0];
        int in = 0x1f80;
        int at = op.indexOf('@');
        if (at >= 0) {
            in = Integer.parseInt(op.substring(at + 1), 16);
            op = op.substring(0, at);
        }
        int colon = 6;
        while (!t[colon].equals(":")) colon++;
        String m = t[colon + 3];
        boolean xm = m.endsWith("/XM");
        if (xm) m = m.substring(0, m.length() - 3);
        SseCase c = new SseCase(op, Integer.parseInt(t[1], 16), IntCase.hex(t[2]), IntCase.hex(t[3]),
                IntCase.hex(t[4]), IntCase.hex(t[5]), IntCase.hex(t[colon + 1]), IntCase.hex(t[colon + 2]),
                Integer.parseInt(m, 16), in, xm);
        if (colon == 8) {
            c.rax = IntCase.hex(t[6]);
            c.rdx = IntCase.hex(t[7]);
        }
        if (t.length > colon + 4 && t[colon + 4].startsWith("rflags=")) c.rflags = IntCase.hex(t[colon + 4].substring(7));
        return c;
    }

    String key() {
        boolean hasImm = op.startsWith("cmp") || op.startsWith("shuf") || op.startsWith("pshuf")
                || op.startsWith("ps") || op.startsWith("p") || op.startsWith("round") || op.startsWith("dp")
                || op.startsWith("blend") || op.startsWith("insert") || op.startsWith("extract")
                || op.startsWith("mpsad");
        String k = hasImm && !op.startsWith("pcmp") ? op + " " + imm : op;
        return mxcsrIn == 0x1f80 ? k : k + " (other MXCSR)";
    }

    /** Runs the case; null when it matches. */
    String check() {
        CpuState c = new CpuState(null);
        c.mxcsr = mxcsrIn;
        c.cr4 |= SseRounding.CR4_OSXMMEXCPT;
        boolean faulted = false;
        String r;
        try {
            r = run(c);
        } catch (GuestFault f) {
            if (f.vector != GuestFault.XM) throw f;
            faulted = true;
            r = null;
        }
        if (faulted || xm) {
            // The destination must be unchanged, and the flags as the CPU set them.
            if (faulted && xm && c.mxcsr == mxcsr && c.xmm[0] == aLo && c.xmm[1] == aHi) return null;
            return String.format("%s@%x imm=%x a=%016x:%016x b=%016x:%016x: want %s mxcsr %x, got %s mxcsr %x%s",
                    op, mxcsrIn, imm, aHi, aLo, bHi, bLo, xm ? "#XM" : String.format("%016x:%016x", rHi, rLo),
                    mxcsr, faulted ? "#XM" : r, c.mxcsr,
                    faulted && (c.xmm[0] != aLo || c.xmm[1] != aHi) ? " (destination written)" : "");
        }
        return r;
    }

    /** Executes the instruction; null when the result and MXCSR match, else a description. */
    private String run(CpuState c) {
        long[] x = c.xmm;
        x[0] = aLo;
        x[1] = aHi;
        long gpr = 0;
        boolean toGpr = true;
        switch (op) {
            case "cvtss2si32": gpr = SseConvert.cvtss2si(c, 4, aLo, false); break;
            case "cvtss2si64": gpr = SseConvert.cvtss2si(c, 8, aLo, false); break;
            case "cvttss2si32": gpr = SseConvert.cvtss2si(c, 4, aLo, true); break;
            case "cvttss2si64": gpr = SseConvert.cvtss2si(c, 8, aLo, true); break;
            case "cvtsd2si32": gpr = SseConvert.cvtsd2si(c, 4, aLo, false); break;
            case "cvtsd2si64": gpr = SseConvert.cvtsd2si(c, 8, aLo, false); break;
            case "cvttsd2si32": gpr = SseConvert.cvtsd2si(c, 4, aLo, true); break;
            case "cvttsd2si64": gpr = SseConvert.cvtsd2si(c, 8, aLo, true); break;
            case "pmovmskb": gpr = SseInt.pmovmskb(aLo, aHi); break;
            case "extractps": gpr = Sse41.extractps(aLo, aHi, imm); break;
            case "pextrb": gpr = Sse41.pextrb(aLo, aHi, imm); break;
            case "pextrd": gpr = Sse41.pextrd(aLo, aHi, imm); break;
            case "pextrq": gpr = Sse41.pextrq(aLo, aHi, imm); break;
            case "ptest":
                c.flags.set(Flags.ARITH | Flags.IF);
                Sse41.ptest(c, 0, bLo, bHi);
                gpr = c.flags.get() & Flags.ARITH;
                break;
            case "pcmpestri": case "pcmpestriq": case "pcmpestrm": case "pcmpestrmq": case "pcmpistri":
            case "pcmpistrm":
                return strings(c);
            case "pextrw": gpr = SseInt.pextrw(aLo, aHi, imm); break;
            case "movmskps": gpr = SseInt.movmskps(aLo, aHi); break;
            case "movmskpd": gpr = SseInt.movmskpd(aLo, aHi); break;
            case "comiss": case "ucomiss": case "comisd": case "ucomisd":
                c.flags.set(Flags.ARITH | Flags.IF);
                if (op.endsWith("ss")) SseFloat.comis32(c, (int) aLo, (int) bLo, op.charAt(0) == 'c');
                else SseFloat.comis64(c, aLo, bLo, op.charAt(0) == 'c');
                gpr = c.flags.get() & Flags.ARITH;
                break;
            default:
                toGpr = false;
                toXmm(c);
        }
        long gotLo = toGpr ? gpr : x[0], gotHi = toGpr ? 0 : x[1];
        if (op.startsWith("rcp") || op.startsWith("rsqrt")) return approx(c);
        if (gotLo == rLo && gotHi == rHi && c.mxcsr == mxcsr && !xm) return null;
        if (xm) return String.format("%016x:%016x", gotHi, gotLo);
        return String.format("%s@%x imm=%x a=%016x:%016x b=%016x:%016x: want %016x:%016x mxcsr %x, got %016x:%016x mxcsr %x",
                op, mxcsrIn, imm, aHi, aLo, bHi, bLo, rHi, rLo, mxcsr, gotHi, gotLo, c.mxcsr);
    }

    /**
     * RCP/RSQRT: vendor tables differ, so the value must only be within the SDM's bound of the exact
     * result (1.5 * 2^-12 relative; the host's must be too), and special cases must match exactly.
     */
    private String approx(CpuState c) {
        boolean ss = op.endsWith("ss"), sqrt = op.startsWith("rsqrt");
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            long got = i < 2 ? c.xmm[0] : c.xmm[1], want = i < 2 ? rLo : rHi, src = i < 2 ? bLo : bHi;
            int g = (int) (got >>> (32 * (i & 1))), w = (int) (want >>> (32 * (i & 1))), s = (int) (src >>> (32 * (i & 1)));
            if (ss && i > 0 || !finiteNonZero(w) || !finiteNonZero(g)) {
                if (g != w) bad.append(" lane ").append(i);
                continue;
            }
            double exact = sqrt ? 1 / Math.sqrt(Float.intBitsToFloat(s)) : 1.0 / Float.intBitsToFloat(s);
            double eg = Math.abs(Float.intBitsToFloat(g) / exact - 1), ew = Math.abs(Float.intBitsToFloat(w) / exact - 1);
            if (eg > 0x1.8p-12 || ew > 0x1.8p-12) bad.append(" lane ").append(i).append(" error ").append(eg);
        }
        if (bad.length() == 0 && c.mxcsr == mxcsr && !xm) return null;
        return String.format("%s@%x b=%016x:%016x: want %016x:%016x mxcsr %x, got %016x:%016x mxcsr %x:%s",
                op, mxcsrIn, bHi, bLo, rHi, rLo, mxcsr, c.xmm[1], c.xmm[0], c.mxcsr, bad);
    }

    private static boolean finiteNonZero(int f) {
        return (f & 0x7fffffff) != 0 && (f & 0x7f800000) != 0x7f800000;
    }

    /** PCMP[EI]STR[IM]: xmm1 = a, xmm2 = b; RCX or XMM0 and the arithmetic flags. */
    private String strings(CpuState c) {
        long[] x = c.xmm;
        x[2] = aLo;
        x[3] = aHi;
        c.gpr[CpuState.RAX] = rax;
        c.gpr[CpuState.RDX] = rdx;
        c.gpr[CpuState.RCX] = 0xdeadbeefcafef00dL;
        c.flags.set(Flags.ARITH | Flags.IF);
        int size = op.endsWith("q") ? 8 : 4;
        switch (op) {
            case "pcmpestri": case "pcmpestriq": Sse42Strings.pcmpestri(c, 1, bLo, bHi, imm, size); break;
            case "pcmpestrm": case "pcmpestrmq": Sse42Strings.pcmpestrm(c, 1, bLo, bHi, imm, size); break;
            case "pcmpistri": Sse42Strings.pcmpistri(c, 1, bLo, bHi, imm); break;
            default: Sse42Strings.pcmpistrm(c, 1, bLo, bHi, imm);
        }
        boolean index = op.charAt(8) == 'i';
        long gotLo = index ? c.gpr[CpuState.RCX] : x[0], gotHi = index ? 0 : x[1];
        long gotFlags = c.flags.get() & Flags.ARITH;
        if (gotLo == rLo && gotHi == rHi && (rflags < 0 || gotFlags == rflags)) return null;
        return String.format("%s imm=%x a=%016x:%016x b=%016x:%016x rax=%x rdx=%x: want %016x:%016x flags %x, got %016x:%016x flags %x",
                op, imm, aHi, aLo, bHi, bLo, rax, rdx, rHi, rLo, rflags, gotHi, gotLo, gotFlags);
    }

    private void toXmm(CpuState c) {
        long[] x = c.xmm;
        long s = bLo, h = bHi;
        switch (op) {
            case "blendvps": case "blendvpd": case "pblendvb": {
                // As the oracle runs it: destination xmm2 = a, source b, mask xmm0 = a ^ b.
                x[4] = aLo; x[5] = aHi; x[0] = aLo ^ bLo; x[1] = aHi ^ bHi;
                Sse41.blendv(x, 2, s, h, op.equals("pblendvb") ? 8 : op.equals("blendvps") ? 32 : 64);
                x[0] = x[4]; x[1] = x[5];
                break;
            }
            case "rcpps": SseApprox.rcpps(x, 0, s, h); break;
            case "rcpss": SseApprox.rcpss(x, 0, s); break;
            case "rsqrtps": SseApprox.rsqrtps(x, 0, s, h); break;
            case "rsqrtss": SseApprox.rsqrtss(x, 0, s); break;
            case "addsubps": Sse3.addsubps(c, 0, s, h); break;
            case "haddps": Sse3.haddps(c, 0, s, h); break;
            case "hsubps": Sse3.hsubps(c, 0, s, h); break;
            case "addsubpd": Sse3.addsubpd(c, 0, s, h); break;
            case "haddpd": Sse3.haddpd(c, 0, s, h); break;
            case "hsubpd": Sse3.hsubpd(c, 0, s, h); break;
            case "movshdup": Sse3.movshdup(x, 0, s, h); break;
            case "movsldup": Sse3.movsldup(x, 0, s, h); break;
            case "movddup": Sse3.movddup(x, 0, s); break;
            case "pabsb": Ssse3.pabsb(x, 0, s, h); break;
            case "pabsw": Ssse3.pabsw(x, 0, s, h); break;
            case "pabsd": Ssse3.pabsd(x, 0, s, h); break;
            case "psignb": Ssse3.psignb(x, 0, s, h); break;
            case "psignw": Ssse3.psignw(x, 0, s, h); break;
            case "psignd": Ssse3.psignd(x, 0, s, h); break;
            case "pshufb": Ssse3.pshufb(x, 0, s, h); break;
            case "phaddw": Ssse3.phaddw(x, 0, s, h); break;
            case "phaddd": Ssse3.phaddd(x, 0, s, h); break;
            case "phaddsw": Ssse3.phaddsw(x, 0, s, h); break;
            case "phsubw": Ssse3.phsubw(x, 0, s, h); break;
            case "phsubd": Ssse3.phsubd(x, 0, s, h); break;
            case "phsubsw": Ssse3.phsubsw(x, 0, s, h); break;
            case "pmaddubsw": Ssse3.pmaddubsw(x, 0, s, h); break;
            case "pmulhrsw": Ssse3.pmulhrsw(x, 0, s, h); break;
            case "palignr": Ssse3.palignr(x, 0, s, h, imm); break;
            case "pminsb": Sse41.pminsb(x, 0, s, h); break;
            case "pminsd": Sse41.pminsd(x, 0, s, h); break;
            case "pminuw": Sse41.pminuw(x, 0, s, h); break;
            case "pminud": Sse41.pminud(x, 0, s, h); break;
            case "pmaxsb": Sse41.pmaxsb(x, 0, s, h); break;
            case "pmaxsd": Sse41.pmaxsd(x, 0, s, h); break;
            case "pmaxuw": Sse41.pmaxuw(x, 0, s, h); break;
            case "pmaxud": Sse41.pmaxud(x, 0, s, h); break;
            case "pmulld": Sse41.pmulld(x, 0, s, h); break;
            case "pmuldq": Sse41.pmuldq(x, 0, s, h); break;
            case "pcmpeqq": Sse41.pcmpeqq(x, 0, s, h); break;
            case "pcmpgtq": Sse41.pcmpgtq(x, 0, s, h); break;
            case "packusdw": Sse41.packusdw(x, 0, s, h); break;
            case "pmovsxbw": Sse41.pmovx(x, 0, s, 1, 2, true); break;
            case "pmovsxbd": Sse41.pmovx(x, 0, s, 1, 4, true); break;
            case "pmovsxbq": Sse41.pmovx(x, 0, s, 1, 8, true); break;
            case "pmovsxwd": Sse41.pmovx(x, 0, s, 2, 4, true); break;
            case "pmovsxwq": Sse41.pmovx(x, 0, s, 2, 8, true); break;
            case "pmovsxdq": Sse41.pmovx(x, 0, s, 4, 8, true); break;
            case "pmovzxbw": Sse41.pmovx(x, 0, s, 1, 2, false); break;
            case "pmovzxbd": Sse41.pmovx(x, 0, s, 1, 4, false); break;
            case "pmovzxbq": Sse41.pmovx(x, 0, s, 1, 8, false); break;
            case "pmovzxwd": Sse41.pmovx(x, 0, s, 2, 4, false); break;
            case "pmovzxwq": Sse41.pmovx(x, 0, s, 2, 8, false); break;
            case "pmovzxdq": Sse41.pmovx(x, 0, s, 4, 8, false); break;
            case "phminposuw": Sse41.phminposuw(x, 0, s, h); break;
            case "pblendw": Sse41.pblendw(x, 0, s, h, imm); break;
            case "blendps": Sse41.blendps(x, 0, s, h, imm); break;
            case "blendpd": Sse41.blendpd(x, 0, s, h, imm); break;
            case "insertps": Sse41.insertps(x, 0, s, h, imm); break;
            case "mpsadbw": Sse41.mpsadbw(x, 0, s, h, imm); break;
            case "pinsrb": Sse41.pinsrb(x, 0, s, imm); break;
            case "pinsrd": Sse41.pinsrd(x, 0, s, imm); break;
            case "pinsrq": Sse41.pinsrq(x, 0, s, imm); break;
            case "roundps": Sse41Fp.roundps(c, 0, s, h, imm); break;
            case "roundpd": Sse41Fp.roundpd(c, 0, s, h, imm); break;
            case "roundss": Sse41Fp.roundss(c, 0, s, imm); break;
            case "roundsd": Sse41Fp.roundsd(c, 0, s, imm); break;
            case "dpps": Sse41Fp.dpps(c, 0, s, h, imm); break;
            case "dppd": Sse41Fp.dppd(c, 0, s, h, imm); break;
            case "addps": SseFloat.addps(c, 0, s, h); break;
            case "subps": SseFloat.subps(c, 0, s, h); break;
            case "mulps": SseFloat.mulps(c, 0, s, h); break;
            case "divps": SseFloat.divps(c, 0, s, h); break;
            case "minps": SseFloat.minps(c, 0, s, h); break;
            case "maxps": SseFloat.maxps(c, 0, s, h); break;
            case "sqrtps": SseFloat.sqrtps(c, 0, s, h); break;
            case "addss": SseFloat.addss(c, 0, s); break;
            case "subss": SseFloat.subss(c, 0, s); break;
            case "mulss": SseFloat.mulss(c, 0, s); break;
            case "divss": SseFloat.divss(c, 0, s); break;
            case "minss": SseFloat.minss(c, 0, s); break;
            case "maxss": SseFloat.maxss(c, 0, s); break;
            case "sqrtss": SseFloat.sqrtss(c, 0, s); break;
            case "addpd": SseFloat.addpd(c, 0, s, h); break;
            case "subpd": SseFloat.subpd(c, 0, s, h); break;
            case "mulpd": SseFloat.mulpd(c, 0, s, h); break;
            case "divpd": SseFloat.divpd(c, 0, s, h); break;
            case "minpd": SseFloat.minpd(c, 0, s, h); break;
            case "maxpd": SseFloat.maxpd(c, 0, s, h); break;
            case "sqrtpd": SseFloat.sqrtpd(c, 0, s, h); break;
            case "addsd": SseFloat.addsd(c, 0, s); break;
            case "subsd": SseFloat.subsd(c, 0, s); break;
            case "mulsd": SseFloat.mulsd(c, 0, s); break;
            case "divsd": SseFloat.divsd(c, 0, s); break;
            case "minsd": SseFloat.minsd(c, 0, s); break;
            case "maxsd": SseFloat.maxsd(c, 0, s); break;
            case "sqrtsd": SseFloat.sqrtsd(c, 0, s); break;
            case "cmpps": SseFloat.cmpps(c, 0, s, h, imm); break;
            case "cmpss": SseFloat.cmpss(c, 0, s, imm); break;
            case "cmppd": SseFloat.cmppd(c, 0, s, h, imm); break;
            case "cmpsd": SseFloat.cmpsd(c, 0, s, imm); break;
            case "cvtps2dq": SseConvert.cvtps2dq(c, 0, s, h, false); break;
            case "cvttps2dq": SseConvert.cvtps2dq(c, 0, s, h, true); break;
            case "cvtps2pd": SseConvert.cvtps2pd(c, 0, s); break;
            case "cvtss2sd": SseConvert.cvtss2sd(c, 0, s); break;
            case "cvtpd2dq": SseConvert.cvtpd2dq(c, 0, s, h, false); break;
            case "cvttpd2dq": SseConvert.cvtpd2dq(c, 0, s, h, true); break;
            case "cvtpd2ps": SseConvert.cvtpd2ps(c, 0, s, h); break;
            case "cvtsd2ss": SseConvert.cvtsd2ss(c, 0, s); break;
            case "cvtdq2ps": SseConvert.cvtdq2ps(c, 0, s, h); break;
            case "cvtdq2pd": SseConvert.cvtdq2pd(c, 0, s); break;
            case "cvtsi2ss32": SseConvert.cvtsi2ss(c, 0, 4, s); break;
            case "cvtsi2ss64": SseConvert.cvtsi2ss(c, 0, 8, s); break;
            case "cvtsi2sd32": SseConvert.cvtsi2sd(c, 0, 4, s); break;
            case "cvtsi2sd64": SseConvert.cvtsi2sd(c, 0, 8, s); break;
            case "unpcklps": SseInt.unpcklps(x, 0, s, h); break;
            case "unpckhps": SseInt.unpckhps(x, 0, s, h); break;
            case "unpcklpd": SseInt.unpcklpd(x, 0, s, h); break;
            case "unpckhpd": SseInt.unpckhpd(x, 0, s, h); break;
            case "paddb": SseInt.paddb(x, 0, s, h); break;
            case "paddw": SseInt.paddw(x, 0, s, h); break;
            case "paddd": SseInt.paddd(x, 0, s, h); break;
            case "paddq": SseInt.paddq(x, 0, s, h); break;
            case "psubb": SseInt.psubb(x, 0, s, h); break;
            case "psubw": SseInt.psubw(x, 0, s, h); break;
            case "psubd": SseInt.psubd(x, 0, s, h); break;
            case "psubq": SseInt.psubq(x, 0, s, h); break;
            case "paddsb": SseInt.paddsb(x, 0, s, h); break;
            case "paddusb": SseInt.paddusb(x, 0, s, h); break;
            case "psubsb": SseInt.psubsb(x, 0, s, h); break;
            case "psubusb": SseInt.psubusb(x, 0, s, h); break;
            case "paddsw": SseInt.paddsw(x, 0, s, h); break;
            case "paddusw": SseInt.paddusw(x, 0, s, h); break;
            case "psubsw": SseInt.psubsw(x, 0, s, h); break;
            case "psubusw": SseInt.psubusw(x, 0, s, h); break;
            case "pmullw": SseInt.pmullw(x, 0, s, h); break;
            case "pmulhw": SseInt.pmulhw(x, 0, s, h); break;
            case "pmulhuw": SseInt.pmulhuw(x, 0, s, h); break;
            case "pmuludq": SseInt.pmuludq(x, 0, s, h); break;
            case "pmaddwd": SseInt.pmaddwd(x, 0, s, h); break;
            case "pcmpeqb": SseInt.pcmpeqb(x, 0, s, h); break;
            case "pcmpeqw": SseInt.pcmpeqw(x, 0, s, h); break;
            case "pcmpeqd": SseInt.pcmpeqd(x, 0, s, h); break;
            case "pcmpgtb": SseInt.pcmpgtb(x, 0, s, h); break;
            case "pcmpgtw": SseInt.pcmpgtw(x, 0, s, h); break;
            case "pcmpgtd": SseInt.pcmpgtd(x, 0, s, h); break;
            case "punpcklbw": SseInt.punpcklbw(x, 0, s, h); break;
            case "punpcklwd": SseInt.punpcklwd(x, 0, s, h); break;
            case "punpckldq": SseInt.punpckldq(x, 0, s, h); break;
            case "punpcklqdq": SseInt.punpcklqdq(x, 0, s, h); break;
            case "punpckhbw": SseInt.punpckhbw(x, 0, s, h); break;
            case "punpckhwd": SseInt.punpckhwd(x, 0, s, h); break;
            case "punpckhdq": SseInt.punpckhdq(x, 0, s, h); break;
            case "punpckhqdq": SseInt.punpckhqdq(x, 0, s, h); break;
            case "packsswb": SseInt.packsswb(x, 0, s, h); break;
            case "packssdw": SseInt.packssdw(x, 0, s, h); break;
            case "packuswb": SseInt.packuswb(x, 0, s, h); break;
            case "pminub": SseInt.pminub(x, 0, s, h); break;
            case "pmaxub": SseInt.pmaxub(x, 0, s, h); break;
            case "pminsw": SseInt.pminsw(x, 0, s, h); break;
            case "pmaxsw": SseInt.pmaxsw(x, 0, s, h); break;
            case "pavgb": SseInt.pavgb(x, 0, s, h); break;
            case "pavgw": SseInt.pavgw(x, 0, s, h); break;
            case "psadbw": SseInt.psadbw(x, 0, s, h); break;
            case "pand": SseInt.pand(x, 0, s, h); break;
            case "pandn": SseInt.pandn(x, 0, s, h); break;
            case "por": SseInt.por(x, 0, s, h); break;
            case "pxor": SseInt.pxor(x, 0, s, h); break;
            case "psllw": SseInt.psllw(x, 0, s); break;
            case "pslld": SseInt.pslld(x, 0, s); break;
            case "psllq": SseInt.psllq(x, 0, s); break;
            case "psrlw": SseInt.psrlw(x, 0, s); break;
            case "psrld": SseInt.psrld(x, 0, s); break;
            case "psrlq": SseInt.psrlq(x, 0, s); break;
            case "psraw": SseInt.psraw(x, 0, s); break;
            case "psrad": SseInt.psrad(x, 0, s); break;
            case "pshufd": SseInt.pshufd(x, 0, s, h, imm); break;
            case "pshufhw": SseInt.pshufhw(x, 0, s, h, imm); break;
            case "pshuflw": SseInt.pshuflw(x, 0, s, h, imm); break;
            case "shufps": SseInt.shufps(x, 0, s, h, imm); break;
            case "shufpd": SseInt.shufpd(x, 0, s, h, imm); break;
            case "pslldq": SseInt.pslldq(x, 0, imm); break;
            case "pinsrw": SseInt.pinsrw(x, 0, s, imm); break;
            case "psrldq": SseInt.psrldq(x, 0, imm); break;
            default: throw new IllegalArgumentException("unknown op " + op);
        }
    }
}
