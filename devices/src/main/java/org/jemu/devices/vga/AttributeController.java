package org.jemu.devices.vga;

/**
 * The attribute controller (AR, ports 0x3C0/0x3C1): one port for index and data, told apart by a
 * flip-flop that each write to 0x3C0 toggles and each read of input status 1 (0x3DA) resets to
 * "index" (IBM VGA Technical Reference, "Attribute Controller Registers"). Bit 5 of the index
 * (PAS, palette address source) is 1 while the screen shows; a BIOS or vgacon clears it while
 * loading the palette and sets it again with 0x20.
 */
final class AttributeController {
    static final int MODE_CONTROL = 0x10, OVERSCAN = 0x11, PLANE_ENABLE = 0x12, PANNING = 0x13, COLOR_SELECT = 0x14;
    /** AR10 bits: line graphics enable (the 9th dot of 0xC0-0xDF), blink enable, P5/P4 select. */
    static final int MC_LGE = 0x04, MC_BLINK = 0x08, MC_P54S = 0x80;
    static final int PAS = 0x20;

    private final int[] regs;
    private int index = PAS;
    private boolean dataNext;

    AttributeController(int[] resetValues) { regs = resetValues.clone(); }

    /** Reading input status 1 resets the flip-flop. */
    void resetFlipFlop() { dataNext = false; }

    int readIndex() { return index; }

    int readData() {
        int i = index & 0x1f;
        return i < regs.length ? regs[i] : 0;
    }

    void write(int v) {
        if (!dataNext) {
            index = v & 0x3f;
        } else {
            int i = index & 0x1f;
            if (i < regs.length) regs[i] = v & 0xff;
        }
        dataNext = !dataNext;
    }

    int get(int i) { return regs[i]; }

    boolean screenOn() { return (index & PAS) != 0; }

    boolean blinkEnabled() { return (regs[MODE_CONTROL] & MC_BLINK) != 0; }

    boolean lineGraphics() { return (regs[MODE_CONTROL] & MC_LGE) != 0; }

    /**
     * The DAC index for a 4-bit colour: palette register AR0-ARF gives bits 5:0, or bits 3:0 with
     * bits 5:4 from AR14 when AR10.P54S is set; AR14 bits 3:2 always give bits 7:6.
     */
    int dacIndex(int color) {
        int p = regs[color & 0x0f] & 0x3f;
        int sel = regs[COLOR_SELECT];
        if ((regs[MODE_CONTROL] & MC_P54S) != 0) p = (p & 0x0f) | ((sel & 0x03) << 4);
        return p | ((sel & 0x0c) << 4);
    }
}
