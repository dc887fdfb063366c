package org.jemu.cli;

/**
 * Where the guest's first serial port goes, spelled as QEMU's {@code -serial}: {@code stdio},
 * {@code mon:stdio}, {@code null}, {@code file:PATH}, {@code tcp:[HOST]:PORT} (connect out to a
 * listening peer) and {@code tcp:[HOST]:PORT,server[,nowait]} (listen; as in QEMU, wait for the
 * first client before the guest starts unless {@code nowait}). HOST defaults to 127.0.0.1, so a
 * server listens on the loopback interface unless told otherwise.
 */
final class SerialBackend {
    enum Kind { STDIO, MON_STDIO, NULL, FILE, TCP }

    final Kind kind;
    final String path;
    final String host;
    final int port;
    /** TCP: listen (true) or connect (false). */
    final boolean server;
    /** TCP server: hold the guest until the first client connects (QEMU's wait=on, the default). */
    final boolean waitForClient;

    private SerialBackend(Kind kind, String path, String host, int port, boolean server, boolean waitForClient) {
        this.kind = kind;
        this.path = path;
        this.host = host;
        this.port = port;
        this.server = server;
        this.waitForClient = waitForClient;
    }

    private SerialBackend(Kind kind, String path) { this(kind, path, null, 0, false, false); }

    boolean onStdio() { return kind == Kind.STDIO || kind == Kind.MON_STDIO; }

    static SerialBackend parse(String s) throws UsageException {
        switch (s) {
            case "stdio": return new SerialBackend(Kind.STDIO, null);
            case "mon:stdio": return new SerialBackend(Kind.MON_STDIO, null);
            case "null": case "none": return new SerialBackend(Kind.NULL, null);
            default: break;
        }
        if (s.startsWith("file:")) {
            if (s.length() == 5) throw UsageException.usage("-serial file: needs a path");
            return new SerialBackend(Kind.FILE, s.substring(5));
        }
        if (s.startsWith("tcp:")) return tcp(s);
        throw UsageException.usage("-serial " + s + ": unsupported back-end (use stdio, mon:stdio, null, file:PATH, "
                + "tcp:[HOST]:PORT[,server[,nowait]])");
    }

    /** {@code tcp:[HOST]:PORT[,server|server=on][,nowait|wait=off|wait=on]}, QEMU's socket options that apply. */
    private static SerialBackend tcp(String s) throws UsageException {
        String[] parts = s.substring(4).split(",");
        boolean server = false;
        Boolean wait = null;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "server": case "server=on": server = true; break;
                case "server=off": server = false; break;
                case "nowait": case "wait=off": wait = false; break;
                case "wait": case "wait=on": wait = true; break;
                default: throw UsageException.usage("-serial " + s + ": unsupported tcp option '" + parts[i] + "'");
            }
        }
        if (!server && wait != null)
            throw UsageException.usage("-serial " + s + ": 'wait' and 'nowait' go with ',server' (a client connects at once)");
        int colon = parts[0].lastIndexOf(':');
        if (colon < 0) throw UsageException.usage("-serial " + s + ": expected tcp:[HOST]:PORT[,server[,nowait]]");
        String host = parts[0].substring(0, colon);
        if (host.isEmpty()) host = "127.0.0.1";
        int port;
        try {
            port = Integer.parseInt(parts[0].substring(colon + 1));
        } catch (NumberFormatException e) {
            throw UsageException.usage("-serial " + s + ": bad port");
        }
        if (port < 0 || port > 65535 || (!server && port == 0)) throw UsageException.usage("-serial " + s + ": bad port");
        return new SerialBackend(Kind.TCP, null, host, port, server, server && (wait == null || wait));
    }
}
