package org.jemu.cpu.interp;

/**
 * What CPUID reports: the one place that says which features jemu implements. Software (glibc's
 * string routines above all) chooses code paths by these bits, so a bit is set only for a feature the
 * interpreter really executes: the x86-64 baseline (x87 presence bit, CMOV, CX8, FXSR, SSE, SSE2, TSC,
 * LAHF/SAHF in 64-bit mode, SYSCALL, NX, long mode) and CMPXCHG16B. No SSE3 and later, no AVX, no
 * XSAVE.
 *
 * <p>The vendor string is GenuineIntel so that software reads the cache geometry from leaf 4 (glibc's
 * memcpy thresholds come from it); the geometry is a fixed, plausible one. Leaf layouts: Intel SDM
 * Vol. 2A, CPUID.
 */
public final class Cpuid {
    private Cpuid() {}

    public static final int MAX_BASIC_LEAF = 7;
    public static final int MAX_EXTENDED_LEAF = 0x80000008;

    /** CPUID.1:EDX — FPU, TSC, CX8, CMOV, FXSR, SSE, SSE2 (bits 0, 4, 8, 15, 24, 25, 26). */
    public static final int LEAF1_EDX = 1 | 1 << 4 | 1 << 8 | 1 << 15 | 1 << 24 | 1 << 25 | 1 << 26;
    /** CPUID.1:ECX — CMPXCHG16B (bit 13). */
    public static final int LEAF1_ECX = 1 << 13;
    /** CPUID.80000001h:EDX — SYSCALL (11), NX (20), LM (29). */
    public static final int EXT1_EDX = 1 << 11 | 1 << 20 | 1 << 29;
    /** CPUID.80000001h:ECX — LAHF/SAHF in 64-bit mode (0). */
    public static final int EXT1_ECX = 1;

    /** Decoder extensions ({@code org.jemu.cpu.decode.Ext}) to enable: none beyond the baseline. */
    public static final int DECODER_EXTENSIONS = 0;

    private static final String VENDOR = "GenuineIntel";
    private static final String BRAND = "jemu x86-64 CPU";

    /** Fills {@code out} with EAX, EBX, ECX, EDX for the leaf and subleaf. */
    public static void query(int leaf, int subleaf, int[] out) {
        int a = 0, b = 0, c = 0, d = 0;
        switch (leaf) {
            case 0:
                a = MAX_BASIC_LEAF;
                b = word(VENDOR, 0);
                d = word(VENDOR, 4);
                c = word(VENDOR, 8);
                break;
            case 1:
                a = 6 << 8 | 0x0 << 16 | 0xf << 4 | 1;   // family 6, model 0x0f, stepping 1
                b = 8 << 8 | 1 << 16;                    // CLFLUSH line 8*8 bytes, 1 logical processor
                c = LEAF1_ECX;
                d = LEAF1_EDX;
                break;
            case 2:
                a = 0x00ff0001;                          // one iteration; descriptor 0xFF: see leaf 4
                break;
            case 4:
                int[] cache = cacheLeaf(subleaf);
                a = cache[0];
                b = cache[1];
                c = cache[2];
                break;
            case 0x80000000:
                a = MAX_EXTENDED_LEAF;
                break;
            case 0x80000001:
                c = EXT1_ECX;
                d = EXT1_EDX;
                break;
            case 0x80000002: case 0x80000003: case 0x80000004:
                int base = (leaf - 0x80000002) * 16;
                a = word(BRAND, base);
                b = word(BRAND, base + 4);
                c = word(BRAND, base + 8);
                d = word(BRAND, base + 12);
                break;
            case 0x80000008:
                a = 48 << 8 | 39;                        // 48-bit linear, 39-bit physical addresses
                break;
            default:
                break;
        }
        out[0] = a;
        out[1] = b;
        out[2] = c;
        out[3] = d;
    }

    /** Leaf 4 subleaves: L1d 32 KiB, L1i 32 KiB, L2 1 MiB, L3 8 MiB; 64-byte lines. */
    private static int[] cacheLeaf(int sub) {
        switch (sub) {
            case 0: return cache(1, 1, 8, 64);
            case 1: return cache(2, 1, 8, 64);
            case 2: return cache(3, 2, 16, 1024);
            case 3: return cache(3, 3, 16, 8192);
            default: return new int[3];
        }
    }

    private static int[] cache(int type, int level, int ways, int sets) {
        int eax = type | level << 5 | 1 << 8;            // self-initialising, one thread sharing
        int ebx = 63 | (ways - 1) << 22;                 // 64-byte lines, one partition
        return new int[] {eax, ebx, sets - 1};
    }

    private static int word(String s, int at) {
        int v = 0;
        for (int i = 3; i >= 0; i--) v = v << 8 | (at + i < s.length() ? s.charAt(at + i) : 0);
        return v;
    }
}
