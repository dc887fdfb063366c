package org.jemu.loader.initramfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Builds Linux initramfs images: newc ("070701") cpio archives, optionally gzip-compressed.
 *
 * <p>Archives are byte-reproducible: entries come in sorted path order with each directory before
 * its contents, every mtime, uid and gid is 0, inode numbers are assigned 1, 2, 3, ... in archive
 * order, a directory's link count is 2 plus its number of subdirectories and every other entry's
 * is 1 (hard links in the input are stored as independent copies). Permission bits, including
 * setuid/setgid/sticky where the platform reports them, are kept; symbolic links are stored as
 * links with the target as data; FIFOs and device nodes are stored with their device numbers.
 *
 * <p>Like the kernel's built-in default initramfs, every packed directory gets a {@code dev/console}
 * character device (5, 1, mode 0600) if it does not have one, since the kernel opens it for init's
 * stdin/stdout/stderr before anything can mount devtmpfs.
 */
public final class Initramfs {

    /** Largest image we build in memory (a Java array limit, far above any sensible initramfs). */
    static final long MAX_IMAGE = Integer.MAX_VALUE - 64;

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private static final byte[] NO_DATA = new byte[0];

    /**
     * gzip member header: magic, method deflate, no flags (so no file name or comment), mtime 0,
     * XFL 2 (maximum compression), OS 3 (Unix) -- the same bytes as {@code gzip -9n} on Linux.
     */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3};

    private Initramfs() {
    }

    /** One archive member being assembled; directories keep their children sorted by name. */
    private static final class Node {
        int mode;
        byte[] data = NO_DATA;
        long rdevMajor;
        long rdevMinor;
        final TreeMap<String, Node> children = new TreeMap<>();

        Node(int mode) {
            this.mode = mode;
        }

        boolean isDirectory() {
            return (mode & S_IFMT) == S_IFDIR;
        }
    }

    /**
     * Packs the contents of {@code dir} (not the directory itself) into an uncompressed newc cpio
     * archive, adding {@code dev/console} when missing.
     */
    public static byte[] packDirectory(Path dir) throws InitramfsException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(dir, BasicFileAttributes.class);
        } catch (IOException e) {
            throw error(dir, e);
        }
        if (!attrs.isDirectory()) {
            throw new InitramfsException(dir + ": not a directory");
        }
        Node root = new Node(S_IFDIR | 0755);
        long[] total = {0};
        readChildren(root, dir, total);
        addConsole(root);
        return write(root);
    }

    /** The kernel needs /dev/console before init runs; add it the way the default initramfs has it. */
    private static void addConsole(Node root) {
        Node dev = root.children.get("dev");
        if (dev == null) {
            dev = new Node(S_IFDIR | 0755);
            root.children.put("dev", dev);
        }
        if (!dev.isDirectory() || dev.children.containsKey("console")) {
            return; // dev is a symlink or file: leave the user's layout alone
        }
        Node console = new Node(S_IFCHR | 0600);
        console.rdevMajor = 5;
        console.rdevMinor = 1;
        dev.children.put("console", console);
    }

    private static void readChildren(Node parent, Path dir, long[] total) throws InitramfsException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException e) {
            throw error(dir, e);
        } catch (DirectoryIteratorException e) {
            throw error(dir, e.getCause());
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            Node node = readNode(p, total);
            parent.children.put(name, node);
            if (node.isDirectory()) {
                readChildren(node, p, total);
            }
        }
    }

    private static Node readNode(Path p, long[] total) throws InitramfsException {
        int mode;
        long rdev = 0;
        long size;
        try {
            Map<String, Object> unix = unixAttributes(p);
            if (unix != null) {
                mode = (Integer) unix.get("mode");
                rdev = (Long) unix.get("rdev");
                size = (Long) unix.get("size");
            } else {
                BasicFileAttributes b = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                size = b.size();
                mode = fallbackMode(p, b);
            }
        } catch (IOException e) {
            throw error(p, e);
        }
        Node node = new Node(mode);
        switch (mode & S_IFMT) {
            case S_IFDIR:
            case S_IFIFO:
            case S_IFSOCK:
                break;
            case S_IFCHR:
            case S_IFBLK:
                // glibc's dev_t encoding: 12-bit major and 20-bit minor split across 64 bits.
                node.rdevMajor = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
                node.rdevMinor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
                break;
            case S_IFLNK:
                try {
                    node.data = Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw error(p, e);
                }
                break;
            case S_IFREG:
                if (size > MAX_IMAGE - total[0]) {
                    throw new InitramfsException(p + ": too large for an in-memory initramfs (over 2 GiB in total)");
                }
                try {
                    node.data = Files.readAllBytes(p);
                } catch (IOException e) {
                    throw error(p, e);
                }
                break;
            default:
                throw new InitramfsException(p + ": unsupported file type (mode " + Integer.toOctalString(mode) + ")");
        }
        total[0] += node.data.length + 512L;
        if (total[0] > MAX_IMAGE) {
            throw new InitramfsException(p + ": too large for an in-memory initramfs (over 2 GiB in total)");
        }
        return node;
    }

    /** st_mode, st_rdev and st_size via the JDK's "unix" attribute view, or null where there is none. */
    private static Map<String, Object> unixAttributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, "unix:mode,rdev,size", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int fallbackMode(Path p, BasicFileAttributes b) throws IOException, InitramfsException {
        int type;
        if (b.isSymbolicLink()) {
            return S_IFLNK | 0777;
        } else if (b.isDirectory()) {
            type = S_IFDIR;
        } else if (b.isRegularFile()) {
            type = S_IFREG;
        } else {
            throw new InitramfsException(p + ": unsupported file type on this platform");
        }
        int perm;
        try {
            Set<PosixFilePermission> set = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .permissions();
            perm = 0;
            for (PosixFilePermission bit : set) {
                perm |= 0400 >> bit.ordinal(); // OWNER_READ, OWNER_WRITE, ... OTHERS_EXECUTE in rwx order
            }
        } catch (UnsupportedOperationException e) {
            perm = type == S_IFDIR || Files.isExecutable(p) ? 0755 : 0644;
        }
        return type | perm;
    }

    private static byte[] write(Node root) throws InitramfsException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(bytes, CpioConstants.FORMAT_NEW,
                CpioConstants.BLOCK_SIZE, StandardCharsets.UTF_8.name())) {
            long[] inode = {1};
            writeChildren(cpio, root, "", inode);
            cpio.finish();
        } catch (IOException e) {
            throw new InitramfsException("cannot write cpio archive: " + e.getMessage());
        }
        return bytes.toByteArray();
    }

    private static void writeChildren(CpioArchiveOutputStream cpio, Node dir, String prefix, long[] inode)
            throws IOException {
        for (Map.Entry<String, Node> child : dir.children.entrySet()) {
            Node node = child.getValue();
            String path = prefix + child.getKey();
            CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, path, node.data.length);
            e.setMode(node.mode);
            e.setInode(inode[0]++);
            e.setNumberOfLinks(node.isDirectory() ? 2 + subdirectories(node) : 1);
            e.setTime(0);
            e.setUID(0);
            e.setGID(0);
            e.setDeviceMaj(0);
            e.setDeviceMin(0);
            e.setRemoteDeviceMaj(node.rdevMajor);
            e.setRemoteDeviceMin(node.rdevMinor);
            cpio.putArchiveEntry(e);
            cpio.write(node.data);
            cpio.closeArchiveEntry();
            if (node.isDirectory()) {
                writeChildren(cpio, node, path + "/", inode);
            }
        }
    }

    private static long subdirectories(Node dir) {
        long n = 0;
        for (Node c : dir.children.values()) {
            if (c.isDirectory()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Compresses {@code data} as a single gzip member with a fixed header (mtime 0, no file name),
     * so equal input gives equal output on a given JDK/zlib.
     */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        out.writeBytes(GZIP_HEADER);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buf = new byte[1 << 16];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLe32(out, crc.getValue());
        writeLe32(out, data.length);
        return out.toByteArray();
    }

    private static void writeLe32(ByteArrayOutputStream out, long v) {
        out.write((int) v);
        out.write((int) (v >>> 8));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 24));
    }

    /**
     * Reads an initrd specification as {@code -initrd} takes it: one path, or several separated by
     * commas. A file is taken byte for byte (cpio, compressed cpio, anything the kernel accepts); a
     * directory is packed with {@link #packDirectory(Path)}. Pieces are concatenated, each padded
     * with zero bytes to a multiple of 4 so that the next one starts 4-byte aligned, as the kernel
     * requires of concatenated archives. (A path containing a comma cannot be given.)
     */
    public static byte[] load(String spec) throws InitramfsException {
        if (spec == null || spec.isEmpty()) {
            throw new InitramfsException("empty initrd path");
        }
        List<byte[]> pieces = new ArrayList<>();
        long total = 0;
        for (String part : spec.split(",", -1)) {
            if (part.isEmpty()) {
                throw new InitramfsException("empty entry in initrd list \"" + spec + "\"");
            }
            byte[] piece = loadOne(part);
            total += (piece.length + 3L) & ~3L;
            if (total > MAX_IMAGE) {
                throw new InitramfsException(part + ": initrd too large (over 2 GiB in total)");
            }
            pieces.add(piece);
        }
        return concat(pieces);
    }

    private static byte[] loadOne(String part) throws InitramfsException {
        Path p;
        try {
            p = Path.of(part);
        } catch (InvalidPathException e) {
            throw new InitramfsException(part + ": invalid path");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            throw error(p, e);
        }
        if (attrs.isDirectory()) {
            return packDirectory(p);
        }
        if (!attrs.isRegularFile()) {
            throw new InitramfsException(p + ": not a regular file or directory");
        }
        if (attrs.size() > MAX_IMAGE) {
            throw new InitramfsException(p + ": initrd too large (over 2 GiB)");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw error(p, e);
        }
    }

    /** Concatenates initramfs pieces, padding all but the last with zeros to a multiple of 4 bytes. */
    public static byte[] concat(List<byte[]> pieces) {
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pieces.size(); i++) {
            byte[] piece = pieces.get(i);
            out.writeBytes(piece);
            if (i + 1 < pieces.size()) {
                for (int pad = (-piece.length) & 3; pad > 0; pad--) {
                    out.write(0);
                }
            }
        }
        return out.toByteArray();
    }

    /** A one-line message naming the path, without the JDK's exception class names. */
    static InitramfsException error(Path p, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else if (e.getMessage() != null) {
            reason = e.getMessage();
        } else {
            reason = e.getClass().getSimpleName();
        }
        return new InitramfsException(p + ": " + reason.replaceAll("\\s+", " ").trim());
    }
}
