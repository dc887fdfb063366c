package org.jemu.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An open directory: its entries ("." and ".." first) and the getdents64 cursor. Records are
 * {@code struct linux_dirent64} (d_ino, d_off, d_reclen, d_type, d_name), 8-byte aligned.
 */
final class DirectoryListing extends OpenFile {
    private static final int DT_UNKNOWN = 0, DT_DIR = 4, DT_REG = 8, DT_LNK = 10;

    private final Path path;
    private final List<String> names = new ArrayList<>();
    private final List<Long> inos = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private int cursor;

    DirectoryListing(Path path) throws IOException {
        this.path = path;
        add(".", path, DT_DIR);
        add("..", path.getParent() == null ? path : path.getParent(), DT_DIR);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
            for (Path p : ds) {
                int type = Files.isSymbolicLink(p) ? DT_LNK : Files.isDirectory(p) ? DT_DIR
                        : Files.isRegularFile(p) ? DT_REG : DT_UNKNOWN;
                add(p.getFileName().toString(), p, type);
            }
        }
    }

    private void add(String name, Path p, int type) {
        long ino;
        try {
            ino = FileStat.of(p, false).ino;
        } catch (IOException | RuntimeException e) {
            ino = names.size() + 1;
        }
        names.add(name);
        inos.add(ino);
        types.add(type);
    }

    /** Fills up to {@code max} bytes of dirent64 records; 0 at the end, -EINVAL if one does not fit. */
    byte[] next(int max) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, Math.min(max, 1 << 20))).order(ByteOrder.LITTLE_ENDIAN);
        while (cursor < names.size()) {
            byte[] name = names.get(cursor).getBytes(StandardCharsets.UTF_8);
            int reclen = (19 + name.length + 1 + 7) & ~7;
            if (b.remaining() < reclen) {
                if (b.position() == 0) return null;
                break;
            }
            int at = b.position();
            b.putLong(inos.get(cursor)).putLong(cursor + 1).putShort((short) reclen).put((byte) (int) types.get(cursor));
            b.put(name).put((byte) 0);
            b.position(at + reclen);
            cursor++;
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    @Override
    long seek(long offset, int whence) {
        if (whence != 0 || offset < 0) return -Errno.EINVAL;
        cursor = (int) Math.min(offset, names.size());
        return cursor;
    }

    @Override
    int read(byte[] buf, int off, int len) { return -Errno.EISDIR; }

    @Override
    FileStat stat() throws IOException { return FileStat.of(path, true); }

    @Override
    DirectoryListing directory() { return this; }

    @Override
    String path() { return path.toString(); }
}
