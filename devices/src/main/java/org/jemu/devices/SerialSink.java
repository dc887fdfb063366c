package org.jemu.devices;

/** Where a UART's transmitted bytes go (the terminal, a log, a test buffer). Called on the CPU thread. */
@FunctionalInterface
public interface SerialSink {
    void write(int b);

    /** Called when the guest stops transmitting for a while (e.g. the CPU halts); a buffering sink flushes. */
    default void flush() { }

    SerialSink NONE = b -> { };
}
