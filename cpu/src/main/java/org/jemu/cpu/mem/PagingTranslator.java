package org.jemu.cpu.mem;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;

/**
 * The page walk of a CPU in long mode: 4-level paging with 4 KiB, 2 MiB and 1 GiB pages (Intel SDM
 * Vol. 3A §4.5), with no paging (CR0.PG = 0) as the identity. Sets accessed bits on every entry it
 * uses and the dirty bit on the leaf for writes (§4.8), checks R/W, U/S and XD across the levels
 * (§4.6), reserved bits (§4.5.4 table 4-20 and the MAXPHYADDR rule), and raises #PF with the exact
 * error code (§4.7).
 *
 * <p>SMEP, SMAP, PKU and LA57 are not advertised by jemu's CPUID, so they are not modelled.
 * 32-bit and PAE paging outside long mode are not supported (a Linux x86-64 kernel never uses them
 * when entered through the 64-bit boot protocol).
 */
public final class PagingTranslator implements Translator {
    /** Physical address width reported by CPUID 0x80000008 (as QEMU's default CPU models). */
    public static final int MAXPHYADDR = 40;
    static final long ADDR_MASK = ((1L << MAXPHYADDR) - 1) & ~0xfffL;
    /** Bits MAXPHYADDR..51 must be zero in every paging-structure entry. */
    static final long RSVD_HIGH = ((1L << 52) - 1) & ~((1L << MAXPHYADDR) - 1);

    static final long P = 1, RW = 2, US = 4, A = 0x20, D = 0x40, PS = 0x80, G = 0x100;
    static final long XD = 1L << 63;

    public static final long CR0_PG = 1L << 31, CR0_WP = 1L << 16;
    public static final long CR4_PGE = 1L << 7;
    public static final long EFER_NXE = 1L << 11, EFER_LMA = 1L << 10;

    private final CpuState cpu;
    private final PhysicalMemory mem;

    public PagingTranslator(CpuState cpu, PhysicalMemory mem) {
        this.cpu = cpu;
        this.mem = mem;
    }

    @Override
    public long translate(long linear, int access, boolean user) {
        if ((cpu.cr0 & CR0_PG) == 0) return linear & 0xffffffffL;
        if ((cpu.efer & EFER_LMA) == 0)
            throw new IllegalStateException("paging outside long mode is not supported");
        if ((linear >> 47) != 0 && (linear >> 47) != -1) throw GuestFault.nonCanonical(linear);   // §3.3.7.1
        boolean nxe = (cpu.efer & EFER_NXE) != 0;
        long rsvd = RSVD_HIGH | (nxe ? 0 : XD);

        long table = cpu.cr3 & ADDR_MASK;
        boolean writable = true, userOk = true, noExec = false;
        long leaf = 0, leafAddr = 0, pageMask = 0xfff;
        for (int level = 4; level >= 1; level--) {
            int shift = 12 + 9 * (level - 1);
            long entryAddr = table + (((linear >>> shift) & 511) << 3);
            long e = mem.read(entryAddr, 8);
            if ((e & P) == 0) throw fault(linear, access, user, nxe, 0);
            boolean large = (e & PS) != 0 && (level == 2 || level == 3);
            long bad = e & rsvd;
            if (level == 4 && (e & PS) != 0) bad |= PS;                  // PS is reserved in a PML4E
            if (large) bad |= e & (((1L << shift) - 1) & ~0x1fffL);      // bits shift-1..13 of a large page
            if (bad != 0) throw fault(linear, access, user, nxe, GuestFault.PF_RSVD | GuestFault.PF_P);
            writable &= (e & RW) != 0;
            userOk &= (e & US) != 0;
            noExec |= (e & XD) != 0 && nxe;
            if ((e & A) == 0) mem.write(entryAddr, 8, e | A);
            if (level == 1 || large) {
                leaf = e | A;
                leafAddr = entryAddr;
                pageMask = (1L << shift) - 1;
                break;
            }
            table = e & ADDR_MASK;
        }

        boolean ok;
        switch (access) {
            case WRITE: ok = (user ? userOk && writable : writable || (cpu.cr0 & CR0_WP) == 0); break;
            case FETCH: ok = !noExec && (!user || userOk); break;
            default: ok = !user || userOk;
        }
        if (!ok) throw fault(linear, access, user, nxe, GuestFault.PF_P);
        if (access == WRITE && (leaf & D) == 0) mem.write(leafAddr, 8, leaf | D);
        cpu.mmu.setGlobalHint((leaf & G) != 0 && (cpu.cr4 & CR4_PGE) != 0);
        cpu.mmu.setPageMaskHint(pageMask);
        return (leaf & ADDR_MASK & ~pageMask) | (linear & pageMask);
    }

    private static GuestFault fault(long linear, int access, boolean user, boolean nxe, int bits) {
        int code = bits;
        if (access == WRITE) code |= GuestFault.PF_W;
        if (user) code |= GuestFault.PF_U;
        if (access == FETCH && nxe) code |= GuestFault.PF_I;   // I/D reported only with NXE (or SMEP), §4.7
        return GuestFault.pf(linear, code);
    }
}
