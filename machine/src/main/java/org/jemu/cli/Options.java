package org.jemu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jemu.MachineConfig;

/**
 * Parses QEMU-style options ({@code -kernel bzImage -m 512M ...}) into a {@link MachineConfig}.
 * Options are spelled as QEMU spells them; a double dash is accepted too ({@code --kernel}), as
 * QEMU does.
 */
final class Options {
    boolean help;
    boolean version;
    final MachineConfig config = new MachineConfig();
    /** The first serial port's back-end (QEMU's default with -nographic: the terminal, multiplexed with the monitor). */
    SerialBackend serial;
    /** {@code -monitor}: null (default: on the console multiplexer), "stdio" or "none". */
    String monitor;
    /** {@code -echr}: the console escape character (Ctrl-A). */
    int echr = 1;
    /** {@code -d}: DebugLog items; {@code -D}: the log file (stderr when null). */
    int logItems;
    /** -disas-syntax: the dialect of -d in_asm and the monitor's x/i. */
    org.jemu.cpu.decode.Disassembler.Syntax disasSyntax = org.jemu.cpu.decode.Disassembler.Syntax.ATT;
    String logFile;
    boolean logHelp;
    /** {@code -display}: what shows the VGA screen. */
    enum Display { NONE, WINDOW }
    Display display;

    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String opt = a.startsWith("--") ? a.substring(1) : a;
            switch (opt) {
                case "-h": case "-help": o.help = true; break;
                case "-version": o.version = true; break;
                case "-kernel": o.config.kernel = Path.of(value(args, ++i, a)); break;
                case "-initrd":
                    for (String part : value(args, ++i, a).split(",", -1)) {
                        if (part.isEmpty()) throw UsageException.usage("-initrd: empty entry in list");
                        o.config.initrd.add(Path.of(part));
                    }
                    break;
                case "-append": o.config.append = value(args, ++i, a); break;
                case "-m": o.config.ramSize = parseMemory(value(args, ++i, a)); break;
                case "-nographic": o.config.nographic = true; break;
                case "-display": o.display = parseDisplay(value(args, ++i, a)); break;
                case "-no-reboot": o.config.noReboot = true; break;
                case "-accel": o.config.accel = parseAccel(value(args, ++i, a)); break;
                case "-smp": o.config.smp = parseSmp(value(args, ++i, a)); break;
                case "-icount": o.config.icountShift = parseIcount(value(args, ++i, a)); break;
                case "-serial": {
                    if (o.serial != null) throw UsageException.usage("-serial: only one serial port is supported");
                    o.serial = SerialBackend.parse(value(args, ++i, a));
                    break;
                }
                case "-monitor": {
                    String v = value(args, ++i, a);
                    if (!v.equals("stdio") && !v.equals("none"))
                        throw UsageException.usage("-monitor " + v + ": unsupported (use stdio or none)");
                    o.monitor = v;
                    break;
                }
                case "-echr": o.echr = parseEchr(value(args, ++i, a)); break;
                case "-d": {
                    String v = value(args, ++i, a);
                    if (v.equals("help") || v.equals("?")) { o.logHelp = true; break; }
                    try {
                        o.logItems |= org.jemu.DebugLog.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw UsageException.usage("-d: " + e.getMessage());
                    }
                    break;
                }
                case "-D": o.logFile = value(args, ++i, a); break;
                case "-disas-syntax": {
                    try {
                        o.disasSyntax = org.jemu.DebugLog.parseSyntax(value(args, ++i, a));
                    } catch (IllegalArgumentException e) {
                        throw UsageException.usage("-disas-syntax: " + e.getMessage());
                    }
                    break;
                }
                default:
                    if (a.startsWith("-")) throw UsageException.usage("unknown or unsupported option: " + a);
                    throw UsageException.usage("unexpected argument: " + a + " (options start with '-'; see --help)");
            }
        }
        if (o.config.nographic && o.display != null) throw UsageException.usage("-nographic cannot be used with -display");
        if (o.display == null) o.display = o.config.nographic ? Display.NONE : Display.WINDOW;
        o.config.vgaConsole = !o.config.nographic;
        if (o.serial == null) o.serial = SerialBackend.parse("stdio".equals(o.monitor) || "none".equals(o.monitor) ? "stdio" : "mon:stdio");
        if ("stdio".equals(o.monitor) && o.serial.kind == SerialBackend.Kind.MON_STDIO)
            throw UsageException.usage("-monitor stdio: stdio is already used by -serial mon:stdio");
        return o;
    }

    /** {@code -display none|window} (QEMU's types gtk and sdl are windows too); options after a comma are not taken. */
    static Display parseDisplay(String s) throws UsageException {
        switch (s) {
            case "none": return Display.NONE;
            case "window": case "gtk": case "sdl": return Display.WINDOW;
            default: throw UsageException.usage("-display " + s + ": unsupported (use none or window)");
        }
    }

    /** QEMU's -echr: a character code, decimal or 0x hex (1 is Ctrl-A). */
    static int parseEchr(String s) throws UsageException {
        try {
            int v = s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
            if (v >= 0 && v < 256) return v;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw UsageException.usage("-echr " + s + ": expected a character code from 0 to 255");
    }

    /** Checks that the input files exist; called only when the machine is to be run. */
    void checkFiles() throws UsageException {
        if (config.kernel == null) throw UsageException.usage("no kernel given: use -kernel bzImage (see --help)");
        checkReadable(config.kernel, "-kernel", false);
        for (Path p : config.initrd) checkReadable(p, "-initrd", true);
    }

    private static void checkReadable(Path p, String opt, boolean dirOk) throws UsageException {
        if (!Files.exists(p)) throw UsageException.input(opt + ": " + p + ": no such file");
        if (Files.isDirectory(p) && !dirOk) throw UsageException.input(opt + ": " + p + ": is a directory");
        if (!Files.isReadable(p)) throw UsageException.input(opt + ": " + p + ": not readable");
    }

    private static String value(String[] args, int i, String opt) throws UsageException {
        if (i >= args.length) throw UsageException.usage(opt + " needs a value");
        return args[i];
    }

    /** QEMU's -m syntax: a number with an optional K/M/G/T suffix (MiB when none), optionally "size=". */
    static long parseMemory(String s) throws UsageException {
        String v = s.startsWith("size=") ? s.substring(5) : s;
        if (v.isEmpty()) throw UsageException.usage("-m: missing size");
        long unit = 1L << 20;
        char last = Character.toUpperCase(v.charAt(v.length() - 1));
        int shift = "KMGT".indexOf(last);
        if (shift >= 0) {
            unit = 1L << (10 * (shift + 1));
            v = v.substring(0, v.length() - 1);
            if (v.endsWith("i") || v.endsWith("I")) throw UsageException.usage("-m: invalid size '" + s + "'");
        } else if (last == 'B') {
            throw UsageException.usage("-m: invalid size '" + s + "' (use K, M, G or T)");
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw UsageException.usage("-m: invalid size '" + s + "'");
        }
        if (n <= 0 || n > (Long.MAX_VALUE / unit)) throw UsageException.usage("-m: invalid size '" + s + "'");
        long bytes = n * unit;
        if (bytes < MachineConfig.MIN_RAM)
            throw UsageException.usage("-m " + s + ": guest RAM too small (at least " + (MachineConfig.MIN_RAM >> 20) + "M)");
        if (bytes > MachineConfig.MAX_RAM)
            throw UsageException.usage("-m " + s + ": more than " + (MachineConfig.MAX_RAM >> 20) + "M of guest RAM is not supported yet");
        if ((bytes & 0xfff) != 0) throw UsageException.usage("-m " + s + ": not a multiple of 4K");
        return bytes;
    }

    private static MachineConfig.Accel parseAccel(String s) throws UsageException {
        String name = s.startsWith("accel=") ? s.substring(6) : s;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "interp": case "tcg-interp": return MachineConfig.Accel.INTERP;
            case "jit": case "tcg": return MachineConfig.Accel.JIT;
            case "lockstep": return MachineConfig.Accel.LOCKSTEP;
            default: throw UsageException.usage("-accel " + s + ": unsupported accelerator (use interp, jit or lockstep)");
        }
    }

    /** QEMU's -icount syntax: N or shift=N, 0 <= N <= 10. */
    private static int parseIcount(String s) throws UsageException {
        String n = s.startsWith("shift=") ? s.substring(6) : s;
        try {
            int v = Integer.parseInt(n);
            if (v >= 0 && v <= 10) return v;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw UsageException.usage("-icount " + s + ": expected a shift from 0 to 10");
    }

    private static int parseSmp(String s) throws UsageException {
        String n = s.startsWith("cpus=") ? s.substring(5) : s;
        if (!n.equals("1")) throw UsageException.usage("-smp " + s + ": only one CPU is supported");
        return 1;
    }
}
