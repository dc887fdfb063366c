package org.jemu.cpu.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test oracle: GNU as and objdump on this machine. objdump runs with {@code -M intel,intel64}: Intel
 * syntax, and Intel's 64-bit behaviour (66 ignored on near branches), which is the CPU jemu models.
 */
final class Binutils {
    private Binutils() {}

    /** One line of objdump output: offset, the instruction bytes, the text after them. */
    record Line(long offset, byte[] bytes, String text) {}

    private static Boolean available;

    static synchronized boolean available() {
        if (available == null) available = works("as", "--version") && works("objdump", "--version");
        return available;
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    /** Assembles {@code source} with {@code as --64} and disassembles the object's .text in Intel syntax. */
    static List<Line> assemble(String source) throws IOException, InterruptedException {
        return assemble(source, "intel,intel64");
    }

    /** The same with objdump's {@code -M} options {@code syntax} ("intel64" alone: AT&T syntax, Intel's 64-bit ISA). */
    static List<Line> assemble(String source, String syntax) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jemu-decode");
        try {
            Files.writeString(dir.resolve("t.s"), source);
            run(dir, "as", "--64", "-o", "t.o", "t.s");
            return parse(run(dir, "objdump", "-d", "-M", syntax, "--insn-width=16", "t.o"));
        } finally {
            deleteTree(dir);
        }
    }

    /** Disassembles raw 64-bit code. */
    static List<Line> disassembleRaw(byte[] code) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jemu-decode");
        try {
            Files.write(dir.resolve("t.bin"), code);
            return parse(run(dir, "objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel,intel64",
                    "--insn-width=16", "t.bin"));
        } finally {
            deleteTree(dir);
        }
    }

    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t((?:[0-9a-f]{2} )+)\\s*\\t?(.*)$");

    static List<Line> parse(String out) {
        List<Line> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            Matcher m = LINE.matcher(l);
            if (!m.matches()) continue;
            String[] hex = m.group(2).trim().split(" ");
            byte[] b = new byte[hex.length];
            for (int i = 0; i < hex.length; i++) b[i] = (byte) Integer.parseInt(hex[i], 16);
            lines.add(new Line(Long.parseUnsignedLong(m.group(1), 16), b, m.group(3).trim()));
        }
        return lines;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.delete(p);
        }
        Files.delete(dir);
    }
}
