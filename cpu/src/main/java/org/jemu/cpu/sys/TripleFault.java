package org.jemu.cpu.sys;

/** A fault while delivering a double fault: the processor shuts down, and the machine resets (SDM Vol. 3A §6.15, #DF). */
public final class TripleFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TripleFault(String why) {
        super(why, null, false, false);
    }
}
