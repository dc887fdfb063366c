package org.jemu.cpu;

/**
 * Segment descriptor fields (SDM Vol. 3A §3.4.5). A descriptor's attribute bits are kept in
 * {@link CpuState#segAttr} as {@code type | S<<4 | DPL<<5 | P<<7 | AVL<<12 | L<<13 | DB<<14 | G<<15},
 * which is bits 40-55 of the descriptor with the limit's high nibble removed.
 */
public final class Descriptors {
    private Descriptors() {}

    public static final int ATTR_TYPE = 0xf, ATTR_S = 1 << 4, ATTR_DPL_SHIFT = 5, ATTR_P = 1 << 7,
            ATTR_L = 1 << 13, ATTR_DB = 1 << 14, ATTR_G = 1 << 15;
    /** Type bits of code/data descriptors: accessed, writable/readable, expand-down/conforming, code. */
    public static final int TYPE_ACCESSED = 1, TYPE_RW = 2, TYPE_EC = 4, TYPE_CODE = 8;
    /** System descriptor types in long mode. */
    public static final int TYPE_LDT = 2, TYPE_TSS_AVAIL = 9, TYPE_TSS_BUSY = 11, TYPE_CALL_GATE = 12,
            TYPE_INT_GATE = 14, TYPE_TRAP_GATE = 15;

    public static int attr(long d) { return (int) ((d >>> 40) & 0xf0ff); }

    public static long base(long d) { return ((d >>> 16) & 0xffffff) | ((d >>> 32) & 0xff000000L); }

    /** The limit in bytes - 1, scaled by G. */
    public static int limit(long d) {
        int raw = (int) ((d & 0xffff) | ((d >>> 32) & 0xf0000));
        return (d & (1L << 55)) != 0 ? (raw << 12) | 0xfff : raw;
    }

    public static int dpl(int attr) { return (attr >>> ATTR_DPL_SHIFT) & 3; }

    public static boolean present(int attr) { return (attr & ATTR_P) != 0; }

    public static boolean isCode(int attr) { return (attr & ATTR_S) != 0 && (attr & TYPE_CODE) != 0; }

    public static boolean isData(int attr) { return (attr & ATTR_S) != 0 && (attr & TYPE_CODE) == 0; }
}
