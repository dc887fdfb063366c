package org.jemu.cpu.io;

/**
 * The local APIC state the CPU itself reaches without MMIO: the APIC MSRs and CR8. RDMSR/WRMSR
 * and MOV CR8 call these; the devices module's local APIC implements them.
 */
public interface LocalApicRegisters {
    /** IA32_APIC_BASE (MSR 0x1B). */
    long apicBase();

    /** WRMSR IA32_APIC_BASE. Returns false if the value is invalid (reserved bits, x2APIC enable): the CPU raises #GP(0). */
    boolean setApicBase(long value);

    /** IA32_TSC_DEADLINE (MSR 0x6E0); reads 0 unless the LVT timer is in TSC-deadline mode. */
    long tscDeadline();

    /** WRMSR IA32_TSC_DEADLINE: arms (nonzero, in TSC ticks) or disarms (0) the deadline; ignored in other timer modes. */
    void setTscDeadline(long tsc);

    /** MOV from CR8: TPR[7:4] (Intel SDM Vol. 3A §10.8.6.1). */
    int cr8();

    /** MOV to CR8: TPR[7:4] = value[3:0], TPR[3:0] = 0. */
    void setCr8(int value);
}
