package org.jemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The machine issue's acceptance test: a real Linux kernel (the oracle: it checks the hardware it
 * finds, and its shell answers) boots to the busybox shell, answers commands, and powers off.
 * Images come from src-test-images/make-images.sh; the test skips when they are not built.
 * Deterministic time (-icount 3) keeps the run reproducible on a loaded machine. Every boot runs
 * twice: on the JIT (the default) and on the interpreter alone.
 */
@Tag("boot")
class BootTest {
    static final Duration BOOT = Duration.ofMinutes(6), COMMAND = Duration.ofMinutes(1);

    /** The configuration of the boot tests, on the JIT (the default engine). */
    static MachineConfig config(String kernel, String initrd, String append) {
        return config(kernel, initrd, append, MachineConfig.Accel.JIT);
    }

    static MachineConfig config(String kernel, String initrd, String append, MachineConfig.Accel accel) {
        Path k = ImageCache.find(kernel), i = ImageCache.find(initrd);
        assumeTrue(k != null && i != null, "guest images not built: src-test-images/make-images.sh");
        MachineConfig c = new MachineConfig();
        c.kernel = k;
        c.initrd.add(i);
        c.append = append;
        c.ramSize = 256L << 20;
        c.icountShift = 3;
        c.accel = accel;
        return c;
    }

    /** Boots, checks the shell with the commands, powers off; returns the console output. */
    static String bootAndCheckShell(MachineConfig cfg) throws Exception {
        ConsoleExpect con = new ConsoleExpect();
        Machine m = new Machine(cfg, con);
        con.attach(m);
        CompletableFuture<Machine.Exit> run = CompletableFuture.supplyAsync(m::run);
        try {
            con.waitFor("Hello Linux", BOOT);
            String took = con.waitFor("seconds", COMMAND);
            assertTrue(took.matches("(?s).*This boot took [0-9.]+ seconds"), took);
            con.waitFor("# ", COMMAND);
            con.sendLine("echo $((6*7))");
            assertTrue(con.waitFor("# ", COMMAND).contains("\n42\r\n"), "arithmetic in the shell");
            con.sendLine("cat /proc/cpuinfo");
            String cpuinfo = con.waitFor("# ", COMMAND);
            assertTrue(cpuinfo.contains("vendor_id\t: GenuineIntel") && cpuinfo.contains("sse2"), cpuinfo);
            con.sendLine("ls /proc");
            String proc = con.waitFor("# ", COMMAND);
            assertTrue(proc.contains("cpuinfo") && proc.contains("meminfo") && proc.contains("uptime"), proc);
            con.sendLine("dmesg | tail -n 40");
            String dmesg = con.waitFor("# ", COMMAND);
            assertTrue(dmesg.contains("Run /init as init process"), dmesg);
            con.sendLine("poweroff -f");
            assertEquals(Machine.Exit.POWER_OFF, run.get(COMMAND.toSeconds(), TimeUnit.SECONDS));
            return con.output();
        } finally {
            m.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = MachineConfig.Accel.class, names = {"JIT", "INTERP"})
    void smallKernelBootsToShellAndPowersOff(MachineConfig.Accel accel) throws Exception {
        String out = bootAndCheckShell(config("small/bzImage", "seed/initramfs.cpio.gz", "console=ttyS0", accel));
        assertTrue(out.contains("Linux version 6.1"), "kernel banner");
        assertTrue(out.contains("ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A"), "8250 probe");
    }

    @ParameterizedTest
    @EnumSource(value = MachineConfig.Accel.class, names = {"JIT", "INTERP"})
    void stockKernelBootsToShellAndPowersOffThroughAcpi(MachineConfig.Accel accel) throws Exception {
        String out = bootAndCheckShell(config("stock/bzImage", "seed/initramfs.cpio.gz", "console=ttyS0", accel));
        assertTrue(out.contains("ACPI: PM: Preparing to enter system sleep state S5"), "power-off through ACPI S5");
        assertTrue(out.contains("IOAPIC[0]: apic_id 0, version 32, address 0xfec00000, GSI 0-23"), "MADT read");
    }

    @ParameterizedTest
    @EnumSource(value = MachineConfig.Accel.class, names = {"JIT", "INTERP"})
    void smallKernelAsElfVmlinuxBootsToShell(MachineConfig.Accel accel) throws Exception {
        String out = bootAndCheckShell(config("small/vmlinux", "seed/initramfs.cpio.gz", "console=ttyS0", accel));
        assertTrue(out.contains("Linux version 6.1"), "kernel banner");
    }

    /** Without ACPI the stock kernel falls back to the PIC and finds no way to power off: it halts. */
    @ParameterizedTest
    @EnumSource(value = MachineConfig.Accel.class, names = {"JIT", "INTERP"})
    void stockKernelWithAcpiOffUsesThePicAndHalts(MachineConfig.Accel accel) throws Exception {
        String out = bootAndCheckShell(config("stock/bzImage", "seed/initramfs.cpio.gz", "console=ttyS0 acpi=off", accel));
        assertTrue(out.contains("reboot: System halted") || out.contains("reboot: Power down"), "halt message");
    }
}
