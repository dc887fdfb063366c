package org.jemu.cpu.x87;

/**
 * The 512-byte FXSAVE/FXRSTOR image (SDM Vol. 1 §10.5.1, Tables 10-2 and 10-3), in one place.
 * The x87 part is written and read by {@link Env}; MXCSR, MXCSR_MASK and XMM0-15 are the
 * interpreter's. With REX.W (FXSAVE64) FIP and FDP are 64-bit at {@link #FIP} and {@link #FDP}
 * and there are no FCS/FDS fields.
 */
public final class FxsaveLayout {
    private FxsaveLayout() {}

    public static final int SIZE = 512, ALIGN = 16;
    public static final int FCW = 0, FSW = 2, FTW = 4 /* abridged, 1 byte */, FOP = 6;
    public static final int FIP = 8, FCS = 12, FDP = 16, FDS = 20;
    public static final int MXCSR = 24, MXCSR_MASK = 28;
    /** ST(i)/MMi at {@code ST0 + 16 * i}: 10 bytes, then 6 reserved. */
    public static final int ST0 = 32;
    /** XMMi at {@code XMM0 + 16 * i}, i = 0..15. */
    public static final int XMM0 = 160;
    /** Bytes 464-511 are available to software; FXSAVE leaves them alone. */
    public static final int SOFTWARE = 464;
}
