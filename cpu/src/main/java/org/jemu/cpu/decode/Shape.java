package org.jemu.cpu.decode;

/**
 * Operand shapes: a form's operand pattern with the sizes stripped ({@code Ev,Gv} and {@code Eb,Gb}
 * are both {@link #E_G}). The interpreter dispatches on {@link Insn#op} and then on the shape to find
 * where the operands are; the sizes are in {@link Insn#opSize}. Letters are the Intel operand kinds
 * (see {@code package-info.java}); {@code A} is the accumulator (AL/AX/EAX/RAX), {@code 1} the constant
 * 1 of the shift-by-one forms, {@code SEG} a segment register named by the opcode (PUSH FS), whose
 * number is in {@link Insn#reg}; {@code XMM0} the implicit mask register of the SSE4.1 variable blends;
 * {@code P}, {@code Q}, {@code N} MMX operands ({@link #isMmx}). Values are stable; new shapes are
 * appended.
 */
public final class Shape {
    private Shape() {}

    public static final int NONE = 0;
    public static final int E = 1;
    public static final int G = 2;
    public static final int M = 3;
    public static final int R = 4;
    public static final int Z = 5;
    public static final int I = 6;
    public static final int J = 7;
    public static final int A = 8;
    public static final int SEG = 9;
    public static final int STI = 10;
    public static final int E_G = 11;
    public static final int G_E = 12;
    public static final int E_I = 13;
    public static final int A_I = 14;
    public static final int E_1 = 15;
    public static final int E_CL = 16;
    public static final int E_G_I = 17;
    public static final int E_G_CL = 18;
    public static final int G_E_I = 19;
    public static final int G_M = 20;
    public static final int M_G = 21;
    public static final int E_S = 22;
    public static final int S_E = 23;
    public static final int A_O = 24;
    public static final int O_A = 25;
    public static final int Z_I = 26;
    public static final int Z_A = 27;
    public static final int I_I = 28;
    public static final int Y_X = 29;
    public static final int X_Y = 30;
    public static final int Y_A = 31;
    public static final int A_X = 32;
    public static final int A_Y = 33;
    public static final int Y_DX = 34;
    public static final int DX_X = 35;
    public static final int A_DX = 36;
    public static final int DX_A = 37;
    public static final int I_A = 38;
    public static final int C_R = 39;
    public static final int R_C = 40;
    public static final int D_R = 41;
    public static final int R_D = 42;
    public static final int V_W = 43;
    public static final int W_V = 44;
    public static final int V_W_I = 45;
    public static final int V_E = 46;
    public static final int E_V = 47;
    public static final int V_E_I = 48;
    public static final int V_M = 49;
    public static final int M_V = 50;
    public static final int V_U = 51;
    public static final int U_I = 52;
    public static final int G_W = 53;
    public static final int G_U = 54;
    public static final int G_U_I = 55;
    public static final int ST_STI = 56;
    public static final int STI_ST = 57;
    public static final int E_V_I = 58;
    public static final int R_V_I = 59;
    public static final int M_V_I = 60;
    public static final int V_R_I = 61;
    public static final int V_M_I = 62;
    public static final int V_W_XMM0 = 63;
    public static final int P_Q = 64;
    public static final int Q_P = 65;
    public static final int P_Q_I = 66;
    public static final int N_I = 67;
    public static final int P_E = 68;
    public static final int E_P = 69;
    public static final int P_E_I = 70;
    public static final int G_N = 71;
    public static final int G_N_I = 72;
    public static final int M_P = 73;
    public static final int P_N = 74;
    public static final int V_Q = 75;
    public static final int P_W = 76;
    public static final int V_N = 77;
    public static final int P_U = 78;

    public static final int COUNT = 79;

    private static final String[] NAMES = {
        "NONE", "E", "G", "M", "R", "Z", "I", "J",
        "A", "SEG", "STI", "E_G", "G_E", "E_I", "A_I", "E_1",
        "E_CL", "E_G_I", "E_G_CL", "G_E_I", "G_M", "M_G", "E_S", "S_E",
        "A_O", "O_A", "Z_I", "Z_A", "I_I", "Y_X", "X_Y", "Y_A",
        "A_X", "A_Y", "Y_DX", "DX_X", "A_DX", "DX_A", "I_A", "C_R",
        "R_C", "D_R", "R_D", "V_W", "W_V", "V_W_I", "V_E", "E_V",
        "V_E_I", "V_M", "M_V", "V_U", "U_I", "G_W", "G_U", "G_U_I",
        "ST_STI", "STI_ST", "E_V_I", "R_V_I", "M_V_I", "V_R_I", "V_M_I", "V_W_XMM0",
        "P_Q", "Q_P", "P_Q_I", "N_I", "P_E", "E_P", "P_E_I", "G_N", "G_N_I", "M_P", "P_N", "V_Q", "P_W", "V_N", "P_U",
    };

    /** Shapes with an MMX operand (P, Q or N): the mm forms of instructions that share an {@link Op} id. */
    private static final boolean[] MMX = new boolean[COUNT];

    static {
        for (int i = 0; i < COUNT; i++)
            for (String t : NAMES[i].split("_")) MMX[i] |= t.equals("P") || t.equals("Q") || t.equals("N");
    }

    /** True when the shape has an MMX register (or mm/m64) operand. */
    public static boolean isMmx(int shape) { return MMX[shape]; }

    public static String name(int shape) { return NAMES[shape]; }

    /** The shape named {@code name} (as {@link #name} spells it), or -1. */
    static int byName(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }
}
