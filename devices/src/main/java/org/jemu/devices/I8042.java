package org.jemu.devices;

import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.devices.ps2.Key;
import org.jemu.devices.ps2.Ps2Keyboard;
import org.jemu.devices.ps2.Set2Translation;

/**
 * The i8042 keyboard controller (0x60 data, 0x64 status/command) with a keyboard attached to its
 * first port and nothing on the auxiliary (mouse) port. Facts from the IBM PC/AT Technical
 * Reference "Keyboard Controller" (status register, command byte, controller commands 0x20-0xFF,
 * output port: bit 0 system reset, bit 1 A20 gate) and the PS/2 keyboard command set (0xED, 0xEE,
 * 0xF0, 0xF2-0xF6, 0xFF).
 *
 * <p>The keyboard is a {@link Ps2Keyboard}; what it sends passes through the controller's
 * {@link Set2Translation} while command byte bit 6 (XLAT) is set, as a PC BIOS leaves it. Host key
 * presses arrive from any thread through {@link #hostKey}; {@link #hostScancodes} queues raw bytes
 * that are delivered as given, untranslated.
 *
 * <p>The AUX port: the controller implements its side (0xA7/0xA8/0xA9, 0xD3 loopback), but no
 * device answers bytes sent with 0xD4: the controller reports a timeout (status bit 6) and 0xFE, the
 * way a PS/2 port with nothing plugged in answers.
 */
public final class I8042 implements PortIoHandler {
    public static final int PORT_DATA = 0x60, PORT_STATUS = 0x64;
    static final int STS_OBF = 0x01, STS_IBF = 0x02, STS_SYS = 0x04, STS_CMD = 0x08, STS_UNLOCKED = 0x10,
            STS_AUXDATA = 0x20, STS_TIMEOUT = 0x40;
    static final int CTR_KBDINT = 0x01, CTR_AUXINT = 0x02, CTR_SYS = 0x04, CTR_KBDDIS = 0x10, CTR_AUXDIS = 0x20,
            CTR_XLAT = 0x40;
    private static final int AUX = 0x100, TIMEOUT = 0x200;
    /** Host queue entries: a raw byte, or HOST_KEY | key ordinal << 1 | down. */
    private static final int HOST_KEY = 0x10000;
    private static final Key[] KEYS = Key.values();

    private final InterruptLine irq1, irq12;
    private final Runnable resetRequest;
    private final HostInputQueue hostKeys;

    /** Controller RAM; byte 0 is the command byte. */
    private final int[] ramBytes = new int[32];
    private int status = STS_UNLOCKED;
    /** Controller output queue: byte | AUX | TIMEOUT. */
    private final int[] out = new int[32];
    private int outHead, outCount;
    /** A controller command waiting for its data byte (0 = none). */
    private int pendingCommand;
    private final Ps2Keyboard keyboard = new Ps2Keyboard(this::fromKeyboard);
    private final Set2Translation xlat = new Set2Translation();
    private int outputPort = 0x03; // bit 0: reset line deasserted, bit 1: A20 enabled
    private boolean irq1Level, irq12Level;

    public I8042(InterruptLine irq1, InterruptLine irq12, Runnable resetRequest, CpuSignals signals) {
        this.irq1 = irq1;
        this.irq12 = irq12;
        this.resetRequest = resetRequest;
        this.hostKeys = new HostInputQueue(signals);
        ramBytes[0] = CTR_KBDINT | CTR_SYS | CTR_XLAT | CTR_AUXDIS; // as a PC BIOS leaves it
        status |= STS_SYS;
        if (signals != null) signals.addHostPoller(this::pollHost);
    }

    public void attach(PortBus bus) {
        bus.register(PORT_DATA, 1, this);
        bus.register(PORT_STATUS, 1, this);
    }

    /** Queues raw keyboard bytes from the host, delivered untranslated (any thread). */
    public void hostScancodes(byte[] codes) { hostKeys.offer(codes); }

    /** A key pressed or released on the host (any thread); a repeat is another press. */
    public void hostKey(Key key, boolean down) { hostKeys.offer(HOST_KEY | key.ordinal() << 1 | (down ? 1 : 0)); }

    /** The keyboard, for its LED state and scancode set. */
    public Ps2Keyboard keyboard() { return keyboard; }

    /** CPU thread: delivers queued keys while the keyboard interface is enabled and the buffer has room. */
    public void pollHost() {
        while ((ramBytes[0] & CTR_KBDDIS) == 0 && outCount < 16 && hostKeys.peek() >= 0) {
            int v = hostKeys.poll();
            if ((v & HOST_KEY) != 0) keyboard.key(KEYS[(v & 0xffff) >> 1], (v & 1) != 0);
            else enqueue(v);
        }
        update();
    }

    /** A byte on the wire from the keyboard, translated to set 1 while XLAT is on. */
    private void fromKeyboard(int b) {
        if (translated()) {
            b = xlat.next(b);
            if (b < 0) return;
        }
        enqueue(b);
    }

    public boolean a20() { return (outputPort & 0x02) != 0; }

    public int commandByte() { return ramBytes[0]; }

    private void enqueue(int v) {
        if (outCount == out.length) return;
        out[(outHead + outCount) % out.length] = v;
        outCount++;
    }

    private void clearOutput() {
        outCount = 0;
    }

    private void update() {
        int head = outCount > 0 ? out[outHead] : 0;
        status &= ~(STS_OBF | STS_AUXDATA | STS_TIMEOUT);
        if (outCount > 0) {
            status |= STS_OBF;
            if ((head & AUX) != 0) status |= STS_AUXDATA;
            if ((head & TIMEOUT) != 0) status |= STS_TIMEOUT;
        }
        boolean kbd = outCount > 0 && (head & AUX) == 0 && (ramBytes[0] & CTR_KBDINT) != 0;
        boolean aux = outCount > 0 && (head & AUX) != 0 && (ramBytes[0] & CTR_AUXINT) != 0;
        if (kbd != irq1Level) { irq1Level = kbd; irq1.set(kbd); }
        if (aux != irq12Level) { irq12Level = aux; irq12.set(aux); }
    }

    @Override
    public int read(int port, int size) {
        if (port == PORT_STATUS) return status & 0xff;
        if (outCount == 0) return out[(outHead + out.length - 1) % out.length] & 0xff; // last byte again
        int v = out[outHead];
        outHead = (outHead + 1) % out.length;
        outCount--;
        // Drop the IRQ between bytes so the next byte is a new edge.
        if (irq1Level) { irq1Level = false; irq1.set(false); }
        if (irq12Level) { irq12Level = false; irq12.set(false); }
        pollHost();
        return v & 0xff;
    }

    @Override
    public void write(int port, int size, int value) {
        value &= 0xff;
        if (port == PORT_STATUS) {
            status |= STS_CMD;
            controllerCommand(value);
        } else {
            status &= ~STS_CMD;
            data(value);
        }
        update();
    }

    private void controllerCommand(int cmd) {
        pendingCommand = 0;
        if (cmd >= 0x20 && cmd <= 0x3f) { // read controller RAM (0x20: command byte)
            enqueue(ramBytes[cmd & 0x1f]);
            return;
        }
        if (cmd >= 0x60 && cmd <= 0x7f) { pendingCommand = cmd; return; }
        if (cmd >= 0xf0) { // pulse output port bits 3:0 low where the command has a 0 (0xFE: bit 0 = reset)
            if ((cmd & 0x01) == 0) resetRequest.run();
            return;
        }
        switch (cmd) {
            case 0xa1 -> enqueue(0x00);                 // controller version (vendor specific)
            case 0xa4 -> enqueue(0xf1);                 // password not installed
            case 0xa7 -> ramBytes[0] |= CTR_AUXDIS;     // disable aux interface
            case 0xa8 -> ramBytes[0] &= ~CTR_AUXDIS;    // enable aux interface
            case 0xa9 -> enqueue(0x00);                 // aux interface test: no error
            case 0xaa -> {                              // self-test
                clearOutput();
                status |= STS_SYS;
                ramBytes[0] |= CTR_SYS;
                enqueue(0x55);
            }
            case 0xab -> enqueue(0x00);                 // keyboard interface test: no error
            case 0xad -> ramBytes[0] |= CTR_KBDDIS;     // disable keyboard interface
            case 0xae -> ramBytes[0] &= ~CTR_KBDDIS;    // enable keyboard interface
            case 0xc0 -> enqueue(0x80);                 // input port: keyboard not inhibited
            case 0xd0 -> enqueue(outputPort | (outCount > 0 ? 0x10 : 0));
            case 0xd1, 0xd2, 0xd3, 0xd4 -> pendingCommand = cmd;
            case 0xdd -> outputPort &= ~0x02;           // A20 off (some controllers)
            case 0xdf -> outputPort |= 0x02;            // A20 on
            default -> { }
        }
    }

    private void data(int v) {
        int cmd = pendingCommand;
        pendingCommand = 0;
        if (cmd >= 0x60 && cmd <= 0x7f) {
            ramBytes[cmd & 0x1f] = v;
            if (cmd == 0x60) {
                if ((v & CTR_SYS) != 0) status |= STS_SYS;
                else status &= ~STS_SYS;
            }
            return;
        }
        switch (cmd) {
            case 0xd1 -> { // write output port: bit 0 low resets the CPU
                outputPort = v;
                if ((v & 0x01) == 0) resetRequest.run();
            }
            case 0xd2 -> enqueue(v);              // as if from the keyboard
            case 0xd3 -> enqueue(v | AUX);        // as if from the aux device
            case 0xd4 -> enqueue(0xfe | AUX | TIMEOUT); // no aux device answers
            default -> keyboard(v);
        }
    }

    /** A byte to the keyboard itself; sending to the keyboard enables its interface. */
    private void keyboard(int v) {
        ramBytes[0] &= ~CTR_KBDDIS;
        keyboard.command(v);
    }

    private boolean translated() { return (ramBytes[0] & CTR_XLAT) != 0; }
}
