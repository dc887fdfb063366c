package org.jemu.cpu.decode;

/**
 * Instruction-set extensions beyond the x86-64 baseline (which includes SSE and SSE2). A table row
 * tagged with an extension decodes only when the {@link Decoder} has it enabled; the owner of CPUID
 * enables exactly what CPUID advertises. A disabled row is skipped, not turned into #UD, because some
 * encodings fall back to an older instruction: F3 0F BC is TZCNT with BMI1 and REP BSF without it
 * (SDM Vol. 2B, TZCNT), and compilers rely on that.
 */
public final class Ext {
    private Ext() {}

    public static final int SSE3 = 1, SSSE3 = 1 << 1, SSE41 = 1 << 2, SSE42 = 1 << 3, POPCNT = 1 << 4,
            LZCNT = 1 << 5, BMI1 = 1 << 6, MOVBE = 1 << 7, ADX = 1 << 8, RDRAND = 1 << 9, RDSEED = 1 << 10,
            RDTSCP = 1 << 11, XSAVE = 1 << 12, SMAP = 1 << 13, CLFLUSHOPT = 1 << 14, MMX = 1 << 15;

    /** Every extension the table knows. */
    public static final int ALL = (1 << 16) - 1;

    private static final String[] NAMES = {"sse3", "ssse3", "sse41", "sse42", "popcnt", "lzcnt", "bmi1",
            "movbe", "adx", "rdrand", "rdseed", "rdtscp", "xsave", "smap", "clflushopt", "mmx"};

    /** The bit for a table attribute such as {@code popcnt}, or 0 when the word is not an extension. */
    static int byName(String word) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(word)) return 1 << i;
        return 0;
    }

    static String name(int bit) {
        return NAMES[Integer.numberOfTrailingZeros(bit)];
    }
}
