package org.jemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jemu.loader.ImageCache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code -accel lockstep} on a whole guest run: the small kernel boots and runs the test-program
 * initramfs with a JIT machine and an interpreter machine compared after every slice. No
 * difference may appear, and the programs' output must still be their native output. A second run
 * changes one register of the JIT machine mid-boot and must be reported as a difference.
 */
@Tag("boot")
class LockstepTest {
    private static MachineConfig config() {
        Path kernel = ImageCache.find("small/bzImage"), initrd = ImageCache.find("tests/initramfs.cpio.gz");
        assumeTrue(kernel != null && initrd != null, "guest images not built: src-test-images/make-images.sh");
        MachineConfig cfg = new MachineConfig();
        cfg.kernel = kernel;
        cfg.initrd.add(initrd);
        cfg.append = "console=ttyS0 quiet panic=-1";
        cfg.icountShift = 3;
        cfg.noReboot = true;
        cfg.accel = MachineConfig.Accel.LOCKSTEP;
        return cfg;
    }

    @Test
    void testProgramsRunWithoutADifference() throws Exception {
        Path expected = ImageCache.find("tests/expected.txt");
        assumeTrue(expected != null, "guest images not built: src-test-images/make-images.sh");
        ConsoleExpect con = new ConsoleExpect();
        Lockstep ls = new Lockstep(config(), con);
        con.attach(ls.primary());
        Machine.Exit why = CompletableFuture.supplyAsync(ls::run).get(10, TimeUnit.MINUTES);
        assertEquals(Machine.Exit.POWER_OFF, why, ls.primary().exitMessage());
        assertTrue(ls.slices() > 1000, "slices compared: " + ls.slices());
        Map<String, String> want = GuestProgramsTest.programs(Files.readString(expected)), got = GuestProgramsTest.programs(con.output());
        assertEquals(want, got, "program output under lockstep");
    }

    @Test
    void aDifferenceIsReportedWithBothStates() throws Exception {
        ConsoleExpect con = new ConsoleExpect();
        Lockstep ls = new Lockstep(config(), con);
        ls.perturbAt = 200;
        ls.perturbation = () -> ls.primary().cpu().gpr[15] ^= 1;
        Machine.Exit why = CompletableFuture.supplyAsync(ls::run).get(5, TimeUnit.MINUTES);
        assertEquals(Machine.Exit.ERROR, why);
        String m = ls.primary().exitMessage();
        assertTrue(m.startsWith("lockstep: the JIT and the interpreter differ") && m.contains("--- JIT ---")
                && m.contains("--- interpreter ---") && m.contains("R15="), m);
    }
}
