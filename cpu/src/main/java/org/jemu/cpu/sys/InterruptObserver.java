package org.jemu.cpu.sys;

import org.jemu.cpu.CpuState;

/**
 * Told of every event the CPU starts to deliver through the IDT (for the {@code -d int} log):
 * exceptions, external interrupts and NMIs, and the software interrupts INT n, INT3 and INTO. It runs
 * before the delivery, so {@code cpu} still holds the interrupted state (CPL, CS:RIP, SS:RSP, and
 * CR2 already set for a #PF). An event that faults during delivery is followed by a call for the
 * event it turned into (#DF, or the fault itself). Set it in {@link CpuState#interruptObserver};
 * with none set, delivery costs one null check more.
 */
@FunctionalInterface
public interface InterruptObserver {
    /** @param errorCode the pushed error code, or -1 when the event has none */
    void delivering(CpuState cpu, int vector, int errorCode, Interrupts.Kind kind);
}
