package org.jemu.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import org.jemu.Machine;
import org.jemu.devices.SerialSink;
import org.jemu.monitor.Monitor;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The host side of the guest's serial console and of the monitor: the terminal in raw mode (when
 * stdin and stdout are a terminal), QEMU's Ctrl-A keys, the monitor's line editor, console
 * timestamps, and the {@code -serial} back-ends other than the terminal.
 *
 * <p>The terminal is restored by {@link #close()}, and by a shutdown hook on every other way out
 * (System.exit, SIGTERM, SIGHUP, SIGINT).
 */
final class Console implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final SerialBackend serial;
    private final boolean monitorOnStdio;
    private final Monitor monitor;
    private final EscapeKeys keys;
    private final Object outLock = new Object();
    private Terminal term;
    private Attributes saved;
    private volatile boolean raw;
    private Thread restoreHook;
    private volatile Machine machine;
    private volatile boolean exitRequested;
    private volatile boolean closed;
    private boolean dirty;
    private boolean atLineStart = true;
    private long stampStart = -1;
    private OutputStream fileOut;
    private ServerSocket server;
    private volatile Socket client;
    private final StringBuilder line = new StringBuilder();
    private int escState;
    private final java.util.List<String> history = new java.util.ArrayList<>();
    private int historyPos;
    /** In raw mode the monitor's line editing is jline's LineReader, fed through a pipe by the multiplexer. */
    private java.io.PipedOutputStream readerFeed;
    private Terminal readerTerm;
    private org.jline.reader.LineReader reader;
    private Thread readerThread;
    private final ByteArrayOutputStream guestBytes = new ByteArrayOutputStream();

    Console(Options o, InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.serial = o.serial;
        this.monitorOnStdio = "stdio".equals(o.monitor) || (o.monitor == null && serial.kind == SerialBackend.Kind.MON_STDIO);
        this.monitor = monitorOnStdio ? new Monitor(this::requestExit) : null;
        this.keys = new EscapeKeys(o.echr, monitorOnStdio, new Keys());
        if (monitorOnStdio && !serial.onStdio()) keys.focusMonitor(true);
    }

    /** Opens the terminal and the serial back-end, and starts reading input. */
    void start() throws UsageException {
        openBackend();
        if (System.console() != null && (serial.onStdio() || monitorOnStdio)) enterRawMode();
        Thread t = new Thread(this::readInput, "jemu-console-input");
        t.setDaemon(true);
        t.start();
        Thread f = new Thread(this::flushLoop, "jemu-console-flush");
        f.setDaemon(true);
        f.start();
        if (keys.monitorFocus()) message(Monitor.banner() + Monitor.PROMPT, false);
    }

    /** What the guest's serial port writes to. */
    SerialSink serialSink() {
        switch (serial.kind) {
            case NULL: return b -> { };
            case FILE: return b -> {
                synchronized (outLock) {
                    try {
                        fileOut.write(b);
                        dirty = true;
                    } catch (IOException e) {
                        // the file is gone: drop output, as a disconnected line would
                    }
                }
            };
            case TCP: return b -> {
                Socket s = client;
                if (s == null) return;
                try {
                    s.getOutputStream().write(b);
                } catch (IOException e) {
                    client = null;
                }
            };
            default: return this::guestOut;
        }
    }

    void attach(Machine m) {
        machine = m;
        if (monitor != null) monitor.setMachine(m);
    }

    boolean exitRequested() { return exitRequested; }

    private void requestExit() {
        exitRequested = true;
        Machine m = machine;
        if (m != null) m.stop();
    }

    /** Where a -d log without -D goes: stderr, with CR LF line ends while the terminal is raw. */
    PrintStream logStream() {
        if (!raw) return err;
        return new PrintStream(new java.io.FilterOutputStream(err) {
            @Override public void write(int b) throws IOException {
                if (b == '\n' && raw) out.write('\r');
                out.write(b);
            }
        }, true);
    }

    /** A line from jemu on stderr (CR LF while the terminal is raw). */
    void report(String line) {
        synchronized (outLock) {
            out.flush();
            err.print(line + (raw ? "\r\n" : "\n"));
            err.flush();
            atLineStart = true;
        }
    }

    // ---- output ------------------------------------------------------------------------------

    private void guestOut(int b) {
        synchronized (outLock) {
            if (keys.timestamps() && atLineStart) {
                long now = System.currentTimeMillis();
                if (stampStart < 0) stampStart = now;
                long t = now - stampStart;
                out.print(String.format(Locale.ROOT, "[%02d:%02d:%02d.%03d] ", t / 3_600_000, t / 60_000 % 60, t / 1000 % 60, t % 1000));
            }
            out.write(b);
            atLineStart = b == '\n';
            dirty = true;
        }
    }

    /** Text from jemu itself (help, monitor answers) on the terminal; newlines become CR LF in raw mode. */
    private void message(String s, boolean newlineFirst) {
        synchronized (outLock) {
            String t = (newlineFirst && !atLineStart ? "\n" : "") + s;
            if (raw) t = t.replace("\r\n", "\n").replace("\n", "\r\n");
            out.write(t.getBytes(StandardCharsets.UTF_8), 0, t.getBytes(StandardCharsets.UTF_8).length);
            out.flush();
            atLineStart = s.endsWith("\n");
            dirty = false;
        }
    }

    private void flushLoop() {
        while (!closed) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (outLock) {
                if (dirty) {
                    dirty = false;
                    out.flush();
                    if (fileOut != null) {
                        try {
                            fileOut.flush();
                        } catch (IOException e) {
                            // ignore
                        }
                    }
                }
            }
        }
    }

    // ---- input -------------------------------------------------------------------------------

    private void readInput() {
        byte[] buf = new byte[256];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n == 0) continue;
                keys.feed(buf, 0, n);
                flushGuestBytes();
            }
        } catch (IOException e) {
            // stdin closed or unreadable: nothing more to send; the guest keeps running
        }
    }

    private void flushGuestBytes() {
        if (guestBytes.size() == 0) return;
        byte[] b = guestBytes.toByteArray();
        guestBytes.reset();
        Machine m = machine;
        if (m != null && serial.onStdio()) m.sendConsoleInput(b);
    }

    private final class Keys implements EscapeKeys.Actions {
        @Override public void send(int b, boolean toMonitor) {
            if (toMonitor) monitorByte(b);
            else guestBytes.write(b);
        }

        @Override public void help(String text) { flushGuestBytes(); message(text, true); }

        @Override public void exit() {
            flushGuestBytes();
            message("jemu: terminated\n", true);
            requestExit();
        }

        @Override public void saveDisks() { message("jemu: there are no disks to save\n", true); }

        @Override public void timestamps(boolean on) { }

        @Override public void sendBreak() {
            flushGuestBytes();
            Machine m = machine;
            if (m != null) m.sendConsoleBreak();
        }

        @Override public void switched(boolean toMonitor) {
            flushGuestBytes();
            if (!serial.onStdio() && !toMonitor) {
                message("\njemu: the serial port is not on this terminal (-serial)\n" + Monitor.PROMPT, true);
                keys.focusMonitor(true);
                return;
            }
            if (toMonitor && raw && startReader()) {
                if (!atLineStart) message("\n", false);
                redrawReader();
                return;
            }
            if (toMonitor) message(Monitor.PROMPT + line, true);
            else message("\n", false);
        }

        @Override public void noMonitor() { message("jemu: no monitor on this terminal (use -serial mon:stdio or -monitor stdio)\n", true); }
    }

    /**
     * Monitor input. On a raw terminal the bytes go to jline's LineReader (full line editing and
     * history); otherwise (stdin a pipe) a minimal editor: printable characters, backspace, Ctrl-U,
     * Enter, up/down for history.
     */
    private void monitorByte(int b) {
        if (reader != null) {
            try {
                readerFeed.write(b);
                readerFeed.flush();
            } catch (IOException e) {
                // the reader ended
            }
            return;
        }
        if (escState == 1) { escState = b == '[' || b == 'O' ? 2 : 0; return; }
        if (escState == 2) {
            if (b >= 0x40 && b <= 0x7e) {
                escState = 0;
                if (b == 'A' && historyPos > 0) replaceLine(history.get(--historyPos));
                else if (b == 'B' && historyPos < history.size()) {
                    historyPos++;
                    replaceLine(historyPos == history.size() ? "" : history.get(historyPos));
                }
            }
            return;
        }
        switch (b) {
            case 0x1b: escState = 1; return;
            case '\r': case '\n': {
                String cmd = line.toString();
                line.setLength(0);
                if (!cmd.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(cmd))) history.add(cmd);
                historyPos = history.size();
                if (raw) message("\n", false);
                String answer = monitor.execute(cmd);
                if (exitRequested) { message(answer, false); return; }
                message(answer + (keys.monitorFocus() ? Monitor.PROMPT : ""), false);
                return;
            }
            case 0x7f: case 0x08:
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    if (raw) message("\b \b", false);
                }
                return;
            case 0x15: // Ctrl-U
                if (raw) message("\r" + Monitor.PROMPT + " ".repeat(line.length()) + "\r" + Monitor.PROMPT, false);
                line.setLength(0);
                return;
            case 0x03: // Ctrl-C: drop the line
                line.setLength(0);
                if (raw) message("\n" + Monitor.PROMPT, false);
                return;
            default:
                if (b >= 32 && b < 127) {
                    line.append((char) b);
                    if (raw) message(String.valueOf((char) b), false);
                }
        }
    }

    /** Starts the jline monitor reader on first use; false when it cannot be built (then jemu's own editor serves). */
    private boolean startReader() {
        if (reader != null) return true;
        try {
            java.io.PipedInputStream pin = new java.io.PipedInputStream(4096);
            readerFeed = new java.io.PipedOutputStream(pin);
            OutputStream toTerminal = new OutputStream() {
                @Override public void write(int b) {
                    synchronized (outLock) { out.write(b); atLineStart = b == '\n'; }
                }
                @Override public void write(byte[] b, int off, int len) {
                    synchronized (outLock) {
                        out.write(b, off, len);
                        if (len > 0) atLineStart = b[off + len - 1] == '\n';
                    }
                }
                @Override public void flush() { synchronized (outLock) { out.flush(); } }
            };
            String type = System.getenv("TERM");
            readerTerm = TerminalBuilder.builder().system(false).streams(pin, toTerminal)
                    .type(type == null || type.isEmpty() ? "xterm" : type).encoding(StandardCharsets.UTF_8).build();
            if (term != null) readerTerm.setSize(term.getSize());
            Attributes a = readerTerm.getAttributes();
            a.setOutputFlag(Attributes.OutputFlag.OPOST, true);
            a.setOutputFlag(Attributes.OutputFlag.ONLCR, true);
            readerTerm.setAttributes(a);
            reader = org.jline.reader.LineReaderBuilder.builder().terminal(readerTerm).appName("jemu").build();
        } catch (IOException | RuntimeException e) {
            reader = null;
            return false;
        }
        readerThread = new Thread(this::readerLoop, "jemu-monitor");
        readerThread.setDaemon(true);
        readerThread.start();
        return true;
    }

    private void readerLoop() {
        while (!closed) {
            String cmd;
            try {
                cmd = reader.readLine(Monitor.PROMPT);
            } catch (org.jline.reader.UserInterruptException e) {
                continue;
            } catch (org.jline.reader.EndOfFileException | IllegalStateException e) {
                if (closed) return;
                continue;
            }
            String answer = monitor.execute(cmd);
            readerTerm.writer().print(answer);
            readerTerm.writer().flush();
            if (exitRequested) return;
        }
    }

    private void redrawReader() {
        try {
            reader.callWidget(org.jline.reader.LineReader.REDRAW_LINE);
            reader.callWidget(org.jline.reader.LineReader.REDISPLAY);
        } catch (RuntimeException e) {
            // not reading at this moment: the prompt comes with the next readLine
        }
    }

    private void replaceLine(String text) {
        if (raw) message("\r" + Monitor.PROMPT + " ".repeat(line.length()) + "\r" + Monitor.PROMPT + text, false);
        line.setLength(0);
        line.append(text);
    }

    // ---- terminal and back-ends ----------------------------------------------------------------

    private void enterRawMode() {
        try {
            // The exec provider (stty) changes only the flags that differ, so the line speed and every
            // bit jline does not model survive; the JNI provider rebuilds c_cflag and loses the speed.
            term = TerminalBuilder.builder().system(true).provider("exec")
                    .signalHandler(Terminal.SignalHandler.SIG_DFL).build();
            if (Terminal.TYPE_DUMB.equals(term.getType()) || term.getType().startsWith("dumb")) {
                term.close();
                term = null;
                return;
            }
            saved = term.getAttributes();
            Attributes a = new Attributes(saved);
            a.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO, Attributes.LocalFlag.ECHONL,
                    Attributes.LocalFlag.IEXTEN, Attributes.LocalFlag.ISIG), false);
            a.setInputFlags(EnumSet.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL, Attributes.InputFlag.INLCR,
                    Attributes.InputFlag.IGNCR, Attributes.InputFlag.ISTRIP, Attributes.InputFlag.BRKINT,
                    Attributes.InputFlag.PARMRK, Attributes.InputFlag.INPCK), false);
            a.setOutputFlag(Attributes.OutputFlag.OPOST, false);
            a.setControlChar(Attributes.ControlChar.VMIN, 1);
            a.setControlChar(Attributes.ControlChar.VTIME, 0);
            restoreHook = new Thread(this::restore, "jemu-terminal-restore");
            Runtime.getRuntime().addShutdownHook(restoreHook);
            term.setAttributes(a);
            raw = true;
        } catch (IOException | RuntimeException e) {
            err.println("jemu: cannot put the terminal in raw mode (" + e.getMessage() + "); continuing without");
            term = null;
        }
    }

    /** Puts the terminal back as it was; idempotent, any thread. */
    synchronized void restore() {
        if (term == null) return;
        synchronized (outLock) {
            out.flush();
        }
        try {
            term.setAttributes(saved);
            term.close();
        } catch (IOException | RuntimeException e) {
            // nothing more we can do
        }
        term = null;
        raw = false;
    }

    private void openBackend() throws UsageException {
        try {
            switch (serial.kind) {
                case FILE:
                    fileOut = new FileOutputStream(serial.path);
                    break;
                case TCP:
                    if (serial.server) listen();
                    else connect();
                    break;
                default: break;
            }
        } catch (IOException e) {
            throw UsageException.input("-serial: " + e.getMessage());
        }
    }

    /** {@code tcp:HOST:PORT}: connects out now; a refused or unreachable peer ends jemu (status 1), as in QEMU. */
    private void connect() throws UsageException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getByName(serial.host), serial.port), 10_000);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to close
            }
            throw UsageException.input("-serial tcp:" + serial.host + ":" + serial.port + ": cannot connect: " + e.getMessage());
        }
        client = s;                                   // the guest's first bytes go out already
        startThread(() -> serve(s), "jemu-serial-tcp");
    }

    /** {@code tcp:HOST:PORT,server}: listens; without nowait, the guest starts when the first client is in. */
    private void listen() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(serial.host), serial.port));
        err.println("jemu: serial port listening on tcp:" + serial.host + ":" + server.getLocalPort());
        Socket first = null;
        if (serial.waitForClient) {
            err.println("jemu: waiting for a connection before starting the guest (add ,nowait to start at once)");
            first = server.accept();
            client = first;
        }
        Socket firstClient = first;
        startThread(() -> acceptLoop(firstClient), "jemu-serial-tcp");
    }

    private static void startThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** One client at a time (the first may already be connected); each in turn is the serial line. */
    private void acceptLoop(Socket first) {
        Socket next = first;
        while (!closed) {
            try {
                if (next == null) next = server.accept();
            } catch (IOException e) {
                if (closed) return;
                continue;
            }
            serve(next);
            next = null;
        }
    }

    /** Bytes from {@code s} go to the guest, the guest's output to {@code s}, until either side closes. */
    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            client = s;
            InputStream si = s.getInputStream();
            byte[] buf = new byte[256];
            int n;
            while ((n = si.read(buf)) >= 0) {
                Machine m = machine;
                if (m != null && n > 0) m.sendConsoleInput(java.util.Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            // the peer went away: the line is disconnected, output is dropped
        } finally {
            client = null;
        }
    }

    @Override public void close() {
        closed = true;
        if (readerTerm != null) {
            try {
                readerFeed.close();
                readerTerm.close();
            } catch (IOException e) {
                // ignore
            }
        }
        restore();
        if (restoreHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreHook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        synchronized (outLock) {
            out.flush();
            try {
                if (fileOut != null) fileOut.close();
                if (server != null) server.close();
            } catch (IOException e) {
                // ignore
            }
        }
    }
}
