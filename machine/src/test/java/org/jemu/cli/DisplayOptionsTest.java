package org.jemu.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** -display and -nographic: which front end, and whether the kernel is told of the VGA console. */
class DisplayOptionsTest {
    @Test
    void windowByDefaultNoneWithNographic() throws Exception {
        Options o = Options.parse(new String[] {"-kernel", "k"});
        assertEquals(Options.Display.WINDOW, o.display);
        assertTrue(o.config.vgaConsole);
        o = Options.parse(new String[] {"-kernel", "k", "-nographic"});
        assertEquals(Options.Display.NONE, o.display);
        assertFalse(o.config.vgaConsole, "-nographic boots as before: screen_info stays zero");
        o = Options.parse(new String[] {"-kernel", "k", "-display", "none"});
        assertEquals(Options.Display.NONE, o.display);
        assertTrue(o.config.vgaConsole, "-display none: the VGA is there, only not shown");
        assertEquals(Options.Display.WINDOW, Options.parse(new String[] {"--display", "gtk"}).display);
    }

    @Test
    void conflictsAndUnknownTypes() {
        UsageException e = assertThrows(UsageException.class, () -> Options.parse(new String[] {"-display", "window", "-nographic"}));
        assertEquals(2, e.status);
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"-display", "curses"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"-display"}));
    }
}
