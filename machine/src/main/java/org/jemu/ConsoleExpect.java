package org.jemu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jemu.devices.SerialSink;

/**
 * An expect-style console for programs that drive a guest: collects what the guest writes to its
 * serial port, waits for a string to appear, and types lines. Pass it as the {@link Machine}'s console
 * sink, run the machine on another thread, and script it from yours.
 *
 * <pre>{@code
 * ConsoleExpect con = new ConsoleExpect();
 * Machine m = new Machine(cfg, con);
 * con.attach(m);
 * new Thread(m::run).start();
 * con.waitFor("/ # ", Duration.ofMinutes(2));
 * con.sendLine("echo $((6*7))");
 * con.waitFor("42", Duration.ofSeconds(30));
 * }</pre>
 */
public final class ConsoleExpect implements SerialSink {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final SerialSink echo;
    private Machine machine;
    /** Where the next {@link #waitFor} starts looking (so each wait consumes its match). */
    private int mark;

    public ConsoleExpect() {
        this(null);
    }

    /** @param echo also receives every byte (e.g. System.out::write to watch a test), or null */
    public ConsoleExpect(SerialSink echo) {
        this.echo = echo;
    }

    public void attach(Machine m) { machine = m; }

    @Override
    public synchronized void write(int b) {
        all.write(b);
        if (echo != null) echo.write(b);
        notifyAll();
    }

    /** Everything the guest has written so far. */
    public synchronized String output() { return all.toString(StandardCharsets.UTF_8); }

    /**
     * Waits until {@code text} appears after the previous match, and returns the output from there to
     * the end of the match.
     */
    public synchronized String waitFor(String text, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = output();
            int i = s.indexOf(text, mark);
            if (i >= 0) {
                String got = s.substring(mark, i + text.length());
                mark = i + text.length();
                return got;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0)
                throw new TimeoutException("no \"" + text + "\" on the console within " + timeout + "; last output:\n"
                        + s.substring(Math.max(mark, s.length() - 2000)));
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Types {@code line} and a carriage return, as a terminal's Enter key sends. */
    public void sendLine(String line) {
        machine.sendConsoleInput((line + "\r").getBytes(StandardCharsets.UTF_8));
    }
}
