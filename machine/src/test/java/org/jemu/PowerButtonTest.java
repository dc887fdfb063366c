package org.jemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jemu.monitor.Monitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor's {@code system_powerdown} against Debian's stock kernel (the oracle): the guest loads
 * its ACPI button driver, which installs the fixed power-button handler and sets PWRBTN_EN; the
 * press sets PWRBTN_STS, the SCI (IRQ 9, level) reaches the kernel through the IO-APIC, ACPICA
 * counts the fixed event and calls the driver, the driver reports KEY_POWER, and the
 * powerbutton initramfs's /init, reading the input device as acpid would, powers off. Any break in
 * the chain leaves the guest waiting and the test times out.
 */
@Tag("boot")
class PowerButtonTest {
    @Test
    void systemPowerdownReachesTheGuestsPowerButtonHandler() throws Exception {
        MachineConfig cfg = BootTest.config("stock/bzImage", "powerbutton/initramfs.cpio.gz", "console=ttyS0");
        ConsoleExpect con = new ConsoleExpect();
        Machine m = new Machine(cfg, con);
        con.attach(m);
        Monitor mon = new Monitor(() -> { });
        mon.setMachine(m);
        CompletableFuture<Machine.Exit> run = CompletableFuture.supplyAsync(m::run);
        try {
            String before = con.waitFor("powerbutton: waiting", BootTest.BOOT);
            assertTrue(before.contains("powerbutton: ff_pwr_btn 0 EN"),
                    "the button driver enabled the fixed event (PWRBTN_EN), none seen yet: " + before);
            assertEquals("", mon.execute("system_powerdown"));
            String after = con.waitFor("KEY_POWER pressed", BootTest.COMMAND);
            assertTrue(con.waitFor("\n", BootTest.COMMAND).contains("ff_pwr_btn 1 EN"),
                    "ACPICA counted one power-button event: " + con.output());
            assertEquals(Machine.Exit.POWER_OFF, run.get(BootTest.COMMAND.toSeconds(), TimeUnit.SECONDS));
            assertTrue(con.output().contains("ACPI: PM: Preparing to enter system sleep state S5"), after);
        } finally {
            m.stop();
        }
    }
}
