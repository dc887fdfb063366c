package org.jemu.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.DecodeCache;
import org.jemu.cpu.decode.Decoder;
import org.jemu.cpu.decode.Ext;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PagingTranslator;
import org.jemu.cpu.mem.PhysicalMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoder throughput over real kernel code: the {@code .text} of the small kernel's vmlinux
 * ({@code $JEMU_IMAGES/small/vmlinux}, default {@code ~/.cache/jemu/images}; made by
 * {@code src-test-images/small-kernel.sh}). The setup sweeps {@code .text} linearly from its start,
 * skipping one byte on #UD and the runs of INT3 padding ({@link #isPadding}), and keeps the start
 * address of every instruction that decodes; each invocation then decodes the next {@link #BATCH}
 * of them, wrapping around, so a run covers the whole section (about 430,000 instructions), or
 * only the first {@link #window} of them. Reported in instructions per second.
 *
 * <ul>
 * <li>{@code uncachedArray}: {@link Decoder#decode(byte[], int, Insn)} into one reused {@link Insn},
 *     the decoder alone;</li>
 * <li>{@code uncachedMmu}: {@link Decoder#decode(Mmu, long, Insn)}, fetching each byte through the
 *     TLB at the kernel's own virtual addresses (4-level paging, 2 MiB pages), the interpreter's
 *     path on a decode-cache miss;</li>
 * <li>{@code cachedHot}: {@link DecodeCache#get} on instructions already cached, the hot path.</li>
 * </ul>
 * Without the image the setup fails with one line saying where it looked (JMH goes on with the
 * other benchmarks).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    static final int BATCH = 1 << 16;
    /** Where .text is loaded in guest RAM; 2 MiB aligned so large pages map it. */
    static final long TEXT_PHYS = 0x1000000;
    static final long P = 1, RW = 2, PS = 0x80;

    /**
     * How many of the instructions the benchmark cycles through: {@code all} of .text (a footprint
     * far beyond the CPU caches, as a first boot sees it), or the first N, a hot loop's worth.
     */
    @Param({"all", "4096"})
    public String window;

    byte[] text;
    long textVaddr;
    /** Offsets into {@link #text} of the instructions the linear sweep decoded. */
    int[] starts;
    int next;

    final Insn insn = new Insn();
    final Decoder decoder = new Decoder(Ext.ALL);
    Mmu mmu;
    DecodeCache cache;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path image = imageDir().resolve("small/vmlinux");
        if (!Files.isRegularFile(image))
            throw new SkipException("DecodeBenchmark skipped: no small-kernel image at " + image
                    + " (make it with src-test-images/small-kernel.sh, or set JEMU_IMAGES)");
        byte[] elf = Files.readAllBytes(image);
        long[] sec = textSection(elf, image);
        text = Arrays.copyOfRange(elf, (int) sec[1], (int) (sec[1] + sec[2]));
        textVaddr = sec[0];

        int[] s = new int[text.length];
        int n = 0, ud = 0, pad = 0;
        for (int off = 0; off < text.length; ) {
            if (isPadding(text, off)) {
                pad++;
                off++;
                continue;
            }
            try {
                decoder.decode(text, off, insn);
                s[n++] = off;
                off += insn.length;
            } catch (GuestFault f) {
                ud++;
                off++;
            }
        }
        starts = Arrays.copyOf(s, window.equals("all") ? n : Math.min(n, Integer.parseInt(window)));
        System.out.printf("%n[DecodeBenchmark] %s: .text %d bytes at %#x: %d instructions, %d bytes of INT3 padding"
                + " and %d bytes of #UD skipped%n", image, text.length, textVaddr, n, pad, ud);

        // Guest RAM with .text at TEXT_PHYS, mapped at its link address with 2 MiB pages.
        PhysicalMemory mem = new PhysicalMemory(TEXT_PHYS + ((text.length + (4L << 20)) & ~((2L << 20) - 1)));
        mem.load(TEXT_PHYS, text, 0, text.length);
        mmu = new Mmu(mem, null);
        CpuState c = new CpuState(mmu);
        mmu.setTranslator(new PagingTranslator(c, mem));
        c.cr0 = PagingTranslator.CR0_PG | 1;
        c.cr4 = 0x20;
        c.efer = 0x500;
        c.cr3 = 0x1000;
        long pml4 = 0x1000, pdpt = 0x2000, pd = 0x3000;
        mem.write(pml4 + 8 * ((textVaddr >>> 39) & 511), 8, pdpt | P | RW);
        mem.write(pdpt + 8 * ((textVaddr >>> 30) & 511), 8, pd | P | RW);
        long first = (textVaddr >>> 21) & 511;
        for (long k = 0; k * (2 << 20) < text.length + (2 << 20); k++)
            mem.write(pd + 8 * (first + k), 8, (TEXT_PHYS + k * (2 << 20)) | P | RW | PS);
        if ((textVaddr & ((2 << 20) - 1)) != 0) throw new IllegalStateException(".text not 2 MiB aligned");

        cache = new DecodeCache(mem, new Decoder(Ext.ALL));
        for (int off : starts) cache.get(mmu, textVaddr + off);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int uncachedArray() {
        int[] s = starts;
        int i = next, sum = 0;
        for (int k = 0; k < BATCH; k++) {
            decoder.decode(text, s[i], insn);
            sum += insn.op;
            if (++i == s.length) i = 0;
        }
        next = i;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int uncachedMmu() {
        int[] s = starts;
        int i = next, sum = 0;
        for (int k = 0; k < BATCH; k++) {
            decoder.decode(mmu, textVaddr + s[i], insn);
            sum += insn.op;
            if (++i == s.length) i = 0;
        }
        next = i;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int cachedHot() {
        int[] s = starts;
        int i = next, sum = 0;
        for (int k = 0; k < BATCH; k++) {
            sum += cache.get(mmu, textVaddr + s[i]).op;
            if (++i == s.length) i = 0;
        }
        next = i;
        return sum;
    }

    /**
     * The same measurements by thread CPU time, for a shared machine where other processes take the
     * cores (JMH measures wall time): {@code java -cp bench/target/benchmarks.jar
     * org.jemu.bench.DecodeBenchmark [seconds]}. Prints million instructions per CPU-second.
     */
    static volatile long sinkAll;

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        for (String w : new String[] {"all", "4096"}) {
            DecodeBenchmark b = new DecodeBenchmark();
            b.window = w;
            b.setUp();
            String[] names = {"uncachedArray", "uncachedMmu", "cachedHot"};
            for (int k = 0; k < names.length; k++) {
                long sink = 0;
                for (int round = 0; round < 2; round++) {      // round 0 warms up
                    long ops = 0, t0 = mx.getCurrentThreadCpuTime(), t;
                    do {
                        sink += k == 0 ? b.uncachedArray() : k == 1 ? b.uncachedMmu() : b.cachedHot();
                        ops += BATCH;
                        t = mx.getCurrentThreadCpuTime();
                    } while (t - t0 < seconds * 1e9);
                    sinkAll = sink;
                    if (round == 1)
                        System.out.printf("DecodeBenchmark.%-14s window=%-5s %8.1f M instructions per CPU-second%n",
                                names[k], w, ops * 1e3 / (t - t0));
                }
            }
        }
    }

    /**
     * An INT3 (CC) next to another: the filler the kernel puts between functions and up to its 2 MiB
     * section alignment (86% of the small kernel's .text). Never executed, so left out.
     */
    static boolean isPadding(byte[] t, int off) {
        return t[off] == (byte) 0xcc
                && ((off + 1 < t.length && t[off + 1] == (byte) 0xcc) || (off > 0 && t[off - 1] == (byte) 0xcc));
    }

    static Path imageDir() {
        String env = System.getenv("JEMU_IMAGES");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "jemu", "images");
    }

    /**
     * The {@code .text} section of a 64-bit little-endian ELF file, from the section headers
     * (System V gABI, "Sections"): {vaddr, file offset, size}.
     */
    static long[] textSection(byte[] elf, Path name) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 64 || b.getInt(0) != 0x464c457f || elf[4] != 2 || elf[5] != 1)
            throw new IllegalStateException(name + ": not a 64-bit little-endian ELF file");
        long shoff = b.getLong(0x28);
        int shentsize = b.getShort(0x3a) & 0xffff, shnum = b.getShort(0x3c) & 0xffff, shstrndx = b.getShort(0x3e) & 0xffff;
        long strtab = b.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            int nameOff = (int) (strtab + b.getInt(h));
            int end = nameOff;
            while (elf[end] != 0) end++;
            if (new String(elf, nameOff, end - nameOff, StandardCharsets.US_ASCII).equals(".text"))
                return new long[] {b.getLong(h + 0x10), b.getLong(h + 0x18), b.getLong(h + 0x20)};
        }
        throw new IllegalStateException(name + ": no .text section");
    }

    /** Setup failure that means "not measurable here"; no stack trace, so JMH prints just the line. */
    static final class SkipException extends RuntimeException {
        SkipException(String message) {
            super(message, null, false, false);
        }
    }
}
