package org.jemu.cpu.interp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;

/**
 * The host CPU as the interpreter's oracle: machine-code snippets run natively in
 * {@code snippet_host.c} (built with gcc at test time) and on the interpreter, from the same state
 * at the same addresses; {@link #compare} reports every difference in GPRs, the status flags and
 * DF, the x87/MMX/SSE state of an FXSAVE image, and a 1 KiB data block.
 *
 * <p>Addresses (both sides): code at {@link #CODE}, data block at {@link #DATA} (RBX points to it in
 * generated states), stack below {@link #STACK_TOP}. Snippets are assembled in one {@code as --64}
 * run for a whole test class ({@link #assemble}). Tests skip when the host is not x86-64 or gcc/as
 * is missing.
 */
final class HostSnippets {
    static final long BASE = 0x30000000L, CODE = BASE, DATA = BASE + 0x4000, STACK_TOP = BASE + 0x8000;
    static final int MEMSZ = 1024, FX = 512, STATE = 16 * 8 + 8 + 8 + FX + MEMSZ;
    /** Scratch area (outside the compared block and the stack) where the jemu side moves FXSAVE images. */
    private static final long FX_SCRATCH = BASE + 0x9000;

    /** Leaf-1 ECX features enabled for the tests beyond what CPUID advertises (work in progress). */
    static final int EXTRA_ECX1 = 0;

    private HostSnippets() {}

    /** One machine state: the record layout of snippet_host.c. */
    static final class State {
        final long[] gpr = new long[16];
        long rflags = 0x202;
        int status;
        final byte[] fx = new byte[FX];
        final byte[] mem = new byte[MEMSZ];

        State copy() {
            State s = new State();
            System.arraycopy(gpr, 0, s.gpr, 0, 16);
            s.rflags = rflags;
            s.status = status;
            System.arraycopy(fx, 0, s.fx, 0, FX);
            System.arraycopy(mem, 0, s.mem, 0, MEMSZ);
            return s;
        }

        void write(ByteBuffer b) {
            for (long g : gpr) b.putLong(g);
            b.putLong(rflags);
            b.putLong(status);
            b.put(fx);
            b.put(mem);
        }

        static State read(ByteBuffer b) {
            State s = new State();
            for (int i = 0; i < 16; i++) s.gpr[i] = b.getLong();
            s.rflags = b.getLong();
            s.status = (int) b.getLong();
            b.get(s.fx);
            b.get(s.mem);
            return s;
        }

        int fx16(int off) { return (fx[off] & 0xff) | (fx[off + 1] & 0xff) << 8; }
        int fx32(int off) { return fx16(off) | fx16(off + 2) << 16; }
        long fx64(int off) { return (fx32(off) & 0xffffffffL) | (long) fx32(off + 4) << 32; }

        void putFx16(int off, int v) { fx[off] = (byte) v; fx[off + 1] = (byte) (v >> 8); }
        void putFx32(int off, int v) { putFx16(off, v); putFx16(off + 2, v >>> 16); }
        void putFx64(int off, long v) { putFx32(off, (int) v); putFx32(off + 4, (int) (v >>> 32)); }
    }

    // ---- assembling ----

    /** Assembles each snippet (AT&T syntax, ';' separates lines) in one run of {@code as}. */
    static List<byte[]> assemble(List<String> snippets) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder(".text\ntable:\n");
        for (int i = 0; i < snippets.size(); i++) s.append(".long s").append(i).append(" - table, e").append(i).append(" - table\n");
        for (int i = 0; i < snippets.size(); i++)
            s.append("s").append(i).append(":\n").append(snippets.get(i).replace(';', '\n')).append("\ne").append(i).append(":\n");
        byte[] bin = Snippet.assemble(s.toString());
        ByteBuffer b = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            int from = b.getInt(8 * i), to = b.getInt(8 * i + 4);
            byte[] code = new byte[to - from];
            System.arraycopy(bin, from, code, 0, code.length);
            out.add(code);
        }
        return out;
    }

    // ---- the native side ----

    private static Path harness;

    private static synchronized Path harness() throws IOException, InterruptedException {
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "host is not x86-64");
        if (harness != null) return harness;
        Path dir = Files.createTempDirectory("jemu-snippets");
        dir.toFile().deleteOnExit();
        Path src = dir.resolve("snippet_host.c"), exe = dir.resolve("snippet_host");
        try (InputStream in = HostSnippets.class.getResourceAsStream("/interp/snippet_host.c")) {
            Files.write(src, in.readAllBytes());
        }
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O1", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "gcc is missing");
            return null;
        }
        String msg = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) throw new IOException("gcc failed on snippet_host.c:\n" + msg);
        src.toFile().deleteOnExit();
        exe.toFile().deleteOnExit();
        harness = exe;
        return exe;
    }

    /** Runs each (code, state) natively; returns the final states in order. */
    static List<State> runNative(List<byte[]> codes, List<State> states) throws IOException, InterruptedException {
        Path exe = harness();
        Path input = Files.createTempFile("jemu-snippets", ".in");
        try {
            int total = 0;
            for (byte[] c : codes) total += 4 + c.length + STATE;
            ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < codes.size(); i++) {
                b.putInt(codes.get(i).length).put(codes.get(i));
                states.get(i).write(b);
            }
            Files.write(input, b.array());
            Process p = new ProcessBuilder(exe.toString()).redirectInput(input.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<State> out = new ArrayList<>();
            byte[] rec = new byte[STATE];
            try (DataInputStream in = new DataInputStream(p.getInputStream())) {
                for (int i = 0; i < codes.size(); i++) {
                    in.readFully(rec);
                    out.add(State.read(ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN)));
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("snippet_host failed");
            return out;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    // ---- the jemu side ----

    /** Signal numbers the host kernel sends for each exception vector (what snippet_host reports). */
    static int signalFor(int vector) {
        switch (vector) {
            case GuestFault.UD: return 4;                                   // SIGILL
            case GuestFault.DE: case GuestFault.XM: case GuestFault.MF: return 8; // SIGFPE
            case GuestFault.BP: case GuestFault.DB: return 5;               // SIGTRAP
            case GuestFault.SS: case GuestFault.AC: return 7;               // SIGBUS (Linux traps.c)
            default: return 11;                                             // SIGSEGV: #GP, #PF
        }
    }

    /** Runs {@code code} on the interpreter from {@code init}; returns the final state. */
    static State runJemu(byte[] code, State init) {
        PhysicalMemory phys = new PhysicalMemory(0x10000);
        Translator t = (linear, access, user) -> {
            if ((linear >> 47) != 0 && (linear >> 47) != -1) throw GuestFault.nonCanonical(linear);   // as PagingTranslator
            if (linear < BASE || linear >= BASE + 0x10000)
                throw GuestFault.pf(linear, GuestFault.PF_U | (access == Translator.WRITE ? GuestFault.PF_W : 0));
            return linear - BASE;
        };
        Mmu mmu = new Mmu(phys, t);
        mmu.setUser(true);
        CpuState cpu = new CpuState(mmu);
        cpu.cpl = 3;
        cpu.segSelector[CpuState.CS] = 0x33;     // Linux's __USER_CS and __USER_DS (in SS); DS ES FS GS are 0
        cpu.segSelector[CpuState.SS] = 0x2b;
        cpu.cr0 |= 0x22;                         // MP, NE: x87 errors as #MF (Linux sets both)
        cpu.cr4 |= (1 << 9) | (1 << 10);         // OSFXSR, OSXMMEXCPT (as Linux sets them)
        phys.load(0, code, 0, code.length);
        phys.load(code.length, new byte[] {(byte) 0xf4}, 0, 1);   // HLT: #GP(0) at CPL 3 marks the end
        phys.load(DATA - BASE, init.mem, 0, MEMSZ);
        org.jemu.cpu.sys.Cpuid cpuid = new org.jemu.cpu.sys.Cpuid(org.jemu.cpu.sys.Cpuid.DEFAULT_TSC_HZ);
        cpuid.addLeaf1Ecx(EXTRA_ECX1);
        Interpreter interp = new Interpreter(cpu, cpuid);
        phys.load(FX_SCRATCH - BASE, init.fx, 0, FX);
        interp.fxrstorImage(FX_SCRATCH);
        System.arraycopy(init.gpr, 0, cpu.gpr, 0, 16);
        cpu.flags.set(init.rflags);
        cpu.rip = CODE;
        State out = new State();
        long end = CODE + code.length;
        try {
            TestEngine.of(interp).run(1_000_000);
            throw new AssertionError("snippet did not finish");
        } catch (GuestFault f) {
            if (f.vector != GuestFault.GP || f.errorCode != 0 || cpu.rip != end) {
                out.status = signalFor(f.vector);
                return out;
            }
        }
        System.arraycopy(cpu.gpr, 0, out.gpr, 0, 16);
        out.rflags = cpu.flags.get();
        interp.fxsaveImage(FX_SCRATCH);
        for (int i = 0; i < FX; i++) out.fx[i] = (byte) phys.read(FX_SCRATCH - BASE + i, 1);
        for (int i = 0; i < MEMSZ; i++) out.mem[i] = (byte) phys.read(DATA - BASE + i, 1);
        return out;
    }

    // ---- comparing ----

    /** RFLAGS bits compared: OF DF SF ZF AF PF CF. */
    static final long FLAGS = 0xcd5;
    private static final String[] GPR = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    /**
     * The differences between the native result {@code a} and jemu's {@code b}, one per line, empty
     * when they agree; XMM dword lanes may differ by {@code laneTolerance} in their encoding (for the
     * implementation-specific RCP/RSQRT). FIP/FDP/FOP and MXCSR_MASK are not compared (the host fills them by vendor).
     */
    static String compare(State a, State b, int laneTolerance) {
        StringBuilder d = new StringBuilder();
        if (a.status != b.status) return "signal: native " + a.status + ", jemu " + b.status + "\n";
        if (a.status != 0) return "";
        for (int i = 0; i < 16; i++)
            if (a.gpr[i] != b.gpr[i]) d.append(String.format("%s: native %x, jemu %x%n", GPR[i], a.gpr[i], b.gpr[i]));
        if (((a.rflags ^ b.rflags) & FLAGS) != 0)
            d.append(String.format("rflags: native %x, jemu %x%n", a.rflags & FLAGS, b.rflags & FLAGS));
        cmp(d, "fcw", a.fx16(0), b.fx16(0));
        cmp(d, "fsw", a.fx16(2), b.fx16(2));
        cmp(d, "ftw", a.fx[4] & 0xff, b.fx[4] & 0xff);
        cmp(d, "mxcsr", a.fx32(24), b.fx32(24));
        for (int r = 0; r < 8; r++) {
            int o = 32 + 16 * r;
            if (a.fx64(o) != b.fx64(o) || a.fx16(o + 8) != b.fx16(o + 8))
                d.append(String.format("st/mm%d: native %04x:%016x, jemu %04x:%016x%n", r, a.fx16(o + 8), a.fx64(o),
                        b.fx16(o + 8), b.fx64(o)));
        }
        for (int r = 0; r < 16; r++) {
            int o = 160 + 16 * r;
            if ((a.fx64(o) != b.fx64(o) || a.fx64(o + 8) != b.fx64(o + 8)) && !close(a, b, o, laneTolerance))
                d.append(String.format("xmm%d: native %016x%016x, jemu %016x%016x%n", r, a.fx64(o + 8), a.fx64(o),
                        b.fx64(o + 8), b.fx64(o)));
        }
        for (int i = 0; i < MEMSZ; i++)
            if (a.mem[i] != b.mem[i]) {
                d.append(String.format("mem[%d]: native %02x, jemu %02x%n", i, a.mem[i] & 0xff, b.mem[i] & 0xff));
                break;
            }
        return d.toString();
    }

    /** Whether the four dword lanes at {@code o} differ by at most {@code tol} in their encoding. */
    private static boolean close(State a, State b, int o, int tol) {
        for (int k = 0; k < 16; k += 4) if (Math.abs((long) a.fx32(o + k) - b.fx32(o + k)) > tol) return false;
        return true;
    }

    private static void cmp(StringBuilder d, String what, int a, int b) {
        if (a != b) d.append(String.format("%s: native %x, jemu %x%n", what, a, b));
    }

    /** A state dump for failure messages. */
    static String describe(State s) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < 16; i++) d.append(GPR[i]).append('=').append(Long.toHexString(s.gpr[i])).append(' ');
        d.append(String.format("rflags=%x mxcsr=%x fcw=%x fsw=%x ftw=%x%n", s.rflags, s.fx32(24), s.fx16(0), s.fx16(2), s.fx[4] & 0xff));
        for (int r = 0; r < 8; r++) d.append(String.format("st%d=%04x:%016x ", r, s.fx16(40 + 16 * r), s.fx64(32 + 16 * r)));
        d.append('\n');
        for (int r = 0; r < 16; r++) d.append(String.format("xmm%d=%016x%016x%s", r, s.fx64(168 + 16 * r), s.fx64(160 + 16 * r), r % 4 == 3 ? "\n" : " "));
        return d.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
