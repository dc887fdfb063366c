package org.jemu.cpu.decode;

/**
 * Instruction-set extensions beyond the x86-64 baseline (which includes SSE and SSE2). A table row
 * tagged with an extension decodes only when the {@link Decoder} has it enabled; the owner of CPUID
 * enables exactly what CPUID advertises. A disabled row is skipped, not turned into #UD, because some
 * encodings fall back to an older instruction: F3 0F BC is TZCNT with BMI1 and REP BSF without it
 * (SDM Vol. 2B, TZCNT), and compilers rely on that.
 *
 * <p>What each bit gates, and the CPUID bit that advertises it (SDM Vol. 2A, CPUID, Tables 3-8 to
 * 3-11):
 * <table>
 * <caption>Extensions</caption>
 * <tr><th>bit</th><th>CPUID</th><th>rows</th></tr>
 * <tr><td>SSE3</td><td>1.ECX[0]</td><td>ADDSUBPS/PD, HADDPS/PD, HSUBPS/PD, MOVSHDUP, MOVSLDUP, MOVDDUP,
 *     LDDQU, FISTTP (MONITOR/MWAIT, 1.ECX[3], are ungated system rows)</td></tr>
 * <tr><td>SSSE3</td><td>1.ECX[9]</td><td>0F 38 00-0B, 1C-1E, 0F 3A 0F (the mm forms also need MMX)</td></tr>
 * <tr><td>SSE41</td><td>1.ECX[19]</td><td>0F 38 10-41 and 0F 3A 08-42 except PCMPGTQ</td></tr>
 * <tr><td>SSE42</td><td>1.ECX[20]</td><td>PCMPGTQ, PCMPESTRI/M, PCMPISTRI/M, CRC32</td></tr>
 * <tr><td>POPCNT</td><td>1.ECX[23]</td><td>POPCNT</td></tr>
 * <tr><td>MMX</td><td>1.EDX[23]</td><td>every form with an mm operand, EMMS</td></tr>
 * <tr><td>LZCNT</td><td>80000001h.ECX[5]</td><td>LZCNT (else REP BSR)</td></tr>
 * <tr><td>BMI1</td><td>7.EBX[3]</td><td>TZCNT (else REP BSF); the VEX-encoded BMI1 forms are not in the table</td></tr>
 * <tr><td>MOVBE, ADX, RDRAND, RDSEED, RDTSCP, XSAVE, SMAP, CLFLUSHOPT</td><td>their own bits</td>
 *     <td>the instructions of the same name (XSAVE: also XGETBV/XSETBV; SMAP: CLAC/STAC)</td></tr>
 * </table>
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
