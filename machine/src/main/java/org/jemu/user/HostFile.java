package org.jemu.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A regular host file opened by the guest, read and written through a {@link FileChannel}. */
final class HostFile extends OpenFile {
    static final int O_ACCMODE = 3, O_WRONLY = 1, O_RDWR = 2, O_APPEND = 02000;

    private final Path path;
    private final FileChannel ch;

    HostFile(Path path, FileChannel ch, int flags) {
        this.path = path;
        this.ch = ch;
        this.statusFlags = flags;
    }

    private boolean readable() { return (statusFlags & O_ACCMODE) != O_WRONLY; }

    private boolean writable() { return (statusFlags & O_ACCMODE) != 0; }

    @Override
    int read(byte[] buf, int off, int len) throws IOException {
        if (!readable()) return -Errno.EBADF;
        int n = ch.read(ByteBuffer.wrap(buf, off, len));
        return Math.max(n, 0);
    }

    @Override
    int write(byte[] buf, int off, int len) throws IOException {
        if (!writable()) return -Errno.EBADF;
        if ((statusFlags & O_APPEND) != 0) ch.position(ch.size());
        ByteBuffer b = ByteBuffer.wrap(buf, off, len);
        while (b.hasRemaining()) ch.write(b);
        return len;
    }

    @Override
    int pread(byte[] buf, int off, int len, long pos) throws IOException {
        if (!readable()) return -Errno.EBADF;
        if (pos < 0) return -Errno.EINVAL;
        return Math.max(ch.read(ByteBuffer.wrap(buf, off, len), pos), 0);
    }

    @Override
    int pwrite(byte[] buf, int off, int len, long pos) throws IOException {
        if (!writable()) return -Errno.EBADF;
        if (pos < 0) return -Errno.EINVAL;
        ByteBuffer b = ByteBuffer.wrap(buf, off, len);
        while (b.hasRemaining()) pos += ch.write(b, pos);
        return len;
    }

    @Override
    long seek(long offset, int whence) throws IOException {
        long base;
        switch (whence) {
            case 0: base = 0; break;
            case 1: base = ch.position(); break;
            case 2: base = ch.size(); break;
            default: return -Errno.EINVAL;
        }
        long pos = base + offset;
        if (pos < 0) return -Errno.EINVAL;
        ch.position(pos);
        return pos;
    }

    @Override
    FileStat stat() throws IOException { return FileStat.of(path, true); }

    @Override
    String path() { return path.toString(); }

    @Override
    void close() throws IOException { ch.close(); }

    /** ftruncate. */
    int truncate(long len) throws IOException {
        if (!writable()) return -Errno.EINVAL;
        if (len < ch.size()) ch.truncate(len);
        else if (len > ch.size()) ch.write(ByteBuffer.allocate(1), len - 1);
        return 0;
    }
}
