package org.jemu.cpu.decode;

/**
 * Operand kinds and sizes of the table grammar (Intel SDM Vol. 2, Appendix A.2.1 and A.2.2), as ints.
 * A form keeps one kind and one size per operand, in Intel order (destination first).
 */
public final class Operand {
    private Operand() {}

    // ---- kinds ---------------------------------------------------------------------------------
    /** ModRM r/m: general register or memory. */
    public static final int E = 1;
    /** ModRM reg: general register. */
    public static final int G = 2;
    /** Immediate, zero-extended (Ib, Iw, Iv) or sign-extended (Iz, and Ibs = Ib sign-extended). */
    public static final int I = 3;
    /** Relative branch offset, sign-extended. */
    public static final int J = 4;
    /** ModRM r/m that must be memory. */
    public static final int M = 5;
    /** moffs: absolute address of address size in the instruction (MOV A0-A3). */
    public static final int O = 6;
    /** ModRM reg: segment register. */
    public static final int S = 7;
    /** ModRM reg: control register (with REX.R). */
    public static final int C = 8;
    /** ModRM reg: debug register. */
    public static final int D = 9;
    /** ModRM r/m that must be a general register. */
    public static final int R = 10;
    /** ModRM reg: XMM register. */
    public static final int V = 11;
    /** ModRM r/m: XMM register or memory. */
    public static final int W = 12;
    /** ModRM r/m that must be an XMM register. */
    public static final int U = 13;
    /** Memory at DS:rSI (segment overridable). */
    public static final int X = 14;
    /** Memory at ES:rDI. */
    public static final int Y = 15;
    /** General register in the low three bits of the opcode, extended by REX.B. */
    public static final int Z = 16;
    /** Accumulator (AL, AX, EAX, RAX by size). */
    public static final int ACC = 17;
    /** CL (shift counts). */
    public static final int CL = 18;
    /** DX (port number). */
    public static final int DX = 19;
    /** The constant 1 of the shift-by-one forms. */
    public static final int ONE = 20;
    /** Segment register named by the opcode (PUSH FS); its number is in Insn.reg. */
    public static final int SEG = 21;
    /** x87 ST(0). */
    public static final int ST = 22;
    /** x87 ST(i), i from ModRM.rm. */
    public static final int STI = 23;
    /** ModRM reg: MMX register (REX.R ignored). */
    public static final int P = 24;
    /** ModRM r/m: MMX register (REX.B ignored) or memory. */
    public static final int Q = 25;
    /** ModRM r/m that must be an MMX register. */
    public static final int N = 26;
    /** XMM0, the implicit mask of the SSE4.1 variable blends (PBLENDVB, BLENDVPS, BLENDVPD). */
    public static final int XMM0 = 27;

    // ---- sizes ---------------------------------------------------------------------------------
    /** Fixed sizes are byte counts: b=1, w=2, d=4, q=8, t=10, dq/ps/pd=16, ss=4, sd=8. */
    public static final int SZ_NONE = 0;
    /** v: 16, 32 or 64 bits by 66 / REX.W. */
    public static final int SZ_V = -1;
    /** z: 16 bits with 66, else 32 (immediates and ports). */
    public static final int SZ_Z = -2;
    /** y: 64 bits with REX.W, else 32. */
    public static final int SZ_Y = -3;
    /** p: far pointer, 16-bit selector and v-sized offset. */
    public static final int SZ_P = -4;
    /** Ibs: an 8-bit immediate sign-extended to the operand size. */
    public static final int SZ_BS = -5;

    static int parseSize(String s) {
        switch (s) {
            case "": return SZ_NONE;
            case "b": return 1;
            case "w": return 2;
            case "d": case "ss": return 4;
            case "q": case "sd": return 8;
            case "t": return 10;
            case "dq": case "ps": case "pd": return 16;
            case "v": return SZ_V;
            case "z": return SZ_Z;
            case "y": return SZ_Y;
            case "p": return SZ_P;
            case "bs": return SZ_BS;
            default: throw new IllegalArgumentException("operand size '" + s + "'");
        }
    }

    static int parseKind(char c) {
        switch (c) {
            case 'E': return E;
            case 'G': return G;
            case 'I': return I;
            case 'J': return J;
            case 'M': return M;
            case 'O': return O;
            case 'S': return S;
            case 'C': return C;
            case 'D': return D;
            case 'R': return R;
            case 'V': return V;
            case 'W': return W;
            case 'U': return U;
            case 'X': return X;
            case 'Y': return Y;
            case 'Z': return Z;
            case 'P': return P;
            case 'Q': return Q;
            case 'N': return N;
            default: throw new IllegalArgumentException("operand kind '" + c + "'");
        }
    }

    /** The shape letter(s) of a kind, as {@link Shape} names spell them. */
    static String shapeToken(int kind) {
        switch (kind) {
            case ACC: return "A";
            case CL: return "CL";
            case DX: return "DX";
            case ONE: return "1";
            case SEG: return "SEG";
            case ST: return "ST";
            case STI: return "STI";
            case P: return "P";
            case Q: return "Q";
            case N: return "N";
            case XMM0: return "XMM0";
            default: return String.valueOf("?EGIJMOSCDRVWUXYZ".charAt(kind));
        }
    }

    /** Kinds that use the ModRM byte. */
    static boolean usesModrm(int kind) {
        return kind == E || kind == G || kind == M || kind == S || kind == C || kind == D || kind == R
                || kind == V || kind == W || kind == U || kind == STI || kind == P || kind == Q || kind == N;
    }

    /** Kinds whose size is the size of a general-purpose operand (decides opSize first). */
    /** Kinds naming an MMX register (or, for Q, memory). */
    static boolean isMmx(int kind) {
        return kind == P || kind == Q || kind == N;
    }

    static boolean isInteger(int kind) {
        return kind == E || kind == G || kind == M || kind == O || kind == R || kind == X || kind == Y
                || kind == Z || kind == ACC;
    }
}
