package org.jemu;

import java.io.PrintStream;
import java.util.Locale;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.sys.Interrupts;

/**
 * QEMU-style {@code -d ITEM,...} debug logging with {@code -D FILE}. When no item is on, the machine
 * checks one int per run-loop pass and nothing else: logging costs nothing when it is off. The
 * instruction items ({@code in_asm}, {@code exec}, {@code cpu}) make the machine step one instruction
 * at a time, which is slow, as in QEMU with {@code -singlestep}.
 */
public final class DebugLog {
    public static final int IN_ASM = 1, EXEC = 2, CPU = 4, INT = 8, GUEST_ERRORS = 16, UNIMP = 32, PCALL = 64, CPU_RESET = 128;
    /** Items that need the run loop to step instruction by instruction ({@code int} does not: the CPU's interrupt observer sees every delivery). */
    public static final int STEPPING = IN_ASM | EXEC | CPU;

    static final String[] NAMES = {"in_asm", "exec", "cpu", "int", "guest_errors", "unimp", "pcall", "cpu_reset"};
    static final String[] HELP = {
        "show target assembly code for each instruction executed the first time",
        "show trace before each executed instruction",
        "show CPU registers before each executed instruction",
        "show interrupts, exceptions and INT n/INT3/INTO (each delivery through the guest's IDT)",
        "log when the guest touches a device that does not exist (unclaimed I/O ports)",
        "log unimplemented functionality",
        "accepted for QEMU compatibility; logs nothing",
        "show CPU state before a CPU reset"};

    private volatile int items;
    private volatile PrintStream out = System.err;
    private volatile org.jemu.cpu.decode.Disassembler.Syntax syntax = org.jemu.cpu.decode.Disassembler.Syntax.ATT;

    public int items() { return items; }

    public boolean on(int item) { return (items & item) != 0; }

    public void setItems(int items) { this.items = items; }

    public PrintStream out() { return out; }

    public void setOutput(PrintStream out) { this.out = out; }

    /** The dialect of {@code in_asm} and the monitor's {@code x/i}: AT&T (QEMU's and objdump's default) or Intel. */
    public org.jemu.cpu.decode.Disassembler.Syntax disasSyntax() { return syntax; }

    public void setDisasSyntax(org.jemu.cpu.decode.Disassembler.Syntax s) { syntax = s; }

    /** {@code att} or {@code intel} (objdump's -M names); IllegalArgumentException otherwise. */
    public static org.jemu.cpu.decode.Disassembler.Syntax parseSyntax(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "att": return org.jemu.cpu.decode.Disassembler.Syntax.ATT;
            case "intel": return org.jemu.cpu.decode.Disassembler.Syntax.INTEL;
            default: throw new IllegalArgumentException("unknown disassembly syntax '" + s + "' (att or intel)");
        }
    }

    /** Parses {@code in_asm,int} (or "none"); throws IllegalArgumentException naming a bad item. */
    public static int parse(String spec) {
        int m = 0;
        for (String s : spec.split(",")) {
            String n = s.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || n.equals("none")) continue;
            if (n.equals("all")) { m |= (1 << NAMES.length) - 1; continue; }
            int k = java.util.Arrays.asList(NAMES).indexOf(n);
            if (k < 0) throw new IllegalArgumentException("unknown log item '" + s + "' (-d help lists them)");
            m |= 1 << k;
        }
        return m;
    }

    /**
     * One {@code -d int} line in the format of QEMU's do_interrupt_all, from the CPU state before the
     * delivery: i=1 for INT n/INT3/INTO, e=0000 for events without an error code, then CR2 for a #PF
     * and RAX otherwise (QEMU's text, {@code env->regs[R_EAX]=}). SYSCALL does not go through the
     * IDT and is not logged, as in QEMU's system emulation.
     */
    public static String interruptLine(long count, CpuState c, int vector, int error, Interrupts.Kind kind) {
        String tail = vector == GuestFault.PF
                ? String.format(Locale.ROOT, " CR2=%016x", c.cr2)
                : String.format(Locale.ROOT, " env->regs[R_EAX]=%016x", c.gpr[CpuState.RAX]);
        return String.format(Locale.ROOT, "%6d: v=%02x e=%04x i=%d cpl=%d IP=%04x:%016x pc=%016x SP=%04x:%016x%s\n",
                count, vector, Math.max(error, 0) & 0xffff, kind == Interrupts.Kind.SOFTWARE ? 1 : 0, c.cpl,
                c.segSelector[CpuState.CS], c.rip, c.segBase[CpuState.CS] + c.rip, c.segSelector[CpuState.SS],
                c.gpr[CpuState.RSP], tail);
    }

    public static String help() {
        StringBuilder sb = new StringBuilder("Log items (comma separated):\n");
        for (int i = 0; i < NAMES.length; i++) sb.append(String.format(Locale.ROOT, "%-13s%s\n", NAMES[i], HELP[i]));
        return sb.toString();
    }

    public void log(String s) {
        PrintStream o = out;
        o.print(s);
    }
}
