package org.jemu.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * The fields of a stat result and their guest layouts: {@code struct stat} for x86-64
 * (arch/x86/include/uapi/asm/stat.h, 144 bytes) and {@code struct statx} (include/uapi/linux/stat.h,
 * 256 bytes).
 */
final class FileStat {
    static final int S_IFMT = 0170000, S_IFIFO = 0010000, S_IFCHR = 0020000, S_IFDIR = 0040000,
            S_IFREG = 0100000, S_IFLNK = 0120000;

    long dev, ino, nlink = 1, rdev, size, blksize = 4096, blocks;
    int mode, uid, gid;
    long atime, atimeNs, mtime, mtimeNs, ctime, ctimeNs;

    /** Stat of a host path through the JDK's "unix" attribute view (Linux hosts). */
    static FileStat of(Path path, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Map<String, Object> a = Files.readAttributes(path, "unix:*", opts);
        FileStat s = new FileStat();
        s.dev = ((Number) a.get("dev")).longValue();
        s.ino = ((Number) a.get("ino")).longValue();
        s.nlink = ((Number) a.get("nlink")).longValue();
        s.mode = ((Number) a.get("mode")).intValue();
        s.uid = ((Number) a.get("uid")).intValue();
        s.gid = ((Number) a.get("gid")).intValue();
        s.rdev = ((Number) a.get("rdev")).longValue();
        s.size = ((Number) a.get("size")).longValue();
        s.blocks = (s.size + 511) / 512;
        long[] t = time((FileTime) a.get("lastAccessTime"));
        s.atime = t[0];
        s.atimeNs = t[1];
        t = time((FileTime) a.get("lastModifiedTime"));
        s.mtime = t[0];
        s.mtimeNs = t[1];
        t = time((FileTime) a.get("ctime"));
        s.ctime = t[0];
        s.ctimeNs = t[1];
        return s;
    }

    private static long[] time(FileTime ft) {
        if (ft == null) return new long[2];
        java.time.Instant i = ft.toInstant();
        return new long[] {i.getEpochSecond(), i.getNano()};
    }

    /** A stat for a pipe or terminal that is not a host file. */
    static FileStat special(int mode, int uid, int gid) {
        FileStat s = new FileStat();
        s.mode = mode;
        s.uid = uid;
        s.gid = gid;
        s.ino = 1;
        s.dev = 0xd;
        return s;
    }

    byte[] toStat() {
        ByteBuffer b = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, dev).putLong(8, ino).putLong(16, nlink).putInt(24, mode).putInt(28, uid).putInt(32, gid);
        b.putLong(40, rdev).putLong(48, size).putLong(56, blksize).putLong(64, blocks);
        b.putLong(72, atime).putLong(80, atimeNs).putLong(88, mtime).putLong(96, mtimeNs);
        b.putLong(104, ctime).putLong(112, ctimeNs);
        return b.array();
    }

    /** STATX_BASIC_STATS: type, mode, nlink, uid, gid, atime, mtime, ctime, ino, size, blocks. */
    static final int STATX_BASIC_STATS = 0x7ff;

    byte[] toStatx() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, STATX_BASIC_STATS).putInt(4, (int) blksize).putInt(16, (int) nlink).putInt(20, uid)
                .putInt(24, gid).putShort(28, (short) mode).putLong(32, ino).putLong(40, size).putLong(48, blocks);
        b.putLong(64, atime).putInt(72, (int) atimeNs);
        b.putLong(96, ctime).putInt(104, (int) ctimeNs);
        b.putLong(112, mtime).putInt(120, (int) mtimeNs);
        // Linux new_encode_dev: major in bits 19:8 and 63:32... statx carries major/minor separately.
        b.putInt(128, major(rdev)).putInt(132, minor(rdev)).putInt(136, major(dev)).putInt(140, minor(dev));
        return b.array();
    }

    /** glibc gnu_dev_major/minor on the 64-bit dev_t the JDK reports. */
    private static int major(long d) { return (int) (((d >>> 32) & 0xfffff000L) | ((d >>> 8) & 0xfff)); }

    private static int minor(long d) { return (int) (((d >>> 12) & 0xffffff00L) | (d & 0xff)); }
}
