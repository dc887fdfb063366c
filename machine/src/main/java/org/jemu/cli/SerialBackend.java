package org.jemu.cli;

/**
 * Where the guest's first serial port goes, spelled as QEMU's {@code -serial}: {@code stdio},
 * {@code mon:stdio}, {@code null}, {@code file:PATH}, {@code tcp:[HOST]:PORT,server[,nowait]}.
 * A TCP server listens on 127.0.0.1 unless a host is given.
 */
final class SerialBackend {
    enum Kind { STDIO, MON_STDIO, NULL, FILE, TCP }

    final Kind kind;
    final String path;
    final String host;
    final int port;

    private SerialBackend(Kind kind, String path, String host, int port) {
        this.kind = kind;
        this.path = path;
        this.host = host;
        this.port = port;
    }

    boolean onStdio() { return kind == Kind.STDIO || kind == Kind.MON_STDIO; }

    static SerialBackend parse(String s) throws UsageException {
        switch (s) {
            case "stdio": return new SerialBackend(Kind.STDIO, null, null, 0);
            case "mon:stdio": return new SerialBackend(Kind.MON_STDIO, null, null, 0);
            case "null": case "none": return new SerialBackend(Kind.NULL, null, null, 0);
            default: break;
        }
        if (s.startsWith("file:")) {
            if (s.length() == 5) throw UsageException.usage("-serial file: needs a path");
            return new SerialBackend(Kind.FILE, s.substring(5), null, 0);
        }
        if (s.startsWith("tcp:")) {
            String[] parts = s.substring(4).split(",");
            boolean server = false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("server") || parts[i].equals("server=on")) server = true;
                else if (!(parts[i].equals("nowait") || parts[i].equals("wait=off")))
                    throw UsageException.usage("-serial " + s + ": unsupported tcp option '" + parts[i] + "'");
            }
            if (!server) throw UsageException.usage("-serial " + s + ": only server mode is supported (add ,server)");
            int colon = parts[0].lastIndexOf(':');
            if (colon < 0) throw UsageException.usage("-serial " + s + ": expected tcp:[HOST]:PORT,server");
            String host = parts[0].substring(0, colon);
            if (host.isEmpty()) host = "127.0.0.1";
            int port;
            try {
                port = Integer.parseInt(parts[0].substring(colon + 1));
            } catch (NumberFormatException e) {
                throw UsageException.usage("-serial " + s + ": bad port");
            }
            if (port < 0 || port > 65535) throw UsageException.usage("-serial " + s + ": bad port");
            return new SerialBackend(Kind.TCP, null, host, port);
        }
        throw UsageException.usage("-serial " + s + ": unsupported back-end (use stdio, mon:stdio, null, file:PATH, tcp:[HOST]:PORT,server)");
    }
}
