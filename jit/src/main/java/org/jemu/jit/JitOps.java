package org.jemu.jit;

import org.jemu.cpu.GuestFault;

/** Small helpers compiled code calls (HotSpot inlines them). */
public final class JitOps {
    private JitOps() {}

    /** Legacy-SSE 16-byte memory operands must be aligned: #GP(0) otherwise (SDM Vol. 1 §10.4.1.1 / Vol. 2 MOVAPS). */
    public static void aligned16(long ea) {
        if ((ea & 15) != 0) throw GuestFault.gp(0);
    }
}
