package org.jemu.cpu.time;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.io.CpuSignals;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    static VirtualClock det(int shift) {
        return VirtualClock.deterministic(shift, VirtualClock.DEFAULT_TSC_HZ, 1_700_000_000L * VirtualClock.NS_PER_S);
    }

    @Test
    void deterministicTimeAdvancesWithRetiredInstructions() {
        VirtualClock c = det(2);
        assertEquals(0, c.nowNs());
        c.retire(1000);
        assertEquals(4000, c.nowNs());
        assertEquals(4000, c.tsc());
        assertEquals(1_700_000_000L * VirtualClock.NS_PER_S + 4000, c.wallClockNs());
    }

    @Test
    void tscConversionsRoundTrip() {
        VirtualClock c = VirtualClock.deterministic(0, 2_500_000_000L, 0);
        c.retire(1_000_000_000L);
        assertEquals(2_500_000_000L, c.tsc());
        assertEquals(1, c.tscToNs(2)); // ceil(0.8)
        assertEquals(400, c.tscToNs(1000));
        assertEquals(3_000_000_000_000L, VirtualClock.scale(1_000_000_000_000L, 3_000_000_000L, 1_000_000_000L));
    }

    @Test
    void timersFireInDeadlineOrderAndBudgetEndsExactlyAtTheDeadline() {
        VirtualClock c = det(0);
        List<String> fired = new ArrayList<>();
        Timer a = c.newTimer(d -> fired.add("a@" + d));
        Timer b = c.newTimer(d -> fired.add("b@" + d));
        Timer x = c.newTimer(d -> fired.add("x@" + d));
        b.arm(300);
        a.arm(100);
        x.arm(200);
        x.cancel();
        assertEquals(100, c.instructionBudget());
        c.retire(c.instructionBudget());
        assertEquals(1, c.runDue());
        assertEquals(200, c.instructionBudget());
        c.retire(500);
        c.runDue();
        assertEquals(List.of("a@100", "b@300"), fired);
        assertEquals(Long.MAX_VALUE, c.nextDeadlineNs());
        assertFalse(a.isArmed());
    }

    @Test
    void periodicTimerReArmsFromItsCallbackWithoutDrift() {
        VirtualClock c = det(0);
        List<Long> ticks = new ArrayList<>();
        Timer[] t = new Timer[1];
        t[0] = c.newTimer(d -> { ticks.add(d); t[0].arm(d + 1000); });
        t[0].arm(1000);
        for (int i = 0; i < 10; i++) {
            c.retire(c.instructionBudget());
            c.runDue();
        }
        assertEquals(List.of(1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L, 9000L, 10000L), ticks);
        assertEquals(10000, c.nowNs());
    }

    @Test
    void manyTimersKeepHeapOrder() {
        VirtualClock c = det(0);
        List<Long> order = new ArrayList<>();
        Timer[] ts = new Timer[100];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = c.newTimer(order::add);
            ts[i].arm((i * 7919L) % 1000 + 1);
        }
        for (int i = 0; i < ts.length; i += 3) ts[i].cancel();
        c.retire(2000);
        c.runDue();
        for (int i = 1; i < order.size(); i++) assertTrue(order.get(i - 1) <= order.get(i));
        assertEquals(66, order.size());
    }

    @Test
    void idleInDeterministicModeWarpsToTheNextDeadline() {
        VirtualClock c = det(0);
        CpuSignals s = new CpuSignals();
        Timer t = c.newTimer(d -> s.raise(CpuSignals.INTR));
        t.arm(5_000_000);
        c.retire(10);
        c.idle(s, CpuSignals.INTR);
        assertEquals(5_000_000, c.nowNs());
        assertTrue(s.isSet(CpuSignals.INTR));
        assertEquals(10, c.instructions());
    }

    @Test
    void idleServicesHostInput() {
        VirtualClock c = det(0);
        CpuSignals s = new CpuSignals();
        s.addHostPoller(() -> s.raise(CpuSignals.INTR)); // a device turning host input into an interrupt
        s.raise(CpuSignals.HOST);
        c.idle(s, CpuSignals.INTR);
        assertTrue(s.isSet(CpuSignals.INTR));
        assertFalse(s.isSet(CpuSignals.HOST));
    }

    /** Monitor stop: a paused real-time clock stands still, and resumes where it stopped. */
    @Test
    void pausedRealTimeStandsStillAndResumesWhereItStopped() throws InterruptedException {
        VirtualClock c = VirtualClock.realtime(VirtualClock.DEFAULT_TSC_HZ);
        c.pause();
        assertTrue(c.isPaused());
        long frozen = c.nowNs();
        long frozenWall = c.wallClockNs();
        Thread.sleep(200);
        assertEquals(frozen, c.nowNs(), "no virtual time passes while paused");
        assertEquals(frozenWall, c.wallClockNs(), "the RTC's time stands still too");
        c.pause();                                     // idempotent: the first pause counts
        Thread.sleep(50);
        c.resume();
        assertFalse(c.isPaused());
        long after = c.nowNs();
        assertTrue(after >= frozen, "time never runs backwards");
        assertTrue(after - frozen < 100_000_000L, "the 250 ms paused are not counted: " + (after - frozen));
        c.resume();                                    // idempotent
        Thread.sleep(100);
        assertTrue(c.nowNs() - after >= 100_000_000L, "running again at host speed");
    }

    @Test
    void timersDoNotFallDueWhilePaused() throws InterruptedException {
        VirtualClock c = VirtualClock.realtime(VirtualClock.DEFAULT_TSC_HZ);
        List<Long> fired = new ArrayList<>();
        c.newTimer(fired::add).arm(c.nowNs() + 50_000_000L);
        c.pause();
        Thread.sleep(100);
        assertEquals(0, c.runDue(), "50 ms of host time passed, but no virtual time");
        c.resume();
        assertEquals(List.of(), fired);
    }

    @Test
    void pauseIsHarmlessInDeterministicMode() {
        VirtualClock c = det(0);
        c.retire(10);
        c.pause();
        assertEquals(10, c.nowNs());
        c.resume();
        c.retire(5);
        assertEquals(15, c.nowNs());
    }
}
