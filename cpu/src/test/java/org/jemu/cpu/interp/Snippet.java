package org.jemu.cpu.interp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;

/**
 * A snippet of assembly (AT&T syntax, assembled by the host's {@code as --64} at test time) run on the
 * interpreter in a flat 1 MiB address space: code at {@link #CODE}, data at {@link #DATA}, stack below
 * {@link #STACK_TOP}; pages from {@link #READ_ONLY} up are read-only. The snippet ends at a
 * {@code syscall}, which stops the run. Skips the test when binutils is absent.
 */
public final class Snippet {
    static final long CODE = 0x1000, DATA = 0x4000, STACK_TOP = 0x9000, READ_ONLY = 0xa000, RAM = 1 << 20;

    final PhysicalMemory phys = new PhysicalMemory(RAM);
    final CpuState cpu;
    final Interpreter interp;
    int syscalls;

    Snippet(String asm) throws IOException, InterruptedException {
        Translator flat = new Translator() {
            @Override
            public long translate(long linear, int access, boolean user) {
                if (linear < 0 || linear >= RAM) throw GuestFault.pf(linear, GuestFault.PF_U | (access == WRITE ? GuestFault.PF_W : 0));
                if (access == WRITE && linear >= READ_ONLY)
                    throw GuestFault.pf(linear, GuestFault.PF_P | GuestFault.PF_W | GuestFault.PF_U);
                return linear;
            }
        };
        Mmu mmu = new Mmu(phys, flat);
        mmu.setUser(true);
        cpu = new CpuState(mmu);
        cpu.cpl = 3;
        cpu.cr4 = 0x600;                         // OSFXSR, OSXMMEXCPT: SSE enabled as Linux enables it
        byte[] code = assemble(asm + "\nsyscall\n");
        phys.load(CODE, code, 0, code.length);
        cpu.rip = CODE;
        cpu.gpr[CpuState.RSP] = STACK_TOP;
        interp = new Interpreter(cpu);
        interp.setSyscallHandler(c -> {
            syscalls++;
            interp.requestStop();
        });
    }

    /** Runs to the closing syscall (at most a million instructions). */
    Snippet run() {
        engine().run(1_000_000);
        return this;
    }

    private TestEngine engine;

    /** The engine this snippet runs on (the interpreter, or the JIT under -Djemu.accel=jit). */
    TestEngine engine() {
        if (engine == null) engine = TestEngine.of(interp);
        return engine;
    }

    long reg(int r) { return cpu.gpr[r]; }

    public static byte[] assemble(String asm) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jemu-asm");
        try {
            Path s = dir.resolve("a.s"), o = dir.resolve("a.o"), bin = dir.resolve("a.bin");
            Files.writeString(s, ".text\n" + asm + "\n");
            assumeTrue(exec(List.of("as", "--64", "-o", o.toString(), s.toString())) == 0, "as --64 failed or is missing");
            assumeTrue(exec(List.of("objcopy", "-O", "binary", "-j", ".text", o.toString(), bin.toString())) == 0,
                    "objcopy failed or is missing");
            return Files.readAllBytes(bin);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int exec(List<String> cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
