package org.jemu.jit;

import java.util.Map;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.sys.Interrupts;
import org.jemu.cpu.time.VirtualClock;

/**
 * The JIT's dispatcher: runs compiled regions for hot code and the {@link Interpreter} for the rest,
 * with the interpreter's observable behaviour (the same instruction counts, clock, interrupt points
 * and precise faults), so either engine can run any machine and {@code -accel lockstep} can compare
 * them.
 *
 * <p>Tiering: the interpreter runs cold code from block to block, counting each block entry in its
 * decoded instruction ({@link org.jemu.cpu.decode.Insn#jitHeat}; in user mode the dispatcher counts,
 * a block at a time), and stops before an entry that reached {@link #HOT} executions or where a
 * region starts; the region from a hot entry is scanned and compiled, by default on a worker thread
 * while the interpreter goes on ({@link #BACKGROUND}).
 * Regions are looked up by physical address and linear RIP, and are dropped when their page is
 * written.
 *
 * <p>The interpreter keeps the instructions compiled code must not run: those under TF
 * single-stepping and the one after an interrupt shadow.
 */
public final class Jit {
    /**
     * Executions of a block entry before its region is compiled. Every region becomes a class that
     * HotSpot first interprets and then compiles with C1 and C2 on the same two cores, so compiling
     * lukewarm code costs more than interpreting it: at 4000 the stock boot took 14.8-15.4 s and the
     * test programs 6.2-6.4 s, against 16.6 s and 7.1-7.4 s at 512 (bench/README.md, third round).
     */
    public static final int HOT = Integer.getInteger("jemu.jit.hot", 4000);
    /** Guest instructions per region before a split. */
    static final int MAX_REGION = Integer.getInteger("jemu.jit.maxInsns", 64);
    /** The smallest region tried when larger ones make methods over the size limit. */
    static final int MIN_REGION = 4;

    private final Interpreter interp;
    private final CpuState cpu;
    private final JitFrame frame;
    private final RegionCache regions;
    private final RegionScanner scanner;
    private final RegionCompiler compiler;
    long compileNanos;
    /** Statistics: region entries, bails to the interpreter, faults, instructions run compiled and interpreted. */
    long entries, bails, faults, compiledInsns, interpretedInsns, zeroRuns;

    private final int hot;

    /**
     * {@code -Djemu.jit.compiler=background}: regions are scanned on the CPU thread (the scan reads
     * the MMU and the decode cache) and compiled on one shared worker thread, while the interpreter
     * goes on running the code; results are installed by the CPU thread if their page was not
     * written in between. {@code inline} compiles on the CPU thread when the entry becomes hot. The
     * default is background: on this 2-core machine it booted the stock kernel in 18.0-18.5 s against
     * 18.8-21.3 s inline, and was level on the small kernel and the test programs (bench/README.md).
     */
    static final boolean BACKGROUND = !"inline".equals(System.getProperty("jemu.jit.compiler", "background"));
    private final boolean background;
    private final java.util.concurrent.ConcurrentLinkedQueue<Compiled> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** Regions waiting for the worker, at most this many at once (more hot entries wait their turn). */
    private static final int MAX_IN_FLIGHT = 32;
    private static java.util.concurrent.ExecutorService worker;

    /** A finished background compilation: the region and the page generation it was scanned at. */
    private record Compiled(Region placeholder, Region region, long generation) {}

    private static synchronized java.util.concurrent.ExecutorService worker() {
        if (worker == null) {
            worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jemu-jit-compiler");
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    public Jit(Interpreter interp) {
        this(interp, HOT);
    }

    /** A JIT compiling a block entry at its {@code hot}-th execution (1: at once, for tests). */
    public Jit(Interpreter interp, int hot) {
        this(interp, hot, RegionCache.MAX_LIVE);
    }

    /** ... and keeping at most {@code maxRegions} compiled regions (the code cache's bound). */
    Jit(Interpreter interp, int hot, int maxRegions) {
        this(interp, hot, maxRegions, BACKGROUND);
    }

    Jit(Interpreter interp, int hot, int maxRegions, boolean background) {
        this.background = background;
        this.hot = Math.max(1, hot);
        this.interp = interp;
        this.cpu = interp.cpu();
        this.frame = new JitFrame(cpu, interp);
        this.compiler = new RegionCompiler(cpu);
        this.regions = new RegionCache(frame, maxRegions, interp.decodeCache());
        interp.setJitThreshold(this.hot);
        this.scanner = new RegionScanner(interp.decodeCache(), cpu.mmu);
        interp.decodeCache().setChained(regions);
    }

    public Interpreter interpreter() { return interp; }

    /**
     * System mode, with the contract of {@link Interpreter#runSystem}: up to {@code max}
     * instructions, each retired on {@code clock}; returns early for an actionable signal or HLT.
     */
    public long runSystem(long max, CpuSignals signals, VirtualClock clock) {
        CpuState c = cpu;
        JitFrame x = frame;
        x.signals = signals;
        x.clock = clock;
        long done = 0;
        while (done < max) {
            int w = signals.word();
            if (w != 0 && Interrupts.actionable(c, w) != 0) break;
            if (c.halted || clock.budgetCut()) break;
            long left = max - done;
            if (c.interruptShadow || c.flags.tf()) {
                done += interpreted(interp.runSystem(1, signals, clock));
                continue;
            }
            Region r = lookup(c.rip);
            if (r == null) {
                done += interpreted(interp.runSystem(left, signals, clock, true));
                continue;
            }
            int k = enter(r, budget(r, left));
            if (k < 0) {
                // Bailed or faulted: the instruction at RIP goes to the interpreter.
                int completed = ~k;
                clock.retire(completed - x.retiredInRegion);
                interp.addRetired(completed);
                done += completed;
                if (x.fault != Mmu.BAIL) {
                    interp.deliverFault(x.fault);
                    clock.retire(1);
                    interp.addRetired(1);
                    done++;
                } else if (done < max) {
                    done += interpreted(interp.runSystem(1, signals, clock));
                }
                continue;
            }
            clock.retire(k - x.retiredInRegion);
            interp.addRetired(k);
            done += k;
            if (k == 0) done += interpreted(interp.runSystem(left, signals, clock, true));   // budget below the block
        }
        return done;
    }

    /**
     * User mode, with the contract of {@link Interpreter#run}: up to {@code max} instructions or
     * until a stop request; a guest fault propagates with the state precise.
     */
    public long run(long max) {
        CpuState c = cpu;
        JitFrame x = frame;
        x.signals = null;
        x.clock = null;
        interp.clearStop();
        long done = 0;
        while (done < max && !interp.stopRequested()) {
            Region r = lookup(c.rip);
            if (r == null) {
                done += interpreted(interp.runBlock(max - done));
                continue;
            }
            int k = enter(r, budget(r, max - done));
            if (k < 0) {
                int completed = ~k;
                interp.addRetired(completed);
                done += completed;
                if (x.fault != Mmu.BAIL) throw interp.refineFault(x.fault);
                done += interpreted(interp.runBlock(1));
                continue;
            }
            interp.addRetired(k);
            done += k;
            if (k == 0) done += interpreted(interp.runBlock(max - done));
        }
        return done;
    }

    /**
     * A region's first {@link #YOUNG_ENTRIES} entries run at most {@link #YOUNG_BUDGET} instructions
     * each. HotSpot decides when to compile a region class from its invocation count; a guest loop
     * inside one region otherwise runs tens of thousands of iterations per call, first in HotSpot's
     * bytecode interpreter, and reaches the compilers through back-edge counts and OSR compiles.
     * Short first calls count invocations sooner. {@code jemu user} of the sorthash test program:
     * 0.93, 0.89, 0.93, 0.93, 0.91 s against 0.97, 0.94, 1.03, 0.99, 0.98 (bench/README.md).
     */
    static final int YOUNG_ENTRIES = Integer.getInteger("jemu.jit.youngEntries", 1000);
    static final int YOUNG_BUDGET = Integer.getInteger("jemu.jit.youngBudget", 512);

    /** The budget for entering {@code r} with {@code left} instructions to go (see {@link #YOUNG_ENTRIES}). */
    private static int budget(Region r, long left) {
        return (int) Math.min(left, r.entries < YOUNG_ENTRIES ? YOUNG_BUDGET : Integer.MAX_VALUE);
    }

    /**
     * Runs region {@code r} with a budget; returns the completed count, or its complement when the
     * region stopped at a fault or a bail ({@link JitFrame#fault}).
     */
    private int enter(Region r, int budget) {
        JitFrame x = frame;
        x.max = budget;
        x.count = 0;
        x.retiredInRegion = 0;
        x.codeDirty = false;
        Mmu m = cpu.mmu;
        m.bailOnSlowAccess = true;
        int k;
        try {
            k = r.code.run(cpu, x);
        } catch (GuestFault f) {
            x.fault = f;
            k = ~x.count;
            if (f == Mmu.BAIL) bails++; else faults++;
        } finally {
            m.bailOnSlowAccess = false;
        }
        int completed = k < 0 ? ~k : k;
        entries++;
        r.entries++;
        r.executed += completed;
        compiledInsns += completed;
        if (k == 0) zeroRuns++;
        return k;
    }

    /** Counts {@code n} instructions the interpreter ran for the dispatcher (statistics); returns {@code n}. */
    private long interpreted(long n) {
        interpretedInsns += n;
        return n;
    }

    private Region lookup(long rip) {
        long p;
        try {
            p = cpu.mmu.fetchPhysical(rip);
        } catch (GuestFault f) {
            return null;     // the interpreter raises it
        }
        if (!cpu.mmu.physical().isRam(p)) return null;
        if (background && !finished.isEmpty()) installFinished();
        Region r = regions.get(rip, p);
        if (r != null) return r.code != null && (!r.sse || sseUsable()) ? r : null;
        // Tiering: the entry's executions are counted in its decoded instruction (the interpreter
        // counts the entries it passes in a block-to-block run there too).
        org.jemu.cpu.decode.Insn in;
        try {
            in = interp.decodeCache().get(cpu.mmu, rip);
        } catch (GuestFault f) {
            return null;     // the interpreter raises it
        }
        in.jitEntry = false;             // no region here (any more): the interpreter may run through
        if (++in.jitHeat < hot) return null;
        in.jitHeat = 0;
        if (background) {
            submit(rip, p);
            return null;
        }
        r = compile(rip, p);
        regions.put(r);
        return r.code != null && (!r.sse || sseUsable()) ? r : null;
    }

    /** Scans the region here and hands its compilation to the worker; a placeholder marks it pending. */
    private void submit(long rip, long phys) {
        if (inFlight.get() >= MAX_IN_FLIGHT) return;
        // The scans read the MMU and the decode cache: here, on the CPU thread; the worker compiles.
        Map<Integer, Map<Long, Block>> scans = new java.util.HashMap<>();
        for (int limit = MAX_REGION; limit >= MIN_REGION; limit /= 2) {
            Map<Long, Block> blocks = scanner.scan(rip, limit);
            Block entry = blocks.get(rip);
            if (entry == null || entry.size() == 0) break;
            scans.put(limit, blocks);
        }
        Region placeholder = new Region(rip, phys, null, 0, false);
        regions.putPending(placeholder);
        if (scans.isEmpty()) return;          // nothing compilable here: the placeholder says so
        long generation = regions.generation(phys >>> 12);
        inFlight.incrementAndGet();
        worker().execute(() -> {
            Region done = new Region(rip, phys, null, 0, false);
            long t0 = System.nanoTime();
            try {
                done = compileFirstFitting(rip, phys, scans::get);
                warmUp(done);
            } catch (RuntimeException | Error e) {
                // leave the placeholder without code: the interpreter runs this entry
            } finally {
                compileNanos += System.nanoTime() - t0;
                finished.add(new Compiled(placeholder, done, generation));
                inFlight.decrementAndGet();
            }
        });
    }

    /** Calls with a negative budget, which return at once: HotSpot counts them as invocations. */
    private static final int WARM_UP_CALLS = Integer.getInteger("jemu.jit.warmUpCalls", 300);

    /**
     * Calls a new region's code {@link #WARM_UP_CALLS} times on the worker thread with a negative
     * budget (the region returns before touching anything), so HotSpot queues its first compilation
     * at once instead of interpreting the region's bytecode for its first few hundred real calls.
     */
    private void warmUp(Region r) {
        if (r.code == null || WARM_UP_CALLS <= 0) return;
        JitFrame dry = new JitFrame(cpu, interp);
        dry.max = -1;
        for (int i = 0; i < WARM_UP_CALLS; i++) r.code.run(cpu, dry);
    }

    /** Installs finished compilations whose page was not written since it was scanned. */
    private void installFinished() {
        Compiled c;
        while ((c = finished.poll()) != null) {
            Region r = c.region();
            if (regions.generation(r.phys >>> 12) != c.generation()) continue;
            if (regions.get(r.rip, r.phys) != c.placeholder()) continue;
            regions.put(r);
        }
    }

    /** The region the dispatcher would enter at linear {@code rip} fetched from {@code phys} (tests). */
    Region regionAt(long rip, long phys) {
        return regions.get(rip, phys);
    }

    /** CR0.EM = CR0.TS = 0 and CR4.OSFXSR = 1: SSE instructions run instead of faulting. */
    private boolean sseUsable() {
        return (cpu.cr0 & 0xc) == 0 && (cpu.cr4 & 0x200) != 0;
    }

    private Region compile(long rip, long phys) {
        long t0 = System.nanoTime();
        try {
            return compileFirstFitting(rip, phys, limit -> scanner.scan(rip, limit));
        } finally {
            compileNanos += System.nanoTime() - t0;
        }
    }

    /**
     * Compiles the region entered at {@code rip} from its scan at {@link #MAX_REGION} instructions,
     * or at half that, and so on down to {@link #MIN_REGION}, taking the first whose method is small
     * enough ({@link RegionCompiler.TooLarge}); a region without code when none is (or the entry does
     * not decode). {@code scanAt} gives the scan for a limit (null: none).
     */
    private Region compileFirstFitting(long rip, long phys, java.util.function.IntFunction<Map<Long, Block>> scanAt) {
        for (int limit = MAX_REGION; limit >= MIN_REGION; limit /= 2) {
            Map<Long, Block> blocks = scanAt.apply(limit);
            Block entry = blocks == null ? null : blocks.get(rip);
            if (entry == null || entry.size() == 0) break;
            int n = 0;
            for (Block b : blocks.values()) n += b.size();
            try {
                CompiledRegion code = compiler.compile(blocks);
                return new Region(rip, phys, code, n, compiler.usedSse, entryPoints(phys, blocks));
            } catch (RegionCompiler.TooLarge e) {
                // the next, smaller scan
            }
        }
        return new Region(rip, phys, null, 0, false);
    }

    /** The physical addresses of the blocks a region can be entered at (those with instructions), the entry first. */
    private static long[] entryPoints(long phys, Map<Long, Block> blocks) {
        long page = phys & ~0xfffL;
        return blocks.values().stream().filter(b -> b.size() > 0).mapToLong(b -> page | (b.start & 0xfff)).toArray();
    }

    /** The regions that ran the most instructions, one per line (for -Djemu.jit.stats). */
    public String topRegions(int n) {
        java.util.List<Region> all = regions.all();
        all.sort((a, b) -> Long.compare(b.executed, a.executed));
        StringBuilder sb = new StringBuilder();
        Integer[] ops = new Integer[frame.fallbacks.length];
        for (int i = 0; i < ops.length; i++) ops[i] = i;
        java.util.Arrays.sort(ops, (a, b) -> Long.compare(frame.fallbacks[b], frame.fallbacks[a]));
        sb.append("  fallbacks:");
        for (int i = 0; i < 12 && frame.fallbacks[ops[i]] > 0; i++)
            sb.append(' ').append(org.jemu.cpu.decode.Op.name(ops[i])).append('=').append(frame.fallbacks[ops[i]]);
        sb.append('\n');
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            Region r = all.get(i);
            sb.append(String.format(java.util.Locale.ROOT, "  rip %016x phys %09x: %d insns, %d entries, %d per entry, %d compiled%n",
                    r.rip, r.phys, r.executed, r.entries, r.entries == 0 ? 0 : r.executed / r.entries, r.instructions));
        }
        return sb.toString();
    }

    /** One line of statistics (regions compiled, invalidated, compile time). */
    public String stats() {
        return String.format(java.util.Locale.ROOT, "jit: %d regions compiled, %d invalidated, %d live, %d cache flushes, %.1f ms compiling (%.1f defining classes);"
                + " %d entries, %d bails, %d faults, %d empty runs; %d instructions compiled, %d interpreted",
                regions.compiled, regions.invalidated, regions.size(), regions.flushes, compileNanos / 1e6, compiler.defineNanos / 1e6, entries, bails, faults, zeroRuns,
                compiledInsns, interpretedInsns);
    }
}
