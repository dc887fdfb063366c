package org.jemu.cpu.sys;

/**
 * MSRs that belong to devices or the clock (IA32_TIME_STAMP_COUNTER, IA32_APIC_BASE,
 * IA32_TSC_DEADLINE): the machine registers one handler for them.
 */
public interface MsrHandler {
    /** Whether this handler owns {@code msr}. */
    boolean handles(int msr);

    long read(int msr);

    /** Returns false to make the write raise #GP (a value the device rejects). */
    boolean write(int msr, long value);
}
