package org.jemu.cpu.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real code against the oracle: every instruction {@code objdump -d} finds in the {@code .text} of
 * real binaries is decoded by jemu at the same address, with every extension enabled; length and
 * mnemonic must agree. The binaries: the small kernel ({@code $JEMU_IMAGES/small/vmlinux}, default
 * {@code ~/.cache/jemu/images}; made by {@code src-test-images/small-kernel.sh}), and the host's
 * glibc ({@code gcc -print-file-name=libc.so.6}), whose string and memory routines exist in SSE2,
 * SSSE3, SSE4.1, SSE4.2, AVX2 and EVEX variants. objdump restarts its sweep at every symbol, so
 * each instruction is compared from objdump's start, and one disagreement cannot hide the rest.
 *
 * <p>jemu raising #UD on an instruction of a feature it does not implement (and so never advertises,
 * so the kernel never runs it: FSGSBASE, XSAVES, INVPCID, SERIALIZE ...) is reported, not failed;
 * #UD on a mnemonic the table has, or a length or mnemonic difference, fails. Skips when the image or
 * binutils is absent. VEX and EVEX encodings (AVX, AVX-512, the BMI VEX forms) are #UD by design.
 */
class TextSweepTest {
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t((?:[0-9a-f]{2} )+)\\s*\\t?(.*)$");

    /** Instructions of features jemu's CPUID does not advertise (the kernel checks before using them). */
    private static final Set<String> NOT_ADVERTISED = Set.of("rdfsbase", "rdgsbase", "wrfsbase", "wrgsbase",
            "xsaves", "xrstors", "xsaves64", "xrstors64", "xsaveopt", "xsaveopt64", "xsavec", "xsavec64",
            "invpcid", "serialize", "tpause", "umonitor", "umwait", "monitorx", "mwaitx", "clwb", "clui", "stui",
            "testui", "senduipi", "uiret", "tilerelease", "rdpid", "wrpkru", "rdpkru", "encls", "enclu", "enclv",
            "ptwrite", "incsspq", "incsspd", "rdsspq", "rdsspd", "saveprevssp", "rstorssp", "wrssq", "wrssd",
            "setssbsy", "clrssbsy", "endbr64", "vmcall", "vmlaunch", "vmresume", "vmxoff", "vmmcall", "vmrun",
            "vmload", "vmsave", "stgi", "clgi", "skinit", "invlpga", "rdpru", "mcommit", "pconfig", "wbnoinvd",
            "movdir64b", "movdiri", "enqcmd", "enqcmds", "pclmulqdq", "aesenc", "aesenclast", "aesdec",
            "aesdeclast", "aesimc", "aeskeygenassist", "sha1rnds4", "sha1nexte", "sha1msg1", "sha1msg2",
            "sha256rnds2", "sha256msg1", "sha256msg2", "rdpmc", "getsec", "invept", "invvpid", "vmread",
            "vmwrite", "vmptrld", "vmptrst", "vmclear", "vmxon", "xtest", "xbegin", "xend", "xabort",
            "erets", "eretu", "lkgs", "wrmsrns", "rdmsrlist", "wrmsrlist", "tdcall", "seamcall", "seamret",
            "seamops", "psmash", "pvalidate", "rmpadjust", "rmpupdate", "rmpquery", "invlpgb", "tlbsync");

    @ParameterizedTest
    @ValueSource(strings = {"small-kernel", "host-libc"})
    void textAgreesWithObjdump(String which) throws IOException, InterruptedException {
        assumeTrue(Binutils.available(), "GNU objdump not installed");
        Path image = which.equals("small-kernel") ? imageDir().resolve("small/vmlinux") : hostLibc();
        assumeTrue(image != null && Files.isRegularFile(image), "no " + which + " binary (" + image + ")");
        byte[] elf = Files.readAllBytes(image);
        long[] text = textSection(elf);
        long vaddr = text[0];
        int fileOff = (int) text[1], size = (int) text[2];

        Decoder d = new Decoder(Ext.ALL);
        Insn in = new Insn();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> byExt = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        int lines = 0, agree = 0, padding = 0, textDiffers = 0;
        Process p = new ProcessBuilder("objdump", "-d", "-M", "intel,intel64", "--insn-width=16", "-j", ".text",
                image.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String pending = null;       // a prefix objdump printed on its own line, to join with the next
            long pendingAt = 0;
            int pendingLen = 0;
            while ((line = r.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) continue;
                long addr = Long.parseUnsignedLong(m.group(1), 16);
                int len = m.group(2).length() / 3;
                String obj = m.group(3).trim();
                if (obj.equals("int3")) { agree++; lines++; padding++; continue; }   // mostly padding: 86% of the lines
                if (isPrefixOnly(obj) && pending == null) {
                    pending = obj;
                    pendingAt = addr;
                    pendingLen = len;
                    continue;
                }
                if (pending != null) {
                    if (addr == pendingAt + pendingLen) {
                        obj = pending + " " + obj;
                        len += pendingLen;
                        addr = pendingAt;
                    }
                    pending = null;
                }
                lines++;
                int off = (int) (addr - vaddr);
                if (off < 0 || off >= size) continue;
                String cat;
                String mine;
                try {
                    d.decode(elf, fileOff + off, in);
                    mine = Disassembler.format(in, addr);
                    cat = categorize(obj, len, in, mine);
                } catch (GuestFault f) {
                    mine = f.getMessage();
                    cat = categorizeFault(obj, f, elf, fileOff + off);
                }
                if (cat == null) {
                    agree++;
                    int ext = OpTable.form(in.form).ext;
                    if (ext != 0) byExt.merge(extNames(ext), 1, Integer::sum);
                    if (!Mnemonics.text(mine).replace(" ", "").equals(Mnemonics.text(obj).replace(" ", ""))) {
                        textDiffers++;
                        cat = "info: same instruction, operand text differs: " + Mnemonics.mnemonic(obj);
                    } else {
                        continue;
                    }
                }
                counts.merge(cat, 1, Integer::sum);
                List<String> ex = examples.computeIfAbsent(cat, k -> new ArrayList<>());
                if (ex.size() < 3)
                    ex.add(String.format("%x %s  objdump[%s]  jemu[%s]", addr, hex(elf, fileOff + off, len), obj, mine));
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "objdump did not finish");

        StringBuilder report = new StringBuilder(String.format(
                "[decode sweep] %s .text: %d objdump instructions (%d of them INT3), %d agree on length and"
                + " mnemonic (%d of these print different operand text)%n", image, lines, padding, agree, textDiffers));
        report.append("  agreeing instructions from rows of an extension: ").append(byExt).append('\n');
        int bad = 0;
        for (var e : counts.entrySet()) {
            report.append(String.format("  %-72s %6d%n", e.getKey(), e.getValue()));
            if (e.getKey().startsWith("BUG")) bad += e.getValue();
            for (String x : examples.get(e.getKey())) report.append("      ").append(x).append('\n');
        }
        System.out.print(report);
        assertTrue(lines > 50_000, "objdump produced only " + lines + " instructions\n" + report);
        assertEquals(0, bad, report.toString());
    }

    /** Null when jemu agrees with objdump, else a category (BUG... fails the test). */
    private static String categorize(String obj, int len, Insn in, String mine) {
        if (obj.contains("(bad)")) return "BUG: objdump (bad), jemu decodes";
        String objMn = Mnemonics.mnemonic(obj), myMn = Mnemonics.mnemonic(mine);
        if (in.length != len) return "BUG: length differs: " + objMn;
        if (myMn.equals(objMn)) return null;
        if (myMn.equals("nop") && objMn.equals("xchg") && obj.matches(".*\\b(ax|eax),\\1\\b.*")) return null;
        if (objMn.equals(myMn + "w") && (in.prefixes & Insn.PFX_OPSIZE) != 0) return null;
        if (myMn.equals("nop") && (in.opcode == 0x11e || (in.opcode & 0xff8) == 0x118))
            return "known: hint-NOP space, objdump names a newer instruction: " + objMn;
        return "BUG: mnemonic differs: jemu " + myMn + ", objdump " + objMn;
    }

    private static String categorizeFault(String obj, GuestFault f, byte[] code, int off) {
        if (obj.contains("(bad)")) return "agree: objdump (bad), jemu " + f.getMessage();
        String objMn = Mnemonics.mnemonic(obj);
        int i = off;
        while (i < off + 14 && isLegacyPrefixOrRex(code[i] & 0xff)) i++;
        int first = code[i] & 0xff;
        if (f.vector == GuestFault.UD && (first == 0xc4 || first == 0xc5 || first == 0x62))
            return "known: jemu #UD, VEX/EVEX (AVX, AVX-512, BMI1/BMI2 VEX forms) by design";
        if (f.vector == GuestFault.UD && NOT_ADVERTISED.contains(objMn))
            return "known: jemu #UD, feature not implemented or advertised: " + objMn;
        return "BUG: objdump decodes, jemu " + f.getMessage() + ": " + objMn;
    }

    private static String extNames(int ext) {
        StringBuilder sb = new StringBuilder();
        for (int b = 1; b != 0 && b <= Ext.ALL; b <<= 1)
            if ((ext & b) != 0) sb.append(sb.length() > 0 ? "+" : "").append(Ext.name(b));
        return sb.toString();
    }

    private static boolean isLegacyPrefixOrRex(int x) {
        return x == 0x66 || x == 0x67 || x == 0xf0 || x == 0xf2 || x == 0xf3 || x == 0x2e || x == 0x3e || x == 0x26
                || x == 0x36 || x == 0x64 || x == 0x65 || (x & 0xf0) == 0x40;
    }

    private static boolean isPrefixOnly(String text) {
        return Mnemonics.text(text).matches("((rex(\\.[WRXB]+)?|data16|addr32|[cdefgs]s|lock|rep[nz]*)\\s*)+");
    }

    /** The host's libc.so.6 as gcc finds it, or null. */
    private static Path hostLibc() {
        try {
            Process p = new ProcessBuilder("gcc", "-print-file-name=libc.so.6").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("/")) return null;
            return Path.of(out).toRealPath();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Path imageDir() {
        String env = System.getenv("JEMU_IMAGES");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "jemu", "images");
    }

    /** {vaddr, file offset, size} of {@code .text} from the ELF64 section headers (System V gABI). */
    static long[] textSection(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(elf.length > 64 && b.getInt(0) == 0x464c457f && elf[4] == 2 && elf[5] == 1, "not an ELF64 LE file");
        long shoff = b.getLong(0x28);
        int shentsize = b.getShort(0x3a) & 0xffff, shnum = b.getShort(0x3c) & 0xffff, shstrndx = b.getShort(0x3e) & 0xffff;
        long strtab = b.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            int name = (int) (strtab + b.getInt(h)), end = name;
            while (elf[end] != 0) end++;
            if (new String(elf, name, end - name, StandardCharsets.US_ASCII).equals(".text"))
                return new long[] {b.getLong(h + 0x10), b.getLong(h + 0x18), b.getLong(h + 0x20)};
        }
        throw new AssertionError("no .text section");
    }

    private static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append(String.format("%02x", b[off + i] & 0xff));
        return sb.toString();
    }
}
