package org.jemu.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.jemu.loader.initramfs.Initramfs;
import org.jemu.loader.initramfs.InitramfsException;

/**
 * {@code jemu mkinitramfs DIR OUT}: packs a directory into a reproducible newc cpio archive,
 * gzip-compressed when OUT ends in {@code .gz}.
 *
 * <p>{@link #run(String[])} takes the arguments that follow the word {@code mkinitramfs} and returns
 * the exit status: 0 on success, 1 when the input cannot be read or the output cannot be written,
 * 2 for a usage error.
 */
public final class MkInitramfs {

    static final String USAGE = """
            usage: jemu mkinitramfs DIR OUT
            Packs the contents of DIR into an initramfs image OUT: a newc cpio archive,
            gzip-compressed when OUT ends in .gz. The archive is reproducible (sorted
            order, mtime 0, owner root) and has dev/console even if DIR lacks it.""";

    private MkInitramfs() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> operands = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && (a.equals("-h") || a.equals("--help"))) {
                out.println(USAGE);
                return 0;
            } else if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                err.println("jemu mkinitramfs: unknown option: " + a);
                err.println("usage: jemu mkinitramfs DIR OUT");
                return 2;
            } else {
                operands.add(a);
            }
        }
        if (operands.size() != 2) {
            err.println("jemu mkinitramfs: expected DIR and OUT, got " + operands.size() + " argument"
                    + (operands.size() == 1 ? "" : "s"));
            err.println("usage: jemu mkinitramfs DIR OUT");
            return 2;
        }
        Path dir;
        Path outPath;
        try {
            dir = Path.of(operands.get(0));
            outPath = Path.of(operands.get(1));
        } catch (InvalidPathException e) {
            err.println("jemu mkinitramfs: invalid path: " + e.getInput());
            return 2;
        }
        if (!Files.isDirectory(dir)) {
            err.println("jemu mkinitramfs: " + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
            return 1;
        }
        byte[] image;
        try {
            image = Initramfs.packDirectory(dir);
        } catch (InitramfsException e) {
            err.println("jemu mkinitramfs: " + e.getMessage());
            return 1;
        }
        if (outPath.getFileName() != null && outPath.getFileName().toString().endsWith(".gz")) {
            image = Initramfs.gzip(image);
        }
        try {
            writeAtomically(outPath, image);
        } catch (IOException e) {
            err.println("jemu mkinitramfs: cannot write " + outPath + ": " + reason(e));
            return 1;
        }
        return 0;
    }

    /** Writes next to the target and renames, so a reader never sees half an image. */
    private static void writeAtomically(Path target, byte[] data) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("no such directory: " + parent);
        }
        if (Files.isDirectory(abs)) {
            throw new IOException("is a directory");
        }
        Path tmp = Files.createTempFile(parent, "." + abs.getFileName(), ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }
}
