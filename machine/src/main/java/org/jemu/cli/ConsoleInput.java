package org.jemu.cli;

import java.io.IOException;
import java.io.InputStream;
import org.jemu.Machine;

/**
 * Feeds the host's standard input to the guest's serial port on a daemon thread. End of input just
 * ends the feeding: the guest keeps running (a closed pipe in CI must not stop a boot).
 */
final class ConsoleInput {
    private ConsoleInput() {}

    static void start(InputStream in, Machine m) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                int n;
                while ((n = in.read(buf)) > 0) m.sendConsoleInput(java.util.Arrays.copyOf(buf, n));
            } catch (IOException e) {
                // stdin closed or unreadable: nothing more to send
            }
        }, "jemu-console-input");
        t.setDaemon(true);
        t.start();
    }
}
