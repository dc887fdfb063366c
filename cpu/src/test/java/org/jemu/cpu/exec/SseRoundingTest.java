package org.jemu.cpu.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.api.Test;

/** The #XM / #UD decision and the flag bookkeeping of {@link SseRounding#commit}. */
class SseRoundingTest {
    private static CpuState cpu(int mxcsr, boolean osxmmexcpt) {
        CpuState c = new CpuState(null);
        c.mxcsr = mxcsr;
        if (osxmmexcpt) c.cr4 |= SseRounding.CR4_OSXMMEXCPT;
        return c;
    }

    @Test
    void unmaskedExceptionIsXmWithOsxmmexcpt() {
        CpuState c = cpu(0x0f80, true); // PM clear
        c.xmm[0] = 0x3ff0000000000000L;
        GuestFault f = assertThrows(GuestFault.class, () -> SseFloat.divsd(c, 0, 0x4008000000000000L));
        assertEquals(GuestFault.XM, f.vector);
        assertEquals(0x0fa0, c.mxcsr);
        assertEquals(0x3ff0000000000000L, c.xmm[0]);
    }

    @Test
    void unmaskedExceptionIsUdWithoutOsxmmexcpt() {
        CpuState c = cpu(0x0f80, false); // SDM Vol. 3A §6.15, interrupt 19
        c.xmm[0] = 0x3ff0000000000000L;
        GuestFault f = assertThrows(GuestFault.class, () -> SseFloat.divsd(c, 0, 0x4008000000000000L));
        assertEquals(GuestFault.UD, f.vector);
    }

    @Test
    void stickyFlagsDoNotTrap() {
        CpuState c = cpu(0x0fa0, true); // PE already set and now unmasked: an exact op does not trap
        c.xmm[0] = 0x3ff0000000000000L;
        SseFloat.addsd(c, 0, 0x3ff0000000000000L);
        assertEquals(0x4000000000000000L, c.xmm[0]);
        assertEquals(0x0fa0, c.mxcsr);
    }

    @Test
    void unmaskedPreComputationSuppressesPostComputationFlags() {
        // Lane 0: 1/3 (PE, masked); lane 1: 1/0 (ZE, unmasked): only ZE is recorded (SDM Vol. 1 §11.5.3.2).
        CpuState c = cpu(0x1d80, true);
        c.xmm[0] = 0x3ff0000000000000L;
        c.xmm[1] = 0x3ff0000000000000L;
        assertThrows(GuestFault.class, () -> SseFloat.divpd(c, 0, 0x4008000000000000L, 0));
        assertEquals(0x1d84, c.mxcsr);
    }

    @Test
    void queries() {
        assertEquals(true, SseRounding.unmasked(0x0f80, SseRounding.PE));
        assertEquals(false, SseRounding.unmasked(0x1f80, 0x3f));
    }
}
