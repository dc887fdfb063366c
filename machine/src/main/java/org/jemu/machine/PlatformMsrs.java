package org.jemu.machine;

import org.jemu.cpu.io.LocalApicRegisters;
import org.jemu.cpu.sys.MsrHandler;
import org.jemu.cpu.sys.Msrs;
import org.jemu.cpu.time.VirtualClock;

/** The MSRs that belong to the clock and the local APIC: the TSC, IA32_APIC_BASE and IA32_TSC_DEADLINE. */
public final class PlatformMsrs implements MsrHandler {
    private final VirtualClock clock;
    private final LocalApicRegisters apic;
    /** WRMSR to the TSC sets an offset; the virtual clock itself never goes back. */
    private long tscOffset;

    public PlatformMsrs(VirtualClock clock, LocalApicRegisters apic) {
        this.clock = clock;
        this.apic = apic;
    }

    long tsc() { return clock.tsc() + tscOffset; }

    @Override
    public boolean handles(int msr) {
        return msr == Msrs.IA32_TSC || msr == Msrs.IA32_APIC_BASE || msr == Msrs.IA32_TSC_DEADLINE;
    }

    @Override
    public long read(int msr) {
        switch (msr) {
            case Msrs.IA32_TSC: return tsc();
            case Msrs.IA32_APIC_BASE: return apic.apicBase();
            default: return apic.tscDeadline();
        }
    }

    @Override
    public boolean write(int msr, long value) {
        switch (msr) {
            case Msrs.IA32_TSC: tscOffset = value - clock.tsc(); return true;
            case Msrs.IA32_APIC_BASE: return apic.setApicBase(value);
            default: apic.setTscDeadline(value - tscOffset); return true;
        }
    }
}
