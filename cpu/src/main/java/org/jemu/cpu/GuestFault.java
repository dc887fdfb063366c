package org.jemu.cpu;

/**
 * A guest exception (#UD, #GP, #PF, ...) raised while executing an instruction. Thrown through the
 * interpreter to the run loop, which delivers it to the guest (system mode) or reports it (user mode).
 * No stack trace is ever filled in: guest faults are control flow, not errors of jemu.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int DE = 0, DB = 1, NMI = 2, BP = 3, OF = 4, BR = 5, UD = 6, NM = 7, DF = 8,
            TS = 10, NP = 11, SS = 12, GP = 13, PF = 14, MF = 16, AC = 17, MC = 18, XM = 19;

    /** Page-fault error code bits (Intel SDM Vol. 3A §4.7). */
    public static final int PF_P = 1, PF_W = 2, PF_U = 4, PF_RSVD = 8, PF_I = 16;

    public final int vector;
    /** The error code pushed by the exception, or -1 when the vector pushes none. */
    public final int errorCode;
    /** For #PF: the faulting linear address (goes to CR2); for {@link #nonCanonical} and {@link #misaligned}: the address. */
    public final long address;

    public GuestFault(int vector, int errorCode, long address) {
        super(null, null, false, false);
        this.vector = vector;
        this.errorCode = errorCode;
        this.address = address;
    }

    public static GuestFault ud() { return new GuestFault(UD, -1, 0); }
    public static GuestFault gp(int code) { return new GuestFault(GP, code, 0); }
    public static GuestFault de() { return new GuestFault(DE, -1, 0); }
    public static GuestFault pf(long address, int code) { return new GuestFault(PF, code, address); }

    /**
     * #GP(0) for a non-canonical linear address, which carries the address so the instruction can
     * turn it into #SS(0) when the reference uses the stack segment (SDM Vol. 3A §6.15, Interrupt 12).
     */
    public static GuestFault nonCanonical(long linear) { return new GuestFault(GP, 0, linear); }

    /**
     * #GP(0) for a misaligned FXSAVE/FXRSTOR image, with the address: the host checks a
     * non-canonical stack reference first and raises #SS(0) instead. (For legacy-SSE operands the
     * host checks alignment first, so those raise plain {@link #gp}.)
     */
    public static GuestFault misaligned(long address) { return new GuestFault(GP, 0, address); }

    @Override
    public String getMessage() {
        String name = switch (vector) {
            case DE -> "#DE"; case DB -> "#DB"; case BP -> "#BP"; case OF -> "#OF"; case BR -> "#BR";
            case UD -> "#UD"; case NM -> "#NM"; case DF -> "#DF"; case TS -> "#TS"; case NP -> "#NP";
            case SS -> "#SS"; case GP -> "#GP"; case PF -> "#PF"; case MF -> "#MF"; case AC -> "#AC";
            case MC -> "#MC"; case XM -> "#XM"; default -> "vector " + vector;
        };
        if (vector == PF) return name + " at 0x" + Long.toHexString(address) + " error " + errorCode;
        return errorCode >= 0 ? name + "(" + errorCode + ")" : name;
    }
}
