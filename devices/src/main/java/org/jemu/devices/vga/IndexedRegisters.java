package org.jemu.devices.vga;

/**
 * A VGA register group behind an index port and a data port (sequencer, graphics controller,
 * CRTC): the index selects one of {@code count} registers; an index past the end reads 0xFF and
 * ignores writes, as the unimplemented indices of the VGA do.
 */
final class IndexedRegisters {
    private final int[] regs;
    private final int indexMask;
    int index;

    IndexedRegisters(int[] resetValues, int indexMask) {
        this.regs = resetValues.clone();
        this.indexMask = indexMask;
    }

    int readIndex() { return index; }

    void writeIndex(int v) { index = v & indexMask; }

    int readData() { return index < regs.length ? regs[index] : 0xff; }

    void writeData(int v) {
        if (index < regs.length) regs[index] = v & 0xff;
    }

    int get(int i) { return regs[i]; }

    void set(int i, int v) { regs[i] = v & 0xff; }
}
