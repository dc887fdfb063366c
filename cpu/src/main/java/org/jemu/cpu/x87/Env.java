package org.jemu.cpu.x87;

/**
 * FNSTENV/FLDENV, FNSAVE/FRSTOR and the x87 part of FXSAVE/FXRSTOR.
 *
 * <p>Environment images use the 32-bit protected-mode layout (SDM Vol. 1 §8.1.10, Figure 8-9),
 * which is what 64-bit mode uses without REX.W: 28 bytes, the upper halves of the FCW/FSW/FTW
 * dwords and of FDS written as FFFFH. FNSAVE adds ST(0)..ST(7) in stack order (108 bytes) and
 * then initialises the FPU like FNINIT (SDM Vol. 2A FSAVE). Loads take the tag word only as
 * empty / not empty (SDM Vol. 1 §8.1.7) and recompute ES/B from the loaded flags and masks.
 */
public final class Env {
    private Env() {}

    public static final int ENV_SIZE = 28, SAVE_SIZE = 108;

    /** FNSTENV: stores the environment, then masks all exceptions (SDM Vol. 2A FSTENV). */
    public static void fnstenv(X87 f, FpuMemory m, long a) {
        storeEnv(f, m, a);
        f.cw |= X87.EXC;
    }

    static void storeEnv(X87 f, FpuMemory m, long a) {
        m.write(a, 4, 0xffff0000L | f.cw);
        m.write(a + 4, 4, 0xffff0000L | f.statusWord());
        m.write(a + 8, 4, 0xffff0000L | f.tagWord());
        m.write(a + 12, 4, f.fip & 0xffffffffL);
        m.write(a + 16, 4, (f.fcs & 0xffffL) | (long) (f.fop & 0x7ff) << 16);
        m.write(a + 20, 4, f.fdp & 0xffffffffL);
        m.write(a + 24, 4, 0xffff0000L | (f.fds & 0xffff));
    }

    public static void fldenv(X87 f, FpuMemory m, long a) {
        long w0 = m.read(a, 4), w1 = m.read(a + 4, 4), w2 = m.read(a + 8, 4), ip = m.read(a + 12, 4),
                csop = m.read(a + 16, 4), dp = m.read(a + 20, 4), ds = m.read(a + 24, 4);
        loadEnv(f, w0, w1, w2, ip, csop, dp, ds);
    }

    private static void loadEnv(X87 f, long w0, long w1, long w2, long ip, long csop, long dp, long ds) {
        f.cw = X87.controlWord((int) w0);
        f.setStatusWord((int) w1 & 0xffff);
        f.setTagWord((int) w2 & 0xffff);
        f.fip = ip;
        f.fcs = (int) csop & 0xffff;
        f.fop = (int) (csop >>> 16) & 0x7ff;
        f.fdp = dp;
        f.fds = (int) ds & 0xffff;
        f.updateSummary();
    }

    /** FNSAVE: environment and ST(0)..ST(7), then FNINIT. */
    public static void fnsave(X87 f, FpuMemory m, long a) {
        storeEnv(f, m, a);
        for (int i = 0; i < 8; i++) {
            long p = a + ENV_SIZE + 10L * i;
            m.write(p, 8, f.stSig(i));
            m.write(p + 8, 2, f.stSe(i));
        }
        f.init();
    }

    /** FRSTOR. All memory is read before any state changes. */
    public static void frstor(X87 f, FpuMemory m, long a) {
        long w0 = m.read(a, 4), w1 = m.read(a + 4, 4), w2 = m.read(a + 8, 4), ip = m.read(a + 12, 4),
                csop = m.read(a + 16, 4), dp = m.read(a + 20, 4), ds = m.read(a + 24, 4);
        long[] sig = new long[8]; // FRSTOR is rare: a small allocation is fine here
        int[] se = new int[8];
        for (int i = 0; i < 8; i++) {
            long p = a + ENV_SIZE + 10L * i;
            sig[i] = m.read(p, 8);
            se[i] = (int) m.read(p + 8, 2);
        }
        loadEnv(f, w0, w1, w2, ip, csop, dp, ds);
        for (int i = 0; i < 8; i++) f.setPhys(f.phys(i), se[i], sig[i]);
    }

    /**
     * The x87 part of FXSAVE ({@code rex64}: FXSAVE64 with 64-bit FIP/FDP). Writes FCW, FSW,
     * the abridged tag, FOP, FIP, FDP (and FCS/FDS) and the eight 16-byte register slots
     * (reserved bytes written as zero); MXCSR and the XMM area are the caller's.
     */
    public static void fxsave(X87 f, FpuMemory m, long a, boolean rex64) {
        m.write(a + FxsaveLayout.FCW, 2, f.cw);
        m.write(a + FxsaveLayout.FSW, 2, f.statusWord());
        m.write(a + FxsaveLayout.FTW, 1, f.abridgedTag());
        m.write(a + FxsaveLayout.FTW + 1, 1, 0);
        m.write(a + FxsaveLayout.FOP, 2, f.fop & 0x7ff);
        if (rex64) {
            m.write(a + FxsaveLayout.FIP, 8, f.fip);
            m.write(a + FxsaveLayout.FDP, 8, f.fdp);
        } else {
            m.write(a + FxsaveLayout.FIP, 4, f.fip);
            m.write(a + FxsaveLayout.FCS, 4, f.fcs & 0xffff);
            m.write(a + FxsaveLayout.FDP, 4, f.fdp);
            m.write(a + FxsaveLayout.FDS, 4, f.fds & 0xffff);
        }
        for (int i = 0; i < 8; i++) {
            long p = a + FxsaveLayout.ST0 + 16L * i;
            m.write(p, 8, f.stSig(i));
            m.write(p + 8, 8, f.stSe(i) & 0xffffL);
        }
    }

    /** The x87 part of FXRSTOR (the caller checks alignment and the MXCSR reserved bits). */
    public static void fxrstor(X87 f, FpuMemory m, long a, boolean rex64) {
        int cw = (int) m.read(a + FxsaveLayout.FCW, 2);
        int sw = (int) m.read(a + FxsaveLayout.FSW, 2);
        int tag = (int) m.read(a + FxsaveLayout.FTW, 1);
        int op = (int) m.read(a + FxsaveLayout.FOP, 2);
        long ip, dp;
        int cs = 0, ds = 0;
        if (rex64) {
            ip = m.read(a + FxsaveLayout.FIP, 8);
            dp = m.read(a + FxsaveLayout.FDP, 8);
        } else {
            ip = m.read(a + FxsaveLayout.FIP, 4);
            cs = (int) m.read(a + FxsaveLayout.FCS, 2);
            dp = m.read(a + FxsaveLayout.FDP, 4);
            ds = (int) m.read(a + FxsaveLayout.FDS, 2);
        }
        long[] sig = new long[8];
        int[] se = new int[8];
        for (int i = 0; i < 8; i++) {
            long p = a + FxsaveLayout.ST0 + 16L * i;
            sig[i] = m.read(p, 8);
            se[i] = (int) m.read(p + 8, 2);
        }
        f.cw = X87.controlWord(cw);
        f.setStatusWord(sw);
        f.setAbridgedTag(tag);
        f.fop = op & 0x7ff;
        f.fip = ip;
        f.fdp = dp;
        f.fcs = cs;
        f.fds = ds;
        for (int i = 0; i < 8; i++) f.setPhys(f.phys(i), se[i], sig[i]);
        f.updateSummary();
    }
}
