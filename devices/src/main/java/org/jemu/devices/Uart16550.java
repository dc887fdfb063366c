package org.jemu.devices;

import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.time.Timer;
import org.jemu.cpu.time.VirtualClock;

/**
 * A National Semiconductor PC16550D-compatible UART ("16550A"), as Linux's 8250 driver identifies it.
 * Facts from the PC16550D datasheet: §8 "Registers" (Table II register summary, 8.4 LCR, 8.5 LSR,
 * 8.6 FCR, 8.7 IIR with Table IV interrupt priorities, 8.8 IER, 8.9 MCR, 8.10 MSR, 8.11 SCR) and
 * §8.12 "FIFO Interrupt Mode Operation" (trigger levels, character timeout).
 *
 * <p>Transmission is instantaneous: a byte written to THR goes to the {@link SerialSink} at once, so
 * THRE and TEMT always read 1 and the THRE interrupt re-asserts right after each THR write (with a
 * falling then rising edge on the IRQ line, as a draining FIFO would give). Reception is paced by
 * the guest: host bytes move from the thread-safe input queue into the 16-byte receive FIFO as room
 * appears, so host input is never overrun. In loopback mode (MCR bit 4) transmitted bytes enter the
 * receiver instead and can overrun it, as Linux's FIFO-size probe expects.
 *
 * <p>The IRQ output is gated by MCR OUT2, as on PC serial boards.
 */
public final class Uart16550 implements PortIoHandler {
    public static final int COM1 = 0x3f8, COM2 = 0x2f8, COM3 = 0x3e8, COM4 = 0x2e8;
    /** Divisor-1 input clock / 16: the baud rate for divisor 1. */
    public static final int BASE_BAUD = 115200;

    // register offsets (Table II)
    static final int RBR_THR_DLL = 0, IER_DLM = 1, IIR_FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7;
    // LSR bits (§8.5)
    static final int LSR_DR = 0x01, LSR_OE = 0x02, LSR_PE = 0x04, LSR_FE = 0x08, LSR_BI = 0x10,
            LSR_THRE = 0x20, LSR_TEMT = 0x40, LSR_FIFO_ERR = 0x80;
    // IER bits (§8.8)
    static final int IER_ERBFI = 0x01, IER_ETBEI = 0x02, IER_ELSI = 0x04, IER_EDSSI = 0x08;
    // IIR values (Table IV)
    static final int IIR_NONE = 0x01, IIR_RLS = 0x06, IIR_RDA = 0x04, IIR_CTI = 0x0c, IIR_THRE = 0x02, IIR_MS = 0x00;
    // MCR bits (§8.9)
    static final int MCR_DTR = 0x01, MCR_RTS = 0x02, MCR_OUT1 = 0x04, MCR_OUT2 = 0x08, MCR_LOOP = 0x10;
    /** Host-queue marker for a break condition. */
    static final int BREAK = 0x100;

    private static final int FIFO_SIZE = 16;
    private static final int[] TRIGGER = { 1, 4, 8, 14 };

    private final int base;
    private final VirtualClock clock;
    private final InterruptLine irq;
    private final HostInputQueue input;
    private SerialSink sink = SerialSink.NONE;
    private final Timer timeoutTimer;

    private int ier, lcr, mcr, scr, dll = 12, dlm;
    private boolean fifoEnabled;
    private int rxTrigger = 1;
    /** Receive FIFO entries: data in bits 7:0, LSR error bits (PE/FE/BI) in bits 10:8 shifted. */
    private final int[] rx = new int[FIFO_SIZE];
    private int rxHead, rxCount;
    /** LSR OE/PE/FE/BI as latched for the CPU (cleared by reading LSR). */
    private int lsrErrors;
    private boolean thrInterrupt, timeoutInterrupt;
    /** MSR: bits 7:4 state, bits 3:0 deltas. */
    private int msr;
    private boolean irqLevel;

    /** @param signals used to wake the CPU when host input arrives (may be null in tests) */
    public Uart16550(int base, VirtualClock clock, InterruptLine irq, CpuSignals signals) {
        this.base = base;
        this.clock = clock;
        this.irq = irq;
        this.input = new HostInputQueue(signals);
        this.timeoutTimer = clock.newTimer(this::characterTimeout);
        msr = modemInputs();
        if (signals != null) signals.addHostPoller(this::pollHost);
    }

    @Override
    public String portName(int port) { return "serial"; }

    public void attach(PortBus bus) {
        bus.register(base, 8, this);
    }

    public void setSink(SerialSink sink) {
        this.sink = sink == null ? SerialSink.NONE : sink;
    }

    public SerialSink sink() { return sink; }

    // ---- host side (any thread) ------------------------------------------------------------

    /** Queues bytes typed on the host terminal. Any thread. */
    public void hostInput(byte[] bytes) { input.offer(bytes); }

    public void hostInput(int b) { input.offer(b & 0xff); }

    /** Queues a break condition (the line held low: SysRq on Linux's serial console). Any thread. */
    public void hostBreak() { input.offer(BREAK); }

    /** CPU thread: moves queued host input into the receive FIFO as far as it has room. */
    public void pollHost() {
        if ((mcr & MCR_LOOP) != 0) return; // the receiver is disconnected from SIN in loopback
        boolean moved = false;
        while (rxCount < capacity() && input.peek() >= 0) {
            int v = input.poll();
            receive(v == BREAK ? (LSR_BI << 8) : v);
            moved = true;
        }
        if (moved) update();
    }

    // ---- receiver ----------------------------------------------------------------------------

    private int capacity() { return fifoEnabled ? FIFO_SIZE : 1; }

    /** A character arrives from the shift register (datasheet: overrun if the FIFO is full). */
    private void receive(int entry) {
        if (rxCount == capacity()) {
            if (fifoEnabled) {
                lsrErrors |= LSR_OE; // the shift-register character is lost; the FIFO is untouched
            } else {
                rx[rxHead] = entry; // non-FIFO: RBR is overwritten
                lsrErrors |= LSR_OE | ((entry >>> 8) & 0x1c);
            }
            return;
        }
        rx[(rxHead + rxCount) % FIFO_SIZE] = entry;
        rxCount++;
        if (rxCount == 1) lsrErrors |= (entry >>> 8) & 0x1c; // errors show when the char reaches the top
        timeoutInterrupt = false;
        armTimeout();
    }

    private int readRbr() {
        if (rxCount == 0) return 0;
        int v = rx[rxHead];
        rxHead = (rxHead + 1) % FIFO_SIZE;
        rxCount--;
        if (rxCount > 0) lsrErrors |= (rx[rxHead] >>> 8) & 0x1c;
        timeoutInterrupt = false;
        pollHost();
        armTimeout();
        return v & 0xff;
    }

    /** Character time for the current divisor, ~10 bits per character. */
    private long charTimeNs() {
        long divisor = ((dlm << 8) | dll);
        if (divisor == 0) divisor = 1;
        return 10 * divisor * VirtualClock.NS_PER_S / BASE_BAUD;
    }

    private void armTimeout() {
        // §8.12: a timeout interrupt occurs when the FIFO holds a character and nothing was received
        // or read for 4 character times.
        if (fifoEnabled && rxCount > 0) timeoutTimer.arm(clock.nowNs() + 4 * charTimeNs());
        else timeoutTimer.cancel();
    }

    private void characterTimeout(long deadline) {
        if (fifoEnabled && rxCount > 0) {
            timeoutInterrupt = true;
            update();
        }
    }

    // ---- transmitter ---------------------------------------------------------------------------

    private void writeThr(int v) {
        thrInterrupt = false; // writing THR clears the THRE interrupt
        update();
        if ((mcr & MCR_LOOP) != 0) {
            receive(v); // loopback: TSR output goes to RSR
        } else {
            sink.write(v);
        }
        if ((ier & IER_ETBEI) != 0) thrInterrupt = true; // THR empty again at once
        update();
    }

    // ---- modem lines ---------------------------------------------------------------------------

    /** MSR bits 7:4 from the modem inputs: in loopback, DCD=OUT2, RI=OUT1, DSR=DTR, CTS=RTS (§8.9). */
    private int modemInputs() {
        if ((mcr & MCR_LOOP) != 0) {
            return ((mcr & MCR_OUT2) != 0 ? 0x80 : 0) | ((mcr & MCR_OUT1) != 0 ? 0x40 : 0)
                    | ((mcr & MCR_DTR) != 0 ? 0x20 : 0) | ((mcr & MCR_RTS) != 0 ? 0x10 : 0);
        }
        return 0xb0; // a connected terminal: DCD, DSR, CTS asserted; RI not
    }

    private void updateModemStatus() {
        int now = modemInputs(), old = msr & 0xf0;
        int changed = now ^ old;
        int delta = 0;
        if ((changed & 0x10) != 0) delta |= 0x01; // DCTS
        if ((changed & 0x20) != 0) delta |= 0x02; // DDSR
        if ((old & 0x40) != 0 && (now & 0x40) == 0) delta |= 0x04; // TERI: RI trailing edge
        if ((changed & 0x80) != 0) delta |= 0x08; // DDCD
        msr = now | (msr & 0x0f) | delta;
    }

    // ---- interrupts (Table IV) -------------------------------------------------------------

    private int lsr() {
        int v = lsrErrors | LSR_THRE | LSR_TEMT;
        if (rxCount > 0) v |= LSR_DR;
        if (fifoEnabled) {
            for (int i = 0; i < rxCount; i++)
                if ((rx[(rxHead + i) % FIFO_SIZE] & 0x1c00) != 0) { v |= LSR_FIFO_ERR; break; }
        }
        return v;
    }

    int iir() {
        int id;
        if ((ier & IER_ELSI) != 0 && (lsrErrors & 0x1e) != 0) id = IIR_RLS;
        else if ((ier & IER_ERBFI) != 0 && rxCount > 0 && (!fifoEnabled || rxCount >= rxTrigger)) id = IIR_RDA;
        else if ((ier & IER_ERBFI) != 0 && timeoutInterrupt) id = IIR_CTI;
        else if ((ier & IER_ETBEI) != 0 && thrInterrupt) id = IIR_THRE;
        else if ((ier & IER_EDSSI) != 0 && (msr & 0x0f) != 0) id = IIR_MS;
        else id = IIR_NONE;
        return id | (fifoEnabled ? 0xc0 : 0);
    }

    private void update() {
        boolean level = (iir() & IIR_NONE) == 0 && (mcr & MCR_OUT2) != 0;
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
    }

    // ---- port I/O ----------------------------------------------------------------------------

    @Override
    public int read(int port, int size) {
        boolean dlab = (lcr & 0x80) != 0;
        int v;
        switch (port - base) {
            case RBR_THR_DLL -> v = dlab ? dll : readRbr();
            case IER_DLM -> v = dlab ? dlm : ier;
            case IIR_FCR -> {
                v = iir();
                if ((v & 0x0f) == IIR_THRE) thrInterrupt = false; // reading IIR clears a THRE interrupt it reports
            }
            case LCR -> v = lcr;
            case MCR -> v = mcr;
            case LSR -> {
                v = lsr();
                lsrErrors = 0; // OE, PE, FE, BI reset on read
            }
            case MSR -> {
                v = msr;
                msr &= 0xf0;
            }
            case SCR -> v = scr;
            default -> v = 0xff;
        }
        update();
        return v & 0xff;
    }

    @Override
    public void write(int port, int size, int value) {
        value &= 0xff;
        boolean dlab = (lcr & 0x80) != 0;
        switch (port - base) {
            case RBR_THR_DLL -> {
                if (dlab) dll = value;
                else writeThr(value);
            }
            case IER_DLM -> {
                if (dlab) {
                    dlm = value;
                } else {
                    int old = ier;
                    ier = value & 0x0f;
                    // Enabling ETBEI with THR empty raises the THRE interrupt (Linux's TXEN/THRE tests).
                    if ((ier & IER_ETBEI) != 0 && (old & IER_ETBEI) == 0) thrInterrupt = true;
                }
            }
            case IIR_FCR -> writeFcr(value);
            case LCR -> lcr = value;
            case MCR -> {
                boolean wasLoop = (mcr & MCR_LOOP) != 0;
                mcr = value & 0x1f;
                updateModemStatus();
                if (wasLoop && (mcr & MCR_LOOP) == 0) pollHost();
            }
            case LSR, MSR -> { } // factory test registers; writes ignored
            case SCR -> scr = value;
            default -> { }
        }
        update();
    }

    private void writeFcr(int v) {
        // §8.6: FCR0 enables the FIFOs; changing it clears both. Other bits are only written with FCR0=1.
        boolean enable = (v & 0x01) != 0;
        if (enable != fifoEnabled) {
            rxCount = 0;
            lsrErrors &= ~LSR_OE;
            fifoEnabled = enable;
            timeoutInterrupt = false;
        }
        if (!enable) {
            armTimeout();
            return;
        }
        if ((v & 0x02) != 0) { // clear receiver FIFO
            rxCount = 0;
            timeoutInterrupt = false;
        }
        // bit 2 (clear transmitter FIFO): the transmitter is always empty here
        rxTrigger = TRIGGER[v >>> 6];
        armTimeout();
        pollHost();
    }

    // ---- inspection ----------------------------------------------------------------------------

    public int base() { return base; }

    public boolean irqAsserted() { return irqLevel; }

    public int pendingHostInput() { return input.size(); }
}
