package org.jemu.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jemu.ConsoleExpect;
import org.jemu.Machine;
import org.jemu.MachineConfig;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor against a booted small kernel, driven from the test thread while the machine runs on
 * another: stop holds the CPU still, the commands see the guest's real page tables and code, cont and
 * system_reset act on the run loop. Skips when the guest images are absent.
 */
@Tag("boot")
class MonitorMachineTest {
    private static final Pattern RIP = Pattern.compile("RIP=([0-9a-f]{16})");

    @Test
    void stopInspectContReset() throws Exception {
        Path k = ImageCache.find("small/bzImage"), i = ImageCache.find("seed/initramfs.cpio.gz");
        assumeTrue(k != null && i != null, "guest images not built: src-test-images/make-images.sh");
        MachineConfig cfg = new MachineConfig();
        cfg.kernel = k;
        cfg.initrd.add(i);
        cfg.append = "console=ttyS0";
        cfg.ramSize = 256L << 20;
        cfg.icountShift = 3;
        ConsoleExpect con = new ConsoleExpect();
        Machine m = new Machine(cfg, con);
        con.attach(m);
        boolean[] quit = {false};
        Monitor mon = new Monitor(() -> quit[0] = true);
        mon.setMachine(m);
        CompletableFuture<Machine.Exit> run = CompletableFuture.supplyAsync(m::run);
        try {
            con.waitFor("/ # ", Duration.ofMinutes(3));

            assertEquals("", mon.execute("stop"));
            assertTrue(mon.execute("info status").contains("paused"));
            String r1 = mon.execute("info registers");
            Thread.sleep(300);
            String r2 = mon.execute("info registers");
            assertEquals(r1, r2, "a stopped CPU does not move");
            Matcher rip = RIP.matcher(r1);
            assertTrue(rip.find(), r1);
            assertTrue(rip.group(1).startsWith("ffffffff8"), "the kernel is running: " + r1);
            assertTrue(r1.contains("CS =0010") && r1.contains("CS64"), r1);
            assertTrue(r1.contains("[SCE LME LMA NXE]"), r1);

            String code = mon.execute("x/3i $rip");
            assertEquals(3, code.split("\n").length, code);
            assertTrue(code.startsWith(rip.group(1) + ":"), code);
            assertFalse(code.contains("Cannot access"), code);

            String mem = mon.execute("info mem");
            assertTrue(mem.contains("ffffffff81000000-") && mem.contains(" -r-x"), "kernel text is mapped read-only executable:\n" + mem);
            String tlb = mon.execute("info tlb");
            assertTrue(tlb.lines().count() > 10, tlb);

            // The kernel's text, read virtually and at the physical address info tlb gives, is the same bytes.
            Matcher leaf = Pattern.compile("(?m)^ffffffff81000000: ([0-9a-f]{16}) ").matcher(tlb);
            assertTrue(leaf.find(), tlb);
            String v = mon.execute("x/4xg 0xffffffff81000000");
            String p = mon.execute("xp/4xg 0x" + leaf.group(1));
            assertEquals(v.replaceAll("(?m)^[0-9a-f]{16}:", ""), p.replaceAll("(?m)^[0-9a-f]{16}:", ""));
            assertEquals(4, v.split("0x").length - 1, v);

            assertTrue(mon.execute("info pic").contains("pic0: irr="));
            assertTrue(mon.execute("info lapic").contains("LVTT"));
            assertTrue(mon.execute("info cpus").startsWith("* CPU #0: pc=0x" + rip.group(1)));

            // Typing while stopped (the idle guest is halted): nothing runs until cont, then the input arrives.
            con.sendLine("echo mon-$((40+2))");
            Thread.sleep(500);
            assertFalse(con.output().contains("mon-42"), "the guest ran while stopped");
            assertEquals(r1, mon.execute("info registers"), "a stopped CPU does not move, even with input waiting");

            assertEquals("", mon.execute("cont"));
            assertTrue(mon.execute("info status").contains("running"));
            con.waitFor("mon-42", Duration.ofMinutes(1));

            mon.execute("system_reset");
            assertEquals(Machine.Exit.RESET, run.get(1, TimeUnit.MINUTES));
            mon.execute("quit");
            assertTrue(quit[0]);
        } finally {
            m.stop();
        }
    }
}
