package org.jemu.cpu.baremetal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.Descriptors;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.interp.SystemPlatform;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.InterruptController;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PagingTranslator;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.sys.Cpuid;
import org.jemu.cpu.sys.Interrupts;
import org.jemu.cpu.sys.Msrs;
import org.jemu.cpu.sys.TripleFault;
import org.jemu.cpu.time.VirtualClock;
import org.junit.jupiter.api.Assumptions;

/**
 * A minimal machine for bare-metal tests: 16 MiB of RAM, the CPU in system mode, a port bus with
 * the report ports of {@code baremetal/common.S}, and an interrupt source the program controls.
 * The run loop mirrors {@code Machine.loop}: it acknowledges INTR when IF=1 and no shadow is active,
 * idles while halted, and turns a {@link TripleFault} into a result. It steps one instruction at a
 * time so the interrupt source can count instructions exactly.
 */
final class BareMetal {
    static final long LOAD = 0x100000;
    static final long RAM = 16L << 20;
    static final long BOOT_PML4 = 0xE00000;
    static final long MMIO = 0xC0000000L;
    static final long STEP_LIMIT = 2_000_000;

    /** One exception or interrupt as isr_common reports it. */
    record Fault(long vector, long error, long rip, long cs, long rflags, long rsp, long ss, long cr2, long frame) {
        @Override
        public String toString() {
            return String.format("Fault[vec=%d err=%#x rip=%#x cs=%#x rflags=%#x rsp=%#x ss=%#x cr2=%#x frame=%#x]",
                    vector, error, rip, cs, rflags, rsp, ss, cr2, frame);
        }
    }

    static final class Result {
        final List<Long> values = new ArrayList<>();
        final List<Fault> faults = new ArrayList<>();
        final List<Integer> deviceWrites = new ArrayList<>();
        final List<Long> mmioWrites = new ArrayList<>();
        int exitCode = -1;
        String tripleFault;
        boolean haltedWithInterruptsOff;
        long steps;
        PhysicalMemory memory;
        CpuState cpu;
        java.util.Map<String, Long> symbols = new java.util.HashMap<>();

        long value(int i) { return values.get(i); }

        long sym(String name) {
            Long v = symbols.get(name);
            if (v == null) throw new AssertionError("no symbol " + name);
            return v;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("exit=").append(exitCode).append(" steps=").append(steps);
            if (tripleFault != null) b.append(" triple fault: ").append(tripleFault);
            b.append(" values=[");
            for (long v : values) b.append(String.format("%#x ", v));
            b.append("] faults=").append(faults);
            if (cpu != null) b.append(String.format(" rip=%#x cpl=%d", cpu.rip, cpu.cpl));
            return b.toString();
        }
    }

    /**
     * The test's interrupt controller: one vector, raised on the program's request after a delay
     * counted in retired instructions, by a timer on the deterministic clock (1 ns per instruction),
     * so the interrupt arrives at the same instruction on the interpreter and on the JIT.
     */
    static final class Source implements InterruptController {
        final CpuSignals signals;
        final VirtualClock clock;
        final org.jemu.cpu.time.Timer timer;
        int vector;
        final List<Integer> acked = new ArrayList<>();

        Source(CpuSignals signals, VirtualClock clock) {
            this.signals = signals;
            this.clock = clock;
            this.timer = clock.newTimer(deadline -> signals.raise(CpuSignals.INTR));
        }

        void arm(int value) {
            if (value < 0) {                     // bit 31: an NMI, now
                signals.raise(CpuSignals.NMI);
                return;
            }
            vector = value & 0xff;
            int delay = value >>> 8;
            if (delay == 0) signals.raise(CpuSignals.INTR);
            else timer.arm(clock.nowNs() + delay + 1);   // +1: the OUT that armed it retires first
        }

        @Override
        public int acknowledge() {
            signals.clear(CpuSignals.INTR);
            acked.add(vector);
            return vector;
        }
    }

    private static Boolean available;

    static synchronized boolean binutils() {
        if (available == null)
            available = works("as", "--version") && works("ld", "--version") && works("objcopy", "--version")
                    && works("nm", "--version");
        return available;
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String exec(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BareMetal.class.getResourceAsStream("/baremetal/" + name)) {
            if (in == null) throw new IOException("missing resource baremetal/" + name);
            return in.readAllBytes();
        }
    }

    /** Assembles and links {@code baremetal/<name>.S} with common.S; returns the flat image and symbols. */
    static byte[] build(String name, java.util.Map<String, Long> symbols) throws IOException, InterruptedException {
        Assumptions.assumeTrue(binutils(), "GNU as/ld not available");
        Path dir = Files.createTempDirectory("jemu-baremetal");
        try {
            Files.write(dir.resolve("common.S"), resource("common.S"));
            Files.write(dir.resolve("t.S"), resource(name + ".S"));
            exec(dir, "as", "--64", "-o", "t.o", "t.S");
            exec(dir, "ld", "-m", "elf_x86_64", "-nostdlib", "-Ttext=0x" + Long.toHexString(LOAD), "-e", "_start",
                    "-o", "t.elf", "t.o");
            exec(dir, "objcopy", "-O", "binary", "t.elf", "t.bin");
            for (String line : exec(dir, "nm", "t.elf").split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3) symbols.put(f[2], Long.parseUnsignedLong(f[0], 16));
            }
            return Files.readAllBytes(dir.resolve("t.bin"));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Result run(String name) throws IOException, InterruptedException {
        Result r = new Result();
        byte[] image = build(name, r.symbols);

        PhysicalMemory memory = new PhysicalMemory(RAM);
        Mmu mmu = new Mmu(memory, null);
        CpuState cpu = new CpuState(mmu);
        mmu.setTranslator(new PagingTranslator(cpu, memory));
        r.memory = memory;
        r.cpu = cpu;
        memory.load(LOAD, image, 0, image.length);
        // An MMIO register at physical 3 GiB: reads count up, writes are recorded.
        memory.mapMmio(MMIO, 0x1000, new org.jemu.cpu.mem.MmioHandler() {
            long reads;
            @Override public long read(long offset, int size) { return reads++; }
            @Override public void write(long offset, int size, long value) { r.mmioWrites.add(value); }
        });

        VirtualClock clock = VirtualClock.deterministic(0, 1_000_000_000L, 0);
        CpuSignals signals = new CpuSignals();
        Source source = new Source(signals, clock);
        PortBus ports = new PortBus();
        long[] latch = new long[1];
        List<Long> raw = new ArrayList<>();
        boolean[] done = new boolean[1];
        ports.register(0xE0, 3, PortBus.SIZE_4, new PortIoHandler() {
            @Override public int read(int port, int size) { return 0; }
            @Override public void write(int port, int size, int value) {
                long lo = value & 0xffffffffL;
                if (port == 0xE0) latch[0] = lo;
                else {
                    long v = (lo << 32) | latch[0];
                    if (port == 0xE1) r.values.add(v);
                    else {
                        raw.add(v);
                        if (raw.size() == 9) {
                            r.faults.add(new Fault(raw.get(0), raw.get(1), raw.get(2), raw.get(3), raw.get(4),
                                    raw.get(5), raw.get(6), raw.get(7), raw.get(8)));
                            raw.clear();
                        }
                    }
                }
            }
        });
        ports.register(0xF0, 1, PortBus.SIZE_4, new PortIoHandler() {
            @Override public int read(int port, int size) { return 0; }
            @Override public void write(int port, int size, int value) { source.arm(value); }
        });
        ports.register(0xF4, 1, new PortIoHandler() {
            @Override public int read(int port, int size) { return 0; }
            @Override public void write(int port, int size, int value) {
                r.exitCode = value & 0xff;
                done[0] = true;
                signals.raise(CpuSignals.STOP);          // ends the engine's run after this OUT
            }
        });
        // A "device" at 0x80-0x87 for the I/O permission tests: reads 0x5A per byte, records writes.
        ports.register(0x80, 8, new PortIoHandler() {
            @Override public int read(int port, int size) { return 0x5A; }
            @Override public void write(int port, int size, int value) { r.deviceWrites.add((port << 8) | value); }
        });

        Interpreter interp = new Interpreter(cpu, new Cpuid(clock.tscHz()));
        Msrs msrs = new Msrs(cpu);
        msrs.setDeviceHandler(new org.jemu.cpu.sys.MsrHandler() {   // the machine's PlatformMsrs, reduced to the TSC
            @Override public boolean handles(int msr) { return msr == Msrs.IA32_TSC; }
            @Override public long read(int msr) { return clock.tsc(); }
            @Override public boolean write(int msr, long value) { return false; }
        });
        interp.setSystemPlatform(new SystemPlatform(ports, msrs, clock, null));
        enter64(cpu, memory);

        org.jemu.cpu.interp.TestEngine engine = org.jemu.cpu.interp.TestEngine.of(interp);
        try {
            while (!done[0] && r.steps < STEP_LIMIT) {
                Interrupts.takePending(cpu, signals, source);      // the rules Machine.loop uses
                if (cpu.halted) {
                    if (!cpu.flags.ifl()) { r.haltedWithInterruptsOff = true; break; }
                    clock.retire(1);             // time passes while halted
                    clock.runDue();
                    r.steps++;
                    continue;
                }
                r.steps += engine.runSystem(Math.min(clock.instructionBudget(), STEP_LIMIT - r.steps), signals, clock);
                clock.runDue();
            }
        } catch (TripleFault t) {
            r.tripleFault = t.getMessage();
        }
        return r;
    }

    /** The throw-away 64-bit entry state (like the Linux loader's): identity map of 1 GiB in 2 MiB pages. */
    static void enter64(CpuState cpu, PhysicalMemory m) {
        m.write(BOOT_PML4, 8, (BOOT_PML4 + 0x1000) | 3);
        m.write(BOOT_PML4 + 0x1000, 8, (BOOT_PML4 + 0x2000) | 3);
        for (int i = 0; i < 512; i++) m.write(BOOT_PML4 + 0x2000 + 8L * i, 8, ((long) i << 21) | 0x83);
        cpu.cr0 = 0x80000031L;           // PG, NE, ET, PE
        cpu.cr4 = 0x20;                  // PAE
        cpu.efer = 0x500;                // LME, LMA
        cpu.cr3 = BOOT_PML4;
        int code = 0xb | Descriptors.ATTR_S | Descriptors.ATTR_P | Descriptors.ATTR_L | Descriptors.ATTR_G;
        int data = 0x3 | Descriptors.ATTR_S | Descriptors.ATTR_P | Descriptors.ATTR_DB | Descriptors.ATTR_G;
        for (int s = 0; s < 6; s++) {
            cpu.segSelector[s] = s == CpuState.CS ? 0x08 : 0x10;
            cpu.segBase[s] = 0;
            cpu.segLimit[s] = -1;
            cpu.segAttr[s] = s == CpuState.CS ? code : data;
        }
        cpu.setCpl(0);
        cpu.flags.set(2);
        cpu.rip = LOAD;
        cpu.gpr[CpuState.RSP] = 0x80000;
        cpu.mmu.flushAll();
    }
}
