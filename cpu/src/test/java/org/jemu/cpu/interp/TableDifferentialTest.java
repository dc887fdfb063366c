package org.jemu.cpu.interp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jemu.cpu.decode.Decoder;
import org.jemu.cpu.decode.Form;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.decode.OpTable;
import org.jemu.cpu.decode.Operand;
import org.jemu.cpu.sys.Cpuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the instruction table against the host CPU. For each row the decoder enables (with
 * what jemu's CPUID advertises), {@link RowEncoder} encodes random instances straight from the row
 * (operand sizes, registers, memory forms, immediates, LOCK/REP) from random edge-biased states
 * ({@link StateGen}); an instance counts only when jemu's decoder selects that very row for the whole
 * byte string. Each instance runs natively ({@code snippet_host.c}, many per process) and on the
 * interpreter; GPRs, the row's defined flags (its {@code u=} flags are masked out, narrowed by the
 * count for shifts and rotates), x87/MMX/SSE state, the data block (which holds the stack) and the
 * fault signal must match. Near branches, calls and returns run with a marker instruction after
 * them that a taken branch skips ({@link RowEncoder#MARKER}); privileged rows run too and must
 * fault alike at CPL 3; a few addresses are non-canonical (#GP, or #SS through RSP/RBP).
 *
 * <p>Rows that cannot run in the harness are skipped with a reason ({@link #skipReason}); the
 * coverage (rows run with the variants seen, rows skipped and why) is printed and written to
 * {@code target/table-differential.txt}. {@code -Djemu.diff.scale=N} multiplies the 200 cases per
 * row ({@code -Djemu.diff.cases} sets the base); {@code -Djemu.diff.seed} changes them;
 * {@code -Djemu.diff.rows=REGEX} runs only the rows whose names match.
 */
class TableDifferentialTest {
    static final int CASES = Integer.getInteger("jemu.diff.cases", 200) * Integer.getInteger("jemu.diff.scale", 1);
    static final long SEED = Long.getLong("jemu.diff.seed", 1);
    /** A regular expression: only the rows whose names match run (for chasing one mismatch). */
    static final String ROWS = System.getProperty("jemu.diff.rows");
    /** Native runs per harness process (bounds the memory the batches hold). */
    static final int BATCH = 8000;

    record Row(Form form) {
        @Override public String toString() { return form.index + " " + form.name; }
    }

    /** Per row: mismatching cases and the first few descriptions. */
    static final class Result {
        int cases, bad, faults;
        /** Variants seen, bits: 0 register r/m, 1 memory, 2..4 operand size 2/4/8, 5 LOCK, 6 REP, 7 REX.W, 8 67. */
        int seen;
        final StringBuilder first = new StringBuilder();
    }

    private static long nativeNanos, jemuNanos;
    private static final Map<Integer, String> SKIP = new LinkedHashMap<>();
    private static final Map<Integer, Result> RESULTS = new LinkedHashMap<>();

    /** Rows whose outcome depends on the host, not on the instruction (time, randomness, identity). */
    static final Set<String> HOST_SPECIFIC = Set.of("CPUID", "RDTSC", "RDTSCP", "RDRAND", "RDSEED", "RDPMC");
    /** Control transfers: the harness runs straight-line code that falls off its end. */
    static final Set<String> CONTROL = Set.of("RETF", "IRET", "IRETW", "IRETQ", "INT", "SYSCALL", "SYSENTER",
            "SYSRETD", "SYSRETQ", "SYSEXITD", "SYSEXITQ");
    /** Segment and descriptor-table state, which the jemu side of the harness does not set up like Linux. */
    static final Set<String> SEGMENTS = Set.of("LAR", "LSL", "VERR", "VERW", "SLDT", "STR", "SGDT", "SIDT",
            "SMSW", "LSS", "LFS", "LGS");
    /**
     * Stored FPU images: byte ranges {from, to} relative to the operand that are not compared: the
     * FIP/FDP/FOP (the host fills them by vendor; AMD leaves them out without a pending exception)
     * and FXSAVE's MXCSR_MASK (AMD hosts have MM, 0x2FFFF). 32-bit-operand layouts of FNSTENV/FNSAVE
     * (SDM Vol. 1 Figure 8-9) and the FXSAVE layout (Vol. 1 Table 10-2); with 66, the 16-bit layout.
     */
    static int[] ignoredImageBytes(Form f, int opSize) {
        switch (f.mnemonic) {
            case "FXSAVE": case "FXSAVE64": return new int[] {6, 24, 28, 32};
            case "FNSTENV": case "FNSAVE": return opSize == 2 ? new int[] {6, 14} : new int[] {12, 28};
            default: return null;
        }
    }

    /** Correctly rounded in jemu, not always on the host (src/test/resources/x87/transcendental-differences.txt). */
    static final Set<String> TRANSCENDENTAL = Set.of("FSIN", "FCOS", "FSINCOS", "FPTAN", "FPATAN", "F2XM1", "FYL2X",
            "FYL2XP1");

    /** Why {@code f} is not run, or null. */
    static String skipReason(Form f, int ext) {
        if ((f.ext & ~ext) != 0) return "extension not advertised by jemu's CPUID";
        String m = f.mnemonic;
        if (f.kinds.length > 0 && (f.kinds[0] == Operand.S || f.kinds[0] == Operand.SEG && m.equals("POP")))
            return "loads a segment register (FS/GS would break the native harness's TLS; others need the host's GDT)";
        if (CONTROL.contains(m)) return "far transfer, interrupt or system call (changes CS/SS or enters the host kernel)";
        if ((m.equals("CALL") || m.equals("JMP")) && f.kinds[0] == Operand.M)
            return "far transfer (changes CS)";
        if (HOST_SPECIFIC.contains(m)) return "result depends on the host (time, randomness, identity)";
        if (SEGMENTS.contains(m)) return "segment/descriptor-table state (host selectors differ from the harness)";
        if (TRANSCENDENTAL.contains(m))
            return "x87 transcendental: jemu rounds correctly, the host not always (x87/transcendental-differences.txt)";
        if (m.equals("MONITOR") || m.equals("MWAIT")) return "host kernel-specific (may be enabled for user mode)";
        return null;
    }

    static Stream<Row> rows() {
        return IntStream.range(0, OpTable.count()).mapToObj(i -> new Row(OpTable.form(i)));
    }

    @BeforeAll
    static void runAll() throws Exception {
        long t0 = System.nanoTime();
        int ext = new Cpuid(Cpuid.DEFAULT_TSC_HZ).decoderExtensions();
        Decoder dec = new Decoder(ext);
        Insn insn = new Insn();
        List<byte[]> codes = new ArrayList<>();
        List<HostSnippets.State> states = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < OpTable.count(); i++) {
            Form f = OpTable.form(i);
            String why = ROWS != null && !f.name.matches(ROWS) ? "not selected by jemu.diff.rows" : skipReason(f, ext);
            if (why != null) { SKIP.put(i, why); continue; }
            Random r = new Random(SEED * 1_000_003L + f.name.hashCode() * 31L + i);
            int made = 0;
            for (int c = 0; c < CASES; c++) {
                HostSnippets.State init = StateGen.state(r, true);
                byte[] code = null;
                HostSnippets.State s = null;
                for (int attempt = 0; attempt < 40 && code == null; attempt++) {
                    s = init.copy();
                    byte[] b = RowEncoder.encode(f, r, s);
                    try {
                        dec.decode(b, 0, insn);
                        if (insn.form == i && insn.length == b.length - RowEncoder.trailer(f)) {
                            code = b;
                            RESULTS.computeIfAbsent(i, k -> new Result()).seen |= variant(f, insn);
                        }
                    } catch (RuntimeException e) {
                        // not this row; try another instance
                    }
                }
                if (code == null) continue;
                codes.add(code);
                states.add(s);
                owners.add(i);
                made++;
                if (codes.size() >= BATCH) { flush(codes, states, owners); }
            }
            if (made == 0) SKIP.put(i, "no generated encoding decodes to this row (shadowed, or not encodable by RowEncoder)");
            else if (made < CASES) RESULTS.computeIfAbsent(i, k -> new Result()).first.append("(only ").append(made).append(" encodable cases)\n");
        }
        flush(codes, states, owners);
        report();
        System.out.printf("table differential: %.1f s (native %.1f s, jemu %.1f s)%n", (System.nanoTime() - t0) / 1e9,
                nativeNanos / 1e9, jemuNanos / 1e9);
    }

    private static void flush(List<byte[]> codes, List<HostSnippets.State> states, List<Integer> owners)
            throws IOException, InterruptedException {
        if (codes.isEmpty()) return;
        long t = System.nanoTime();
        List<HostSnippets.State> nat = HostSnippets.runNative(codes, states);
        nativeNanos += System.nanoTime() - t;
        t = System.nanoTime();
        for (int k = 0; k < codes.size(); k++) {
            int i = owners.get(k);
            Form f = OpTable.form(i);
            Result res = RESULTS.computeIfAbsent(i, x -> new Result());
            res.cases++;
            HostSnippets.State a = nat.get(k).copy(), b;
            try {
                b = HostSnippets.runJemu(codes.get(k), states.get(k));
            } catch (RuntimeException | AssertionError e) {
                if (res.bad++ < 2) res.first.append("code ").append(hex(codes.get(k))).append(": jemu threw ").append(e).append('\n');
                continue;
            }
            if (a.status != 0) res.faults++;
            int undefined = undefinedFlags(f, codes.get(k), states.get(k));
            a.rflags &= ~undefined;
            b.rflags &= ~undefined;
            // RCP/RSQRT approximations are implementation-specific (SDM Vol. 2B RCPPS: relative error <= 1.5 * 2^-12).
            ignoreImageBytes(f, codes.get(k), states.get(k), a, b);
            String diff = HostSnippets.compare(a, b, f.mnemonic.startsWith("RCP") || f.mnemonic.startsWith("RSQRT") ? 0x1800 : 0);
            if (!diff.isEmpty() && res.bad++ < 2)
                res.first.append("code ").append(hex(codes.get(k))).append('\n')
                        .append(HostSnippets.describe(states.get(k))).append(operandBytes(codes.get(k), states.get(k)))
                        .append(diff).append('\n');
        }
        jemuNanos += System.nanoTime() - t;
        codes.clear();
        states.clear();
        owners.clear();
    }

    private static final Decoder DECODER = new Decoder(new Cpuid(Cpuid.DEFAULT_TSC_HZ).decoderExtensions());
    private static final Insn INSN = new Insn();

    /**
     * The row's undefined flags, narrowed for shifts and rotates by the masked count of this case: a
     * count of 0 changes no flag, and OF is defined for a count of 1 (SDM Vol. 2B SAL/SAR/SHL/SHR,
     * RCL/RCR/ROL/ROR, SHLD, SHRD: "If the count is 0, the flags are not affected"; "OF is affected
     * only for 1-bit shifts").
     */
    static int undefinedFlags(Form f, byte[] code, HostSnippets.State init) {
        int u = f.flagsUndefined;
        if ((u & Form.OF) == 0 || f.kinds.length < 2) return u;
        int last = f.kinds[f.kinds.length - 1];
        String m = f.mnemonic;
        boolean shift = m.startsWith("RO") || m.startsWith("RC") || m.startsWith("SH") || m.equals("SAR");
        if (!shift || (last != Operand.I && last != Operand.CL)) return u;
        DECODER.decode(code, 0, INSN);
        long count = last == Operand.CL ? init.gpr[1] : INSN.imm;
        count &= INSN.opSize == 8 ? 63 : 31;
        if (count == 0) return 0;
        if (count == 1) return u & ~Form.OF;
        return u;
    }

    static int variant(Form f, Insn in) {
        int v = 0;
        if (f.hasModrm) v |= in.hasMem ? 2 : 1;
        if (f.sizeRule < 0) v |= in.opSize == 2 ? 4 : in.opSize == 4 ? 8 : in.opSize == 8 ? 16 : 0;
        if (in.lock()) v |= 32;
        if (in.rep() || in.repne()) v |= 64;
        if ((in.prefixes & Insn.PFX_REXW) != 0) v |= 128;
        if (in.addrSize == 4) v |= 256;
        return v;
    }

    static String variants(int v) {
        StringBuilder s = new StringBuilder();
        String[] names = {"reg", "mem", "o16", "o32", "o64", "lock", "rep", "rex.w", "a32"};
        for (int i = 0; i < names.length; i++) if ((v & 1 << i) != 0) s.append(s.length() == 0 ? "" : ",").append(names[i]);
        return s.toString();
    }

    private static void ignoreImageBytes(Form f, byte[] code, HostSnippets.State init, HostSnippets.State a, HostSnippets.State b) {
        if (a.status != 0 || b.status != 0) return;
        DECODER.decode(code, 0, INSN);
        int[] r = ignoredImageBytes(f, INSN.opSize);
        if (r == null || !INSN.hasMem) return;
        long off = INSN.effectiveAddress(init.gpr, HostSnippets.CODE + code.length, new long[6]) - HostSnippets.DATA;
        for (int i = 0; i < r.length; i += 2)
            for (long j = off + r[i]; j < off + r[i + 1]; j++)
                if (j >= 0 && j < HostSnippets.MEMSZ) a.mem[(int) j] = b.mem[(int) j] = 0;
    }

    /** The 16 bytes at the instruction's memory operand, when it has one in the block. */
    private static String operandBytes(byte[] code, HostSnippets.State s) {
        Insn in = new Insn();
        new Decoder(new Cpuid(Cpuid.DEFAULT_TSC_HZ).decoderExtensions()).decode(code, 0, in);
        if (!in.hasMem) return "";
        long off = in.effectiveAddress(s.gpr, HostSnippets.CODE + code.length, new long[6]) - HostSnippets.DATA;
        if (off < 0 || off + 16 > HostSnippets.MEMSZ) return "memory operand outside the block: " + Long.toHexString(off) + "\n";
        StringBuilder b = new StringBuilder("memory operand at block+" + Long.toHexString(off) + ":");
        for (int i = 0; i < 16; i++) b.append(String.format(" %02x", s.mem[(int) off + i] & 0xff));
        return b.append('\n').toString();
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x ", x & 0xff));
        return s.toString().strip();
    }

    private static void report() throws IOException {
        StringBuilder s = new StringBuilder();
        int run = 0, cases = 0, bad = 0;
        for (Map.Entry<Integer, Result> e : RESULTS.entrySet()) {
            if (e.getValue().cases == 0) continue;
            run++;
            cases += e.getValue().cases;
            if (e.getValue().bad > 0) bad++;
        }
        s.append(String.format("table differential: %d of %d rows run, %d cases, %d rows mismatch, %d rows skipped%n",
                run, OpTable.count(), cases, bad, SKIP.size()));
        for (Map.Entry<Integer, Result> e : RESULTS.entrySet()) {
            Result r = e.getValue();
            s.append(String.format("  run  %-4d %-28s %5d cases %5d faults  %-36s %s%n", e.getKey(), OpTable.form(e.getKey()).name,
                    r.cases, r.faults, variants(r.seen), r.bad > 0 ? r.bad + " MISMATCH" : ""));
        }
        for (Map.Entry<Integer, String> e : SKIP.entrySet())
            s.append(String.format("  skip %-4d %-28s %s%n", e.getKey(), OpTable.form(e.getKey()).name, e.getValue()));
        Path out = Path.of("target", "table-differential.txt");
        if (Files.isDirectory(out.getParent())) Files.writeString(out, s);
        StringBuilder skips = new StringBuilder();
        for (String line : s.toString().split("\n")) if (line.startsWith("  skip") || line.contains("MISMATCH")) skips.append(line).append('\n');
        System.out.print(s.substring(0, s.indexOf("\n") + 1) + skips + "  (every row, with the variants run: " + out + ")\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sameAsHost(Row row) {
        int i = row.form().index;
        String why = SKIP.get(i);
        if (why != null) abort(why);
        Result r = RESULTS.get(i);
        if (r == null || r.cases == 0) abort("no cases");
        if (r.bad > 0) fail(r.bad + " of " + r.cases + " cases differ\n" + r.first);
    }
}
