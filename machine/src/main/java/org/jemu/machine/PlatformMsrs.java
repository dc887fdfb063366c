package org.jemu.machine;

import org.jemu.cpu.io.LocalApicRegisters;
import org.jemu.cpu.sys.MsrHandler;
import org.jemu.cpu.sys.Msrs;
import org.jemu.cpu.time.VirtualClock;

/**
 * The MSRs that belong to the clock and the local APIC: the TSC and IA32_TSC_ADJUST, IA32_APIC_BASE
 * and IA32_TSC_DEADLINE. The guest's TSC is the virtual clock's plus an offset; writing the TSC or
 * TSC_ADJUST moves the offset, and a TSC write changes TSC_ADJUST by the same amount (SDM Vol. 3B
 * §18.17.3).
 */
public final class PlatformMsrs implements MsrHandler {
    private final VirtualClock clock;
    private final LocalApicRegisters apic;
    /** WRMSR to the TSC sets an offset; the virtual clock itself never goes back. */
    private long tscOffset;
    private long tscAdjust;

    public PlatformMsrs(VirtualClock clock, LocalApicRegisters apic) {
        this.clock = clock;
        this.apic = apic;
    }

    long tsc() { return clock.tsc() + tscOffset; }

    @Override
    public boolean handles(int msr) {
        return msr == Msrs.IA32_TSC || msr == Msrs.IA32_TSC_ADJUST || msr == Msrs.IA32_APIC_BASE
                || msr == Msrs.IA32_TSC_DEADLINE;
    }

    @Override
    public long read(int msr) {
        switch (msr) {
            case Msrs.IA32_TSC: return tsc();
            case Msrs.IA32_TSC_ADJUST: return tscAdjust;
            case Msrs.IA32_APIC_BASE: return apic.apicBase();
            default: return apic.tscDeadline();
        }
    }

    @Override
    public boolean write(int msr, long value) {
        switch (msr) {
            case Msrs.IA32_TSC: {
                long delta = value - tsc();
                tscOffset += delta;
                tscAdjust += delta;
                return true;
            }
            case Msrs.IA32_TSC_ADJUST:
                tscOffset += value - tscAdjust;
                tscAdjust = value;
                return true;
            case Msrs.IA32_APIC_BASE: return apic.setApicBase(value);
            default: apic.setTscDeadline(value - tscOffset); return true;
        }
    }
}
