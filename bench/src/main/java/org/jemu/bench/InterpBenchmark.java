package org.jemu.bench;

import java.util.concurrent.TimeUnit;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter on small guest loops in 64-bit user mode (CPL 3, a flat 1 MiB address space set up
 * as cpu/src/test/.../Snippet.java does): code at {@link #CODE}, data at {@link #DATA}, string buffers
 * at {@link #SRC} and {@link #DST}. Each loop is hand-assembled below (bytes from {@code as --64}; the
 * source is in each array's comment) and ends at a {@code syscall}, which stops the run. One
 * benchmark invocation runs a loop from its first instruction to that syscall, so the score is
 * nanoseconds per guest instruction ({@link Interpreter#run}'s count, checked at setup against the
 * constant JMH divides by), except {@link #stringRep}, which is per byte moved or stored (a REP
 * instruction counts once per slice, so its instruction count says little).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterpBenchmark {
    static final long CODE = 0x1000, DATA = 0x4000, STACK_TOP = 0x9000, SRC = 0x10000, DST = 0x20000, RAM = 1 << 20;

    /**
     * Integer ALU, a load and a store, a taken branch: 1000 iterations of 9 instructions.
     * <pre>
     *      mov $1000, %ecx
     *   1: add %rbx,%rax
     *      xor %rax,%rdx
     *      lea 1(%rsi,%rax,2),%rsi
     *      mov %rax,(%rdi)
     *      mov (%rdi),%r8
     *      imul %r8,%rdx
     *      shr $3,%rdx
     *      sub $1,%ecx
     *      jnz 1b
     *      syscall
     * </pre>
     */
    static final byte[] INT_LOOP = {
        (byte) 0xb9, (byte) 0xe8, (byte) 0x03, (byte) 0x00, (byte) 0x00, (byte) 0x48, (byte) 0x01, (byte) 0xd8, (byte) 0x48, (byte) 0x31,
        (byte) 0xc2, (byte) 0x48, (byte) 0x8d, (byte) 0x74, (byte) 0x46, (byte) 0x01, (byte) 0x48, (byte) 0x89, (byte) 0x07, (byte) 0x4c,
        (byte) 0x8b, (byte) 0x07, (byte) 0x49, (byte) 0x0f, (byte) 0xaf, (byte) 0xd0, (byte) 0x48, (byte) 0xc1, (byte) 0xea, (byte) 0x03,
        (byte) 0x83, (byte) 0xe9, (byte) 0x01, (byte) 0x75, (byte) 0xe2, (byte) 0x0f, (byte) 0x05,
    };
    static final int INT_INSNS = 1 + 1000 * 9 + 1;

    /**
     * REP MOVSB then REP STOSB over 4 KiB, 100 times: 819,200 bytes.
     * <pre>
     *      mov $100, %edx
     *   1: mov $0x10000, %esi
     *      mov $0x20000, %edi
     *      mov $4096, %ecx
     *      rep movsb
     *      mov $0x20000, %edi
     *      mov $4096, %ecx
     *      xor %eax,%eax
     *      rep stosb
     *      sub $1,%edx
     *      jnz 1b
     *      syscall
     * </pre>
     */
    static final byte[] REP_LOOP = {
        (byte) 0xba, (byte) 0x64, (byte) 0x00, (byte) 0x00, (byte) 0x00, (byte) 0xbe, (byte) 0x00, (byte) 0x00, (byte) 0x01, (byte) 0x00,
        (byte) 0xbf, (byte) 0x00, (byte) 0x00, (byte) 0x02, (byte) 0x00, (byte) 0xb9, (byte) 0x00, (byte) 0x10, (byte) 0x00, (byte) 0x00,
        (byte) 0xf3, (byte) 0xa4, (byte) 0xbf, (byte) 0x00, (byte) 0x00, (byte) 0x02, (byte) 0x00, (byte) 0xb9, (byte) 0x00, (byte) 0x10,
        (byte) 0x00, (byte) 0x00, (byte) 0x31, (byte) 0xc0, (byte) 0xf3, (byte) 0xaa, (byte) 0x83, (byte) 0xea, (byte) 0x01, (byte) 0x75,
        (byte) 0xdc, (byte) 0x0f, (byte) 0x05,
    };
    static final int REP_BYTES = 100 * 2 * 4096;

    /**
     * A byte-at-a-time copy (MOVZX load, byte store, INC, DEC, JNZ), 10 x 1000 bytes.
     * <pre>
     *      mov $10, %edx
     *   1: mov $0x10000,%esi
     *      mov $0x20000,%edi
     *      mov $1000,%ecx
     *   2: movzbl (%rsi),%eax
     *      mov %al,(%rdi)
     *      inc %rsi
     *      inc %rdi
     *      dec %ecx
     *      jnz 2b
     *      sub $1,%edx
     *      jnz 1b
     *      syscall
     * </pre>
     */
    static final byte[] BYTE_LOOP = {
        (byte) 0xba, (byte) 0x0a, (byte) 0x00, (byte) 0x00, (byte) 0x00, (byte) 0xbe, (byte) 0x00, (byte) 0x00, (byte) 0x01, (byte) 0x00,
        (byte) 0xbf, (byte) 0x00, (byte) 0x00, (byte) 0x02, (byte) 0x00, (byte) 0xb9, (byte) 0xe8, (byte) 0x03, (byte) 0x00, (byte) 0x00,
        (byte) 0x0f, (byte) 0xb6, (byte) 0x06, (byte) 0x88, (byte) 0x07, (byte) 0x48, (byte) 0xff, (byte) 0xc6, (byte) 0x48, (byte) 0xff,
        (byte) 0xc7, (byte) 0xff, (byte) 0xc9, (byte) 0x75, (byte) 0xf1, (byte) 0x83, (byte) 0xea, (byte) 0x01, (byte) 0x75, (byte) 0xdd,
        (byte) 0x0f, (byte) 0x05,
    };
    static final int BYTE_INSNS = 1 + 10 * (3 + 1000 * 6 + 2) + 1;

    /**
     * SSE2 scalar double (MULSD, ADDSD, DIVSD, SQRTSD, CVTSI2SD, MOVSD store) and one MULPD: 1000 x 11.
     * <pre>
     *      mov $1000,%ecx
     *      movsd (%rdi),%xmm0
     *      movsd 8(%rdi),%xmm1
     *      movsd 16(%rdi),%xmm2
     *      movapd %xmm1,%xmm7
     *   1: mulsd %xmm1,%xmm0
     *      addsd %xmm2,%xmm3
     *      movapd %xmm0,%xmm4
     *      divsd %xmm1,%xmm4
     *      cvtsi2sd %ecx,%xmm5
     *      addsd %xmm5,%xmm3
     *      sqrtsd %xmm4,%xmm6
     *      mulpd %xmm1,%xmm7
     *      movsd %xmm3,24(%rdi)
     *      sub $1,%ecx
     *      jnz 1b
     *      syscall
     * </pre>
     */
    static final byte[] FP_LOOP = {
        (byte) 0xb9, (byte) 0xe8, (byte) 0x03, (byte) 0x00, (byte) 0x00, (byte) 0xf2, (byte) 0x0f, (byte) 0x10, (byte) 0x07, (byte) 0xf2,
        (byte) 0x0f, (byte) 0x10, (byte) 0x4f, (byte) 0x08, (byte) 0xf2, (byte) 0x0f, (byte) 0x10, (byte) 0x57, (byte) 0x10, (byte) 0x66,
        (byte) 0x0f, (byte) 0x28, (byte) 0xf9, (byte) 0xf2, (byte) 0x0f, (byte) 0x59, (byte) 0xc1, (byte) 0xf2, (byte) 0x0f, (byte) 0x58,
        (byte) 0xda, (byte) 0x66, (byte) 0x0f, (byte) 0x28, (byte) 0xe0, (byte) 0xf2, (byte) 0x0f, (byte) 0x5e, (byte) 0xe1, (byte) 0xf2,
        (byte) 0x0f, (byte) 0x2a, (byte) 0xe9, (byte) 0xf2, (byte) 0x0f, (byte) 0x58, (byte) 0xdd, (byte) 0xf2, (byte) 0x0f, (byte) 0x51,
        (byte) 0xf4, (byte) 0x66, (byte) 0x0f, (byte) 0x59, (byte) 0xf9, (byte) 0xf2, (byte) 0x0f, (byte) 0x11, (byte) 0x5f, (byte) 0x18,
        (byte) 0x83, (byte) 0xe9, (byte) 0x01, (byte) 0x75, (byte) 0xd6, (byte) 0x0f, (byte) 0x05,
    };
    static final int FP_INSNS = 5 + 1000 * 11 + 1;

    /** One guest: memory, CPU and interpreter, with one loop loaded at CODE. */
    static final class Guest {
        final PhysicalMemory phys = new PhysicalMemory(RAM);
        final byte[] code;
        final CpuState cpu;
        final Interpreter interp;
        final org.jemu.jit.Jit jit;

        Guest(byte[] code, boolean jit) {
            this.code = code;
            Translator flat = new Translator() {
                @Override
                public long translate(long linear, int access, boolean user) {
                    if (linear < 0 || linear >= RAM) throw GuestFault.pf(linear, GuestFault.PF_U | (access == WRITE ? GuestFault.PF_W : 0));
                    return linear;
                }
            };
            Mmu mmu = new Mmu(phys, flat);
            mmu.setUser(true);
            cpu = new CpuState(mmu);
            cpu.cpl = 3;
            cpu.cr4 = 0x600;                     // OSFXSR, OSXMMEXCPT: SSE enabled as Linux enables it
            phys.load(CODE, code, 0, code.length);
            phys.write(DATA, 8, Double.doubleToRawLongBits(1.0));
            phys.write(DATA + 8, 8, Double.doubleToRawLongBits(1.0000001));
            phys.write(DATA + 16, 8, Double.doubleToRawLongBits(0.5));
            for (int i = 0; i < 4096; i++) phys.write(SRC + i, 1, i * 7 + 1);
            interp = new Interpreter(cpu);
            interp.setSyscallHandler(c -> interp.requestStop());
            this.jit = jit ? new org.jemu.jit.Jit(interp) : null;
        }

        /** Runs the loop from its start to its closing syscall; returns the instructions retired. */
        long run() {
            long[] g = cpu.gpr;
            cpu.rip = CODE;
            g[CpuState.RSP] = STACK_TOP;
            g[CpuState.RDI] = DATA;
            g[CpuState.RAX] = 1;
            g[CpuState.RBX] = 0x9e3779b97f4a7c15L;
            g[CpuState.RDX] = 3;
            g[CpuState.RSI] = 5;
            return jit != null ? jit.run(Long.MAX_VALUE) : interp.run(Long.MAX_VALUE);
        }

        /** Runs once and checks that the loop ran to its closing syscall ({@code expected} < 0: any count). */
        Guest check(long expected, String what) {
            long n = run();
            if ((expected >= 0 && n != expected) || cpu.rip != CODE + code.length)
                throw new IllegalStateException(what + ": ran " + n + " instructions, expected " + expected
                        + ", stopped at rip " + Long.toHexString(cpu.rip));
            return this;
        }
    }

    Guest intGuest, repGuest, byteGuest, fpGuest;

    /** The engine: the interpreter alone, or the JIT (with the interpreter for cold code). */
    @org.openjdk.jmh.annotations.Param({"interp", "jit"})
    public String accel = "interp";

    @Setup
    public void setUp() {
        boolean jit = accel.equals("jit");
        intGuest = new Guest(INT_LOOP, jit).check(INT_INSNS, "integer");
        repGuest = new Guest(REP_LOOP, jit).check(-1, "string (REP)");
        if (repGuest.phys.read(DST + 4095, 1) != 0 || repGuest.phys.read(DST, 1) != 0)
            throw new IllegalStateException("string (REP): REP STOSB did not clear the buffer");
        byteGuest = new Guest(BYTE_LOOP, jit).check(BYTE_INSNS, "byte loop");
        if (byteGuest.phys.read(DST + 999, 1) != ((999 * 7 + 1) & 0xff))
            throw new IllegalStateException("byte loop: the copy is wrong");
        fpGuest = new Guest(FP_LOOP, jit).check(FP_INSNS, "floating point");
    }

    /** ns per guest instruction: integer loop. */
    @Benchmark
    @OperationsPerInvocation(INT_INSNS)
    public long integer() { return intGuest.run(); }

    /** ns per byte: REP MOVSB + REP STOSB. */
    @Benchmark
    @OperationsPerInvocation(REP_BYTES)
    public long stringRep() { return repGuest.run(); }

    /** ns per guest instruction: byte-at-a-time copy loop. */
    @Benchmark
    @OperationsPerInvocation(BYTE_INSNS)
    public long stringByteLoop() { return byteGuest.run(); }

    /** ns per guest instruction: SSE2 double loop. */
    @Benchmark
    @OperationsPerInvocation(FP_INSNS)
    public long floatingPoint() { return fpGuest.run(); }

    static volatile long sinkAll;

    /**
     * The same loops timed by thread CPU time (JMH measures wall time, which other work on a shared
     * machine inflates): {@code java -cp benchmarks.jar org.jemu.bench.InterpBenchmark [seconds-per-case]}.
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        for (String accel : new String[] {"interp", "jit"}) {
        InterpBenchmark b = new InterpBenchmark();
        b.accel = accel;
        b.setUp();
        String[] names = {"integer", "stringRep", "stringByteLoop", "floatingPoint"};
        Guest[] guests = {b.intGuest, b.repGuest, b.byteGuest, b.fpGuest};
        long[] ops = {INT_INSNS, REP_BYTES, BYTE_INSNS, FP_INSNS};
        for (int k = 0; k < names.length; k++) {
            long sink = 0;
            for (int round = 0; round < 2; round++) {      // round 0 warms up
                long n = 0, t0 = mx.getCurrentThreadCpuTime(), t;
                do {
                    sink += guests[k].run();
                    n += ops[k];
                    t = mx.getCurrentThreadCpuTime();
                } while (t - t0 < seconds * 1e9);
                sinkAll = sink;
                if (round == 1)
                    System.out.printf("InterpBenchmark.%-15s %-6s %7.2f ns per %-11s (%7.1f M %s per CPU-second)%n", names[k], accel,
                            (t - t0) / (double) n, k == 1 ? "byte" : "instruction", n * 1e3 / (t - t0),
                            k == 1 ? "bytes" : "instructions");
            }
        }
        }
    }
}
