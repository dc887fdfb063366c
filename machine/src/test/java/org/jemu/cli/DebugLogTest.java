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
    }

    @Test
    void dHelpListsTheItems() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"-d", "help"}, new PrintStream(b), System.err));
        String s = b.toString(StandardCharsets.UTF_8);
        for (String item : new String[] {"in_asm", "exec", "cpu", "int", "guest_errors", "unimp"}) assertTrue(s.contains(item), s);
    }

    @Test
    @Tag("boot")
    void inAsmAndIntGoToTheLogFile() throws Exception {
        Path log = dir.resolve("jemu.log");
        List<String> cmd = new ArrayList<>(TerminalTest.jemuCommand());
        cmd.addAll(TerminalTest.bootArgsForTests());
        cmd.addAll(List.of("-d", "in_asm,int", "-D", log.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            TerminalTest.Output out = new TerminalTest.Output(p.getInputStream());
            out.waitFor("Linux version", 120_000);   // the kernel has run for a while
            p.getOutputStream().write(new byte[] {1, 'x'});
            p.getOutputStream().flush();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "C-a x");
            assertEquals(0, p.exitValue());
            String s = Files.readString(log);
            assertTrue(s.startsWith("\nIN: \n0000000001000200:  fc                   cld\n"), s.substring(0, Math.min(300, s.length())));
            if (!Pattern.compile("(?m)^ +\\d+: v=0e e=[0-9a-f]{4} i=0 cpl=0 IP=0010:[0-9a-f]{16} pc=[0-9a-f]{16} SP=[0-9a-f]{4}:[0-9a-f]{16} CR2=")
                    .matcher(s).find())
                fail("no page fault logged by -d int");
        } finally {
            p.destroyForcibly();
        }
    }
}
