package org.jemu.cpu.mem;

import org.jemu.cpu.GuestFault;

import static org.jemu.cpu.mem.PhysicalMemory.INT;
import static org.jemu.cpu.mem.PhysicalMemory.LONG;
import static org.jemu.cpu.mem.PhysicalMemory.SHORT;

/**
 * Linear-address access with a software TLB: the hot path of every guest memory access.
 *
 * <p>The TLB is direct-mapped, {@link #ENTRIES} entries per table, one table for each of read, write
 * and fetch at supervisor and at user privilege (six tables in one array). An entry holds the
 * page's linear tag and the RAM array offset of the physical page, so a hit is one compare (which
 * also rules out page crossing) and one array access. Misses, page-crossing accesses, MMIO and writes to code pages go through the slow
 * path: the {@link Translator} (page walk or user page map), then {@link PhysicalMemory}.
 *
 * <p>As on hardware, a cached translation stays in use until {@link #flushPage}, {@link #flushNonGlobal}
 * or {@link #flushAll} (INVLPG, a CR3 write, a CR4.PGE toggle); the TLB never re-walks on its own.
 */
public final class Mmu {
    public static final int ENTRIES = 1024;
    private static final int MASK = ENTRIES - 1;
    private static final long INVALID = 1;          // never equal to a page-aligned tag
    private static final long PAGE_MASK = ~0xfffL;

    private final PhysicalMemory phys;
    private final byte[] ram;
    private Translator translator;

    /**
     * Six tables (read, write, fetch at supervisor and at user privilege) and two more that stay
     * empty: while alignment checking is on, user reads and writes look there, miss, and take the
     * slow path, which checks alignment. The fast path itself never tests alignment.
     *
     * <p>Slot {@code i} is {@code tlb[2i]}, the linear page's tag, and {@code tlb[2i+1]}, the offset
     * of its frame in {@code ram}: one array, so a lookup loads one array reference and pays one
     * bounds check where separate tag and base arrays cost two of each.
     */
    private final long[] tlb = new long[16 * ENTRIES];
    private final boolean[] global = new boolean[8 * ENTRIES];
    private static final int ALWAYS_MISS = 6 * ENTRIES;
    /** Offset mask of the page an entry came from: 0xfff, or 0x1fffff / 0x3fffffff for a 2 MiB / 1 GiB page. */
    private final long[] pageMask = new long[8 * ENTRIES];
    /**
     * Slots that were filled from a 2 MiB or 1 GiB page (each holds one 4 KiB piece of it), so
     * INVLPG can drop a large page's pieces without scanning every table; a slot stays listed
     * until the next INVLPG finds it reused or invalid.
     */
    private final int[] largeSlots = new int[8 * ENTRIES];
    private final boolean[] listedLarge = new boolean[8 * ENTRIES];
    private int largeCount;

    /** Offsets in {@link #tlb} of the current privilege's tables: 0 for supervisor, 2 * 3 * ENTRIES for user. */
    private int readT, writeT, fetchT;
    private boolean user;
    private boolean alignmentCheck;
    /**
     * Set while compiled code runs: an access that leaves RAM (MMIO) or writes a page holding
     * decoded code throws {@link #BAIL} before anything happens, so the JIT hands that one
     * instruction to the interpreter (which keeps device time exact and invalidates the code).
     * The fast path never reaches here: MMIO and code pages have no fast entries.
     */
    public boolean bailOnSlowAccess;
    /** Thrown for {@link #bailOnSlowAccess}; not a guest exception (vector -1), never delivered. */
    public static final GuestFault BAIL = new GuestFault(-1, -1, 0);

    public Mmu(PhysicalMemory phys, Translator translator) {
        this.phys = phys;
        this.ram = phys.ram();
        this.translator = translator;
        java.util.Arrays.fill(tlb, INVALID);      // tags and frame offsets alike: only tags are read unmatched
        setUser(false);
        phys.setCodeMarkListener(this::dropWritesToCodePages);
    }

    public PhysicalMemory physical() { return phys; }

    public void setTranslator(Translator t) { translator = t; flushAll(); }

    /** Current privilege for access checks: true at CPL 3. */
    public void setUser(boolean user) {
        this.user = user;
        int t = user ? 3 * ENTRIES : 0;
        boolean checked = user && alignmentCheck;
        readT = 2 * (checked ? ALWAYS_MISS : t);
        writeT = 2 * (checked ? ALWAYS_MISS + ENTRIES : t + ENTRIES);
        fetchT = 2 * (t + 2 * ENTRIES);
    }

    /**
     * Alignment checking (CR0.AM and RFLAGS.AC, applied at CPL 3): a misaligned user data access
     * raises #AC(0) (SDM Vol. 3A §6.15, interrupt 17).
     */
    public void setAlignmentCheck(boolean on) {
        if (on == alignmentCheck) return;
        alignmentCheck = on;
        setUser(user);
    }

    public boolean isUser() { return user; }

    // ---- fast paths ---------------------------------------------------------------------------

    // A slot's tag is a page whose number ends in the slot's index, so the tag can equal the page
    // of an access's last byte only when that is the page of its first byte (the next page has the
    // next index): one compare checks both the hit and that the access does not cross the page.
    //
    // The fast paths are static and take the TLB and RAM arrays as arguments: compiled regions pass
    // them from static final fields of their own class (see org.jemu.jit.RegionCompiler), which C2
    // treats as constants, so it neither reloads them after every call nor loads their lengths, and
    // the masked slot index needs no bounds check. The instance methods pass this MMU's arrays.

    /** The TLB array, for compiled code that holds it as a constant (the static fast paths). */
    public long[] tlbArray() { return tlb; }

    /** Guest RAM, for compiled code that holds it as a constant (the static fast paths). */
    public byte[] ramArray() { return ram; }

    /** The slot of {@code va} in the table at {@code t} (an offset in {@link #tlb}, a multiple of 2). */
    private static int slot(int t, long va) {
        return (t + ((int) (va >>> 11) & (MASK << 1))) & (16 * ENTRIES - 2);
    }

    /** The {@code ram} index of {@code va} through slot {@code s} of {@code tlb}, whose tag matched. */
    private static int at(long[] tlb, int s, long va) {
        return (int) tlb[s + 1] + (int) (va & 0xfff);
    }

    public static int read8(Mmu m, long[] tlb, byte[] ram, long va) {
        int s = slot(m.readT, va);
        if (tlb[s] == (va & PAGE_MASK)) return ram[at(tlb, s, va)] & 0xff;
        return (int) m.readSlow(va, 1);
    }

    public static int read16(Mmu m, long[] tlb, byte[] ram, long va) {
        int s = slot(m.readT, va);
        if (tlb[s] == ((va + 1) & PAGE_MASK)) return (short) SHORT.get(ram, at(tlb, s, va)) & 0xffff;
        return (int) m.readSlow(va, 2);
    }

    public static int read32(Mmu m, long[] tlb, byte[] ram, long va) {
        int s = slot(m.readT, va);
        if (tlb[s] == ((va + 3) & PAGE_MASK)) return (int) INT.get(ram, at(tlb, s, va));
        return (int) m.readSlow(va, 4);
    }

    public static long read64(Mmu m, long[] tlb, byte[] ram, long va) {
        int s = slot(m.readT, va);
        if (tlb[s] == ((va + 7) & PAGE_MASK)) return (long) LONG.get(ram, at(tlb, s, va));
        return m.readSlow(va, 8);
    }

    public static void write8(Mmu m, long[] tlb, byte[] ram, long va, int v) {
        int s = slot(m.writeT, va);
        if (tlb[s] == (va & PAGE_MASK)) { ram[at(tlb, s, va)] = (byte) v; return; }
        m.writeSlow(va, 1, v);
    }

    public static void write16(Mmu m, long[] tlb, byte[] ram, long va, int v) {
        int s = slot(m.writeT, va);
        if (tlb[s] == ((va + 1) & PAGE_MASK)) { SHORT.set(ram, at(tlb, s, va), (short) v); return; }
        m.writeSlow(va, 2, v);
    }

    public static void write32(Mmu m, long[] tlb, byte[] ram, long va, int v) {
        int s = slot(m.writeT, va);
        if (tlb[s] == ((va + 3) & PAGE_MASK)) { INT.set(ram, at(tlb, s, va), v); return; }
        m.writeSlow(va, 4, v);
    }

    public static void write64(Mmu m, long[] tlb, byte[] ram, long va, long v) {
        int s = slot(m.writeT, va);
        if (tlb[s] == ((va + 7) & PAGE_MASK)) { LONG.set(ram, at(tlb, s, va), v); return; }
        m.writeSlow(va, 8, v);
    }

    public int read8(long va) { return read8(this, tlb, ram, va); }

    public int read16(long va) { return read16(this, tlb, ram, va); }

    public int read32(long va) { return read32(this, tlb, ram, va); }

    public long read64(long va) { return read64(this, tlb, ram, va); }

    public void write8(long va, int v) { write8(this, tlb, ram, va, v); }

    public void write16(long va, int v) { write16(this, tlb, ram, va, v); }

    public void write32(long va, int v) { write32(this, tlb, ram, va, v); }

    public void write64(long va, long v) { write64(this, tlb, ram, va, v); }

    /** Reads 1, 2, 4 or 8 bytes, zero-extended. */
    public long read(long va, int size) {
        switch (size) {
            case 1: return read8(va);
            case 2: return read16(va);
            case 4: return read32(va) & 0xffffffffL;
            default: return read64(va);
        }
    }

    public void write(long va, int size, long v) {
        switch (size) {
            case 1: write8(va, (int) v); break;
            case 2: write16(va, (int) v); break;
            case 4: write32(va, (int) v); break;
            default: write64(va, v);
        }
    }

    /** Instruction fetch of one byte, with execute permission. */
    public int fetch8(long va) {
        int s = slot(fetchT, va);
        if (tlb[s] == (va & PAGE_MASK)) return ram[at(tlb, s, va)] & 0xff;
        long p = translate(va, Translator.FETCH);
        return (int) phys.read(p, 1);
    }

    /**
     * Physical address of an instruction byte, checking execute permission; for the decode cache,
     * which is keyed by physical page.
     */
    public long fetchPhysical(long va) {
        int s = slot(fetchT, va);
        if (tlb[s] == (va & PAGE_MASK)) return at(tlb, s, va);
        return translate(va, Translator.FETCH);
    }

    /** Checks that a write to [va, va+size) would succeed, without writing (for read-modify-write). */
    public void probeWrite(long va, int size) {
        int s = slot(writeT, va);
        if (tlb[s] == ((va + size - 1) & PAGE_MASK)) return;
        long p = translate(va, Translator.WRITE);
        if (bailOnSlowAccess) bailOnWrite(p);
        if (((va ^ (va + size - 1)) & PAGE_MASK) != 0) {
            p = translate(va + size - 1, Translator.WRITE);
            if (bailOnSlowAccess) bailOnWrite(p);
        }
    }

    private void bailOnWrite(long p) {
        if (!phys.isRam(p) || phys.isCodePage(p >>> 12)) throw BAIL;
    }

    // ---- slow paths ---------------------------------------------------------------------------

    private void checkAlignment(long va, int size) {
        if (alignmentCheck && user && (va & (size - 1)) != 0) throw new GuestFault(GuestFault.AC, 0, 0);
    }

    private long readSlow(long va, int size) {
        return slow(va, size, 0, false);
    }

    private void writeSlow(long va, int size, long v) {
        slow(va, size, v, true);
    }

    /**
     * The TLB-miss path of every read and write: translate (filling the TLB when allowed), then
     * access physical memory, byte by byte when the access crosses a page (both translations
     * first). Returns the value read (0 for a write).
     *
     * <p>Reads and writes share this one method on purpose: its bytecode is larger than HotSpot's
     * FreqInlineSize (325 bytes), so C2 never inlines the miss path into the fast paths it inlines
     * into compiled regions. When C2 did (the two halves were each under the limit and called often
     * enough to count as hot), every inlined access spent several hundred bytecodes of the region's
     * 8000-bytecode inlining budget on code that ran for under one access in a thousand, and the ALU
     * helpers later in the region were left as calls. MmuInliningTest keeps the size above the limit.
     */
    private long slow(long va, int size, long v, boolean write) {
        checkAlignment(va, size);
        long last = va + size - 1;
        if (write) {
            if (((va ^ last) & PAGE_MASK) == 0) {
                long p = translate(va, Translator.WRITE);
                if (bailOnSlowAccess) bailOnWrite(p);
                phys.write(p, size, v);
                return 0;
            }
            long p0 = translate(va, Translator.WRITE);
            long p1 = translate(last & PAGE_MASK, Translator.WRITE);
            if (bailOnSlowAccess) { bailOnWrite(p0); bailOnWrite(p1); }
            for (int k = 0; k < size; k++) {
                long a = va + k;
                long p = ((a ^ va) & PAGE_MASK) == 0 ? p0 + k : p1 + (a & 0xfff);
                phys.write(p, 1, v >>> (8 * k));
            }
            return 0;
        }
        if (((va ^ last) & PAGE_MASK) == 0) {
            long p = translate(va, Translator.READ);
            if (bailOnSlowAccess && !phys.isRam(p)) throw BAIL;
            return phys.read(p, size);
        }
        // Page-crossing: both translations before the access, bytes assembled little-endian.
        long p0 = translate(va, Translator.READ);
        long p1 = translate(last & PAGE_MASK, Translator.READ);
        if (bailOnSlowAccess && (!phys.isRam(p0) || !phys.isRam(p1))) throw BAIL;
        long r = 0;
        for (int k = 0; k < size; k++) {
            long a = va + k;
            long p = ((a ^ va) & PAGE_MASK) == 0 ? p0 + k : p1 + (a & 0xfff);
            r |= phys.read(p, 1) << (8 * k);
        }
        return r;
    }

    /** Translates through the {@link Translator} and fills the TLB entry when allowed. */
    public long translate(long va, int access) {
        long p = translator.translate(va, access, user);
        if (translator.cacheable(access)) fill(va, p, access);
        pageMaskHint = 0xfff;
        return p;
    }

    /**
     * Pieces of 2 MiB pages filled into the TLB, counted by a hash of the 2 MiB region (never
     * decremented before a full flush: a count only says a scan may find something).
     */
    private final int[] largeRegions = new int[1024];
    /** Some TLB entry is a piece of a 1 GiB page. */
    private boolean hugeListed;

    private static int largeRegion(long va) {
        return (int) ((va >>> 21) * 0x9E3779B97F4A7C15L >>> 54);
    }

    private void fill(long va, long p, int access) {
        long page = p & PAGE_MASK;
        if (!phys.isRam(page) || !phys.isRam(page + PhysicalMemory.PAGE_SIZE - 1)) return;
        if (access == Translator.WRITE && phys.isCodePage(page >>> 12)) return;
        int t = user ? 3 * ENTRIES : 0;
        int i = t + access * ENTRIES + ((int) (va >>> 12) & MASK);
        tlb[2 * i] = va & PAGE_MASK;
        tlb[2 * i + 1] = page;
        global[i] = translatorGlobal();
        pageMask[i] = pageMaskHint;
        if (pageMaskHint != 0xfff) {
            if (pageMaskHint == 0x1fffff) largeRegions[largeRegion(va)]++;
            else hugeListed = true;
            if (!listedLarge[i]) {
                listedLarge[i] = true;
                largeSlots[largeCount++] = i;
            }
        }
    }

    private boolean globalHint;
    private long pageMaskHint = 0xfff;

    /** Set by a translator before returning: the offset mask of the page that maps the address. */
    public void setPageMaskHint(long mask) { pageMaskHint = mask; }

    /** Set by a translator before returning, for the G bit of the leaf entry (system mode). */
    public void setGlobalHint(boolean g) { globalHint = g; }

    private boolean translatorGlobal() {
        boolean g = globalHint;
        globalHint = false;
        return g;
    }

    // ---- invalidation -------------------------------------------------------------------------

    public void flushAll() {
        java.util.Arrays.fill(tlb, INVALID);      // tags and frame offsets alike: only tags are read unmatched
        java.util.Arrays.fill(largeRegions, 0);
        hugeListed = false;
        for (int k = 0; k < largeCount; k++) listedLarge[largeSlots[k]] = false;
        largeCount = 0;
    }

    public void flushNonGlobal() {
        for (int i = 0; i < global.length; i++) if (!global[i]) tlb[2 * i] = INVALID;
    }

    /**
     * INVLPG: drops the page's entries in every table, global or not. For a 2 MiB or 1 GiB page the
     * whole page's translation goes (SDM Vol. 2A INVLPG, Vol. 3A §4.10.4.1), so the 4 KiB entries it
     * was split into here are all dropped: a scan, done only while large-page entries are cached.
     */
    public void flushPage(long va) {
        int idx = (int) (va >>> 12) & MASK;
        long t = va & PAGE_MASK;
        for (int k = 0; k < 6; k++) if (tlb[2 * (k * ENTRIES + idx)] == t) tlb[2 * (k * ENTRIES + idx)] = INVALID;
        // The stock kernel's early boot INVLPGs 4 KiB fixmap pages about 70,000 times while the TLB
        // holds thousands of pieces of large pages: scan only when one may cover va.
        if (!hugeListed && largeRegions[largeRegion(va)] == 0) return;
        for (int k = 0; k < largeCount; ) {
            int i = largeSlots[k];
            long m = pageMask[i];
            long tag = tlb[2 * i];
            if (m != 0xfff && tag != INVALID && ((tag ^ va) & ~m) == 0) tlb[2 * i] = tag = INVALID;
            if (m == 0xfff || tag == INVALID) {          // reused for a small page, or gone: unlist
                listedLarge[i] = false;
                largeSlots[k] = largeSlots[--largeCount];
            } else {
                k++;
            }
        }
    }

    private void dropWritesToCodePages() {
        for (int t = ENTRIES; t < 6 * ENTRIES; t += 3 * ENTRIES)
            for (int i = t; i < t + ENTRIES; i++)
                if (tlb[2 * i] != INVALID && phys.isCodePage(tlb[2 * i + 1] >>> 12)) tlb[2 * i] = INVALID;
    }
}
