package org.jemu.cpu.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * CPUID's promises against what software requires of an x86-64 CPU: Linux's
 * arch/x86/include/asm/required-features.h for CONFIG_X86_64 (leaf 1 EDX: FPU, PSE, MSR, PAE, CX8,
 * PGE, CMOV, FXSR, SSE, SSE2; leaf 0x80000001 EDX: LM) and the psABI x86-64 baseline that glibc checks
 * at start-up (adds SYSCALL; MMX is not advertised until implemented).
 */
class CpuidTest {
    private final Cpuid cpuid = new Cpuid(2_000_000_000L);

    private int[] q(int leaf, int sub) {
        int[] r = new int[4];
        cpuid.query(leaf, sub, r);
        return r;
    }

    @Test
    void vendorAndBrand() {
        int[] r = q(0, 0);
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(r[1]).putInt(r[3]).putInt(r[2]);
        assertEquals("GenuineIntel", new String(b.array(), StandardCharsets.US_ASCII));
        StringBuilder brand = new StringBuilder();
        for (int leaf = 0x80000002; leaf <= 0x80000004; leaf++)
            for (int w : q(leaf, 0)) for (int i = 0; i < 4; i++) brand.append((char) ((w >>> (8 * i)) & 0xff));
        assertEquals("jemu x86-64 CPU", brand.toString().replace("\0", ""));
    }

    @Test
    void linuxRequiredFeaturesAndPsAbiBaseline() {
        int edx = q(1, 0)[3];
        int need = Cpuid.EDX1_FPU | Cpuid.EDX1_PSE | Cpuid.EDX1_MSR | Cpuid.EDX1_PAE | Cpuid.EDX1_CX8 | Cpuid.EDX1_PGE
                | Cpuid.EDX1_CMOV | Cpuid.EDX1_FXSR | Cpuid.EDX1_SSE | Cpuid.EDX1_SSE2;
        assertEquals(need, edx & need);
        int edx81 = q(0x80000001, 0)[3];
        assertEquals(Cpuid.EDX81_LM | Cpuid.EDX81_SYSCALL, edx81 & (Cpuid.EDX81_LM | Cpuid.EDX81_SYSCALL));
    }

    @Test
    void tscFrequencyLeaves() {
        int[] r = q(0x15, 0);
        assertEquals(2_000_000_000L, (r[2] & 0xffffffffL) * r[1] / r[0]);
        assertEquals(2000, q(0x16, 0)[0]);
    }

    @Test
    void outOfRangeLeavesReturnHighestBasicLeaf() {
        assertEquals(q(Cpuid.MAX_BASIC, 0)[0], q(0x40000000, 0)[0]);
        assertEquals(q(Cpuid.MAX_BASIC, 0)[2], q(0x90000000, 0)[2]);
    }
}
