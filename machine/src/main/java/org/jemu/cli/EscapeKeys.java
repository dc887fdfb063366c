package org.jemu.cli;

/**
 * QEMU's character-multiplexer keys on the console: the escape character (Ctrl-A unless {@code -echr}
 * changes it) followed by one key. A pure state machine: bytes go in through {@link #feed}, decisions
 * come out through {@link Actions}, so it is tested without a terminal.
 *
 * <ul>
 *   <li>{@code C-a h} (or {@code ?}) help, {@code C-a x} exit, {@code C-a s} save disks (there are none),
 *   {@code C-a t} console timestamps on/off, {@code C-a b} send a break (magic SysRq),
 *   {@code C-a c} switch between console and monitor, {@code C-a C-a} the escape character itself.</li>
 *   <li>Any other key after the escape character is dropped, as in QEMU.</li>
 * </ul>
 */
public final class EscapeKeys {
    /** Where the decisions go. */
    public interface Actions {
        /** A byte for the focused front end (the guest's serial line, or the monitor's line editor). */
        void send(int b, boolean toMonitor);
        void help(String text);
        void exit();
        void saveDisks();
        void timestamps(boolean on);
        void sendBreak();
        /** Focus moved; {@code toMonitor} is the new focus. */
        void switched(boolean toMonitor);
        /** {@code C-a c} with no monitor on this terminal. */
        void noMonitor();
    }

    private final int escape;
    private final boolean monitorAvailable;
    private final Actions actions;
    private boolean pending;
    private boolean monitorFocus;
    private boolean timestamps;

    public EscapeKeys(int escapeChar, boolean monitorAvailable, Actions actions) {
        this.escape = escapeChar & 0xff;
        this.monitorAvailable = monitorAvailable;
        this.actions = actions;
    }

    public boolean monitorFocus() { return monitorFocus; }

    public boolean timestamps() { return timestamps; }

    /** Puts the focus on the monitor (QEMU starts there when the monitor is the only front end). */
    public void focusMonitor(boolean on) { monitorFocus = on && monitorAvailable; }

    public void feed(byte[] buf, int off, int len) {
        for (int i = 0; i < len; i++) feed(buf[off + i] & 0xff);
    }

    public void feed(int b) {
        b &= 0xff;
        if (!pending) {
            if (b == escape) pending = true;
            else actions.send(b, monitorFocus);
            return;
        }
        pending = false;
        if (b == escape) {
            actions.send(b, monitorFocus);
            return;
        }
        switch (b) {
            case 'h': case '?': actions.help(help(escape)); break;
            case 'x': actions.exit(); break;
            case 's': actions.saveDisks(); break;
            case 't': timestamps = !timestamps; actions.timestamps(timestamps); break;
            case 'b': actions.sendBreak(); break;
            case 'c':
                if (!monitorAvailable) { actions.noMonitor(); break; }
                monitorFocus = !monitorFocus;
                actions.switched(monitorFocus);
                break;
            default: break; // dropped, as QEMU does
        }
    }

    /** The name of a key as QEMU prints it: "C-a" for 1, the character itself when printable. */
    static String keyName(int c) {
        if (c < 32) return "C-" + (char) ('a' + c - 1);
        return String.valueOf((char) c);
    }

    static String help(int escape) {
        String e = keyName(escape);
        return String.join("\n",
                e + " h    print this help",
                e + " x    exit emulator",
                e + " s    save disk data back to file (if -snapshot)",
                e + " t    toggle console timestamps",
                e + " b    send break (magic sysrq)",
                e + " c    switch between console and monitor",
                e + " " + e + "  sends " + e,
                "");
    }
}
