package org.jemu.cpu.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CpuSignalsTest {
    @Test
    void raiseClearAndServiceHost() {
        CpuSignals s = new CpuSignals();
        assertEquals(0, s.word());
        s.set(CpuSignals.INTR, true);
        s.raise(CpuSignals.HOST);
        assertEquals(CpuSignals.INTR | CpuSignals.HOST, s.word());
        int[] polled = new int[1];
        s.addHostPoller(() -> polled[0]++);
        s.serviceHost();
        assertEquals(1, polled[0]);
        assertEquals(CpuSignals.INTR, s.word());
        s.set(CpuSignals.INTR, false);
        assertEquals(0, s.word());
    }

    @Test
    void anotherThreadWakesAnAwaitingCpu() throws Exception {
        CpuSignals s = new CpuSignals();
        Thread t = new Thread(() -> {
            while (!s.isSet(CpuSignals.HOST)) Thread.onSpinWait();
        });
        Thread waker = new Thread(() -> s.raise(CpuSignals.HOST));
        waker.start();
        // await returns once the bit is set (loop: park may return spuriously)
        while (!s.isSet(CpuSignals.HOST)) s.await(CpuSignals.HOST, -1);
        waker.join();
        t.start();
        t.join();
        assertTrue(s.isSet(CpuSignals.HOST));
    }
}
