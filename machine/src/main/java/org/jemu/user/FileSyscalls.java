package org.jemu.user;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/** File and descriptor syscalls on host files (Linux fs/open.c, fs/read_write.c, fs/stat.c semantics). */
final class FileSyscalls {
    static final int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EMPTY_PATH = 0x1000;
    static final int O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000, O_APPEND = 02000, O_DIRECTORY = 0200000,
            O_NOFOLLOW = 0400000, O_CLOEXEC = 02000000;
    static final int TCGETS = 0x5401, TIOCGWINSZ = 0x5413;
    private static final int PATH_MAX = 4096;
    /** Largest single transfer, as Linux's MAX_RW_COUNT caps it (here smaller, to bound Java buffers). */
    private static final int MAX_RW = 1 << 24;

    private final GuestProcess p;

    FileSyscalls(GuestProcess p) {
        this.p = p;
    }

    // ---- data transfer -------------------------------------------------------------------------

    long read(int fd, long buf, long count) throws IOException, GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        if (count < 0) return -Errno.EINVAL;
        byte[] b = new byte[(int) Math.min(count, MAX_RW)];
        p.mem.checkWritable(buf, b.length);
        int n = f.read(b, 0, b.length);
        if (n > 0) p.mem.write(buf, b, 0, n);
        return n;
    }

    long write(int fd, long buf, long count) throws IOException, GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        if (count < 0) return -Errno.EINVAL;
        byte[] b = p.mem.read(buf, (int) Math.min(count, MAX_RW));
        return f.write(b, 0, b.length);
    }

    long pread(int fd, long buf, long count, long pos) throws IOException, GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        byte[] b = new byte[(int) Math.min(Math.max(count, 0), MAX_RW)];
        p.mem.checkWritable(buf, b.length);
        int n = f.pread(b, 0, b.length, pos);
        if (n > 0) p.mem.write(buf, b, 0, n);
        return n;
    }

    long pwrite(int fd, long buf, long count, long pos) throws IOException, GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        byte[] b = p.mem.read(buf, (int) Math.min(Math.max(count, 0), MAX_RW));
        return f.pwrite(b, 0, b.length, pos);
    }

    /** readv/writev: struct iovec {base, len} entries, processed in order (Linux fs/read_write.c). */
    long vector(int fd, long iov, int cnt, boolean write) throws IOException, GuestMemory.Fault {
        if (cnt < 0 || cnt > 1024) return -Errno.EINVAL;
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        if (write) {
            // Gather into one host write so the output is one unit, as the kernel's is for a pipe.
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < cnt; i++) {
                long base = p.mem.read64(iov + 16L * i), len = p.mem.read64(iov + 16L * i + 8);
                if (len < 0) return -Errno.EINVAL;
                all.write(p.mem.read(base, (int) Math.min(len, MAX_RW)));
            }
            byte[] b = all.toByteArray();
            return b.length == 0 ? 0 : f.write(b, 0, b.length);
        }
        long total = 0;
        for (int i = 0; i < cnt; i++) {
            long base = p.mem.read64(iov + 16L * i), len = p.mem.read64(iov + 16L * i + 8);
            if (len == 0) continue;
            long n = read(fd, base, len);
            if (n < 0) return total > 0 ? total : n;
            total += n;
            if (n < len) break;
        }
        return total;
    }

    long lseek(int fd, long off, int whence) throws IOException {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        return f.seek(off, whence);
    }

    // ---- opening and closing -------------------------------------------------------------------

    long openat(int dirfd, long pathAddr, int flags, int mode) throws GuestMemory.Fault {
        String name = p.mem.readCString(pathAddr, PATH_MAX);
        if (name.isEmpty()) return -Errno.ENOENT;
        Path path = resolve(dirfd, name);
        if (path == null) return -Errno.EBADF;
        try {
            if (Files.isDirectory(path)) {
                if ((flags & HostFile.O_ACCMODE) != 0) return -Errno.EISDIR;
                DirectoryListing d = new DirectoryListing(path);
                d.statusFlags = flags;
                return p.files.add(d, 0);
            }
            if ((flags & O_DIRECTORY) != 0) return Files.exists(path) ? -Errno.ENOTDIR : -Errno.ENOENT;
            Set<OpenOption> opts = new HashSet<>();
            int acc = flags & HostFile.O_ACCMODE;
            if (acc != HostFile.O_WRONLY) opts.add(StandardOpenOption.READ);
            if (acc != 0) opts.add(StandardOpenOption.WRITE);
            if ((flags & O_CREAT) != 0) opts.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            if ((flags & O_TRUNC) != 0 && acc != 0) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            if ((flags & O_NOFOLLOW) != 0) opts.add(LinkOption.NOFOLLOW_LINKS);
            boolean created = (flags & O_CREAT) != 0 && !Files.exists(path);
            FileChannel ch = FileChannel.open(path, opts);
            if (created) setMode(path, mode & ~p.umask);
            return p.files.add(new HostFile(path, ch, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC)), 0);
        } catch (IOException e) {
            return -errno(e);
        }
    }

    private static void setMode(Path path, int mode) {
        try {
            Files.setAttribute(path, "unix:mode", mode & 07777);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the host file system decides
        }
    }

    long close(int fd) throws IOException { return p.files.close(fd); }

    long dup(int fd, int min) {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        int r = p.files.add(f, min);
        if (r >= 0) f.retain();
        return r;
    }

    long dup2(int fd, int to) throws IOException {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        if (fd == to) return to;
        f.retain();
        return p.files.put(to, f);
    }

    long fcntl(int fd, int cmd, long arg) {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        switch (cmd) {
            case 0: case 1030: return dup(fd, (int) arg);        // F_DUPFD, F_DUPFD_CLOEXEC
            case 1: return 0;                                    // F_GETFD (close-on-exec is moot: no exec)
            case 2: return 0;                                    // F_SETFD
            case 3: return f.statusFlags;                        // F_GETFL
            case 4: f.statusFlags = (f.statusFlags & ~(O_APPEND | 04000)) | ((int) arg & (O_APPEND | 04000)); return 0;
            default: return -Errno.EINVAL;
        }
    }

    long ioctl(int fd, long req, long arg) throws GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        if (!f.isTerminal()) return -Errno.ENOTTY;
        if (req == TCGETS) {
            byte[] t = new byte[36];                             // struct termios: cooked mode, echo on
            putInt(t, 0, 0x500);                                 // ICRNL | IXON
            putInt(t, 4, 0x5);                                   // OPOST | ONLCR
            putInt(t, 8, 0xbf);                                  // B38400 | CS8 | CREAD
            putInt(t, 12, 0x8a3b);                               // ISIG | ICANON | ECHO... | IEXTEN
            p.mem.write(arg, t);
            return 0;
        }
        if (req == TIOCGWINSZ) {
            p.mem.write(arg, new byte[] {24, 0, 80, 0, 0, 0, 0, 0});
            return 0;
        }
        return -Errno.EINVAL;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    // ---- metadata ------------------------------------------------------------------------------

    long fstat(int fd, long buf) throws GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        try {
            p.mem.write(buf, f.stat().toStat());
            return 0;
        } catch (IOException e) {
            return -errno(e);
        }
    }

    long fstatat(int dirfd, long pathAddr, long buf, int flags, boolean statx) throws GuestMemory.Fault {
        String name = p.mem.readCString(pathAddr, PATH_MAX);
        FileStat s;
        try {
            if (name.isEmpty()) {
                if ((flags & AT_EMPTY_PATH) == 0) return -Errno.ENOENT;
                OpenFile f = dirfd == AT_FDCWD ? null : p.files.get(dirfd);
                if (f == null && dirfd != AT_FDCWD) return -Errno.EBADF;
                s = f != null ? f.stat() : FileStat.of(p.cwd, true);
            } else {
                Path path = resolve(dirfd, name);
                if (path == null) return -Errno.EBADF;
                s = FileStat.of(path, (flags & AT_SYMLINK_NOFOLLOW) == 0);
            }
        } catch (IOException e) {
            return -errno(e);
        }
        p.mem.write(buf, statx ? s.toStatx() : s.toStat());
        return 0;
    }

    long faccessat(int dirfd, long pathAddr, int mode) throws GuestMemory.Fault {
        Path path = resolve(dirfd, p.mem.readCString(pathAddr, PATH_MAX));
        if (path == null) return -Errno.EBADF;
        if (!Files.exists(path)) return -Errno.ENOENT;
        if ((mode & 4) != 0 && !Files.isReadable(path)) return -Errno.EACCES;
        if ((mode & 2) != 0 && !Files.isWritable(path)) return -Errno.EACCES;
        if ((mode & 1) != 0 && !Files.isExecutable(path)) return -Errno.EACCES;
        return 0;
    }

    long getdents64(int fd, long buf, int count) throws GuestMemory.Fault {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        DirectoryListing d = f.directory();
        if (d == null) return -Errno.ENOTDIR;
        byte[] recs = d.next(count);
        if (recs == null) return -Errno.EINVAL;
        p.mem.write(buf, recs);
        return recs.length;
    }

    long readlinkat(int dirfd, long pathAddr, long buf, long size) throws GuestMemory.Fault {
        String name = p.mem.readCString(pathAddr, PATH_MAX);
        if (size <= 0) return -Errno.EINVAL;
        String target;
        if (name.equals("/proc/self/exe")) {
            target = p.exe.toString();
        } else {
            Path path = resolve(dirfd, name);
            if (path == null) return -Errno.EBADF;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (java.nio.file.NotLinkException e) {
                return -Errno.EINVAL;
            } catch (IOException e) {
                return -errno(e);
            } catch (UnsupportedOperationException e) {
                return -Errno.EINVAL;
            }
        }
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, size);
        p.mem.write(buf, b, 0, n);
        return n;
    }

    long getcwd(long buf, long size) throws GuestMemory.Fault {
        byte[] b = (p.cwd.toString() + "\0").getBytes(StandardCharsets.UTF_8);
        if (size < b.length) return -Errno.ERANGE;
        p.mem.write(buf, b);
        return b.length;
    }

    long chdir(long pathAddr) throws GuestMemory.Fault {
        Path path = p.resolve(p.mem.readCString(pathAddr, PATH_MAX));
        if (!Files.exists(path)) return -Errno.ENOENT;
        if (!Files.isDirectory(path)) return -Errno.ENOTDIR;
        p.cwd = path;
        return 0;
    }

    long ftruncate(int fd, long len) throws IOException {
        OpenFile f = p.files.get(fd);
        if (f == null) return -Errno.EBADF;
        if (!(f instanceof HostFile)) return -Errno.EINVAL;
        return ((HostFile) f).truncate(len);
    }

    // ---- namespace changes ---------------------------------------------------------------------

    long unlinkat(int dirfd, long pathAddr, int flags) throws GuestMemory.Fault {
        Path path = resolve(dirfd, p.mem.readCString(pathAddr, PATH_MAX));
        if (path == null) return -Errno.EBADF;
        try {
            boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (dir && (flags & AT_REMOVEDIR) == 0) return -Errno.EISDIR;
            if (!dir && (flags & AT_REMOVEDIR) != 0) return Files.exists(path) ? -Errno.ENOTDIR : -Errno.ENOENT;
            Files.delete(path);
            return 0;
        } catch (IOException e) {
            return -errno(e);
        }
    }

    long mkdirat(int dirfd, long pathAddr, int mode) throws GuestMemory.Fault {
        Path path = resolve(dirfd, p.mem.readCString(pathAddr, PATH_MAX));
        if (path == null) return -Errno.EBADF;
        try {
            Files.createDirectory(path);
            setMode(path, mode & ~p.umask);
            return 0;
        } catch (IOException e) {
            return -errno(e);
        }
    }

    long renameat(int olddir, long oldAddr, int newdir, long newAddr) throws GuestMemory.Fault {
        Path from = resolve(olddir, p.mem.readCString(oldAddr, PATH_MAX));
        Path to = resolve(newdir, p.mem.readCString(newAddr, PATH_MAX));
        if (from == null || to == null) return -Errno.EBADF;
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return 0;
        } catch (IOException e) {
            return -errno(e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A path relative to a directory descriptor (or the cwd); null for a bad descriptor. */
    Path resolve(int dirfd, String name) {
        if (name.startsWith("/") || dirfd == AT_FDCWD) return p.resolve(name);
        OpenFile d = p.files.get(dirfd);
        if (d == null || d.path() == null) return null;
        return Path.of(d.path()).resolve(name).normalize();
    }

    static int errno(IOException e) {
        if (e instanceof NoSuchFileException) return Errno.ENOENT;
        if (e instanceof AccessDeniedException) return Errno.EACCES;
        if (e instanceof FileAlreadyExistsException) return Errno.EEXIST;
        if (e instanceof NotDirectoryException) return Errno.ENOTDIR;
        if (e instanceof DirectoryNotEmptyException) return Errno.ENOTEMPTY;
        if (e instanceof FileSystemLoopException) return Errno.ELOOP;
        if (e instanceof FileSystemException) {
            String r = ((FileSystemException) e).getReason();
            if (r != null) {
                if (r.contains("Not a directory")) return Errno.ENOTDIR;
                if (r.contains("Is a directory")) return Errno.EISDIR;
                if (r.contains("Too many levels")) return Errno.ELOOP;
                if (r.contains("Read-only")) return Errno.EROFS;
            }
        }
        return Errno.EIO;
    }
}
