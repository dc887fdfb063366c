package org.jemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.interp.SystemPlatform;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PagingTranslator;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.sys.Cpuid;
import org.jemu.cpu.sys.Interrupts;
import org.jemu.cpu.sys.Msrs;
import org.jemu.cpu.sys.TripleFault;
import org.jemu.cpu.time.VirtualClock;
import org.jemu.devices.PcPlatform;
import org.jemu.devices.SerialSink;
import org.jemu.devices.acpi.AcpiPm;
import org.jemu.devices.acpi.AcpiTables;
import org.jemu.loader.initramfs.Initramfs;
import org.jemu.loader.initramfs.InitramfsException;
import org.jemu.loader.linux.BootInfo;
import org.jemu.loader.linux.KernelFormatException;
import org.jemu.loader.linux.KernelImage;
import org.jemu.loader.linux.LinuxLoader;

/**
 * One emulated PC booting a Linux kernel: the embedding API. Build it from a {@link MachineConfig},
 * connect the console, {@link #run()} it on a thread of your own, {@link #stop()} it from another.
 *
 * <pre>{@code
 * MachineConfig cfg = new MachineConfig();
 * cfg.kernel = Path.of("bzImage");
 * cfg.initrd.add(Path.of("initramfs.cpio.gz"));
 * cfg.append = "console=ttyS0";
 * Machine m = new Machine(cfg, System.out::write);
 * Machine.Exit why = m.run();
 * }</pre>
 *
 * <p>Threading: {@link #run()} runs the CPU and every device on the calling thread. Other threads may
 * call {@link #sendConsoleInput}, {@link #stop()} and read {@link #exitMessage()} afterwards.
 */
public final class Machine {
    /** Why {@link #run()} returned. */
    public enum Exit {
        /** The guest powered off (ACPI S5), or halted with interrupts disabled and nothing pending. */
        POWER_OFF,
        /** The guest asked for a reset (i8042, port 0x92 or 0xCF9, triple fault); the caller may boot again. */
        RESET,
        /** {@link #stop()} was called. */
        STOPPED,
        /** jemu itself failed (a bug); {@link #exitMessage()} says what. */
        ERROR
    }

    /** What a display shows in its title. */
    public enum State { RUNNING, PAUSED, POWERED_OFF, STOPPED }

    private final MachineConfig config;
    private final PhysicalMemory memory;
    private final CpuState cpu;
    private final Interpreter interpreter;
    /** The JIT for {@code -accel jit}; null with {@code -accel interp}. */
    private final org.jemu.jit.Jit jit;
    private final PortBus ports = new PortBus();
    private final CpuSignals signals = new CpuSignals();
    private final VirtualClock clock;
    private final PcPlatform platform;
    private final AcpiPm acpiPm;
    private volatile boolean poweredOff;
    private volatile String exitMessage = "";
    /** Work that other threads (the monitor) hand to the run thread; run between instructions. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean paused;
    private volatile Exit exit;
    private volatile boolean resetRequested;
    private volatile Thread runThread;
    private final DebugLog log = new DebugLog();
    private final java.util.Set<Long> seenCode = new java.util.HashSet<>();
    private long interruptCount;
    private long inAsmNext = -1;

    /**
     * Builds the machine and loads the kernel, initramfs and command line into it.
     *
     * @param console where the first serial port's output goes, byte by byte
     * @throws KernelFormatException the kernel, initramfs or RAM size do not fit together (a one-line message)
     */
    public Machine(MachineConfig config, SerialSink console) throws IOException, KernelFormatException, InitramfsException {
        this.config = config;
        ClassWarmUp.start(config.accel != MachineConfig.Accel.INTERP);
        memory = new PhysicalMemory(config.ramSize);
        Mmu mmu = new Mmu(memory, null);
        cpu = new CpuState(mmu);
        mmu.setTranslator(new PagingTranslator(cpu, memory));
        clock = config.icountShift >= 0
                ? VirtualClock.deterministic(config.icountShift, Cpuid.DEFAULT_TSC_HZ,
                        config.rtcBaseNs != null ? config.rtcBaseNs : System.currentTimeMillis() * 1_000_000L)
                : VirtualClock.realtime(Cpuid.DEFAULT_TSC_HZ);
        platform = new PcPlatform(memory, ports, clock, signals, 1);
        platform.com1().setSink(console);
        signals.addHostPoller(this::runTasks);
        ports.setUnclaimedListener((port, size, write, value) -> {
            if (log.on(DebugLog.UNIMP | DebugLog.GUEST_ERRORS))
                log.log(String.format(java.util.Locale.ROOT, write ? "unassigned I/O port write: port 0x%04x size %d value 0x%x rip 0x%016x\n"
                        : "unassigned I/O port read: port 0x%04x size %d rip 0x%016x\n", port, size, write ? value : cpu.rip, cpu.rip));
        });
        acpiPm = new AcpiPm(clock, platform.isaIrq(org.jemu.devices.acpi.AcpiPlatform.SCI_IRQ), () -> poweredOff = true);
        acpiPm.attach(ports);

        Cpuid cpuid = new Cpuid(clock.tscHz());
        interpreter = new Interpreter(cpu, cpuid);
        cpu.interruptObserver = (c, vector, error, kind) -> {
            if (log.on(DebugLog.INT)) log.log(DebugLog.interruptLine(interruptCount++, c, vector, error, kind));
        };
        Msrs msrs = new Msrs(cpu);
        msrs.setDeviceHandler(new org.jemu.machine.PlatformMsrs(clock, platform.apicRegisters()));
        interpreter.setSystemPlatform(new SystemPlatform(ports, msrs, clock, platform.apicRegisters()));
        jit = config.accel != MachineConfig.Accel.INTERP ? new org.jemu.jit.Jit(interpreter) : null;
        if (jit != null && Boolean.getBoolean("jemu.jit.stats"))      // also when killed (profiling a phase)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(jit.stats() + "\n" + jit.topRegions(25))));

        KernelImage kernel = KernelImage.read(config.kernel);
        byte[] initrd = loadInitrd(config.initrd);
        long rsdp = AcpiTables.install(memory);
        platform.memoryMap().markRam("bios (ACPI tables)", AcpiTables.BASE, AcpiTables.AREA_SIZE);
        BootInfo boot = LinuxLoader.load(memory, kernel, initrd, config.append, rsdp, config.vgaConsole);
        LinuxLoader.enter64(cpu, boot);
    }

    static byte[] loadInitrd(List<Path> entries) throws IOException, InitramfsException {
        if (entries.isEmpty()) return null;
        List<byte[]> pieces = new ArrayList<>();
        for (Path p : entries) pieces.add(Files.isDirectory(p) ? Initramfs.packDirectory(p) : Files.readAllBytes(p));
        return pieces.size() == 1 ? pieces.get(0) : Initramfs.concat(pieces);
    }

    /** Bytes typed on the console (any thread). */
    public void sendConsoleInput(byte[] bytes) { platform.com1().hostInput(bytes); }

    /** A key pressed or released on the guest's PS/2 keyboard (any thread); pressing again while down is a repeat. */
    public void sendKey(org.jemu.devices.ps2.Key key, boolean down) { platform.i8042.hostKey(key, down); }

    /**
     * The VGA's text screen as it would be scanned out now (any thread). From another thread than
     * the run thread it is read without stopping the CPU, as a monitor cable would: it may catch an
     * update half done; {@code inspect(Machine::screen)} gives a consistent one.
     */
    public org.jemu.devices.vga.TextFrame screen() { return platform.vga.snapshot(); }

    /** Running, paused by the monitor, powered off, or stopped for another reason (any thread). */
    public State state() {
        Exit e = exit;
        if (e == null) return paused ? State.PAUSED : State.RUNNING;
        return e == Exit.POWER_OFF ? State.POWERED_OFF : State.STOPPED;
    }

    /** Makes {@link #run()} return {@link Exit#STOPPED} soon (any thread). */
    public void stop() { signals.raise(CpuSignals.STOP); }

    public String exitMessage() { return exitMessage; }

    /** Sends a break condition on the console line (magic SysRq on Linux); any thread. */
    public void sendConsoleBreak() { platform.com1().hostBreak(); signals.raise(CpuSignals.HOST); }

    /**
     * Runs {@code task} on the run thread between two instructions (or at once when called from it, or
     * when the machine is not running) and waits for its result; any thread. This is how the monitor
     * reads CPU state, memory and devices without racing the CPU.
     */
    public <T> T inspect(java.util.function.Function<Machine, T> task) {
        Thread rt = runThread;
        if (rt == null || rt == Thread.currentThread()) return task.apply(this);
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        tasks.add(() -> {
            try {
                f.complete(task.apply(this));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        signals.raise(CpuSignals.HOST);
        while (true) {
            try {
                return f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (runThread == null) runTasks();   // the machine ended meanwhile: run it here
                else signals.raise(CpuSignals.HOST);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) r.run();
    }

    /**
     * Monitor {@code stop}: the CPU stops between instructions, and devices, timers and the virtual
     * clock with it (guest time does not advance while stopped, as in QEMU). Any thread. The run thread parks inside a host task,
     * where it still runs {@link #inspect} tasks, until {@link #resume}, {@link #stop} or a reset.
     */
    public void pause() {
        if (paused) return;
        paused = true;
        tasks.add(this::pausedHere);
        signals.raise(CpuSignals.HOST);
    }

    private void pausedHere() {
        clock.pause();
        try {
            waitWhilePaused();
        } finally {
            clock.resume();
        }
        signals.raise(CpuSignals.HOST); // host input that arrived while paused: let the devices' pollers take it
    }

    private void waitWhilePaused() {
        while (true) {
            runTasks(); // tasks queued behind this one, whose HOST signal serviceHost has already cleared
            if (!paused || signals.isSet(CpuSignals.STOP | CpuSignals.RESET)) break;
            signals.await(CpuSignals.HOST | CpuSignals.STOP | CpuSignals.RESET, -1);
            signals.clear(CpuSignals.HOST);
        }
    }

    /** Monitor {@code cont}. Any thread. */
    public void resume() { paused = false; signals.raise(CpuSignals.HOST); }

    public boolean isPaused() { return paused; }

    /**
     * Monitor {@code system_powerdown}: presses the ACPI power button (PWRBTN_STS, and the SCI if the
     * guest enabled it). What happens next is the guest's choice, as on QEMU. Any thread; while the
     * machine is stopped the press waits in the status register for {@code cont}.
     */
    public void pressPowerButton() {
        tasks.add(acpiPm::pressPowerButton);
        signals.raise(CpuSignals.HOST);
    }

    /** Monitor {@code system_reset}: {@link #run()} returns {@link Exit#RESET}. Any thread. */
    public void requestReset() { resetRequested = true; signals.raise(CpuSignals.RESET); }

    public PhysicalMemory memory() { return memory; }

    public PcPlatform platform() { return platform; }

    /** The I/O port bus (the monitor's {@code info mtree} lists its ranges). */
    public PortBus ports() { return ports; }

    public MachineConfig config() { return config; }

    /** The {@code -d} log: set its items and output before or while running (monitor {@code log}). */
    public DebugLog log() { return log; }

    public CpuState cpu() { return cpu; }

    public VirtualClock clock() { return clock; }

    /** Runs the machine until it powers off, resets, is stopped, or jemu fails. */
    public Exit run() {
        runThread = Thread.currentThread();
        exit = null;
        try {
            return exit = loop();
        } catch (TripleFault t) {
            exitMessage = "triple fault: " + t.getMessage();
            return exit = Exit.RESET;
        } catch (RuntimeException | StackOverflowError e) {
            exitMessage = "internal error at RIP 0x" + Long.toHexString(cpu.rip) + ": " + e;
            return exit = Exit.ERROR;
        } finally {
            runThread = null;
            runTasks();
        }
    }

    private Exit loop() {
        while (true) {
            Exit e = slice();
            if (e != null) return e;
        }
    }

    private static final int WAKE = CpuSignals.INTR | CpuSignals.NMI | CpuSignals.RESET | CpuSignals.STOP | CpuSignals.HOST;

    /**
     * One turn of the run loop: pending events and interrupts, then one CPU run of up to the clock's
     * budget (or an idle wait while halted), then due timers. Returns why the machine stopped, or
     * null to go on.
     */
    private Exit slice() {
        if (poweredOff) {
            exitMessage = "powered off (ACPI S5)";
            return Exit.POWER_OFF;
        }
        int w = signals.word();
        if (w != 0) {
            if ((w & CpuSignals.STOP) != 0) { signals.clear(CpuSignals.STOP); return Exit.STOPPED; }
            if ((w & CpuSignals.RESET) != 0) {
                exitMessage = resetRequested ? "reset requested by the monitor" : "reset requested by the guest";
                if (log.on(DebugLog.CPU_RESET)) log.log("CPU Reset (CPU 0)\n" + org.jemu.monitor.Formats.registers(cpu));
                return Exit.RESET;
            }
            if ((w & CpuSignals.HOST) != 0) signals.serviceHost();
            Interrupts.takePending(cpu, signals, platform.interruptController());   // -d int: the CPU's interrupt observer
        }
        if (cpu.halted) {
            if (!cpu.flags.ifl() && (Interrupts.actionable(cpu, signals.word()) & CpuSignals.NMI) == 0) {
                exitMessage = "the CPU halted with interrupts disabled";
                return Exit.POWER_OFF;
            }
            clock.idle(signals, WAKE);
            clock.runDue();
            return null;
        }
        if ((log.items() & DebugLog.STEPPING) != 0) stepLogged();
        else if (jit != null) jit.runSystem(Math.max(1, clock.instructionBudget()), signals, clock);
        else interpreter.runSystem(Math.max(1, clock.instructionBudget()), signals, clock);
        clock.runDue();
        return null;
    }

    /**
     * One turn of the run loop ({@link #run}'s loop body, with its error handling), for
     * {@link Lockstep}, which alternates two machines. Returns null to go on.
     */
    Exit runSlice() {
        try {
            return slice();
        } catch (TripleFault t) {
            exitMessage = "triple fault: " + t.getMessage();
            return Exit.RESET;
        } catch (RuntimeException | StackOverflowError e) {
            exitMessage = "internal error at RIP 0x" + Long.toHexString(cpu.rip) + ": " + e;
            return Exit.ERROR;
        }
    }

    /** Sets the exit message (for {@link Lockstep}'s divergence report). */
    void setExitMessage(String m) { exitMessage = m; }

    /** One instruction with the -d items that need it (the interpreter's runSystem, unrolled). */
    private void stepLogged() {
        if (Interrupts.actionable(cpu, signals.word()) != 0) return;
        long rip = cpu.rip;
        if (log.on(DebugLog.CPU)) log.log(org.jemu.monitor.Formats.registers(cpu));
        if (log.on(DebugLog.EXEC)) log.log(String.format(java.util.Locale.ROOT, "Trace 0: %016x [%016x]\n", rip, rip));
        if (log.on(DebugLog.IN_ASM) && seenCode.add(rip)) {
            // Consecutive first-time instructions form one "IN:" block, as QEMU logs a translated block.
            StringBuilder sb = new StringBuilder(rip == inAsmNext ? "" : "\nIN: \n");
            inAsmNext = org.jemu.monitor.Disasm.one(sb, cpu, memory, rip, log.disasSyntax());
            log.log(sb.toString());
        }
        interpreter.runSystem(1, signals, clock);    // faults and INT n reach -d int through the CPU's interrupt observer
    }
}
