package org.jemu.loader.initramfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitramfsTest {

    @TempDir
    Path tmp;

    Path root;

    /** Paths of the fixture in the order the archive must list them (directories before contents). */
    static final List<String> EXPECTED_ORDER = List.of(
            "a", "a/x", "a-b", "abs", "bin", "bin/link", "bin/tool", "d1", "d1/d2", "d1/d2/d3", "d1/d2/d3/f",
            "dev", "dev/console", "empty", "etc", "etc/odd", "etc/passwd", "etc/secret", "random", "zero");

    @BeforeEach
    void fixture() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        dir("a", "rwxr-xr-x");
        file("a/x", "rw-r--r--", bytes("x\n"));
        file("a-b", "rw-r--r--", bytes("sorts between a and a/x in plain string order\n"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/bin/tool"));
        dir("bin", "rwxr-xr-x");
        file("bin/tool", "rwxr-xr-x", bytes("#!/bin/sh\necho hi\n"));
        Files.createSymbolicLink(root.resolve("bin/link"), Path.of("tool"));
        dir("d1", "rwxr-xr-x");
        dir("d1/d2", "rwxr-x---");
        dir("d1/d2/d3", "rwx------");
        file("d1/d2/d3/f", "rw-r-----", bytes("deep\n"));
        dir("empty", "rwxr-x---");
        dir("etc", "rwxr-xr-x");
        file("etc/odd", "rw-r--r--", bytes("abc")); // 3 bytes: exercises data padding
        file("etc/passwd", "rw-r--r--", bytes("root:x:0:0:root:/root:/bin/sh\n"));
        file("etc/secret", "rw-------", bytes("s3cret\n"));
        byte[] random = new byte[100_003];
        new Random(42).nextBytes(random);
        file("random", "rw-r--r--", random);
        file("zero", "rw-r--r--", new byte[0]);
    }

    @Test
    void packingIsReproducible() throws Exception {
        byte[] first = Initramfs.packDirectory(root);
        Files.setLastModifiedTime(root.resolve("etc/passwd"), java.nio.file.attribute.FileTime.fromMillis(123456789L));
        byte[] second = Initramfs.packDirectory(root);
        assertArrayEquals(first, second);
        assertArrayEquals(Initramfs.gzip(first), Initramfs.gzip(second));
        assertEquals(0, first.length % 512, "archive is padded to the 512-byte block size");
        assertEquals("070701", new String(first, 0, 6, StandardCharsets.US_ASCII));
    }

    @Test
    void headersAreNormalised() throws Exception {
        List<CpioArchiveEntry> entries = new ArrayList<>();
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(Initramfs.packDirectory(root)))) {
            for (CpioArchiveEntry e; (e = in.getNextCPIOEntry()) != null; ) {
                entries.add(e);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CpioArchiveEntry e = entries.get(i);
            names.add(e.getName());
            assertEquals(i + 1, e.getInode(), e.getName());
            assertEquals(0, e.getTime(), e.getName());
            assertEquals(0, e.getUID(), e.getName());
            assertEquals(0, e.getGID(), e.getName());
        }
        assertEquals(EXPECTED_ORDER, names);
        Map<String, CpioArchiveEntry> byName = new TreeMap<>();
        entries.forEach(e -> byName.put(e.getName(), e));
        assertEquals(3, byName.get("d1").getNumberOfLinks());
        assertEquals(3, byName.get("d1/d2").getNumberOfLinks());
        assertEquals(2, byName.get("d1/d2/d3").getNumberOfLinks());
        assertEquals(2, byName.get("dev").getNumberOfLinks());
        assertEquals(1, byName.get("bin/tool").getNumberOfLinks());
        assertEquals(0100755, byName.get("bin/tool").getMode());
        assertEquals(0120777, byName.get("bin/link").getMode());
        CpioArchiveEntry console = byName.get("dev/console");
        assertEquals(0020600, console.getMode());
        assertEquals(5, console.getRemoteDeviceMaj());
        assertEquals(1, console.getRemoteDeviceMin());
    }

    @Test
    void existingConsoleIsKept() throws Exception {
        dir("dev", "rwxr-xr-x");
        file("dev/console", "rw-r--r--", bytes("mine"));
        List<String> names = listWithCommons(Initramfs.packDirectory(root));
        assertEquals(EXPECTED_ORDER, names);
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(Initramfs.packDirectory(root)))) {
            for (CpioArchiveEntry e; (e = in.getNextCPIOEntry()) != null; ) {
                if (e.getName().equals("dev/console")) {
                    assertTrue(e.isRegularFile());
                }
            }
        }
    }

    @Test
    void specialModeBitsAndFifosAreKept() throws Exception {
        assumeTrue(available("chmod", "4755", root.resolve("bin/tool").toString()), "chmod failed");
        assumeTrue(available("chmod", "1777", root.resolve("empty").toString()), "chmod failed");
        assumeTrue(available("mkfifo", "-m", "0640", root.resolve("etc/fifo").toString()), "mkfifo failed");
        Map<String, CpioArchiveEntry> byName = new TreeMap<>();
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(Initramfs.packDirectory(root)))) {
            for (CpioArchiveEntry e; (e = in.getNextCPIOEntry()) != null; ) {
                byName.put(e.getName(), e);
            }
        }
        assertEquals(0104755, byName.get("bin/tool").getMode());
        assertEquals(0041777, byName.get("empty").getMode());
        assertEquals(0010640, byName.get("etc/fifo").getMode());
        assertEquals(0, byName.get("etc/fifo").getSize());
    }

    @Test
    void devSymlinkGetsNoConsole() throws Exception {
        Files.createSymbolicLink(root.resolve("dev"), Path.of("/somewhere"));
        List<String> names = listWithCommons(Initramfs.packDirectory(root));
        assertTrue(names.contains("dev"));
        assertFalse(names.contains("dev/console"));
    }

    @Test
    void gnuCpioListsAndExtractsTheSameTree() throws Exception {
        assumeTrue(available("cpio", "--version"), "GNU cpio not installed");
        Path archive = tmp.resolve("root.cpio");
        Files.write(archive, Initramfs.packDirectory(root));

        String list = run(archive, "cpio", "-t", "--quiet");
        assertEquals(String.join("\n", EXPECTED_ORDER) + "\n", list);

        String verbose = run(archive, "cpio", "-t", "-v", "--quiet");
        String consoleLine = verbose.lines().filter(l -> l.endsWith(" dev/console")).findFirst().orElseThrow();
        assertTrue(consoleLine.startsWith("crw-------"), consoleLine);
        assertTrue(consoleLine.matches(".*\\s5,\\s+1\\s.*"), consoleLine);

        // Extract everything except the device node (mknod may be refused in a container).
        Path out = Files.createDirectory(tmp.resolve("out"));
        run(archive, "cpio", "-i", "-d", "-m", "--quiet", "--no-absolute-filenames", "-D", out.toString(),
                "-f", "dev/console");
        Files.createDirectories(root.resolve("dev"));
        assertEquals(describe(root), describe(out));
    }

    @Test
    void gzipOutputDecompressesWithGzipAndTheJdk() throws Exception {
        byte[] cpio = Initramfs.packDirectory(root);
        byte[] gz = Initramfs.gzip(cpio);
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        assertEquals(0, gz[3], "no FNAME/FCOMMENT/FEXTRA flags");
        assertArrayEquals(new byte[4], Arrays.copyOfRange(gz, 4, 8), "mtime 0");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(cpio, in.readAllBytes());
        }
        assumeTrue(available("gzip", "--version"), "gzip not installed");
        Path file = tmp.resolve("root.cpio.gz");
        Files.write(file, gz);
        assertArrayEquals(cpio, runBytes(file, "gzip", "-dc"));
    }

    @Test
    void loadConcatenatesAlignedPieces() throws Exception {
        Path piece = tmp.resolve("piece.bin");
        Files.write(piece, bytes("12345"));
        assertArrayEquals(bytes("12345"), Initramfs.load(piece.toString()), "a single file is taken as is");
        byte[] packed = Initramfs.packDirectory(root);
        assertArrayEquals(packed, Initramfs.load(root.toString()));

        byte[] both = Initramfs.load(piece + "," + root + "," + piece);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes("12345\0\0\0"));
        expected.writeBytes(packed);
        expected.writeBytes(bytes("12345"));
        assertArrayEquals(expected.toByteArray(), both);
    }

    @Test
    void errorsAreOneLineAndNameThePath() throws Exception {
        Path missing = tmp.resolve("missing");
        InitramfsException e = assertThrows(InitramfsException.class, () -> Initramfs.load(missing.toString()));
        assertEquals(missing + ": no such file or directory", e.getMessage());
        e = assertThrows(InitramfsException.class, () -> Initramfs.packDirectory(missing));
        assertEquals(missing + ": no such file or directory", e.getMessage());
        e = assertThrows(InitramfsException.class, () -> Initramfs.packDirectory(root.resolve("zero")));
        assertEquals(root.resolve("zero") + ": not a directory", e.getMessage());
        e = assertThrows(InitramfsException.class, () -> Initramfs.load(root + ",," + root));
        assertTrue(e.getMessage().startsWith("empty entry in initrd list"), e.getMessage());
        assertThrows(InitramfsException.class, () -> Initramfs.load(""));
        assertEquals(0, e.getStackTrace().length, "no stack trace is captured");
        e = assertThrows(InitramfsException.class, () -> Initramfs.load("/dev/null"));
        assertEquals("/dev/null: not a regular file or directory", e.getMessage());
    }

    // ---- helpers ----

    private void dir(String path, String perms) throws IOException {
        Path p = Files.createDirectory(root.resolve(path));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private void file(String path, String perms, byte[] data) throws IOException {
        Path p = Files.write(root.resolve(path), data);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> listWithCommons(byte[] archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(archive))) {
            for (CpioArchiveEntry e; (e = in.getNextCPIOEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** Type, permissions and content (or link target) of every path under dir, sorted. */
    private static String describe(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String rel = dir.relativize(p).toString();
                sb.append(rel).append(' ');
                if (Files.isSymbolicLink(p)) {
                    sb.append("-> ").append(Files.readSymbolicLink(p));
                } else {
                    sb.append(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                    if (Files.isRegularFile(p)) {
                        sb.append(" sha=").append(Arrays.hashCode(Files.readAllBytes(p)))
                                .append(" len=").append(Files.size(p));
                    } else {
                        sb.append(" dir");
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(Path stdin, String... command) throws Exception {
        return new String(runBytes(stdin, command), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(Path stdin, String... command) throws Exception {
        Path err = Files.createTempFile("initramfs-test", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectInput(stdin.toFile()).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
            assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + Files.readString(err));
            return out;
        } finally {
            Files.delete(err);
        }
    }
}
