package org.jemu.devices.vga;

import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.time.VirtualClock;

/**
 * The VGA's registers and its text-mode scan-out (see the package documentation). It starts in
 * mode 3, 80×25 colour text, with the register values of the IBM VGA Technical Reference's mode
 * table, as the BIOS would have left it before the kernel ran.
 */
public final class Vga implements PortIoHandler {
    public static final int AR = 0x3c0, AR_READ = 0x3c1, MISC_WRITE = 0x3c2, INPUT_STATUS_0 = 0x3c2, SR_INDEX = 0x3c4,
            SR_DATA = 0x3c5, DAC_MASK = 0x3c6, DAC_READ_INDEX = 0x3c7, DAC_WRITE_INDEX = 0x3c8, DAC_DATA = 0x3c9,
            FEATURE_READ = 0x3ca, MISC_READ = 0x3cc, GR_INDEX = 0x3ce, GR_DATA = 0x3cf;
    /** CRTC index/data and input status 1 at 0x3Dx in colour mode (misc output bit 0 set), 0x3Bx in mono. */
    static final int CRTC_INDEX = 0x4, CRTC_DATA = 0x5, INPUT_STATUS_1 = 0xa;

    static final int CR_HDISP_END = 0x01, CR_OVERFLOW = 0x07, CR_MAX_SCAN = 0x09, CR_CURSOR_START = 0x0a,
            CR_CURSOR_END = 0x0b, CR_START_HI = 0x0c, CR_START_LO = 0x0d, CR_CURSOR_HI = 0x0e, CR_CURSOR_LO = 0x0f,
            CR_VRETRACE_END = 0x11, CR_VDISP_END = 0x12, CR_OFFSET = 0x13;
    static final int SR_CLOCKING = 0x01, GR_MISC = 0x06;

    /** Mode 3 (IBM VGA Technical Reference, BIOS mode table): SR00-04, CR00-18, GR00-08, AR00-14, misc output. */
    static final int[] MODE3_SR = {0x03, 0x00, 0x03, 0x00, 0x02};
    static final int[] MODE3_CR = {0x5f, 0x4f, 0x50, 0x82, 0x55, 0x81, 0xbf, 0x1f, 0x00, 0x4f, 0x0d, 0x0e, 0x00, 0x00,
        0x00, 0x00, 0x9c, 0x8e, 0x8f, 0x28, 0x1f, 0x96, 0xb9, 0xa3, 0xff};
    static final int[] MODE3_GR = {0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0e, 0x00, 0xff};
    static final int[] MODE3_AR = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d,
        0x3e, 0x3f, 0x0c, 0x00, 0x0f, 0x08, 0x00};
    static final int MODE3_MISC = 0x67;

    /**
     * Mode 3's timing: a 28.322 MHz dot clock, 900 dots a line (31.78 µs), 449 lines a frame (70 Hz);
     * 400 displayed lines, vertical retrace on lines 412-413 (CR10/CR11), horizontal blanking in
     * the last 180 dots of a line.
     */
    static final long LINE_NS = 31_778, FRAME_NS = 449 * LINE_NS;
    static final int DISPLAY_LINES = 400, VRETRACE_FIRST = 412, VRETRACE_LINES = 2;
    static final long HBLANK_NS = LINE_NS * 180 / 900;

    private final PhysicalMemory memory;
    private final VirtualClock clock;
    final IndexedRegisters sr = new IndexedRegisters(MODE3_SR, 0x07);
    final IndexedRegisters cr = new IndexedRegisters(MODE3_CR, 0xff);
    final IndexedRegisters gr = new IndexedRegisters(MODE3_GR, 0x0f);
    final AttributeController ar = new AttributeController(MODE3_AR);
    final Dac dac = new Dac();
    private int misc = MODE3_MISC;
    private int featureControl;

    public Vga(PhysicalMemory memory, VirtualClock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    /** Registers 0x3B4/0x3B5/0x3BA, 0x3C0-0x3CF and 0x3D4/0x3D5/0x3DA. */
    public void attach(PortBus bus) {
        bus.register(0x3c0, 16, this);
        for (int base : new int[] {0x3b0, 0x3d0}) {
            bus.register(base + CRTC_INDEX, 2, this);
            bus.register(base + INPUT_STATUS_1, 1, this);
        }
    }

    /** The CRTC and input status 1 answer at 0x3Dx when misc output bit 0 (I/O address select) is set, else at 0x3Bx. */
    private boolean crtcPort(int port) {
        return (port & 0x3f0) == ((misc & 1) != 0 ? 0x3d0 : 0x3b0);
    }

    @Override
    public int read(int port, int size) {
        if ((port & 0x3f0) != 0x3c0) {
            if (!crtcPort(port)) return 0xff;
            switch (port & 0xf) {
                case CRTC_INDEX: return cr.readIndex();
                case CRTC_DATA: return cr.readData();
                default:
                    ar.resetFlipFlop();
                    return inputStatus1();
            }
        }
        switch (port) {
            case AR: return ar.readIndex();
            case AR_READ: return ar.readData();
            case INPUT_STATUS_0: return 0x10; // switch sense: a colour monitor is attached
            case SR_INDEX: return sr.readIndex();
            case SR_DATA: return sr.readData();
            case DAC_MASK: return dac.pixelMask;
            case DAC_READ_INDEX: return dac.readState();
            case DAC_WRITE_INDEX: return dac.readWriteIndex();
            case DAC_DATA: return dac.readData();
            case FEATURE_READ: return featureControl;
            case MISC_READ: return misc;
            case GR_INDEX: return gr.readIndex();
            case GR_DATA: return gr.readData();
            default: return 0xff;
        }
    }

    @Override
    public void write(int port, int size, int value) {
        value &= 0xff;
        if ((port & 0x3f0) != 0x3c0) {
            if (!crtcPort(port)) return;
            switch (port & 0xf) {
                case CRTC_INDEX -> cr.writeIndex(value);
                case CRTC_DATA -> writeCrtc(value);
                default -> featureControl = value & 0x03;
            }
            return;
        }
        switch (port) {
            case AR, AR_READ -> ar.write(value);
            case MISC_WRITE -> misc = value;
            case SR_INDEX -> sr.writeIndex(value);
            case SR_DATA -> sr.writeData(value);
            case DAC_MASK -> dac.pixelMask = value;
            case DAC_READ_INDEX -> dac.setReadIndex(value);
            case DAC_WRITE_INDEX -> dac.setWriteIndex(value);
            case DAC_DATA -> dac.writeData(value);
            case GR_INDEX -> gr.writeIndex(value);
            case GR_DATA -> gr.writeData(value);
            default -> { }
        }
    }

    /** CR11 bit 7 write-protects CR00-CR07, except CR07 bit 4 (line compare bit 8). */
    private void writeCrtc(int v) {
        int i = cr.index;
        if ((cr.get(CR_VRETRACE_END) & 0x80) != 0 && i <= CR_OVERFLOW) {
            if (i == CR_OVERFLOW) cr.set(i, (cr.get(i) & ~0x10) | (v & 0x10));
            return;
        }
        cr.writeData(v);
    }

    /** Bit 3 vertical retrace, bit 0 display disabled (blanking), from the virtual clock and mode 3's timing. */
    private int inputStatus1() {
        long t = Math.floorMod(clock.nowNs(), FRAME_NS);
        long line = t / LINE_NS;
        boolean vretrace = line >= VRETRACE_FIRST && line < VRETRACE_FIRST + VRETRACE_LINES;
        boolean blank = line >= DISPLAY_LINES || t % LINE_NS >= LINE_NS - HBLANK_NS;
        return (vretrace ? 0x08 : 0) | (blank ? 0x01 : 0);
    }

    // ---- scan-out ----------------------------------------------------------------------------

    public int startAddress() { return cr.get(CR_START_HI) << 8 | cr.get(CR_START_LO); }

    public int cursorAddress() { return cr.get(CR_CURSOR_HI) << 8 | cr.get(CR_CURSOR_LO); }

    /** GR06 bits 3:2: where the CPU sees video memory (0xA0000 128K, 0xA0000 64K, 0xB0000 32K, 0xB8000 32K). */
    long windowBase() {
        return switch ((gr.get(GR_MISC) >> 2) & 3) { case 0, 1 -> 0xa0000L; case 2 -> 0xb0000L; default -> 0xb8000L; };
    }

    int windowSize() {
        return switch ((gr.get(GR_MISC) >> 2) & 3) { case 0 -> 0x20000; case 1 -> 0x10000; default -> 0x8000; };
    }

    /**
     * The frame the CRTC would scan out now: columns from CR01, character height from CR09, rows
     * from the vertical display end (CR12 with CR07 bits 1 and 6), each row CR13 × 2 cells after
     * the last, from the start address (CR0C/CR0D) on, wrapping inside the memory window.
     */
    public TextFrame snapshot() {
        int columns = Math.min(cr.get(CR_HDISP_END) + 1, 255);
        int charHeight = (cr.get(CR_MAX_SCAN) & 0x1f) + 1;
        int overflow = cr.get(CR_OVERFLOW);
        int vdisp = cr.get(CR_VDISP_END) | (overflow & 0x02) << 7 | (overflow & 0x40) << 3;
        int rows = Math.max(1, Math.min((vdisp + 1) / charHeight, 128));
        int pitch = cr.get(CR_OFFSET) * 2;
        int start = startAddress();
        long base = windowBase();
        int mask = windowSize() - 1;
        byte[] ram = memory.ram();
        int[] cells = new int[columns * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long a = base + (((long) (start + r * pitch + c) * 2) & mask);
                int v = a + 1 < ram.length ? (ram[(int) a] & 0xff) | (ram[(int) a + 1] & 0xff) << 8 : 0;
                cells[r * columns + c] = v;
            }
        }
        int[] palette = new int[16];
        for (int i = 0; i < 16; i++) palette[i] = dac.rgb888(ar.dacIndex(i));
        int cursorStart = cr.get(CR_CURSOR_START), cursorEnd = cr.get(CR_CURSOR_END) & 0x1f;
        int cursorCol = -1, cursorRow = -1;
        int rel = cursorAddress() - start;
        if ((cursorStart & 0x20) == 0 && pitch > 0 && rel >= 0 && rel / pitch < rows && rel % pitch < columns) {
            cursorRow = rel / pitch;
            cursorCol = rel % pitch;
        }
        boolean text = (gr.get(GR_MISC) & 1) == 0;
        boolean on = ar.screenOn() && (sr.get(SR_CLOCKING) & 0x20) == 0 && text;
        return new TextFrame(columns, rows, charHeight, (sr.get(SR_CLOCKING) & 1) == 0, ar.blinkEnabled(), ar.lineGraphics(),
                on, cursorCol, cursorRow, cursorStart & 0x1f, cursorEnd, cells, palette);
    }
}
