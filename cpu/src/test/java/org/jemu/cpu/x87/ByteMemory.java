package org.jemu.cpu.x87;

/** A small flat memory for tests: addresses are offsets into a byte array. */
final class ByteMemory implements FpuMemory {
    final byte[] b;

    ByteMemory(int size) { b = new byte[size]; }

    @Override
    public long read(long a, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = v << 8 | (b[(int) a + i] & 0xff);
        return v;
    }

    @Override
    public void write(long a, int size, long v) {
        for (int i = 0; i < size; i++) b[(int) a + i] = (byte) (v >>> (8 * i));
    }
}
