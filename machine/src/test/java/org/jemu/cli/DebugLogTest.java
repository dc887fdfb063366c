package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jemu.DebugLog;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.sys.Interrupts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -d ITEMS and -D FILE. */
class DebugLogTest {
    @TempDir Path dir;

    @Test
    void itemsParseAsQemuNamesThem() throws UsageException {
        assertEquals(DebugLog.IN_ASM | DebugLog.INT, DebugLog.parse("in_asm,int"));
        assertEquals(0, DebugLog.parse("none"));
        assertEquals(DebugLog.GUEST_ERRORS | DebugLog.UNIMP | DebugLog.PCALL, DebugLog.parse("guest_errors,unimp,pcall"));
        assertThrows(IllegalArgumentException.class, () -> DebugLog.parse("in_asm,bogus"));
        Options o = Options.parse(new String[] {"-d", "exec", "-d", "cpu", "-D", "/tmp/x"});
        assertEquals(DebugLog.EXEC | DebugLog.CPU, o.logItems);
        assertEquals("/tmp/x", o.logFile);
        UsageException e = assertThrows(UsageException.class, () -> Options.parse(new String[] {"-d", "nope"}));
        assertEquals(Main.EXIT_USAGE, e.status);
        assertEquals(org.jemu.cpu.decode.Disassembler.Syntax.ATT, Options.parse(new String[0]).disasSyntax);
        assertEquals(org.jemu.cpu.decode.Disassembler.Syntax.INTEL, Options.parse(new String[] {"-disas-syntax", "intel"}).disasSyntax);
        e = assertThrows(UsageException.class, () -> Options.parse(new String[] {"-disas-syntax", "masm"}));
        assertEquals(Main.EXIT_USAGE, e.status);
    }

    /** QEMU's do_interrupt_all line: i=1 only for INT n/INT3/INTO, e=0000 without an error code, CR2 for #PF. */
    @Test
    void interruptLinesInQemusFormat() {
        CpuState c = new CpuState(new Mmu(new PhysicalMemory(1 << 20), null));
        c.cpl = 3;
        c.segSelector[CpuState.CS] = 0x33;
        c.segSelector[CpuState.SS] = 0x2b;
        c.rip = 0x401000;
        c.gpr[CpuState.RSP] = 0x7ffc0;
        c.gpr[CpuState.RAX] = 0x3c;
        c.cr2 = 0xdead000;
        assertEquals("     0: v=80 e=0000 i=1 cpl=3 IP=0033:0000000000401000 pc=0000000000401000 SP=002b:000000000007ffc0"
                + " env->regs[R_EAX]=000000000000003c\n", DebugLog.interruptLine(0, c, 0x80, -1, Interrupts.Kind.SOFTWARE));
        assertEquals("    12: v=0e e=0006 i=0 cpl=3 IP=0033:0000000000401000 pc=0000000000401000 SP=002b:000000000007ffc0"
                + " CR2=000000000dead000\n", DebugLog.interruptLine(12, c, 14, 6, Interrupts.Kind.EXCEPTION));
        assertTrue(DebugLog.interruptLine(1, c, 0xec, -1, Interrupts.Kind.EXTERNAL).startsWith("     1: v=ec e=0000 i=0 "));
    }

    @Test
    void dHelpListsTheItems() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"-d", "help"}, new PrintStream(b), System.err));
        String s = b.toString(StandardCharsets.UTF_8);
        for (String item : new String[] {"in_asm", "exec", "cpu", "int", "guest_errors", "unimp"}) assertTrue(s.contains(item), s);
    }

    /** Boots the small kernel with {@code -d ITEMS -D FILE} until {@code text} is on the console, leaves with C-a x; returns the log. */
    private String bootWithLog(String items, String text) throws Exception {
        Path log = dir.resolve("jemu.log");
        List<String> cmd = new ArrayList<>(TerminalTest.jemuCommand());
        cmd.addAll(TerminalTest.bootArgsForTests());
        cmd.addAll(List.of("-d", items, "-D", log.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            TerminalTest.Output out = new TerminalTest.Output(p.getInputStream());
            out.waitFor(text, 120_000);
            p.getOutputStream().write(new byte[] {1, 'x'});
            p.getOutputStream().flush();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "C-a x");
            assertEquals(0, p.exitValue());
            return Files.readString(log);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Tag("boot")
    void inAsmAndIntGoToTheLogFile() throws Exception {
        String s = bootWithLog("in_asm,int", "Linux version");   // the kernel has run for a while
        assertTrue(s.startsWith("\nIN: \n0000000001000200:  fc                   cld\n"), s.substring(0, Math.min(300, s.length())));
        assertTrue(Pattern.compile("(?m)^[0-9a-f]{16}:  [0-9a-f]+ +mov [$%]").matcher(s).find(), "AT&T operands by default, as QEMU");
        if (!Pattern.compile("(?m)^ +\\d+: v=0e e=[0-9a-f]{4} i=0 cpl=0 IP=0010:[0-9a-f]{16} pc=[0-9a-f]{16} SP=[0-9a-f]{4}:[0-9a-f]{16} CR2=")
                .matcher(s).find())
            fail("no page fault logged by -d int");
    }

    /**
     * Software interrupts too: every x86 Linux runs an INT3 self-test at boot (int3_selftest in
     * arch/x86/kernel/alternative.c), which -d int must show with i=1, as QEMU does; external
     * interrupts (the timer) show with i=0.
     */
    @Test
    @Tag("boot")
    void intLogsTheKernelsInt3SelfTestAsASoftwareInterrupt() throws Exception {
        String s = bootWithLog("int", "Run /init");
        if (!Pattern.compile("(?m)^ +\\d+: v=03 e=0000 i=1 cpl=0 IP=0010:ffffffff[0-9a-f]{8} ").matcher(s).find())
            fail("no INT3 with i=1 in the -d int log:\n" + s.substring(0, Math.min(2000, s.length())));
        assertTrue(Pattern.compile("(?m)^ +\\d+: v=[2-9a-f][0-9a-f] e=0000 i=0 cpl=0 ").matcher(s).find(), "external interrupts");
        assertTrue(!s.contains(" i=1 ") || s.lines().filter(l -> l.contains(" i=1 ")).allMatch(l -> l.contains("v=03")),
                "only the INT3 is a software interrupt in a boot to the shell");
    }
}
