package org.jemu.cpu.x87;

import java.math.BigDecimal;

/**
 * FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1 (SDM Vol. 2A, special-value tables
 * of each instruction). Finite cases are evaluated to about 150 bits by {@link BigF80} and
 * rounded once to 64 bits by RC (PC does not apply to these, SDM Vol. 1 §8.1.5.2). The results
 * are therefore correctly rounded, which real x87 units are not always: the host's differences
 * are listed in {@code src/test/resources/x87/transcendental-differences.txt}.
 */
final class Transcendental {
    private Transcendental() {}

    /** FSIN and friends leave ST(0) alone and set C2 when |x| >= 2^63 (SDM Vol. 2A FSIN). */
    private static final int RANGE_EXP = 63;
    /** Below 2^-40 the cubic term of the series is under 2^-80 relative: see roundNudged. */
    private static final int TINY = -40;

    static void execute(X87 f, int modrm) {
        switch (modrm) {
            case 0xfe: case 0xff: trig(f, modrm == 0xfe ? 0 : 1); break;
            case 0xfb: trig(f, 2); break;
            case 0xf2: trig(f, 3); break;
            case 0xf0: f2xm1(f); break;
            case 0xf3: case 0xf1: case 0xf9: twoOperand(f, modrm); break;
            default: throw new IllegalArgumentException();
        }
    }

    /** 0 FSIN, 1 FCOS, 2 FSINCOS (ST0 = sin, push cos), 3 FPTAN (ST0 = tan, push 1). */
    private static void trig(X87 f, int op) {
        boolean pushes = op >= 2;
        if (f.isEmpty(0)) {
            if (X87Exec.underflow(f)) {
                f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
                if (pushes) f.push(F80.INDEF_SE, F80.INDEF_SIG);
            }
            f.setCc(X87.C2, 0);
            return;
        }
        if (pushes && !f.isEmpty(7)) {
            if (X87Exec.overflow(f)) {
                f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
                f.push(F80.INDEF_SE, F80.INDEF_SIG);
            }
            f.setCc(X87.C2, 0);
            return;
        }
        int se = f.stSe(0);
        long sig = f.stSig(0);
        int c = F80.classify(se, sig);
        FRes r = f.res, r2 = f.res2;
        r2.clear();
        if (c == F80.NORMAL && Arith.exp(se, sig) >= RANGE_EXP) {
            f.setCc(X87.C1 | X87.C2, X87.C2); // out of range: ST(0) unchanged, C1 cleared
            return;
        }
        switch (c) {
            case F80.UNSUPPORTED: case F80.INF:
                Arith.invalid(r);
                r2.indefinite();
                break;
            case F80.SNAN: case F80.QNAN:
                if (c == F80.SNAN) r.flags |= X87.IE;
                r.set(se, sig | F80.QUIET);
                r2.set(se, sig | F80.QUIET);
                break;
            case F80.ZERO:
                if (op == 1) r.set(F80.BIAS, F80.J);
                else r.set(se, 0);
                r2.set(F80.BIAS, F80.J); // cos 0 = 1, and FPTAN's 1
                break;
            default: {
                if (c == F80.DENORMAL) r.flags |= X87.DE;
                if (Arith.exp(se, sig) < TINY) {
                    // sin x = x - x^3/6, tan x = x + x^3/3, cos x = 1 - x^2/2: within half an ulp
                    int dir = (se & F80.SIGN) != 0 ? 1 : -1; // toward zero for sin
                    switch (op) {
                        case 0: BigF80.roundNudged(r, se, sig, dir, f.cw); break;
                        case 1: BigF80.roundNudged(r, F80.BIAS, F80.J, -1, f.cw); break;
                        case 2:
                            BigF80.roundNudged(r, se, sig, dir, f.cw);
                            BigF80.roundNudged(r2, F80.BIAS, F80.J, -1, f.cw);
                            break;
                        default:
                            BigF80.roundNudged(r, se, sig, -dir, f.cw);
                            r2.set(F80.BIAS, F80.J);
                    }
                    break;
                }
                BigDecimal[] sc = BigF80.sinCos(BigF80.of(se, sig));
                switch (op) {
                    case 0: BigF80.round(r, sc[0], f.cw); break;
                    case 1: BigF80.round(r, sc[1], f.cw); break;
                    case 2: BigF80.round(r, sc[0], f.cw); BigF80.round(r2, sc[1], f.cw); break;
                    default:
                        BigF80.round(r, sc[0].divide(sc[1], BigF80.MC), f.cw);
                        r2.set(F80.BIAS, F80.J);
                        break;
                }
            }
        }
        int fl = r.flags | (r2.flags & ~X87.C1);
        if ((fl & ~f.cw & (X87.IE | X87.DE)) != 0) {
            f.raise(fl & (X87.IE | X87.DE));
            f.setCc(X87.C1 | X87.C2, 0);
            return;
        }
        f.setSt(0, r.se, r.sig);
        if (pushes) f.push(r2.se, r2.sig);
        f.raise(fl);
        f.setCc(X87.C1 | X87.C2, r.flags & X87.C1);
    }

    private static void f2xm1(X87 f) {
        if (f.isEmpty(0)) {
            if (X87Exec.underflow(f)) f.setSt(0, F80.INDEF_SE, F80.INDEF_SIG);
            return;
        }
        int se = f.stSe(0);
        long sig = f.stSig(0);
        FRes r = f.res;
        switch (F80.classify(se, sig)) {
            case F80.UNSUPPORTED: Arith.invalid(r); break;
            case F80.SNAN: r.flags |= X87.IE; r.set(se, sig | F80.QUIET); break;
            case F80.QNAN: r.set(se, sig); break;
            case F80.ZERO: r.set(se, 0); break;
            case F80.INF:
                if ((se & F80.SIGN) != 0) r.set(F80.SIGN | F80.BIAS, F80.J); // 2^-inf - 1 = -1
                else r.set(se, sig);
                break;
            case F80.DENORMAL:
                r.flags |= X87.DE;
                BigF80.round(r, BigF80.exp2m1(BigF80.of(se, sig)), f.cw);
                break;
            default:
                if (se == (F80.SIGN | F80.BIAS) && sig == F80.J) { // 2^-1 - 1 = -0.5 exactly
                    r.set(F80.SIGN | (F80.BIAS - 1), F80.J);
                } else if (se == F80.BIAS && sig == F80.J) { // 2^1 - 1: the host is inexact (1 - eps)
                    BigF80.roundNudged(r, se, sig, -1, f.cw);
                } else if (Arith.exp(se, sig) >= 1) { // |x| >= 2 is undefined; the host returns x with PE
                    r.flags |= X87.PE;
                    r.set(se, sig);
                } else {
                    BigF80.round(r, BigF80.exp2m1(BigF80.of(se, sig)), f.cw);
                }
        }
        X87Exec.commit(f, 0, false);
    }

    /** FPATAN (F3), FYL2X (F1), FYL2XP1 (F9): ST(1) = f(ST(1), ST(0)), then pop. */
    private static void twoOperand(X87 f, int modrm) {
        if (f.isEmpty(0) || f.isEmpty(1)) {
            if (X87Exec.underflow(f)) {
                f.setSt(1, F80.INDEF_SE, F80.INDEF_SIG);
                f.pop();
            }
            return;
        }
        int xSe = f.stSe(0), ySe = f.stSe(1);
        long xSig = f.stSig(0), ySig = f.stSig(1);
        int cx = F80.classify(xSe, xSig), cy = F80.classify(ySe, ySig);
        FRes r = f.res;
        if (!Arith.nanOrUnsupported(r, xSe, xSig, cx, ySe, ySig, cy)) {
            if (cx == F80.DENORMAL || cy == F80.DENORMAL) r.flags |= X87.DE;
            switch (modrm) {
                case 0xf3: fpatan(r, ySe, ySig, cy, xSe, xSig, cx, f.cw); break;
                case 0xf1: fyl2x(r, ySe, ySig, cy, xSe, xSig, cx, f.cw); break;
                default: fyl2xp1(r, ySe, ySig, cy, xSe, xSig, cx, f.cw); break;
            }
            if ((r.flags & (X87.IE | X87.ZE)) != 0) r.flags &= ~X87.DE;
        }
        X87Exec.commit(f, 1, true);
    }

    private static void fpatan(FRes r, int ySe, long ySig, int cy, int xSe, long xSig, int cx, int cw) {
        boolean yNeg = (ySe & F80.SIGN) != 0, xNeg = (xSe & F80.SIGN) != 0;
        BigDecimal v;
        if (cy == F80.ZERO) {
            if (!xNeg) { r.set(ySe & F80.SIGN, 0); return; }
            v = BigF80.PI;
        } else if (cy == F80.INF) {
            if (cx == F80.INF) v = xNeg ? BigF80.PI.multiply(new BigDecimal("0.75")) : BigF80.PI.divide(BigDecimal.valueOf(4));
            else v = BigF80.HALF_PI;
        } else if (cx == F80.INF) {
            if (!xNeg) { r.set(ySe & F80.SIGN, 0); return; }
            v = BigF80.PI;
        } else if (cx == F80.ZERO) {
            v = BigF80.HALF_PI;
        } else {
            if (!xNeg && Arith.exp(ySe, ySig) - Arith.exp(xSe, xSig) < TINY - 1) {
                // atan(t) = t - t^3/3 for tiny t = y/x: the quotient, nudged toward zero
                FRes q = new FRes();
                Arith.div(q, ySe & ~F80.SIGN, ySig, xSe, xSig, cw | 0x300);
                if ((q.flags & X87.PE) == 0 && (q.se & 0x7fff) != 0) {
                    BigF80.roundNudged(r, q.se | (ySe & F80.SIGN), q.sig, yNeg ? 1 : -1, cw);
                    return;
                }
            }
            v = BigF80.atan2(BigF80.of(ySe, ySig).abs(), BigF80.of(xSe, xSig));
        }
        BigF80.round(r, yNeg ? v.negate() : v, cw);
    }

    private static void fyl2x(FRes r, int ySe, long ySig, int cy, int xSe, long xSig, int cx, int cw) {
        boolean yNeg = (ySe & F80.SIGN) != 0, xNeg = (xSe & F80.SIGN) != 0;
        if (xNeg && cx != F80.ZERO) { Arith.invalid(r); return; }
        if (cx == F80.ZERO) {
            if (cy == F80.ZERO) { Arith.invalid(r); return; }
            if (cy != F80.INF) r.flags |= X87.ZE;
            r.set((yNeg ? 0 : F80.SIGN) | 0x7fff, F80.J); // log2(0) = -inf
            return;
        }
        if (cx == F80.INF) {
            if (cy == F80.ZERO) { Arith.invalid(r); return; }
            r.set((ySe & F80.SIGN) | 0x7fff, F80.J);
            return;
        }
        BigDecimal x = BigF80.of(xSe, xSig);
        int cmp1 = x.compareTo(BigDecimal.ONE);
        if (cy == F80.INF) {
            if (cmp1 == 0) { Arith.invalid(r); return; }
            r.set(((cmp1 < 0) != yNeg ? F80.SIGN : 0) | 0x7fff, F80.J);
            return;
        }
        if (cy == F80.ZERO || cmp1 == 0) {
            r.set((cmp1 < 0) != yNeg ? F80.SIGN : 0, 0);
            return;
        }
        if (Arith.norm(xSig) == F80.J) { // x = 2^k: y * k, exactly rounded
            FRes k = new FRes();
            Convert.loadInt(k, Arith.exp(xSe, xSig));
            Arith.mul(r, ySe, ySig, k.se, k.sig, cw | 0x300);
            return;
        }
        BigDecimal lg = BigF80.ln(x).divide(BigF80.LN2, BigF80.MC);
        BigF80.round(r, lg.multiply(BigF80.of(ySe, ySig), BigF80.MC), cw);
    }

    private static void fyl2xp1(FRes r, int ySe, long ySig, int cy, int xSe, long xSig, int cx, int cw) {
        boolean yNeg = (ySe & F80.SIGN) != 0, xNeg = (xSe & F80.SIGN) != 0;
        if (cx == F80.ZERO) {
            if (cy == F80.INF) { Arith.invalid(r); return; }
            r.set((xNeg != yNeg) ? F80.SIGN : 0, 0);
            return;
        }
        BigDecimal x = cx == F80.INF ? null : BigF80.of(xSe, xSig);
        if (x != null && x.compareTo(BigDecimal.ONE.negate()) <= 0 || (cx == F80.INF && xNeg)) {
            Arith.invalid(r);
            return;
        }
        if (cx == F80.INF || cy == F80.INF) {
            if (cy == F80.ZERO) { Arith.invalid(r); return; }
            r.set(((xNeg != yNeg) ? F80.SIGN : 0) | 0x7fff, F80.J);
            return;
        }
        if (cy == F80.ZERO) { r.set((xNeg != yNeg) ? F80.SIGN : 0, 0); return; }
        BigDecimal lg = BigF80.ln1p(x).divide(BigF80.LN2, BigF80.MC);
        BigF80.round(r, lg.multiply(BigF80.of(ySe, ySig), BigF80.MC), cw);
    }
}
