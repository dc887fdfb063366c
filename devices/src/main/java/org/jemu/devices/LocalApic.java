package org.jemu.devices;

import java.util.function.IntConsumer;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.InterruptController;
import org.jemu.cpu.io.LocalApicRegisters;
import org.jemu.cpu.mem.MmioHandler;
import org.jemu.cpu.time.Timer;
import org.jemu.cpu.time.VirtualClock;

/**
 * The local APIC of the one CPU, in xAPIC mode (MMIO at 0xFEE00000; x2APIC is not advertised, so
 * setting IA32_APIC_BASE.EXTD is refused). It is the CPU's interrupt acceptor: it maintains
 * {@link CpuSignals#INTR} and answers INTA. Facts from the Intel SDM Vol. 3A chapter 11 (in older
 * editions chapter 10) "Advanced Programmable Interrupt Controller": §11.4.4 IA32_APIC_BASE,
 * Table 11-1 register map, §11.4.7.2 software enable (SVR bit 8; disabling masks all LVT entries),
 * §11.5.1 LVT, §11.5.3 ESR, §11.5.4 timer (divide configuration, one-shot, periodic) and
 * §11.5.4.1 TSC-deadline mode, §11.6.1 ICR, §11.8.3 IRR/ISR/TMR and interrupt acceptance,
 * §11.8.3.1 PPR, §11.8.5 EOI, §11.8.6.1 CR8 and TPR, §11.9 spurious interrupt.
 *
 * <p>PIC mode and the virtual wire: the 8259's INT output is connected to LINT0. With the APIC
 * globally disabled (IA32_APIC_BASE bit 11 clear) the PIC drives INTR directly; with LINT0
 * programmed as ExtINT and unmasked, a PIC request is delivered with the PIC supplying the vector.
 * Power-up state mimics what a BIOS leaves for an OS (as QEMU does): LINT0 = ExtINT, LINT1 = NMI,
 * both unmasked; ExtINT delivery through LINT0 does not depend on SVR's software enable.
 *
 * <p>The timer counts at {@code busHz} divided by the divide configuration; its current count is
 * computed from the virtual clock. Relocating the APIC base via the MSR is recorded but the MMIO
 * window stays at its original address.
 */
public final class LocalApic implements MmioHandler, InterruptController, LocalApicRegisters {
    public static final long DEFAULT_BASE = 0xfee00000L;
    /** Default APIC timer input clock: 1 GHz (one count per ns at divide-by-1). */
    public static final long DEFAULT_BUS_HZ = 1_000_000_000L;
    /** Version register: version 0x14 (integrated xAPIC), max LVT entry 5 (6 LVT entries, no CMCI). */
    static final int VERSION = 0x14 | (5 << 16);

    // register offsets (Table 11-1)
    static final int ID = 0x20, VER = 0x30, TPR = 0x80, APR = 0x90, PPR = 0xa0, EOI = 0xb0, RRD = 0xc0, LDR = 0xd0,
            DFR = 0xe0, SVR = 0xf0, ISR0 = 0x100, TMR0 = 0x180, IRR0 = 0x200, ESR = 0x280, CMCI = 0x2f0, ICR_LO = 0x300,
            ICR_HI = 0x310, LVT_TIMER = 0x320, LVT_THERMAL = 0x330, LVT_PERF = 0x340, LVT_LINT0 = 0x350,
            LVT_LINT1 = 0x360, LVT_ERROR = 0x370, TIMER_ICR = 0x380, TIMER_CCR = 0x390, TIMER_DCR = 0x3e0;
    static final int LVT_MASKED = 1 << 16;
    static final int DM_FIXED = 0, DM_LOWEST = 1, DM_SMI = 2, DM_NMI = 4, DM_INIT = 5, DM_STARTUP = 6, DM_EXTINT = 7;
    static final int TIMER_ONESHOT = 0, TIMER_PERIODIC = 1, TIMER_TSC_DEADLINE = 2;
    // ESR bits (§11.5.3)
    static final int ESR_SEND_ILLEGAL_VECTOR = 0x20, ESR_RECEIVE_ILLEGAL_VECTOR = 0x40;
    static final long BASE_BSP = 1L << 8, BASE_EXTD = 1L << 10, BASE_EN = 1L << 11;

    private static final int L_TIMER = 0, L_THERMAL = 1, L_PERF = 2, L_LINT0 = 3, L_LINT1 = 4, L_ERROR = 5;

    private final VirtualClock clock;
    private final CpuSignals signals;
    private final long busHz;
    private final Timer timer;
    private InterruptController pic;
    private IntConsumer eoiListener = v -> { };

    private long apicBase = DEFAULT_BASE | BASE_BSP | BASE_EN;
    private int id, tpr, ldr, dfr, svr, esr, esrPending, icrLo, icrHi, dcr;
    private final int[] lvt = new int[6];
    private final int[] irr = new int[8], isr = new int[8], tmr = new int[8];
    /** Fixed interrupts put in service per vector, for the monitor's {@code info irq}. */
    private final long[] delivered = new long[256];
    // timer
    private int initialCount;
    private long timerStartNs;
    private long tscDeadline;
    // LINT0 input level (the PIC's INT) and ExtINT messages from the I/O APIC
    private boolean lint0, lint1, extIntMessage;
    private boolean intr;

    public LocalApic(VirtualClock clock, CpuSignals signals) {
        this(clock, signals, DEFAULT_BUS_HZ);
    }

    public LocalApic(VirtualClock clock, CpuSignals signals, long busHz) {
        this.clock = clock;
        this.signals = signals;
        this.busHz = busHz;
        this.timer = clock.newTimer(this::timerExpired);
        reset();
    }

    /** Power-up state (§11.4.7.1) plus the virtual-wire LINT0/LINT1 setup a BIOS leaves. */
    public void reset() {
        apicBase = DEFAULT_BASE | BASE_BSP | BASE_EN;
        resetRegisters();
        lvt[L_LINT0] = DM_EXTINT << 8;
        lvt[L_LINT1] = DM_NMI << 8;
        update();
    }

    private void resetRegisters() {
        id = 0;
        tpr = 0;
        ldr = 0;
        dfr = 0xffffffff;
        svr = 0xff;
        esr = esrPending = 0;
        icrLo = icrHi = 0;
        dcr = 0;
        for (int i = 0; i < lvt.length; i++) lvt[i] = LVT_MASKED;
        java.util.Arrays.fill(irr, 0);
        java.util.Arrays.fill(isr, 0);
        java.util.Arrays.fill(tmr, 0);
        initialCount = 0;
        tscDeadline = 0;
        extIntMessage = false;
        timer.cancel();
    }

    /** The PIC that supplies ExtINT vectors (and drives INTR when the APIC is globally disabled). */
    public void setPic(InterruptController pic) { this.pic = pic; }

    /** Receives the EOI broadcast for level-triggered vectors (the I/O APIC). */
    public void setEoiListener(IntConsumer l) { eoiListener = l; }

    private boolean globallyEnabled() { return (apicBase & BASE_EN) != 0; }

    private boolean softwareEnabled() { return (svr & 0x100) != 0; }

    // ---- inputs ----------------------------------------------------------------------------

    /** LINT0 pin: wired to the 8259's INT output. */
    public void setLint0(boolean level) {
        boolean was = lint0;
        lint0 = level;
        int e = lvt[L_LINT0];
        if (globallyEnabled() && (e & LVT_MASKED) == 0) {
            int dm = (e >>> 8) & 7;
            if (dm == DM_FIXED && level && (!was || (e & 0x8000) != 0)) accept(e & 0xff, (e & 0x8000) != 0);
            else if (dm == DM_NMI && level && !was) signals.raise(CpuSignals.NMI);
        }
        update();
    }

    /** LINT1 pin (NMI on a PC; nothing drives it here). */
    public void setLint1(boolean level) {
        boolean was = lint1;
        lint1 = level;
        int e = lvt[L_LINT1];
        if (globallyEnabled() && (e & LVT_MASKED) == 0 && level && !was) {
            int dm = (e >>> 8) & 7;
            if (dm == DM_NMI) signals.raise(CpuSignals.NMI);
            else if (dm == DM_FIXED) accept(e & 0xff, false);
        }
        update();
    }

    /** Destination match for a message in physical or logical mode (§11.6.2). */
    public boolean matchesDestination(boolean logical, int dest) {
        if (!logical) return dest == 0xff || dest == (id >>> 24);
        int logicalId = ldr >>> 24;
        if ((dfr >>> 28) == 0xf) return (dest & logicalId) != 0;          // flat model
        int cluster = dest >>> 4;                                          // cluster model
        return (cluster == 0xf || cluster == (logicalId >>> 4)) && (dest & logicalId & 0xf) != 0;
    }

    /** An interrupt message (from the I/O APIC, an IPI or a local source). */
    public void deliver(int vector, int deliveryMode, boolean level) {
        if (!globallyEnabled()) return;
        switch (deliveryMode) {
            case DM_FIXED, DM_LOWEST -> accept(vector, level);
            case DM_NMI -> signals.raise(CpuSignals.NMI);
            case DM_EXTINT -> extIntMessage = true;
            case DM_INIT -> { } // one CPU: INIT/SIPI have no target (reserved for SMP)
            default -> { }      // SMI, STARTUP: ignored
        }
        update();
    }

    private void accept(int vector, boolean level) {
        if (vector < 16) {
            error(ESR_RECEIVE_ILLEGAL_VECTOR);
            return;
        }
        set(irr, vector);
        if (level) set(tmr, vector);
        else clear(tmr, vector);
    }

    private void error(int bits) {
        esrPending |= bits;
        int e = lvt[L_ERROR];
        if ((e & LVT_MASKED) == 0 && (e & 0xff) >= 16) {
            set(irr, e & 0xff);
            clear(tmr, e & 0xff);
        }
    }

    // ---- acceptance and priority -------------------------------------------------------------

    private static void set(int[] r, int v) { r[v >>> 5] |= 1 << (v & 31); }

    private static void clear(int[] r, int v) { r[v >>> 5] &= ~(1 << (v & 31)); }

    private static boolean test(int[] r, int v) { return (r[v >>> 5] & (1 << (v & 31))) != 0; }

    private static int highest(int[] r) {
        for (int i = 7; i >= 0; i--) if (r[i] != 0) return i * 32 + 31 - Integer.numberOfLeadingZeros(r[i]);
        return -1;
    }

    /** Processor priority (§11.8.3.1). */
    int ppr() {
        int isrv = Math.max(highest(isr), 0);
        return (tpr >>> 4) >= (isrv >>> 4) ? tpr & 0xff : isrv & 0xf0;
    }

    private boolean extIntPending() {
        if (!globallyEnabled()) return false;
        if (extIntMessage) return true;
        int e = lvt[L_LINT0];
        return lint0 && (e & LVT_MASKED) == 0 && ((e >>> 8) & 7) == DM_EXTINT;
    }

    private boolean fixedPending() {
        if (!globallyEnabled()) return false;
        int v = highest(irr);
        return v >= 0 && (v >>> 4) > (ppr() >>> 4);
    }

    /** Recomputes INTR (§11.8.3: the highest IRR vector is dispatched if its class exceeds the PPR's). */
    private void update() {
        boolean level = globallyEnabled() ? extIntPending() || fixedPending() : lint0;
        if (level != intr) {
            intr = level;
            signals.set(CpuSignals.INTR, level);
        }
    }

    public boolean intr() { return intr; }

    @Override
    public int acknowledge() {
        int vector;
        if (!globallyEnabled() || extIntPending()) {
            extIntMessage = false;
            vector = pic != null ? pic.acknowledge() : svr & 0xff;
        } else {
            int v = highest(irr);
            if (v < 0 || (v >>> 4) <= (ppr() >>> 4)) {
                vector = svr & 0xff; // spurious (§11.9): not put in service
            } else {
                clear(irr, v);
                set(isr, v);
                vector = v;
                delivered[v]++;
            }
        }
        update();
        return vector;
    }

    private void eoi() {
        int v = highest(isr);
        if (v < 0) return;
        clear(isr, v);
        if (test(tmr, v)) eoiListener.accept(v); // level-triggered: broadcast to the I/O APIC
        update();
    }

    // ---- timer (§11.5.4) ---------------------------------------------------------------------

    private int timerMode() { return (lvt[L_TIMER] >>> 17) & 3; }

    private int divideShift() {
        int v = ((dcr >>> 1) & 4) | (dcr & 3);
        return (v + 1) & 7; // 000 -> /2 ... 110 -> /128, 111 -> /1
    }

    private long elapsedCounts(long now) {
        long ticks = VirtualClock.scale(Math.max(0, now - timerStartNs), busHz, VirtualClock.NS_PER_S);
        return ticks >>> divideShift();
    }

    private long countsToNs(long counts) {
        return VirtualClock.scaleCeil(counts << divideShift(), VirtualClock.NS_PER_S, busHz);
    }

    int currentCount() {
        if (initialCount == 0 || timerMode() == TIMER_TSC_DEADLINE) return 0;
        long e = elapsedCounts(clock.nowNs());
        long n = initialCount & 0xffffffffL;
        if (timerMode() == TIMER_PERIODIC) return (int) (n - e % n);
        return e >= n ? 0 : (int) (n - e);
    }

    private void startTimer() {
        timerStartNs = clock.nowNs();
        if (initialCount == 0) timer.cancel();
        else timer.arm(timerStartNs + countsToNs(initialCount & 0xffffffffL));
    }

    private void timerExpired(long deadline) {
        int e = lvt[L_TIMER];
        if (timerMode() == TIMER_TSC_DEADLINE) {
            tscDeadline = 0;
        } else if (timerMode() == TIMER_PERIODIC && initialCount != 0) {
            long n = initialCount & 0xffffffffL;
            long periods = elapsedCounts(clock.nowNs()) / n + 1;
            timer.arm(timerStartNs + countsToNs(periods * n));
        }
        if ((e & LVT_MASKED) == 0) {
            accept(e & 0xff, false);
            update();
        }
    }

    @Override
    public long tscDeadline() { return timerMode() == TIMER_TSC_DEADLINE ? tscDeadline : 0; }

    @Override
    public void setTscDeadline(long tsc) {
        if (timerMode() != TIMER_TSC_DEADLINE) return; // §11.5.4.1: ignored in other modes
        tscDeadline = tsc;
        if (tsc == 0) timer.cancel();
        else timer.arm(Math.max(clock.tscToNs(tsc), clock.nowNs()));
    }

    // ---- MSR and CR8 -------------------------------------------------------------------------

    @Override
    public long apicBase() { return apicBase; }

    @Override
    public boolean setApicBase(long value) {
        long reserved = ~(0xffffff000L | BASE_BSP | BASE_EXTD | BASE_EN); // MAXPHYADDR 36 for the base field
        if ((value & reserved) != 0 || (value & BASE_EXTD) != 0) return false;
        boolean wasEnabled = globallyEnabled();
        apicBase = (value & ~BASE_BSP) | (apicBase & BASE_BSP);
        if (wasEnabled && !globallyEnabled()) resetRegisters(); // re-enabling gives power-up state
        update();
        return true;
    }

    @Override
    public int cr8() { return (tpr >>> 4) & 0xf; }

    @Override
    public void setCr8(int value) {
        tpr = (value & 0xf) << 4;
        update();
    }

    // ---- MMIO --------------------------------------------------------------------------------

    @Override
    public long read(long offset, int size) {
        if (!globallyEnabled()) return size == 8 ? -1L : (1L << (8 * size)) - 1;
        int reg = (int) (offset & 0xff0);
        long v = readRegister(reg) & 0xffffffffL;
        int shift = (int) (offset & 3) * 8;
        v >>>= shift;
        return size >= 4 ? v : v & ((1L << (8 * size)) - 1);
    }

    int readRegister(int reg) {
        if (reg >= ISR0 && reg < ISR0 + 0x80) return isr[(reg - ISR0) >> 4];
        if (reg >= TMR0 && reg < TMR0 + 0x80) return tmr[(reg - TMR0) >> 4];
        if (reg >= IRR0 && reg < IRR0 + 0x80) return irr[(reg - IRR0) >> 4];
        return switch (reg) {
            case ID -> id;
            case VER -> VERSION;
            case TPR -> tpr;
            case APR -> 0;
            case PPR -> ppr();
            case LDR -> ldr;
            case DFR -> dfr;
            case SVR -> svr;
            case ESR -> esr;
            case ICR_LO -> icrLo & ~(1 << 12); // delivery status: always idle
            case ICR_HI -> icrHi;
            case LVT_TIMER -> lvt[L_TIMER];
            case LVT_THERMAL -> lvt[L_THERMAL];
            case LVT_PERF -> lvt[L_PERF];
            case LVT_LINT0 -> lvt[L_LINT0] | (lint0 && (lvt[L_LINT0] & 0x8000) != 0 ? 0x4000 : 0);
            case LVT_LINT1 -> lvt[L_LINT1];
            case LVT_ERROR -> lvt[L_ERROR];
            case TIMER_ICR -> initialCount;
            case TIMER_CCR -> currentCount();
            case TIMER_DCR -> dcr;
            default -> 0;
        };
    }

    @Override
    public void write(long offset, int size, long value) {
        if (!globallyEnabled()) return;
        writeRegister((int) (offset & 0xff0), (int) value);
    }

    void writeRegister(int reg, int v) {
        switch (reg) {
            case ID -> id = v & 0xff000000;
            case TPR -> tpr = v & 0xff;
            case EOI -> eoi();
            case LDR -> ldr = v & 0xff000000;
            case DFR -> dfr = v | 0x0fffffff;
            case SVR -> {
                boolean wasEnabled = softwareEnabled();
                svr = v & 0x3ff; // vector, APIC software enable, focus processor checking; no EOI-broadcast suppression
                if (wasEnabled && !softwareEnabled())
                    for (int i = 0; i < lvt.length; i++) lvt[i] |= LVT_MASKED; // §11.4.7.2
            }
            case ESR -> { esr = esrPending; esrPending = 0; } // a write latches the errors since the last write
            case ICR_LO -> { icrLo = v & 0x000ccfff; sendIpi(); }
            case ICR_HI -> icrHi = v & 0xff000000;
            case LVT_TIMER -> writeLvtTimer(v);
            case LVT_THERMAL -> lvt[L_THERMAL] = lvtValue(v, 0x107ff);
            case LVT_PERF -> lvt[L_PERF] = lvtValue(v, 0x107ff);
            case LVT_LINT0 -> lvt[L_LINT0] = lvtValue(v, 0x1a7ff);
            case LVT_LINT1 -> lvt[L_LINT1] = lvtValue(v, 0x1a7ff);
            case LVT_ERROR -> lvt[L_ERROR] = lvtValue(v, 0x100ff);
            case TIMER_ICR -> {
                if (timerMode() != TIMER_TSC_DEADLINE) {
                    initialCount = v;
                    startTimer();
                }
            }
            case TIMER_DCR -> {
                // Keep the current count across a divider change by restarting the period from it.
                int cur = currentCount();
                dcr = v & 0xb;
                if (timer.isArmed() && timerMode() != TIMER_TSC_DEADLINE) {
                    timerStartNs = clock.nowNs() - countsToNs((initialCount & 0xffffffffL) - (cur & 0xffffffffL));
                    timer.arm(timerStartNs + countsToNs(initialCount & 0xffffffffL));
                }
            }
            default -> { } // read-only or reserved
        }
        update();
    }

    private int lvtValue(int v, int writable) {
        v &= writable;
        if (!softwareEnabled()) v |= LVT_MASKED; // cannot unmask while software-disabled
        return v;
    }

    private void writeLvtTimer(int v) {
        int oldMode = timerMode();
        lvt[L_TIMER] = lvtValue(v, 0x700ff);
        int mode = timerMode();
        if (mode == 3) lvt[L_TIMER] &= ~(1 << 18); // reserved mode: treat as one-shot/periodic bit only
        mode = timerMode();
        if ((oldMode == TIMER_TSC_DEADLINE) != (mode == TIMER_TSC_DEADLINE)) {
            // §11.5.4.1: switching to or from TSC-deadline mode disarms the timer.
            timer.cancel();
            initialCount = 0;
            tscDeadline = 0;
        } else if (oldMode != mode && initialCount != 0 && mode == TIMER_PERIODIC && !timer.isArmed()) {
            startTimer();
        }
    }

    private void sendIpi() {
        int vector = icrLo & 0xff, dm = (icrLo >>> 8) & 7, shorthand = (icrLo >>> 18) & 3;
        boolean self = switch (shorthand) {
            case 1, 2 -> true;               // self, all including self
            case 3 -> false;                 // all excluding self: no other CPU
            default -> matchesDestination((icrLo & 0x800) != 0, icrHi >>> 24);
        };
        if (dm == DM_FIXED || dm == DM_LOWEST) {
            if (vector < 16) { error(ESR_SEND_ILLEGAL_VECTOR); return; }
            if (self) accept(vector, false);
        } else if (dm == DM_NMI && self) {
            signals.raise(CpuSignals.NMI);
        }
        // INIT, STARTUP, SMI: no other CPU to receive them
    }

    // ---- inspection --------------------------------------------------------------------------

    /** How many times fixed vector {@code v} has been put in service (ExtINT vectors are the PIC's to count). */
    public long delivered(int v) { return delivered[v]; }

    public boolean irrBit(int v) { return test(irr, v); }

    public boolean isrBit(int v) { return test(isr, v); }

    public boolean tmrBit(int v) { return test(tmr, v); }
}
