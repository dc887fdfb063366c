package org.jemu.cpu.io;

/**
 * One interrupt request wire, driven by a device and sensed by an interrupt controller. The value
 * is the logical "asserted" state (ISA IRQs are active high; polarity inversion, if any, is the
 * receiver's business). Edge-sensitive receivers act on false-to-true transitions, so a device that
 * wants to signal an edge while its output is already high drives false then true, as the 8254's
 * rate generator output does.
 */
@FunctionalInterface
public interface InterruptLine {
    void set(boolean asserted);

    default void raise() { set(true); }

    default void lower() { set(false); }

    /** A wire connected to nothing. */
    InterruptLine NONE = asserted -> { };
}
