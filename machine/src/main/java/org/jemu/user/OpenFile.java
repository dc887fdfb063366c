package org.jemu.user;

import java.io.IOException;

/**
 * An open file description as the guest sees it. Several descriptors may share one (dup), so it is
 * reference-counted. Every operation returns a byte count or a negative errno, as the syscall does.
 */
abstract class OpenFile {
    /** O_ACCMODE and status flags as given to open, for fcntl(F_GETFL). */
    int statusFlags;
    private int refs = 1;

    int read(byte[] buf, int off, int len) throws IOException { return -Errno.EINVAL; }

    int write(byte[] buf, int off, int len) throws IOException { return -Errno.EINVAL; }

    int pread(byte[] buf, int off, int len, long pos) throws IOException { return -Errno.ESPIPE; }

    int pwrite(byte[] buf, int off, int len, long pos) throws IOException { return -Errno.ESPIPE; }

    long seek(long offset, int whence) throws IOException { return -Errno.ESPIPE; }

    abstract FileStat stat() throws IOException;

    boolean isTerminal() { return false; }

    /** For getdents64: the directory's listing, or null when this is not a directory. */
    DirectoryListing directory() { return null; }

    /** The host path, for /proc/self/fd and fchdir; may be null. */
    String path() { return null; }

    void retain() { refs++; }

    /** Drops one reference; closes the host resource with the last. */
    void release() throws IOException {
        if (--refs == 0) close();
    }

    void close() throws IOException {}
}
