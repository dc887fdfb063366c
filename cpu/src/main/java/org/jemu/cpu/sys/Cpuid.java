package org.jemu.cpu.sys;

import java.nio.charset.StandardCharsets;
import org.jemu.cpu.CpuState;

/**
 * CPUID: what jemu tells software about its CPU (SDM Vol. 2A CPUID). It advertises only what jemu
 * implements; every bit set here is a promise the interpreter and the JIT keep.
 *
 * <p>Identity: "GenuineIntel", family 6. The kernel's speculation-bug logic is told through
 * IA32_ARCH_CAPABILITIES that the CPU is not vulnerable (true of an emulator, which does not
 * speculate), so Linux does not turn on page-table isolation or buffer-clearing mitigations.
 * Leaves 0x15/0x16 give the TSC frequency so the kernel need not calibrate it against the PIT.
 */
public final class Cpuid {
    public static final int MAX_BASIC = 0x16, MAX_EXTENDED = 0x80000008;
    /** The TSC frequency reported when the machine does not say otherwise (1 GHz: ticks are nanoseconds). */
    public static final long DEFAULT_TSC_HZ = 1_000_000_000L;
    static final int FAMILY = 6, MODEL = 0x8f, STEPPING = 8;

    /** Leaf 1 EDX (SDM Vol. 2A table 3-11). */
    public static final int EDX1_FPU = 1, EDX1_DE = 1 << 2, EDX1_PSE = 1 << 3, EDX1_TSC = 1 << 4, EDX1_MSR = 1 << 5,
            EDX1_PAE = 1 << 6, EDX1_CX8 = 1 << 8, EDX1_APIC = 1 << 9, EDX1_MTRR = 1 << 12, EDX1_PGE = 1 << 13,
            EDX1_CMOV = 1 << 15, EDX1_PAT = 1 << 16, EDX1_CLFSH = 1 << 19, EDX1_MMX = 1 << 23, EDX1_FXSR = 1 << 24,
            EDX1_SSE = 1 << 25, EDX1_SSE2 = 1 << 26;
    /** Leaf 1 ECX (table 3-10). */
    public static final int ECX1_SSE3 = 1, ECX1_SSSE3 = 1 << 9, ECX1_CX16 = 1 << 13, ECX1_SSE41 = 1 << 19,
            ECX1_SSE42 = 1 << 20, ECX1_MOVBE = 1 << 22, ECX1_POPCNT = 1 << 23, ECX1_TSC_DEADLINE = 1 << 24;
    /** Leaf 0x80000001 ECX/EDX. */
    public static final int ECX81_LAHF = 1, ECX81_ABM = 1 << 5, EDX81_SYSCALL = 1 << 11, EDX81_NX = 1 << 20,
            EDX81_PAGE1GB = 1 << 26, EDX81_RDTSCP = 1 << 27, EDX81_LM = 1 << 29;
    /** Leaf 7 EDX bit 29: IA32_ARCH_CAPABILITIES exists. */
    public static final int EDX7_ARCH_CAPABILITIES = 1 << 29;
    /**
     * Leaf 7 EBX bit 1: IA32_TSC_ADJUST exists. With an invariant TSC it tells Linux that the TSC can
     * be trusted without the clocksource watchdog (arch/x86/kernel/tsc.c, check_system_tsc_reliable),
     * which on a slow emulated CPU would otherwise compare it with late timer ticks and reject it.
     */
    public static final int EBX7_TSC_ADJUST = 1 << 1;

    public static final int EDX1 = EDX1_FPU | EDX1_DE | EDX1_PSE | EDX1_TSC | EDX1_MSR | EDX1_PAE | EDX1_CX8
            | EDX1_APIC | EDX1_MTRR | EDX1_PGE | EDX1_CMOV | EDX1_PAT | EDX1_CLFSH | EDX1_MMX | EDX1_FXSR
            | EDX1_SSE | EDX1_SSE2;
    /** Every extension here runs in the interpreter and passes the host differential tests. */
    public static final int ECX1 = ECX1_SSE3 | ECX1_SSSE3 | ECX1_CX16 | ECX1_SSE41 | ECX1_SSE42 | ECX1_MOVBE | ECX1_POPCNT;
    public static final int ECX81 = ECX81_LAHF | ECX81_ABM;
    public static final int EDX81 = EDX81_SYSCALL | EDX81_NX | EDX81_PAGE1GB | EDX81_RDTSCP | EDX81_LM;

    private static final byte[] BRAND = pad("jemu x86-64 CPU", 48);

    private final long tscHz;
    private int ecx1 = ECX1;
    private final int[] regs = new int[4];

    /** @param tscHz the virtual TSC's frequency, reported in leaves 0x15 and 0x16 */
    public Cpuid(long tscHz) {
        this.tscHz = tscHz;
    }

    /** Adds leaf 1 ECX features that depend on the machine (TSC-deadline timer in the local APIC). */
    public void addLeaf1Ecx(int bits) { ecx1 |= bits; }

    /** Executes CPUID on the CPU's EAX and ECX; the results zero-extend into RAX, RBX, RCX, RDX. */
    public void execute(CpuState cpu) {
        int leaf = (int) cpu.gpr[CpuState.RAX];
        int sub = (int) cpu.gpr[CpuState.RCX];
        int[] r = regs;
        query(leaf, sub, r);
        cpu.gpr[CpuState.RAX] = r[0] & 0xffffffffL;
        cpu.gpr[CpuState.RBX] = r[1] & 0xffffffffL;
        cpu.gpr[CpuState.RCX] = r[2] & 0xffffffffL;
        cpu.gpr[CpuState.RDX] = r[3] & 0xffffffffL;
    }

    /** Fills {@code r} with EAX, EBX, ECX, EDX for {@code leaf}/{@code sub}. */
    public void query(int leaf, int sub, int[] r) {
        r[0] = r[1] = r[2] = r[3] = 0;
        // Leaves above the maximum return the highest basic leaf's data, as Intel CPUs do.
        if (Integer.compareUnsigned(leaf, MAX_EXTENDED) > 0
                || (Integer.compareUnsigned(leaf, MAX_BASIC) > 0 && Integer.compareUnsigned(leaf, 0x80000000) < 0))
            leaf = MAX_BASIC;
        switch (leaf) {
            case 0:
                r[0] = MAX_BASIC;
                r[1] = word("Genu");
                r[3] = word("ineI");
                r[2] = word("ntel");
                break;
            case 1:
                r[0] = STEPPING | (MODEL & 0xf) << 4 | FAMILY << 8 | (MODEL >> 4) << 16;
                r[1] = 8 << 8 | 1 << 16;           // CLFLUSH line 8 qwords, 1 logical processor, APIC ID 0
                r[2] = ecx1;
                r[3] = EDX1;
                break;
            case 2:
                r[0] = 0x00ff0001;                  // one iteration; descriptor 0xFF: read leaf 4
                break;
            case 4:
                cacheLeaf(sub, r);
                break;
            case 7:
                if (sub == 0) {
                    r[1] = EBX7_TSC_ADJUST;
                    r[3] = EDX7_ARCH_CAPABILITIES;
                }
                break;
            case 0x15:
                r[0] = 1;                           // TSC = crystal * EBX / EAX, crystal = TSC
                r[1] = 1;
                r[2] = (int) tscHz;
                break;
            case 0x16:
                r[0] = (int) (tscHz / 1_000_000);   // base and maximum frequency in MHz, bus 100 MHz
                r[1] = (int) (tscHz / 1_000_000);
                r[2] = 100;
                break;
            case 0x80000000: r[0] = MAX_EXTENDED; break;
            case 0x80000001:
                r[2] = ECX81;
                r[3] = EDX81;
                break;
            case 0x80000002: case 0x80000003: case 0x80000004:
                for (int i = 0; i < 4; i++) r[i] = word(BRAND, (leaf - 0x80000002) * 16 + 4 * i);
                break;
            case 0x80000007: r[3] = 1 << 8; break;  // invariant TSC
            case 0x80000008: r[0] = 48 << 8 | 40; break;
            default: break;                          // leaves 2-6, 8-0x14: nothing to report
        }
    }

    /**
     * Leaf 4, deterministic cache parameters: L1d and L1i 32 KiB 8-way, L2 1 MiB 16-way, L3 8 MiB
     * 16-way, 64-byte lines. A fixed, plausible geometry: glibc sets its memcpy/memset thresholds
     * (non-temporal stores, REP MOVSB) from it, so it must be sane even though jemu has no caches.
     */
    private static void cacheLeaf(int sub, int[] r) {
        switch (sub) {
            case 0: cache(r, 1, 1, 8, 64); break;
            case 1: cache(r, 2, 1, 8, 64); break;
            case 2: cache(r, 3, 2, 16, 1024); break;
            case 3: cache(r, 3, 3, 16, 8192); break;
            default: break;                         // type 0: no more caches
        }
    }

    private static void cache(int[] r, int type, int level, int ways, int sets) {
        r[0] = type | level << 5 | 1 << 8;          // self-initialising; one thread shares it
        r[1] = 63 | (ways - 1) << 22;               // 64-byte lines, one partition
        r[2] = sets - 1;
    }

    /**
     * The decoder extensions ({@link org.jemu.cpu.decode.Ext}) that this CPUID advertises, so that an
     * instruction decodes exactly when software was told it exists.
     */
    public int decoderExtensions() {
        int e = 0;
        if ((ecx1 & ECX1_SSE3) != 0) e |= org.jemu.cpu.decode.Ext.SSE3;
        if ((ecx1 & ECX1_SSSE3) != 0) e |= org.jemu.cpu.decode.Ext.SSSE3;
        if ((ecx1 & ECX1_SSE41) != 0) e |= org.jemu.cpu.decode.Ext.SSE41;
        if ((ecx1 & ECX1_SSE42) != 0) e |= org.jemu.cpu.decode.Ext.SSE42;
        if ((ecx1 & ECX1_MOVBE) != 0) e |= org.jemu.cpu.decode.Ext.MOVBE;
        if ((ecx1 & ECX1_POPCNT) != 0) e |= org.jemu.cpu.decode.Ext.POPCNT;
        if ((EDX1 & EDX1_MMX) != 0) e |= org.jemu.cpu.decode.Ext.MMX;
        if ((ECX81 & ECX81_ABM) != 0) e |= org.jemu.cpu.decode.Ext.LZCNT;
        if ((EDX81 & EDX81_RDTSCP) != 0) e |= org.jemu.cpu.decode.Ext.RDTSCP;
        return e;
    }

    private static int word(String s) { return word(s.getBytes(StandardCharsets.US_ASCII), 0); }

    private static int word(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static byte[] pad(String s, int n) {
        byte[] b = new byte[n];
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, b, 0, src.length);
        return b;
    }
}
