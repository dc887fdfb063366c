package org.jemu.user;

import java.io.IOException;
import java.util.Arrays;

/** The guest's file descriptors: lowest free number first, as POSIX requires; RLIMIT_NOFILE is 1024. */
final class FileTable {
    static final int MAX_FDS = 1024;

    private OpenFile[] fds = new OpenFile[16];

    OpenFile get(long fd) {
        return fd >= 0 && fd < fds.length ? fds[(int) fd] : null;
    }

    /** Installs {@code f} at the lowest free descriptor >= {@code min}; -EMFILE when full. */
    int add(OpenFile f, int min) {
        for (int i = min; i < MAX_FDS; i++) {
            if (i >= fds.length) fds = Arrays.copyOf(fds, Math.min(MAX_FDS, fds.length * 2));
            if (fds[i] == null) {
                fds[i] = f;
                return i;
            }
        }
        return -Errno.EMFILE;
    }

    /** dup2/dup3: puts {@code f} at exactly {@code fd}, closing what was there. */
    int put(int fd, OpenFile f) throws IOException {
        if (fd < 0 || fd >= MAX_FDS) return -Errno.EBADF;
        while (fd >= fds.length) fds = Arrays.copyOf(fds, fds.length * 2);
        if (fds[fd] != null) fds[fd].release();
        fds[fd] = f;
        return fd;
    }

    int close(long fd) throws IOException {
        OpenFile f = get(fd);
        if (f == null) return -Errno.EBADF;
        fds[(int) fd] = null;
        f.release();
        return 0;
    }

    void closeAll() {
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] == null) continue;
            try {
                fds[i].release();
            } catch (IOException ignored) {
                // the process is exiting; nothing to report to
            }
            fds[i] = null;
        }
    }
}
