package org.jemu.cpu.x87;

/**
 * The double extended-precision format (SDM Vol. 1 §4.2.2, §4.8.3): a value is a 16-bit
 * sign/exponent word {@code se} (sign in bit 15, biased exponent in bits 14:0, bias 16383) and a
 * 64-bit significand {@code sig} whose bit 63 is the explicit integer bit J.
 *
 * <p>Encodings the x87 does not generate and refuses as operands (SDM Vol. 1 §8.2.2, Table 8-3):
 * unnormals (exponent 1..7FFE with J = 0), pseudo-NaNs and pseudo-infinities (exponent 7FFF with
 * J = 0). Pseudo-denormals (exponent 0 with J = 1) are accepted as denormal operands and read with
 * exponent 1 (SDM Vol. 1 §8.2.2).
 */
public final class F80 {
    private F80() {}

    public static final int BIAS = 16383, EXP_MAX = 0x7fff, SIGN = 0x8000;
    public static final long J = 0x8000000000000000L;
    /** Bit 62: set in a QNaN, clear in an SNaN. */
    public static final long QUIET = 0x4000000000000000L;

    /** The QNaN floating-point indefinite: negative, quiet, zero payload (SDM Vol. 1 §4.8.3.7). */
    public static final int INDEF_SE = 0xffff;
    public static final long INDEF_SIG = 0xc000000000000000L;

    /** Operand classes. */
    public static final int ZERO = 0, NORMAL = 1, DENORMAL = 2, INF = 3, QNAN = 4, SNAN = 5,
            UNSUPPORTED = 6;

    public static int classify(int se, long sig) {
        int e = se & EXP_MAX;
        if (e == 0) return sig == 0 ? ZERO : DENORMAL; // includes pseudo-denormals (J = 1)
        if (sig >= 0) return UNSUPPORTED; // J = 0: unnormal, pseudo-NaN, pseudo-infinity
        if (e != EXP_MAX) return NORMAL;
        if (sig == J) return INF;
        return (sig & QUIET) != 0 ? QNAN : SNAN;
    }

    public static boolean isNaN(int cls) { return cls == QNAN || cls == SNAN; }

    public static boolean negative(int se) { return (se & SIGN) != 0; }

    /** The tag (SDM Vol. 1 §8.1.7): 0 valid, 1 zero, 2 special (NaN, inf, denormal, unsupported). */
    public static int tag(int se, long sig) {
        int e = se & EXP_MAX;
        if (e == 0) return sig == 0 ? 1 : 2;
        if (e == EXP_MAX || sig >= 0) return 2;
        return 0;
    }

    public static String hex(int se, long sig) {
        return String.format("%04x%016x", se & 0xffff, sig);
    }
}
