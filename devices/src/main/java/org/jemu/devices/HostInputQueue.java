package org.jemu.devices;

import org.jemu.cpu.io.CpuSignals;

/**
 * Bytes (or events) from a host thread to a device on the CPU thread: a bounded-by-memory ring of
 * ints under a lock. {@link #offer} runs on any thread and raises {@link CpuSignals#HOST}; the device
 * drains it on the CPU thread from its host poller. Nothing is ever dropped.
 */
public final class HostInputQueue {
    private int[] ring = new int[256];
    private int head, count;
    private final CpuSignals signals;

    public HostInputQueue(CpuSignals signals) {
        this.signals = signals;
    }

    /** Any thread. */
    public void offer(int value) {
        synchronized (this) {
            if (count == ring.length) {
                int[] bigger = new int[ring.length * 2];
                for (int i = 0; i < count; i++) bigger[i] = ring[(head + i) % ring.length];
                ring = bigger;
                head = 0;
            }
            ring[(head + count) % ring.length] = value;
            count++;
        }
        if (signals != null) signals.raise(CpuSignals.HOST);
    }

    /** Any thread. */
    public void offer(byte[] bytes) {
        for (byte b : bytes) offer(b & 0xff);
    }

    /** The next value, or -1 if empty. */
    public synchronized int poll() {
        if (count == 0) return -1;
        int v = ring[head];
        head = (head + 1) % ring.length;
        count--;
        return v;
    }

    public synchronized int peek() {
        return count == 0 ? -1 : ring[head];
    }

    public synchronized int size() { return count; }
}
