package org.jemu.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Standard input, output or error: a host stream, presented as a pipe or, on a console, a terminal. */
final class StreamFile extends OpenFile {
    private final InputStream in;
    private final OutputStream out;
    private final boolean terminal;
    private final FileStat stat;

    StreamFile(InputStream in, OutputStream out, boolean terminal, int uid, int gid) {
        this.in = in;
        this.out = out;
        this.terminal = terminal;
        this.statusFlags = in != null ? 0 : 1;   // O_RDONLY or O_WRONLY
        this.stat = FileStat.special(terminal ? FileStat.S_IFCHR | 0620 : FileStat.S_IFIFO | 0600, uid, gid);
        if (terminal) stat.rdev = 0x8800;        // /dev/pts/0
    }

    @Override
    int read(byte[] buf, int off, int len) throws IOException {
        if (in == null) return -Errno.EBADF;
        if (len == 0) return 0;
        int n = in.read(buf, off, len);
        return Math.max(n, 0);
    }

    @Override
    int write(byte[] buf, int off, int len) throws IOException {
        if (out == null) return -Errno.EBADF;
        out.write(buf, off, len);
        out.flush();
        return len;
    }

    @Override
    FileStat stat() { return stat; }

    @Override
    boolean isTerminal() { return terminal; }
}
