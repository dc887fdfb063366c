package org.jemu.cpu.io;

/**
 * The CPU's interrupt-acknowledge cycle (INTA). The platform's acceptor (the local APIC, which in
 * turn asks the 8259 PIC for ExtINT vectors or when the APIC is globally disabled) implements it.
 */
public interface InterruptController {
    /**
     * Called by the CPU when it takes a maskable interrupt: {@link CpuSignals#INTR} is set, RFLAGS.IF=1
     * and no interrupt shadow is active. Returns the vector (0..255) to deliver through the IDT; the
     * controller moves it to in-service and recomputes INTR. If the request vanished in between, the
     * controller returns its spurious vector (APIC SVR vector, or PIC IR7), as hardware does.
     */
    int acknowledge();
}
