package org.jemu.cpu.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The guest's physical address space: one RAM array starting at physical address 0, and MMIO
 * regions that devices register. Physical addresses not covered by either read as all ones and
 * ignore writes, as an unclaimed bus cycle does on a PC.
 *
 * <p>Pages that hold decoded or compiled code are marked here; a write to a marked page goes
 * through {@link #notifyCodeWrite} so the decode cache and the JIT can drop what they hold for it.
 * The {@link Mmu} never gives such pages a fast write entry.
 */
public final class PhysicalMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Listener for writes into pages that hold code. */
    public interface CodeWriteListener {
        void codeWritten(long physPage);
    }

    private final byte[] ram;
    private final byte[] codePages;
    private long[] mmioBase = new long[0];
    private long[] mmioEnd = new long[0];
    private MmioHandler[] mmioHandler = new MmioHandler[0];
    private CodeWriteListener codeListener;
    private Runnable codeMarkListener;

    /** @param ramSize bytes of RAM, a multiple of 4 KiB, at most 2 GiB minus one page (one Java array). */
    public PhysicalMemory(long ramSize) {
        if (ramSize <= 0 || (ramSize & (PAGE_SIZE - 1)) != 0 || ramSize > Integer.MAX_VALUE - PAGE_SIZE + 1)
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB below 2 GiB: " + ramSize);
        ram = new byte[(int) ramSize];
        codePages = new byte[(int) (ramSize >>> PAGE_SHIFT)];
    }

    public byte[] ram() { return ram; }

    public long ramSize() { return ram.length; }

    public boolean isRam(long phys) { return phys >= 0 && phys < ram.length; }

    /** Registers MMIO registers at [base, base+size); regions may not overlap RAM or each other. */
    public void mapMmio(long base, long size, MmioHandler handler) {
        if (base < ram.length && base + size > 0 && isRam(base))
            throw new IllegalArgumentException("MMIO region overlaps RAM at 0x" + Long.toHexString(base));
        for (int i = 0; i < mmioBase.length; i++)
            if (base < mmioEnd[i] && base + size > mmioBase[i])
                throw new IllegalArgumentException("MMIO regions overlap at 0x" + Long.toHexString(base));
        int n = mmioBase.length;
        mmioBase = Arrays.copyOf(mmioBase, n + 1);
        mmioEnd = Arrays.copyOf(mmioEnd, n + 1);
        mmioHandler = Arrays.copyOf(mmioHandler, n + 1);
        mmioBase[n] = base;
        mmioEnd[n] = base + size;
        mmioHandler[n] = handler;
    }

    /** Physical-address reads of 1, 2, 4 or 8 bytes, little-endian; any alignment. */
    public long read(long phys, int size) {
        if (phys >= 0 && phys + size <= ram.length) {
            int p = (int) phys;
            switch (size) {
                case 1: return ram[p] & 0xffL;
                case 2: return (short) SHORT.get(ram, p) & 0xffffL;
                case 4: return (int) INT.get(ram, p) & 0xffffffffL;
                default: return (long) LONG.get(ram, p);
            }
        }
        for (int i = 0; i < mmioBase.length; i++)
            if (phys >= mmioBase[i] && phys < mmioEnd[i]) return mmioHandler[i].read(phys - mmioBase[i], size);
        if (phys >= 0 && phys < ram.length) {   // straddles the end of RAM
            long v = 0;
            for (int i = 0; i < size; i++) v |= read(phys + i, 1) << (8 * i);
            return v;
        }
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }

    public void write(long phys, int size, long value) {
        if (phys >= 0 && phys + size <= ram.length) {
            int p = (int) phys;
            if ((codePages[p >>> PAGE_SHIFT] | codePages[(p + size - 1) >>> PAGE_SHIFT]) != 0) {
                notifyCodeWrite(phys >>> PAGE_SHIFT);
                notifyCodeWrite((phys + size - 1) >>> PAGE_SHIFT);
            }
            switch (size) {
                case 1: ram[p] = (byte) value; break;
                case 2: SHORT.set(ram, p, (short) value); break;
                case 4: INT.set(ram, p, (int) value); break;
                default: LONG.set(ram, p, value);
            }
            return;
        }
        for (int i = 0; i < mmioBase.length; i++)
            if (phys >= mmioBase[i] && phys < mmioEnd[i]) { mmioHandler[i].write(phys - mmioBase[i], size, value); return; }
        if (phys >= 0 && phys < ram.length)
            for (int i = 0; i < size; i++) write(phys + i, 1, value >>> (8 * i));
    }

    /** Bulk copy into RAM (loaders); marks nothing and notifies nobody, so use it before code runs. */
    public void load(long phys, byte[] data, int off, int len) {
        if (phys < 0 || phys + len > ram.length)
            throw new IllegalArgumentException("load outside RAM: 0x" + Long.toHexString(phys) + "+" + len);
        System.arraycopy(data, off, ram, (int) phys, len);
    }

    // ---- code pages -------------------------------------------------------------------------

    public void setCodeWriteListener(CodeWriteListener l) { codeListener = l; }

    /** Called when a page becomes a code page, so the MMU can drop fast write entries to it. */
    public void setCodeMarkListener(Runnable l) { codeMarkListener = l; }

    public boolean isCodePage(long physPage) {
        return physPage >= 0 && physPage < codePages.length && codePages[(int) physPage] != 0;
    }

    public void markCodePage(long physPage) {
        if (physPage < 0 || physPage >= codePages.length || codePages[(int) physPage] != 0) return;
        codePages[(int) physPage] = 1;
        if (codeMarkListener != null) codeMarkListener.run();
    }

    private void notifyCodeWrite(long physPage) {
        if (codePages[(int) physPage] == 0) return;
        codePages[(int) physPage] = 0;
        if (codeListener != null) codeListener.codeWritten(physPage);
    }
}
