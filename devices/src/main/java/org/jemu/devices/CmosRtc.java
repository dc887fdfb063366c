package org.jemu.devices;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jemu.cpu.io.InterruptLine;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.time.Timer;
import org.jemu.cpu.time.VirtualClock;

/**
 * The MC146818A real-time clock and its CMOS RAM (ports 0x70 index / 0x71 data, IRQ 8). Facts from
 * the Motorola MC146818A datasheet: "Address Map" (registers 0-13), "Time, Calendar and Alarm
 * Locations" (BCD/binary, 12/24 hour), "Register A" (UIP, DV2-0, RS3-0 with the periodic rate
 * table), "Register B" (SET, PIE, AIE, UIE, SQWE, DM, 24/12, DSE), "Register C" (IRQF, PF, AF, UF,
 * cleared on read), "Register D" (VRT), "Update Cycle" (UIP is high 244 us before the update).
 * PC conventions: port 0x70 bit 7 disables NMI; CMOS 0x32 holds the century (the ACPI FADT
 * {@code century} field points there).
 *
 * <p>Time is the virtual clock's wall time plus an offset the guest changes by writing the time
 * registers. Flags are computed lazily (PF/UF from the time since register C was last read); timers
 * are armed only while PIE, AIE or UIE ask for interrupts.
 */
public final class CmosRtc implements PortIoHandler {
    public static final int PORT_INDEX = 0x70, PORT_DATA = 0x71;
    static final int SECONDS = 0, SECONDS_ALARM = 1, MINUTES = 2, MINUTES_ALARM = 3, HOURS = 4,
            HOURS_ALARM = 5, DAY_OF_WEEK = 6, DAY_OF_MONTH = 7, MONTH = 8, YEAR = 9,
            REG_A = 10, REG_B = 11, REG_C = 12, REG_D = 13, CENTURY = 0x32;
    static final int B_SET = 0x80, B_PIE = 0x40, B_AIE = 0x20, B_UIE = 0x10, B_DM = 0x04, B_24H = 0x02;
    static final int C_IRQF = 0x80, C_PF = 0x40, C_AF = 0x20, C_UF = 0x10;
    private static final long UIP_NS = 244_000;

    private final VirtualClock clock;
    private final InterruptLine irq;
    private final byte[] ram = new byte[128];
    private int index;
    private boolean nmiDisabled = true;
    /** Guest RTC time = clock.wallClockNs() + offsetNs. */
    private long offsetNs;
    private int regC;
    private long lastCReadNs;
    private final Timer periodicTimer, secondTimer;
    private boolean irqLevel;
    /** While SET=1: the frozen time fields the guest is editing. */
    private final int[] frozen = new int[10];

    public CmosRtc(VirtualClock clock, InterruptLine irq) {
        this.clock = clock;
        this.irq = irq;
        this.periodicTimer = clock.newTimer(this::periodicTick);
        this.secondTimer = clock.newTimer(this::secondTick);
        ram[REG_A] = 0x26;          // DV = 010 (32.768 kHz time base), RS = 0110 (1024 Hz)
        ram[REG_B] = B_24H;         // 24-hour, BCD, no interrupts (as a PC BIOS leaves it)
        ram[REG_D] = (byte) 0x80;   // VRT: valid RAM and time
        lastCReadNs = clock.nowNs();
    }

    @Override
    public String portName(int port) { return "rtc"; }

    public void attach(PortBus bus) {
        bus.register(PORT_INDEX, 2, this);
    }

    /**
     * Fills the memory-size bytes as a PC BIOS does: 0x15/0x16 base memory (640 KiB), 0x17/0x18 and
     * 0x30/0x31 extended memory above 1 MiB in KiB (max 0xFFFF), 0x34/0x35 memory above 16 MiB in
     * 64 KiB units (below 4 GiB), 0x5B-0x5D memory above 4 GiB in 64 KiB units; then the checksum of
     * 0x10-0x2D at 0x2E (high byte) and 0x2F.
     */
    public void setMemorySize(long belowFourGiB, long aboveFourGiB) {
        put16(0x15, 640);
        long ext = Math.max(0, belowFourGiB - (1 << 20)) >> 10;
        put16(0x17, (int) Math.min(ext, 0xffff));
        put16(0x30, (int) Math.min(ext, 0xffff));
        long ext16 = Math.max(0, belowFourGiB - (16 << 20)) >> 16;
        put16(0x34, (int) Math.min(ext16, 0xffff));
        long high = aboveFourGiB >> 16;
        ram[0x5b] = (byte) high;
        ram[0x5c] = (byte) (high >> 8);
        ram[0x5d] = (byte) (high >> 16);
        int sum = 0;
        for (int i = 0x10; i <= 0x2d; i++) sum += ram[i] & 0xff;
        ram[0x2e] = (byte) (sum >> 8);
        ram[0x2f] = (byte) sum;
    }

    private void put16(int at, int v) {
        ram[at] = (byte) v;
        ram[at + 1] = (byte) (v >> 8);
    }

    /** Raw CMOS byte (for the machine/firmware setup and tests). */
    public int cmos(int i) { return ram[i & 0x7f] & 0xff; }

    public void setCmos(int i, int v) { ram[i & 0x7f] = (byte) v; }

    public boolean nmiDisabled() { return nmiDisabled; }

    // ---- time ------------------------------------------------------------------------------

    private long rtcNs() { return clock.wallClockNs() + offsetNs; }

    private boolean binary() { return (ram[REG_B] & B_DM) != 0; }

    private int encode(int v) { return binary() ? v : ((v / 10) << 4) | (v % 10); }

    private int decode(int v) { return binary() ? v : ((v >> 4) & 0xf) * 10 + (v & 0xf); }

    private int encodeHour(int h24) {
        if ((ram[REG_B] & B_24H) != 0) return encode(h24);
        int h12 = h24 % 12 == 0 ? 12 : h24 % 12;
        return encode(h12) | (h24 >= 12 ? 0x80 : 0);
    }

    private int decodeHour(int v) {
        if ((ram[REG_B] & B_24H) != 0) return decode(v);
        int h = decode(v & 0x7f) % 12;
        return (v & 0x80) != 0 ? h + 12 : h;
    }

    /** Register values 0-9 (and the century) for the RTC time {@code ns}. */
    private int timeField(int reg, long ns) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(ns, VirtualClock.NS_PER_S), 0, ZoneOffset.UTC);
        return switch (reg) {
            case SECONDS -> encode(t.getSecond());
            case MINUTES -> encode(t.getMinute());
            case HOURS -> encodeHour(t.getHour());
            case DAY_OF_WEEK -> encode(t.getDayOfWeek().getValue() % 7 + 1); // Sunday = 1
            case DAY_OF_MONTH -> encode(t.getDayOfMonth());
            case MONTH -> encode(t.getMonthValue());
            case YEAR -> encode(t.getYear() % 100);
            case CENTURY -> encode(t.getYear() / 100);
            default -> 0;
        };
    }

    private long fieldsToNs(int[] f, int century) {
        int year = decode(century) * 100 + decode(f[YEAR]);
        LocalDateTime t = LocalDateTime.of(year, clamp(decode(f[MONTH]), 1, 12), clamp(decode(f[DAY_OF_MONTH]), 1, 28 + 3),
                clamp(decodeHour(f[HOURS]), 0, 23), clamp(decode(f[MINUTES]), 0, 59), clamp(decode(f[SECONDS]), 0, 59));
        return t.toEpochSecond(ZoneOffset.UTC) * VirtualClock.NS_PER_S;
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    private boolean isTimeField(int reg) {
        return reg == SECONDS || reg == MINUTES || reg == HOURS || reg == DAY_OF_WEEK || reg == DAY_OF_MONTH
                || reg == MONTH || reg == YEAR;
    }

    private void snapshotFields(long ns) {
        for (int r = 0; r < 10; r++) frozen[r] = isTimeField(r) ? timeField(r, ns) : ram[r] & 0xff;
        ram[CENTURY] = (byte) timeField(CENTURY, ns);
    }

    /** Applies edited fields: the new second starts now. */
    private void applyFields() {
        long target;
        try {
            target = fieldsToNs(frozen, ram[CENTURY] & 0xff);
        } catch (java.time.DateTimeException e) {
            return; // an impossible date (e.g. 31 February): keep the old time
        }
        offsetNs = target - clock.wallClockNs();
    }

    // ---- periodic, alarm and update interrupts ---------------------------------------------

    /** Periodic interrupt period for RS3-0, or 0 if off (Register A table; 32.768 kHz time base). */
    private long periodNs() {
        int rs = ram[REG_A] & 0x0f;
        if (rs == 0 || (ram[REG_A] & 0x70) != 0x20) return 0;
        if (rs < 3) rs += 7; // RS 1 and 2 give 256 Hz and 128 Hz
        return ((1L << (rs - 1)) * VirtualClock.NS_PER_S) / 32768;
    }

    private boolean running() {
        return (ram[REG_A] & 0x70) == 0x20 && (ram[REG_B] & B_SET) == 0;
    }

    private void rearm() {
        long p = periodNs();
        long now = clock.nowNs();
        if ((ram[REG_B] & B_PIE) != 0 && p > 0) {
            if (!periodicTimer.isArmed()) periodicTimer.arm((now / p + 1) * p);
        } else {
            periodicTimer.cancel();
        }
        if ((ram[REG_B] & (B_AIE | B_UIE)) != 0 && running()) {
            long rtc = rtcNs();
            long nextSecond = Math.floorDiv(rtc, VirtualClock.NS_PER_S) * VirtualClock.NS_PER_S + VirtualClock.NS_PER_S;
            if (!secondTimer.isArmed()) secondTimer.arm(now + (nextSecond - rtc));
        } else {
            secondTimer.cancel();
        }
    }

    private void periodicTick(long deadline) {
        regC |= C_PF;
        updateIrq();
        long p = periodNs();
        if ((ram[REG_B] & B_PIE) != 0 && p > 0) {
            long next = deadline + p;
            long now = clock.nowNs();
            if (next <= now) next = (now / p + 1) * p; // fell far behind: skip, do not storm
            periodicTimer.arm(next);
        }
    }

    private void secondTick(long deadline) {
        if (!running()) return;
        regC |= C_UF;
        long ns = rtcNs() + UIP_NS; // the update that just happened
        if ((ram[REG_B] & B_AIE) != 0 && alarmMatches(ns)) regC |= C_AF;
        updateIrq();
        rearm();
    }

    private boolean alarmMatches(long ns) {
        return alarmField(SECONDS_ALARM, SECONDS, ns) && alarmField(MINUTES_ALARM, MINUTES, ns)
                && alarmField(HOURS_ALARM, HOURS, ns);
    }

    private boolean alarmField(int alarmReg, int timeReg, long ns) {
        int a = ram[alarmReg] & 0xff;
        return (a & 0xc0) == 0xc0 || a == timeField(timeReg, ns); // 11xxxxxx: "don't care"
    }

    private void updateIrq() {
        int b = ram[REG_B];
        boolean irqf = ((regC & C_PF) != 0 && (b & B_PIE) != 0) || ((regC & C_AF) != 0 && (b & B_AIE) != 0)
                || ((regC & C_UF) != 0 && (b & B_UIE) != 0);
        if (irqf) regC |= C_IRQF;
        if (irqf != irqLevel) {
            irqLevel = irqf;
            irq.set(irqf);
        }
    }

    private int readRegC() {
        long now = clock.nowNs();
        // Lazily set flags whose events happened while not enabled (they are set regardless of enables).
        long p = periodNs();
        if (p > 0 && now / p != lastCReadNs / p) regC |= C_PF;
        if (running()) {
            long rtcNow = rtcNs(), rtcThen = rtcNow - (now - lastCReadNs);
            if (Math.floorDiv(rtcNow, VirtualClock.NS_PER_S) != Math.floorDiv(rtcThen, VirtualClock.NS_PER_S)) regC |= C_UF;
        }
        int v = regC;
        regC = 0;
        lastCReadNs = now;
        updateIrq();
        return v;
    }

    // ---- ports -----------------------------------------------------------------------------

    @Override
    public int read(int port, int size) {
        if (port == PORT_INDEX) return 0xff; // the index register is write-only
        int r = index;
        int v = switch (r) {
            case REG_A -> {
                long frac = Math.floorMod(rtcNs(), VirtualClock.NS_PER_S);
                boolean uip = running() && frac >= VirtualClock.NS_PER_S - UIP_NS;
                yield (ram[REG_A] & 0x7f) | (uip ? 0x80 : 0);
            }
            case REG_C -> readRegC();
            case REG_D -> 0x80;
            default -> {
                if ((ram[REG_B] & B_SET) != 0 && r < 10) yield frozen[r];
                if (isTimeField(r) || r == CENTURY) yield timeField(r, rtcNs());
                yield ram[r] & 0xff;
            }
        };
        return v & 0xff;
    }

    @Override
    public void write(int port, int size, int value) {
        value &= 0xff;
        if (port == PORT_INDEX) {
            index = value & 0x7f;
            nmiDisabled = (value & 0x80) != 0;
            return;
        }
        int r = index;
        switch (r) {
            case REG_A -> {
                ram[REG_A] = (byte) (value & 0x7f); // UIP is read-only
                periodicTimer.cancel();
                rearm();
            }
            case REG_B -> {
                int old = ram[REG_B];
                if ((value & B_SET) != 0) value &= ~B_UIE; // SET=1 clears UIE
                ram[REG_B] = (byte) value;
                if ((value & B_SET) != 0 && (old & B_SET) == 0) snapshotFields(rtcNs());
                if ((value & B_SET) == 0 && (old & B_SET) != 0) applyFields();
                updateIrq();
                rearm();
            }
            case REG_C, REG_D -> { } // read-only
            default -> {
                if (r < 10 && isTimeField(r)) {
                    if ((ram[REG_B] & B_SET) != 0) {
                        frozen[r] = value;
                    } else {
                        // Outside SET mode a write takes effect at once; keep the sub-second phase.
                        long now = rtcNs();
                        snapshotFields(now);
                        frozen[r] = value;
                        long frac = Math.floorMod(now, VirtualClock.NS_PER_S);
                        applyFields();
                        offsetNs += frac;
                    }
                } else if (r == CENTURY) {
                    ram[CENTURY] = (byte) value;
                    if ((ram[REG_B] & B_SET) == 0) {
                        long now = rtcNs();
                        snapshotFields(now);
                        ram[CENTURY] = (byte) value;
                        applyFields();
                        offsetNs += Math.floorMod(now, VirtualClock.NS_PER_S);
                    }
                } else {
                    ram[r] = (byte) value;
                    if (r < 10) frozen[r] = value;
                }
            }
        }
    }
}
