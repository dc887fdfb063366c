package org.jemu.devices;

import org.jemu.cpu.io.InterruptController;
import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;

/**
 * The two cascaded 8259A programmable interrupt controllers of the PC (master at 0x20/0x21, slave
 * at 0xA0/0xA1 on master IR2) and the edge/level control registers at 0x4D0/0x4D1 (PIIX/ICH ELCR).
 * Facts from the Intel 8259A datasheet (order no. 231468): "Initialization Command Words",
 * "Operation Command Words", "Interrupt Sequence", "Edge and Level Triggered Modes".
 *
 * <p>The master's INT output drives {@code intr} (the CPU's INTR via the local APIC's LINT0 and I/O
 * APIC pin 0). {@link #acknowledge()} performs the two INTA pulses and returns the vector.
 */
public final class DualPic8259 implements PortIoHandler, InterruptController {
    public static final int MASTER_CMD = 0x20, MASTER_DATA = 0x21, SLAVE_CMD = 0xa0, SLAVE_DATA = 0xa1;
    public static final int ELCR1 = 0x4d0, ELCR2 = 0x4d1;
    static final int CASCADE_IR = 2;

    /** One 8259A. */
    static final class Chip {
        final boolean isMaster;
        int irr, isr, imr;
        /** Current level of each IR input. */
        int lines;
        /** Edge/level control (1 = level) from the ELCR; {@code ltim} sets all levels. */
        int elcr;
        final int elcrMask;
        boolean ltim;
        int vectorBase;
        /** ICW3: slave inputs (master) or slave ID (slave). */
        int icw3;
        boolean autoEoi, rotateInAutoEoi, sfnm, specialMask, single, icw4Needed;
        /** 0 = operational; 2, 3, 4 = waiting for that ICW. */
        int initStep;
        /** OCW3 RR/RIS: read ISR instead of IRR on the command port. */
        boolean readIsr;
        boolean pollPending;
        /** IR with the lowest priority; IR (lowest+1)&7 has the highest. Reset: IR7 lowest. */
        int lowest = 7;

        Chip(boolean isMaster, int elcrMask) {
            this.isMaster = isMaster;
            this.elcrMask = elcrMask;
        }

        boolean levelTriggered(int irq) {
            return ltim || (elcr & (1 << irq)) != 0;
        }

        /** Drives IR input {@code irq}. */
        void setInput(int irq, boolean level) {
            int m = 1 << irq;
            boolean was = (lines & m) != 0;
            if (level) lines |= m;
            else lines &= ~m;
            if (levelTriggered(irq) || (isMaster && irq == CASCADE_IR && icw3 != 0 && !single)) {
                // Level mode: the request follows the input. (The cascade input is treated as a level.)
                if (level) irr |= m;
                else irr &= ~m;
            } else if (level && !was) {
                irr |= m;
            } else if (!level) {
                // Edge mode: the request latch needs the input to stay high until INTA (datasheet,
                // "Edge and Level Triggered Modes"); a request that drops before then is withdrawn.
                irr &= ~m;
            }
        }

        /** Priority rank 0 (highest) .. 7 (lowest) of IR {@code irq}. */
        int rank(int irq) {
            return (irq - lowest - 1) & 7;
        }

        /** The highest-priority IR set in {@code bits}, or -1. */
        int highest(int bits) {
            if (bits == 0) return -1;
            for (int i = 0; i < 8; i++) {
                int irq = (lowest + 1 + i) & 7;
                if ((bits & (1 << irq)) != 0) return irq;
            }
            return -1;
        }

        /** The IR that would be granted on INTA now, or -1 (the INT output is high iff != -1). */
        int pending() {
            int req = irr & ~imr;
            if (req == 0) return -1;
            // Special mask mode: any unmasked request not in service is granted, whatever is in service.
            if (specialMask) return highest(req & ~isr);
            int irq = highest(req);
            int inService = isr;
            if (isMaster && sfnm) inService &= ~icw3; // SFNM: a slave in service does not block its own higher requests
            int cur = highest(inService);
            if (cur >= 0 && rank(cur) <= rank(irq)) return -1;
            return irq;
        }

        /** INTA for IR {@code irq}: in-service set (unless AEOI), edge request consumed. */
        void ack(int irq) {
            int m = 1 << irq;
            if (!levelTriggered(irq) && !(isMaster && irq == CASCADE_IR && icw3 != 0 && !single)) irr &= ~m;
            if (autoEoi) {
                if (rotateInAutoEoi) lowest = irq;
            } else {
                isr |= m;
            }
        }

        void writeCommand(int v) {
            if ((v & 0x10) != 0) { // ICW1
                icw4Needed = (v & 0x01) != 0;
                single = (v & 0x02) != 0;
                ltim = (v & 0x08) != 0;
                // ICW1 side effects (datasheet): edge sense reset, IMR cleared, IR7 lowest priority,
                // slave ID 7, special mask mode cleared, status read set to IRR.
                imr = 0;
                isr = 0;
                irr = levelMask() & lines;
                lowest = 7;
                specialMask = false;
                readIsr = false;
                pollPending = false;
                if (!icw4Needed) {
                    autoEoi = false;
                    sfnm = false;
                }
                rotateInAutoEoi = false;
                initStep = 2;
            } else if ((v & 0x08) != 0) { // OCW3
                if ((v & 0x04) != 0) pollPending = true;
                if ((v & 0x02) != 0) readIsr = (v & 0x01) != 0;
                if ((v & 0x40) != 0) specialMask = (v & 0x20) != 0;
            } else { // OCW2: R SL EOI L2 L1 L0
                int op = v >>> 5, level = v & 7;
                switch (op) {
                    case 1 -> nonSpecificEoi(false);   // non-specific EOI
                    case 3 -> isr &= ~(1 << level);    // specific EOI
                    case 5 -> nonSpecificEoi(true);    // rotate on non-specific EOI
                    case 4 -> rotateInAutoEoi = true;  // set rotate in AEOI
                    case 0 -> rotateInAutoEoi = false; // clear rotate in AEOI
                    case 7 -> { isr &= ~(1 << level); lowest = level; } // rotate on specific EOI
                    case 6 -> lowest = level;          // set priority
                    default -> { }                     // 2: no operation
                }
            }
        }

        private int levelMask() {
            return ltim ? 0xff : elcr;
        }

        private void nonSpecificEoi(boolean rotate) {
            int inService = specialMask ? isr & ~imr : isr;
            int irq = highest(inService);
            if (irq < 0) return;
            isr &= ~(1 << irq);
            if (rotate) lowest = irq;
        }

        void writeData(int v) {
            switch (initStep) {
                case 2 -> {
                    vectorBase = v & 0xf8;
                    initStep = single ? (icw4Needed ? 4 : 0) : 3;
                }
                case 3 -> {
                    icw3 = v;
                    initStep = icw4Needed ? 4 : 0;
                }
                case 4 -> {
                    autoEoi = (v & 0x02) != 0;
                    sfnm = (v & 0x10) != 0;
                    initStep = 0;
                }
                default -> imr = v; // OCW1
            }
        }

        /** Poll command (OCW3 P=1): the next command-port read returns I W2 W1 W0 and acts as INTA. */
        int poll() {
            pollPending = false;
            int irq = pending();
            if (irq < 0) return 0;
            ack(irq);
            return 0x80 | irq;
        }
    }

    final Chip master = new Chip(true, 0xf8);
    final Chip slave = new Chip(false, 0xde);
    private final InterruptLine intr;
    private boolean intrLevel;
    /** Interrupts delivered per ISA IRQ (INTA cycles that put it in service), for the monitor's {@code info irq}. */
    private final long[] delivered = new long[16];

    /** @param intr the master's INT output (to LAPIC LINT0 and I/O APIC pin 0, or directly to the CPU). */
    public DualPic8259(InterruptLine intr) {
        this.intr = intr;
        // Power-up as a BIOS leaves the pair for an OS: vectors 0x08/0x70, cascade on IR2, 8086
        // mode, every IRQ masked (the datasheet leaves the state undefined until ICW1).
        master.vectorBase = 0x08;
        master.icw3 = 1 << CASCADE_IR;
        slave.vectorBase = 0x70;
        slave.icw3 = CASCADE_IR;
        master.imr = 0xff;
        slave.imr = 0xff;
    }

    @Override
    public String portName(int port) { return port >= ELCR1 ? "elcr" : "pic"; }

    public void attach(PortBus bus) {
        bus.register(MASTER_CMD, 2, this);
        bus.register(SLAVE_CMD, 2, this);
        bus.register(ELCR1, 2, this);
    }

    /** Drives ISA IRQ {@code irq} (0..15). IRQ 2 is the cascade and has no ISA line of its own. */
    public void setIrq(int irq, boolean level) {
        if (irq < 8) master.setInput(irq, level);
        else slave.setInput(irq - 8, level);
        update();
    }

    /** An {@link InterruptLine} for ISA IRQ {@code irq}. */
    public InterruptLine line(int irq) {
        return level -> setIrq(irq, level);
    }

    /** The level of the master's INT output. */
    public boolean intr() { return intrLevel; }

    private void update() {
        boolean slaveInt = slave.pending() >= 0;
        master.setInput(CASCADE_IR, slaveInt);
        boolean level = master.pending() >= 0;
        if (level != intrLevel) {
            intrLevel = level;
            intr.set(level);
        }
    }

    @Override
    public int acknowledge() {
        int irq = master.pending();
        int vector;
        if (irq < 0) {
            vector = master.vectorBase | 7; // spurious IRQ 7: ISR not set
        } else {
            master.ack(irq);
            if (irq == CASCADE_IR && (master.icw3 & (1 << CASCADE_IR)) != 0 && !master.single) {
                int sirq = slave.pending();
                if (sirq < 0) {
                    vector = slave.vectorBase | 7; // spurious IRQ 15; master IR2 stays in service
                } else {
                    slave.ack(sirq);
                    vector = slave.vectorBase | sirq;
                    delivered[8 + sirq]++;
                }
            } else {
                vector = master.vectorBase | irq;
                delivered[irq]++;
            }
        }
        update();
        return vector;
    }

    @Override
    public int read(int port, int size) {
        int v = switch (port) {
            case MASTER_CMD -> readCommand(master);
            case MASTER_DATA -> master.imr;
            case SLAVE_CMD -> readCommand(slave);
            case SLAVE_DATA -> slave.imr;
            case ELCR1 -> master.elcr;
            case ELCR2 -> slave.elcr;
            default -> 0xff;
        };
        return v & 0xff;
    }

    private int readCommand(Chip c) {
        if (c.pollPending) {
            int v = c.poll();
            update();
            return v;
        }
        return c.readIsr ? c.isr : c.irr;
    }

    @Override
    public void write(int port, int size, int value) {
        value &= 0xff;
        switch (port) {
            case MASTER_CMD -> master.writeCommand(value);
            case MASTER_DATA -> master.writeData(value);
            case SLAVE_CMD -> slave.writeCommand(value);
            case SLAVE_DATA -> slave.writeData(value);
            case ELCR1 -> setElcr(master, value);
            case ELCR2 -> setElcr(slave, value);
            default -> { }
        }
        update();
    }

    private static void setElcr(Chip c, int value) {
        c.elcr = value & c.elcrMask;
        // Level-triggered inputs: the request follows the current input level.
        c.irr = (c.irr & ~c.elcr) | (c.lines & c.elcr);
    }

    // ---- state for tests and the monitor ----------------------------------------------------

    /** How many times ISA IRQ {@code irq} (0..15) has been acknowledged, i.e. delivered to the CPU. */
    public long delivered(int irq) { return delivered[irq]; }

    public int irr(boolean slaveChip) { return (slaveChip ? slave : master).irr; }

    public int isr(boolean slaveChip) { return (slaveChip ? slave : master).isr; }

    public int imr(boolean slaveChip) { return (slaveChip ? slave : master).imr; }

    public int vectorBase(boolean slaveChip) { return (slaveChip ? slave : master).vectorBase; }
}
