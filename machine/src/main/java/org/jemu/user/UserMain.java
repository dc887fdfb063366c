package org.jemu.user;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.sys.Cpuid;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.loader.elf.ElfException;
import org.jemu.loader.elf.ElfFile;

/**
 * {@code jemu user [options] PROGRAM [ARGS...]}: runs a static x86-64 Linux executable on the
 * interpreter, like qemu-x86_64. The guest's exit status is the result; a guest killed by a signal
 * gives 128 + the signal number, as a shell reports it.
 */
public final class UserMain {
    static final String USAGE = "usage: jemu user [-E VAR=VALUE] [-U VAR] [-i] [-0 ARGV0] [-strace] [-stats] [-d unimp]"
            + " [-accel interp|jit] [-m MiB] [-max-insns N] PROGRAM [ARGS...]";
    /** Exit status when the instruction limit (-max-insns) is reached, as timeout(1) reports. */
    static final int EXIT_LIMIT = 124;

    private UserMain() {}

    /** Stand-alone entry point (the jemu command line calls {@link #run(String[])}). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs with the process's standard streams. */
    public static int run(String[] args) {
        return run(args, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), System.console() != null);
    }

    /** Runs with the given streams standing for the guest's descriptors 0, 1 and 2 (tests, embedding). */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err, boolean terminal) {
        PrintStream diag = new PrintStream(err, true, StandardCharsets.UTF_8);
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            diag.println("jemu: " + e.getMessage());
            diag.println(USAGE);
            return 1;
        }
        Path exe = Path.of(o.program).toAbsolutePath().normalize();
        byte[] image;
        try {
            image = Files.readAllBytes(exe);
        } catch (NoSuchFileException e) {
            diag.println("jemu: " + o.program + ": No such file or directory");
            return 1;
        } catch (IOException | OutOfMemoryError e) {
            diag.println("jemu: " + o.program + ": cannot read: " + e.getMessage());
            return 1;
        }

        PhysicalMemory phys;
        org.jemu.ClassWarmUp.start(o.jit);
        try {
            phys = new PhysicalMemory((long) o.ramMiB << 20);
        } catch (IllegalArgumentException | OutOfMemoryError e) {
            diag.println("jemu: cannot allocate " + o.ramMiB + " MiB of guest memory");
            return 1;
        }
        AddressSpace space = new AddressSpace(phys);
        Mmu mmu = new Mmu(phys, space);
        mmu.setUser(true);
        space.attach(mmu);
        LoadedProgram prog;
        try {
            prog = ProgramLoader.load(ElfFile.parse(image), space, phys);
        } catch (ElfException e) {
            diag.println("jemu: " + o.program + ": " + e.getMessage());
            return 1;
        }

        CpuState cpu = new CpuState(mmu);
        // The control registers as Linux sets them for user processes: PE, MP, ET, NE, WP, AM, PG;
        // OSFXSR and OSXMMEXCPT (SSE on, unmasked SIMD exceptions as #XM → SIGFPE), PAE.
        cpu.cr0 = 0x80050033L;
        cpu.cr4 = 0x620;
        cpu.cpl = 3;
        cpu.segSelector[CpuState.CS] = 0x33;       // Linux __USER_CS / __USER_DS
        cpu.segSelector[CpuState.SS] = 0x2b;
        int[] ids = hostIds();
        GuestProcess p = new GuestProcess(cpu, phys, space, diag, exe, (int) ProcessHandle.current().pid(), ids[0], ids[1]);
        p.cwd = Path.of("").toAbsolutePath();
        p.strace = o.strace;
        p.logUnimplemented = o.logUnimplemented;
        p.brkStart = p.brk = prog.brk();
        p.mmapTop = AddressSpace.TASK_SIZE - (128L << 20);
        p.files.add(new StreamFile(in, null, terminal, ids[0], ids[1]), 0);
        p.files.add(new StreamFile(null, out, terminal, ids[0], ids[1]), 1);
        p.files.add(new StreamFile(null, err, terminal, ids[0], ids[1]), 2);

        long stackTop = AddressSpace.TASK_SIZE;
        space.map(stackTop - STACK_SIZE, STACK_SIZE, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, "stack");
        List<String> argv = new ArrayList<>();
        argv.add(o.argv0 != null ? o.argv0 : o.program);
        argv.addAll(o.args);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        try {
            cpu.gpr[CpuState.RSP] = InitialStack.build(p.mem, stackTop, argv, o.environment(), o.program, prog,
                    Cpuid.EDX1 & 0xffffffffL, new long[] {ids[0], ids[0], ids[1], ids[1]}, random);
        } catch (GuestMemory.Fault f) {
            diag.println("jemu: arguments and environment do not fit on the stack");
            return 1;
        }
        cpu.rip = prog.entry();

        Interpreter interp = new Interpreter(cpu);
        interp.setSyscallHandler(new LinuxSyscalls(p));
        p.stopper = interp::requestStop;
        SignalDelivery signals = new SignalDelivery(p);
        p.signalDelivery = signals;
        long t0 = System.nanoTime();
        org.jemu.jit.Jit jit = o.jit ? new org.jemu.jit.Jit(interp) : null;
        java.util.function.LongUnaryOperator runner = jit != null ? jit::run : interp::run;
        try {
            return execute(runner, p, signals, o, diag);
        } finally {
            p.files.closeAll();
            if (o.stats) {
                double s = (System.nanoTime() - t0) / 1e9;
                diag.printf("jemu: %d instructions in %.3f s, %.1f million/s%n", interp.retired(), s,
                        interp.retired() / s / 1e6);
                if (jit != null) diag.println("jemu: " + jit.stats() + "\n" + jit.topRegions(5));
            }
        }
    }

    static final long STACK_SIZE = 8L << 20;

    private static int execute(java.util.function.LongUnaryOperator runner, GuestProcess p, SignalDelivery signals, Options o, PrintStream diag) {
        CpuState cpu = p.cpu;
        long budget = o.maxInsns;
        while (!p.exited) {
            long ran;
            try {
                ran = runner.applyAsLong(budget);
            } catch (GuestFault f) {
                int sig = SignalDelivery.signalFor(f);
                if (signals.deliverFault(sig, f)) continue;
                if (p.exited) break;
                diag.println("jemu: guest " + SignalDelivery.name(sig) + " at 0x" + Long.toHexString(cpu.rip) + " ("
                        + f.getMessage() + ")");
                return 128 + sig;
            } catch (RuntimeException | StackOverflowError e) {
                diag.println("jemu: internal error at rip 0x" + Long.toHexString(cpu.rip) + ": " + e);
                if (o.logUnimplemented) e.printStackTrace(diag);
                return 70;
            }
            if (p.exited) break;
            if (budget != Long.MAX_VALUE) {
                budget -= ran;
                if (budget <= 0) {
                    diag.println("jemu: instruction limit reached at rip 0x" + Long.toHexString(cpu.rip));
                    return EXIT_LIMIT;
                }
            }
        }
        return p.exitStatus;
    }

    /** {uid, gid} of this process, from /proc/self/status; 0 when unknown. */
    private static int[] hostIds() {
        int[] ids = new int[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) ids[0] = Integer.parseInt(line.split("\\s+")[1]);
                if (line.startsWith("Gid:")) ids[1] = Integer.parseInt(line.split("\\s+")[1]);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: root-like ids are as good as any
        }
        return ids;
    }

    /** The command line of {@code jemu user}. */
    static final class Options {
        String program;
        String argv0;
        final List<String> args = new ArrayList<>();
        final List<String[]> envEdits = new ArrayList<>();
        boolean clearEnv;
        boolean strace;
        boolean logUnimplemented;
        boolean stats;
        int ramMiB = 1024;
        long maxInsns = Long.MAX_VALUE;
        boolean jit = true;

        static Options parse(String[] a) {
            Options o = new Options();
            int i = 0;
            for (; i < a.length && a[i].startsWith("-"); i++) {
                String s = a[i];
                if (s.equals("--")) { i++; break; }
                switch (s) {
                    case "-strace": o.strace = true; break;
                    case "-stats": o.stats = true; break;
                    case "-i": o.clearEnv = true; break;
                    case "-E": o.envEdits.add(new String[] {arg(a, ++i, s), null}); break;
                    case "-U": o.envEdits.add(new String[] {null, arg(a, ++i, s)}); break;
                    case "-0": o.argv0 = arg(a, ++i, s); break;
                    case "-d":
                        for (String item : arg(a, ++i, s).split(","))
                            if (item.equals("unimp") || item.equals("guest_errors")) o.logUnimplemented = true;
                        break;
                    case "-accel": {
                        String v = arg(a, ++i, s);
                        if (v.equals("jit") || v.equals("tcg")) o.jit = true;
                        else if (v.equals("interp")) o.jit = false;
                        else throw new IllegalArgumentException("-accel " + v + ": unsupported accelerator (use interp or jit)");
                        break;
                    }
                    case "-m": o.ramMiB = (int) number(arg(a, ++i, s), s, 16, 2047); break;
                    case "-max-insns": o.maxInsns = number(arg(a, ++i, s), s, 1, Long.MAX_VALUE); break;
                    default: throw new IllegalArgumentException("unknown option " + s);
                }
            }
            if (i >= a.length) throw new IllegalArgumentException("no program given");
            o.program = a[i++];
            while (i < a.length) o.args.add(a[i++]);
            return o;
        }

        private static String arg(String[] a, int i, String opt) {
            if (i >= a.length) throw new IllegalArgumentException("option " + opt + " needs an argument");
            return a[i];
        }

        private static long number(String v, String opt, long min, long max) {
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value for " + opt + ": " + v);
            }
        }

        /** The guest environment: the host's (in its original order) unless -i, then -E/-U edits. */
        List<String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            if (!clearEnv) {
                for (String kv : hostEnvironment()) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            for (String[] e : envEdits) {
                if (e[0] != null) {
                    int eq = e[0].indexOf('=');
                    if (eq > 0) env.put(e[0].substring(0, eq), e[0].substring(eq + 1));
                } else {
                    env.remove(e[1]);
                }
            }
            List<String> out = new ArrayList<>();
            env.forEach((k, v) -> out.add(k + "=" + v));
            return out;
        }

        /** /proc/self/environ keeps the order the environment was given in; System.getenv() does not. */
        private static List<String> hostEnvironment() {
            List<String> out = new ArrayList<>();
            try {
                byte[] b = Files.readAllBytes(Path.of("/proc/self/environ"));
                int start = 0;
                for (int i = 0; i < b.length; i++) {
                    if (b[i] != 0) continue;
                    if (i > start) out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
                return out;
            } catch (IOException | RuntimeException e) {
                System.getenv().forEach((k, v) -> out.add(k + "=" + v));
                return out;
            }
        }
    }
}
