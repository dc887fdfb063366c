package org.jemu.bench;

import java.util.concurrent.TimeUnit;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PagingTranslator;
import org.jemu.cpu.mem.PhysicalMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The TLB hit path (DESIGN.md, "Rules for the hot path"): guest loads and stores through
 * {@link Mmu} on pages already in the TLB, under real 4-level paging. Reported per access.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TlbBenchmark {
    static final int ACCESSES = 4096;
    static final long P = 1, RW = 2, US = 4;

    /** Pages touched: 1 (always hits one entry) up to 512 (spread over the direct-mapped TLB). */
    @Param({"1", "64", "512"})
    public int pages;

    Mmu mmu;
    long[] addrs;

    @Setup
    public void setUp() {
        PhysicalMemory mem = new PhysicalMemory(64 << 20);
        mmu = new Mmu(mem, null);
        CpuState c = new CpuState(mmu);
        mmu.setTranslator(new PagingTranslator(c, mem));
        c.cr0 = PagingTranslator.CR0_PG | 1;
        c.cr4 = 0x20;
        c.efer = 0x500;
        c.cr3 = 0x1000;
        mem.write(0x1000, 8, 0x2000 | P | RW | US);
        mem.write(0x2000, 8, 0x3000 | P | RW | US);
        mem.write(0x3000, 8, 0x4000 | P | RW | US);
        for (int i = 0; i < 512; i++) mem.write(0x4000 + 8L * i, 8, (0x100000L + 0x1000L * i) | P | RW | US);
        addrs = new long[ACCESSES];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < ACCESSES; i++) addrs[i] = 0x1000L * r.nextInt(pages) + 8 * r.nextInt(511);
        for (long a : addrs) { mmu.read64(a); mmu.write64(a, 0); }
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long load64() {
        long s = 0;
        for (long a : addrs) s += mmu.read64(a);
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public void store64() {
        long v = 0;
        for (long a : addrs) mmu.write64(a, v++);
    }
}
