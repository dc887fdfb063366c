package org.jemu.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.jemu.Machine;
import org.jemu.MachineConfig;
import org.jemu.loader.initramfs.InitramfsException;
import org.jemu.loader.linux.KernelFormatException;
import org.jemu.loader.linux.KernelImage;

/**
 * The {@code jemu} command: {@code jemu [options]} boots a machine as {@code qemu-system-x86_64}
 * would; {@code jemu mkinitramfs DIR OUT} and {@code jemu user PROG ...} are subcommands.
 *
 * <p>Exit status: 0 success, 1 a missing or malformed input file (or no display for the window), 2 an unknown or unsupported option,
 * 70 an internal error of jemu (a bug: please report it).
 * User errors print one line, never a stack trace.
 */
public final class Main {
    public static final int EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 70;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit status (for tests and embedding). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("mkinitramfs"))
            return MkInitramfs.run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && args[0].equals("user"))
            return org.jemu.user.UserMain.run(Arrays.copyOfRange(args, 1, args.length));
        Options o;
        try {
            o = Options.parse(args);
            if (o.help) {
                out.print(usage());
                return EXIT_OK;
            }
            if (o.logHelp) {
                out.print(org.jemu.DebugLog.help());
                return EXIT_OK;
            }
            if (o.version) {
                out.println("jemu version " + version() + " (x86-64 system emulator in Java, running on Java "
                        + System.getProperty("java.version") + ")");
                return EXIT_OK;
            }
            o.checkFiles();
            probeKernel(o.config.kernel);
        } catch (UsageException e) {
            err.println("jemu: " + e.getMessage());
            return e.status;
        }
        return boot(o, out, err);
    }

    /** Builds the machine and runs it with the terminal as its serial console (and a window, unless -display none). */
    static int boot(Options o, PrintStream out, PrintStream err) {
        org.jemu.display.DisplayWindow window = null;
        java.util.concurrent.atomic.AtomicReference<Machine> current = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean windowClosed = new java.util.concurrent.atomic.AtomicBoolean();
        if (o.display == Options.Display.WINDOW) {
            try {
                window = org.jemu.display.DisplayWindow.open(() -> {
                    windowClosed.set(true);            // closing the window quits, as QEMU's does
                    Machine m = current.get();
                    if (m != null) m.stop();
                });
            } catch (org.jemu.display.DisplayWindow.NoDisplayException e) {
                err.println("jemu: no display available (use -nographic or -display none)");
                return EXIT_INPUT;
            }
        }
        try {
            return boot(o, window, current, windowClosed, out, err);
        } finally {
            if (window != null) window.close();
        }
    }

    private static int boot(Options o, org.jemu.display.DisplayWindow window, java.util.concurrent.atomic.AtomicReference<Machine> current,
            java.util.concurrent.atomic.AtomicBoolean windowClosed, PrintStream out, PrintStream err) {
        PrintStream logOut = null;
        if (o.logFile != null) {
            try {
                logOut = new PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(o.logFile), 1 << 16), false);
            } catch (IOException e) {
                err.println("jemu: -D " + o.logFile + ": " + e.getMessage());
                return EXIT_INPUT;
            }
        }
        Console console = new Console(o, System.in, out, err);
        try {
            console.start();
            return boot(o, logOut, console, window, current, windowClosed, out, err);
        } catch (UsageException e) {
            err.println("jemu: " + e.getMessage());
            return e.status;
        } finally {
            console.close();
            if (logOut != null) logOut.close();
        }
    }

    private static int boot(Options o, PrintStream logOut, Console console, org.jemu.display.DisplayWindow window,
            java.util.concurrent.atomic.AtomicReference<Machine> current, java.util.concurrent.atomic.AtomicBoolean windowClosed,
            PrintStream out, PrintStream err) {
        MachineConfig config = o.config;
        while (true) {
            Machine m;
            org.jemu.Lockstep lockstep = null;
            try {
                if (config.accel == org.jemu.MachineConfig.Accel.LOCKSTEP) {
                    lockstep = new org.jemu.Lockstep(config, console.serialSink());
                    m = lockstep.primary();
                } else {
                    m = new Machine(config, console.serialSink());
                }
            } catch (KernelFormatException | InitramfsException e) {
                err.println("jemu: " + e.getMessage());
                return EXIT_INPUT;
            } catch (IOException e) {
                err.println("jemu: cannot read input: " + e.getMessage());
                return EXIT_INPUT;
            }
            m.log().setItems(o.logItems);
            m.log().setDisasSyntax(o.disasSyntax);
            m.log().setOutput(logOut != null ? logOut : console.logStream());
            console.attach(m);
            current.set(m);
            if (window != null) window.attach(m);
            if (console.exitRequested() || windowClosed.get()) return EXIT_OK; // C-a x, quit or the window closed meanwhile
            Machine.Exit why = lockstep != null ? lockstep.run() : m.run();
            out.flush();
            if (console.exitRequested() || windowClosed.get()) return EXIT_OK;
            switch (why) {
                case POWER_OFF: return EXIT_OK;
                case STOPPED: return EXIT_OK;
                case RESET:
                    if (config.noReboot) {
                        console.report("jemu: " + m.exitMessage() + "; exiting (-no-reboot)");
                        return EXIT_OK;
                    }
                    console.report("jemu: " + m.exitMessage() + "; rebooting");
                    continue;
                default:
                    console.report("jemu: " + m.exitMessage());
                    return EXIT_INTERNAL;
            }
        }
    }

    /** Rejects a file that is not a bootable x86-64 kernel before anything else is built. */
    private static void probeKernel(Path kernel) throws UsageException {
        try {
            KernelImage.read(kernel);
        } catch (KernelFormatException e) {
            throw UsageException.input("-kernel " + kernel + ": " + e.getMessage());
        } catch (IOException e) {
            throw UsageException.input("-kernel " + kernel + ": cannot read: " + e.getMessage());
        }
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/org/jemu/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: jemu [options]                  boot a Linux kernel on an emulated x86-64 PC",
                "       jemu mkinitramfs DIR OUT         pack DIR as a newc cpio initramfs (gzip if OUT ends in .gz)",
                "       jemu user PROG [ARGS...]         run a static x86-64 Linux program (user-mode emulation;",
                "                                        see its usage line for options)",
                "",
                "Options (spelled as in qemu-system-x86_64):",
                "  -kernel FILE     Linux kernel: a bzImage or an ELF vmlinux",
                "  -initrd FILE     initramfs: a file, a directory (packed on the fly), or FILE1,FILE2,... concatenated",
                "  -append CMDLINE  kernel command line, e.g. \"console=ttyS0\"",
                "  -m SIZE          guest RAM, e.g. 512, 512M, 2G (default 512M; suffix-less means MiB)",
                "  -nographic       no display: the first serial port is the terminal",
                "  -display none|window  show the VGA screen in a window (the default without -nographic),",
                "                   or nowhere (the VGA is still there: see the monitor's screendump)",
                "  -no-reboot       exit instead of rebooting when the guest resets",
                "  -accel interp|jit|lockstep  interpreter only, the JIT for hot code (default), or both\n"
                + "                     machines side by side, compared after every slice (verification)",
                "  -smp 1           number of CPUs (only 1)",
                "  -h, --help       this text",
                "  --version        print the version",
                "",
                "  -icount N        deterministic time: each instruction advances the clock by 2^N ns",
                "",
                "  -serial DEV      the first serial port: mon:stdio (default: the terminal, shared with the",
                "                   monitor through C-a c), stdio, null, file:PATH, tcp:[HOST]:PORT (connect",
                "                   out), tcp:[HOST]:PORT,server[,nowait] (listen; the guest waits for the",
                "                   first client unless nowait); HOST defaults to 127.0.0.1",
                "  -monitor stdio|none  the monitor on the terminal, or none",
                "  -echr N          the console escape character (default 1, Ctrl-A; C-a h lists the keys)",
                "  -d ITEM,...      debug log: in_asm exec cpu int guest_errors unimp cpu_reset (-d help)",
                "  -D FILE          write the -d log to FILE instead of stderr",
                "  -disas-syntax att|intel  the dialect of -d in_asm and the monitor's x/i (default att, as QEMU)",
                "",
                "Exit status: 0 ok (the guest powered off), 1 missing or malformed input file or no display,",
                "2 unknown or unsupported option, 70 internal error.",
                "");
    }
}
