package org.jemu.jit;

import org.jemu.cpu.GuestFault;

/** Small helpers compiled code calls (HotSpot inlines them). */
public final class JitOps {
    private JitOps() {}

    /**
     * Near JMP/CALL/RET in 64-bit mode: a non-canonical target is #GP(0) raised by the branch itself,
     * with RIP and RSP unchanged (SDM Vol. 2A JMP, CALL, RET: "64-Bit Mode Exceptions").
     */
    public static long canonicalTarget(long target) {
        if ((target >> 47) != 0 && (target >> 47) != -1) throw GuestFault.gp(0);
        return target;
    }

    /** Legacy-SSE 16-byte memory operands must be aligned: #GP(0) otherwise (SDM Vol. 1 §10.4.1.1 / Vol. 2 MOVAPS). */
    public static void aligned16(long ea) {
        if ((ea & 15) != 0) throw GuestFault.gp(0);
    }
}
