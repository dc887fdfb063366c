package org.jemu.cpu.interp;

import org.jemu.cpu.io.LocalApicRegisters;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.sys.Msrs;
import org.jemu.cpu.time.VirtualClock;

/**
 * What the CPU reaches in system mode besides memory: the port bus for IN/OUT, the MSRs, the virtual
 * clock for RDTSC, and the local APIC for CR8. An interpreter without one runs user-mode programs
 * only (system instructions fault as they would at CPL 3, SYSCALL goes to a syscall handler).
 */
public final class SystemPlatform {
    public final PortBus ports;
    public final Msrs msrs;
    public final VirtualClock clock;
    public final LocalApicRegisters apic;

    public SystemPlatform(PortBus ports, Msrs msrs, VirtualClock clock, LocalApicRegisters apic) {
        this.ports = ports;
        this.msrs = msrs;
        this.clock = clock;
        this.apic = apic;
    }
}
