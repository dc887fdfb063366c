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

    private final MachineConfig config;
    private final PhysicalMemory memory;
    private final CpuState cpu;
    private final Interpreter interpreter;
    private final PortBus ports = new PortBus();
    private final CpuSignals signals = new CpuSignals();
    private final VirtualClock clock;
    private final PcPlatform platform;
    private volatile boolean poweredOff;
    private String exitMessage = "";

    /**
     * Builds the machine and loads the kernel, initramfs and command line into it.
     *
     * @param console where the first serial port's output goes, byte by byte
     * @throws KernelFormatException the kernel, initramfs or RAM size do not fit together (a one-line message)
     */
    public Machine(MachineConfig config, SerialSink console) throws IOException, KernelFormatException, InitramfsException {
        this.config = config;
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
        new AcpiPm(clock, () -> poweredOff = true).attach(ports);

        Cpuid cpuid = new Cpuid(clock.tscHz());
        interpreter = new Interpreter(cpu, cpuid);
        Msrs msrs = new Msrs(cpu);
        msrs.setDeviceHandler(new org.jemu.machine.PlatformMsrs(clock, platform.apicRegisters()));
        interpreter.setSystemPlatform(new SystemPlatform(ports, msrs, clock, platform.apicRegisters()));

        KernelImage kernel = KernelImage.read(config.kernel);
        byte[] initrd = loadInitrd(config.initrd);
        long rsdp = AcpiTables.install(memory);
        BootInfo boot = LinuxLoader.load(memory, kernel, initrd, config.append, rsdp);
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

    /** Makes {@link #run()} return {@link Exit#STOPPED} soon (any thread). */
    public void stop() { signals.raise(CpuSignals.STOP); }

    public String exitMessage() { return exitMessage; }

    public CpuState cpu() { return cpu; }

    public VirtualClock clock() { return clock; }

    /** Runs the machine until it powers off, resets, is stopped, or jemu fails. */
    public Exit run() {
        try {
            return loop();
        } catch (TripleFault t) {
            exitMessage = "triple fault: " + t.getMessage();
            return Exit.RESET;
        } catch (RuntimeException | StackOverflowError e) {
            exitMessage = "internal error at RIP 0x" + Long.toHexString(cpu.rip) + ": " + e;
            return Exit.ERROR;
        }
    }

    private Exit loop() {
        final int wake = CpuSignals.INTR | CpuSignals.NMI | CpuSignals.RESET | CpuSignals.STOP | CpuSignals.HOST;
        while (true) {
            if (poweredOff) {
                exitMessage = "powered off (ACPI S5)";
                return Exit.POWER_OFF;
            }
            int w = signals.word();
            if (w != 0) {
                if ((w & CpuSignals.STOP) != 0) { signals.clear(CpuSignals.STOP); return Exit.STOPPED; }
                if ((w & CpuSignals.RESET) != 0) { exitMessage = "reset requested by the guest"; return Exit.RESET; }
                if ((w & CpuSignals.HOST) != 0) signals.serviceHost();
                Interrupts.takePending(cpu, signals, platform.interruptController());
            }
            if (cpu.halted) {
                if (!cpu.flags.ifl() && (Interrupts.actionable(cpu, signals.word()) & CpuSignals.NMI) == 0) {
                    exitMessage = "the CPU halted with interrupts disabled";
                    return Exit.POWER_OFF;
                }
                clock.idle(signals, wake);
                clock.runDue();
                continue;
            }
            interpreter.runSystem(Math.max(1, clock.instructionBudget()), signals, clock);
            clock.runDue();
        }
    }
}
