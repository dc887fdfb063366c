package org.jemu.devices;

import org.jemu.cpu.mem.MmioHandler;

/**
 * The I/O APIC at 0xFEC00000: 24 redirection entries, edge and level inputs, remote IRR, masking,
 * and the version-0x20 EOI register. Facts from the Intel 82093AA I/O APIC datasheet §3 "Register
 * Description" (IOREGSEL at offset 0x00, IOWIN at 0x10; IOAPICID 0x00, IOAPICVER 0x01, IOAPICARB
 * 0x02, IOREDTBL 0x10-0x3F), §3.2.4 redirection entry fields, and the ICH datasheets' EOI register
 * (offset 0x40) of later I/O APICs.
 *
 * <p>Inputs carry the asserted state (polarity is recorded but not applied; see
 * {@link org.jemu.cpu.io.InterruptLine}). Messages go to the single local APIC; a destination that
 * does not match it is dropped.
 */
public final class IoApic implements MmioHandler {
    public static final long BASE = 0xfec00000L;
    public static final int PINS = 24;
    /** IOAPICVER: version 0x20, maximum redirection entry 23. */
    static final int VERSION = 0x20 | ((PINS - 1) << 16);
    static final long RTE_VECTOR = 0xff, RTE_DELIVERY = 0x700, RTE_DESTMODE = 0x800, RTE_STATUS = 0x1000,
            RTE_POLARITY = 0x2000, RTE_REMOTE_IRR = 0x4000, RTE_LEVEL = 0x8000, RTE_MASK = 0x10000;
    private static final long RTE_WRITABLE_LOW = RTE_VECTOR | RTE_DELIVERY | RTE_DESTMODE | RTE_POLARITY | RTE_LEVEL | RTE_MASK;

    private final LocalApic lapic;
    private int ioregsel;
    private int id;
    private final long[] rte = new long[PINS];
    private int levels;
    /** Messages sent per input pin, for the monitor's {@code info irq}. */
    private final long[] delivered = new long[PINS];

    public IoApic(LocalApic lapic) {
        this.lapic = lapic;
        for (int i = 0; i < PINS; i++) rte[i] = RTE_MASK;
        lapic.setEoiListener(this::eoi);
    }

    /** Drives input pin {@code pin} (asserted = true). */
    public void setPin(int pin, boolean asserted) {
        int m = 1 << pin;
        boolean was = (levels & m) != 0;
        if (asserted) levels |= m;
        else levels &= ~m;
        long e = rte[pin];
        if ((e & RTE_LEVEL) != 0) {
            if (asserted) tryDeliver(pin);
        } else if (asserted && !was && (e & RTE_MASK) == 0) {
            send(pin, e, false);
        }
    }

    private void tryDeliver(int pin) {
        long e = rte[pin];
        if ((levels & (1 << pin)) == 0 || (e & RTE_MASK) != 0 || (e & RTE_REMOTE_IRR) != 0) return;
        // Level: remote IRR is set when the local APIC accepts it, cleared by the EOI for its vector.
        if (send(pin, e, true)) rte[pin] = e | RTE_REMOTE_IRR;
    }

    private boolean send(int pin, long e, boolean level) {
        int dest = (int) (e >>> 56);
        boolean logical = (e & RTE_DESTMODE) != 0;
        if (!lapic.matchesDestination(logical, dest)) return false;
        lapic.deliver((int) (e & RTE_VECTOR), (int) ((e & RTE_DELIVERY) >>> 8), level);
        delivered[pin]++;
        return true;
    }

    /** How many interrupt messages input pin {@code pin} has sent to the local APIC. */
    public long delivered(int pin) { return delivered[pin]; }

    /** Local APIC EOI broadcast for a level-triggered vector. */
    public void eoi(int vector) {
        for (int pin = 0; pin < PINS; pin++) {
            long e = rte[pin];
            if ((e & RTE_VECTOR) == vector && (e & RTE_REMOTE_IRR) != 0) {
                rte[pin] = e & ~RTE_REMOTE_IRR;
                tryDeliver(pin);
            }
        }
    }

    /** Raw redirection entry (tests, monitor). */
    public long redirection(int pin) { return rte[pin]; }

    @Override
    public long read(long offset, int size) {
        long v;
        if (offset == 0x00) v = ioregsel;
        else if (offset == 0x10) v = readRegister(ioregsel);
        else v = 0;
        return size == 8 ? v : v & ((1L << (8 * size)) - 1);
    }

    @Override
    public void write(long offset, int size, long value) {
        int v = (int) value;
        if (offset == 0x00) ioregsel = v & 0xff;
        else if (offset == 0x10) writeRegister(ioregsel, v);
        else if (offset == 0x40) eoi(v & 0xff);
    }

    private int readRegister(int r) {
        if (r == 0x00) return id << 24;
        if (r == 0x01) return VERSION;
        if (r == 0x02) return id << 24;
        if (r >= 0x10 && r < 0x10 + 2 * PINS) {
            long e = rte[(r - 0x10) >> 1];
            return (r & 1) == 0 ? (int) e : (int) (e >>> 32);
        }
        return 0;
    }

    private void writeRegister(int r, int v) {
        if (r == 0x00) {
            id = (v >>> 24) & 0x0f;
            return;
        }
        if (r < 0x10 || r >= 0x10 + 2 * PINS) return;
        int pin = (r - 0x10) >> 1;
        long e = rte[pin];
        if ((r & 1) == 0) {
            e = (e & ~RTE_WRITABLE_LOW) | (v & 0xffffffffL & RTE_WRITABLE_LOW);
            if ((e & RTE_LEVEL) == 0) e &= ~RTE_REMOTE_IRR; // remote IRR is undefined for edge; keep it clear
        } else {
            e = (e & 0x00ffffffffffffffL) | ((long) (v >>> 24) << 56);
        }
        rte[pin] = e;
        if ((e & RTE_LEVEL) != 0) tryDeliver(pin); // an unmasked, still-asserted level input fires
    }
}
