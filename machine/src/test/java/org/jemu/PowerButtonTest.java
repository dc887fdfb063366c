package org.jemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jemu.monitor.Monitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor's {@code system_powerdown} against Debian's stock kernel (the oracle): the guest loads
 * its ACPI button driver, which installs the fixed power-button handler and sets PWRBTN_EN; the
 * press sets PWRBTN_STS, the SCI (IRQ 9, level) reaches the kernel through the IO-APIC, ACPICA
 * counts the fixed event and calls the driver, the driver reports KEY_POWER, and the
 * powerbutton initramfs's /init, reading the input device as acpid would, powers off. Any break in
 * the chain leaves the guest waiting and the test times out. On the way, the monitor's
 * {@code info irq} counts must equal the kernel's /proc/interrupts for the quiet IRQs 1, 9 and 12.
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
            // info irq against the kernel's /proc/interrupts: the i8042's and the SCI's lines are quiet
            // while /init waits for Enter.
            String counts = con.waitFor("powerbutton: Enter powers off", BootTest.COMMAND);
            String irq = mon.execute("info irq");
            String ioapic = irq.substring(irq.indexOf("IRQ statistics for ioapic:"), irq.indexOf("IRQ statistics for lapic"));
            Matcher g = Pattern.compile("powerbutton: irq (\\d+): (\\d+)").matcher(counts);
            int compared = 0;
            while (g.find()) {
                String line = String.format("%2d: %s\n", Integer.parseInt(g.group(1)), g.group(2));
                assertTrue(g.group(2).equals("0") ? !ioapic.contains(line.substring(0, 4)) : ioapic.contains(line),
                        "the guest counts IRQ " + g.group(1) + " " + g.group(2) + " times; info irq says:\n" + irq);
                compared++;
            }
            assertEquals(3, compared, "IRQs 1, 9 and 12 in /proc/interrupts: " + counts);
            assertTrue(ioapic.contains(" 9: 1\n"), "one SCI: " + irq);
            con.sendLine("");
            assertEquals(Machine.Exit.POWER_OFF, run.get(BootTest.COMMAND.toSeconds(), TimeUnit.SECONDS));
            assertTrue(con.output().contains("ACPI: PM: Preparing to enter system sleep state S5"), after);
        } finally {
            m.stop();
        }
    }
}
