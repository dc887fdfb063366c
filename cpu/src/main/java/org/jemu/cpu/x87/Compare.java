package org.jemu.cpu.x87;

/**
 * Comparisons (FCOM/FUCOM/FICOM/FTST/FCOMI/FUCOMI) and FXAM (SDM Vol. 1 §8.3.5, Tables 8-6, 8-7).
 */
final class Compare {
    private Compare() {}

    /** Results: unordered, greater, less, equal. */
    static final int UNORDERED = 0, GT = 1, LT = 2, EQ = 3;

    /**
     * Compares a with b; {@code quiet} (FUCOM*) raises IE only for SNaNs, the ordered forms for
     * any NaN. Unsupported encodings are unordered and invalid. Flags go to {@code r.flags}.
     */
    static int compare(FRes r, int aSe, long aSig, int bSe, long bSig, boolean quiet) {
        int ca = F80.classify(aSe, aSig), cb = F80.classify(bSe, bSig);
        if (ca == F80.UNSUPPORTED || cb == F80.UNSUPPORTED) { r.flags |= X87.IE; return UNORDERED; }
        if (F80.isNaN(ca) || F80.isNaN(cb)) {
            if (!quiet || ca == F80.SNAN || cb == F80.SNAN) r.flags |= X87.IE;
            return UNORDERED;
        }
        if (ca == F80.DENORMAL || cb == F80.DENORMAL || r.srcDenormal) r.flags |= X87.DE;
        int c = order(aSe, aSig, ca, bSe, bSig, cb);
        return c < 0 ? LT : c > 0 ? GT : EQ;
    }

    /** Numeric order of two non-NaN values: -1, 0, 1. */
    static int order(int aSe, long aSig, int ca, int bSe, long bSig, int cb) {
        if (ca == F80.ZERO && cb == F80.ZERO) return 0;
        boolean an = (aSe & F80.SIGN) != 0, bn = (bSe & F80.SIGN) != 0;
        if (ca == F80.ZERO) return bn ? 1 : -1;
        if (cb == F80.ZERO) return an ? -1 : 1;
        if (an != bn) return an ? -1 : 1;
        int m = magnitude(aSe, aSig, ca, bSe, bSig, cb);
        return an ? -m : m;
    }

    private static int magnitude(int aSe, long aSig, int ca, int bSe, long bSig, int cb) {
        if (ca == F80.INF || cb == F80.INF) return ca == cb ? 0 : ca == F80.INF ? 1 : -1;
        int ea = Arith.exp(aSe, aSig), eb = Arith.exp(bSe, bSig);
        if (ea != eb) return ea > eb ? 1 : -1;
        return Long.compareUnsigned(Arith.norm(aSig), Arith.norm(bSig));
    }

    /** Condition codes for FCOM-style results: C3 C2 C0 (SDM Vol. 1 Table 8-6). */
    static int fcomCc(int res) {
        switch (res) {
            case GT: return 0;
            case LT: return X87.C0;
            case EQ: return X87.C3;
            default: return X87.C3 | X87.C2 | X87.C0;
        }
    }

    /** FXAM condition codes: C1 is the sign; C3 C2 C0 the class (SDM Vol. 2A FXAM). */
    static int fxamCc(boolean empty, int se, long sig) {
        int c1 = (se & F80.SIGN) != 0 ? X87.C1 : 0;
        if (empty) return c1 | X87.C3 | X87.C0;
        switch (F80.classify(se, sig)) {
            case F80.UNSUPPORTED: return c1;
            case F80.QNAN: case F80.SNAN: return c1 | X87.C0;
            case F80.NORMAL: return c1 | X87.C2;
            case F80.INF: return c1 | X87.C2 | X87.C0;
            case F80.ZERO: return c1 | X87.C3;
            default: return c1 | X87.C3 | X87.C2; // denormal
        }
    }
}
