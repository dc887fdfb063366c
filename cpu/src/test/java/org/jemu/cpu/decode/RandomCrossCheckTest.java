package org.jemu.cpu.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.api.Test;

/**
 * Random byte strings, biased towards prefixes and defined opcodes, decoded by jemu and by
 * {@code objdump -D -b binary -m i386:x86-64 -M intel,intel64}. Each candidate sits in a 32-byte slot:
 * 16 candidate bytes, then 16 NOPs, so objdump is back in step at every slot start whatever it made of
 * the candidate (no instruction is longer than 15 bytes).
 *
 * <p>Where both decode, length and mnemonic class must agree. Where objdump says (bad), jemu must
 * raise #UD. Disagreements are sorted into categories; the categories that are known differences
 * between objdump and the hardware jemu models (or features jemu leaves out on purpose) are reported,
 * everything else fails the test. Seeded; {@code -Djemu.decode.random=N} changes the count.
 */
class RandomCrossCheckTest {
    private static final int SLOT = 32;
    /** Every mnemonic of the table, lower case, as objdump spells it. */
    private static final java.util.Set<String> TABLE_MNEMONICS = new java.util.HashSet<>();

    /** Mnemonics whose rows all carry the NP mandatory prefix (66/F2/F3 not allowed). */
    private static final java.util.Set<String> NP_ONLY = new java.util.HashSet<>();

    static {
        java.util.Set<String> notNp = new java.util.HashSet<>();
        for (int i = 0; i < OpTable.count(); i++) {
            Form f = OpTable.form(i);
            if (f.mnemonicBySize != null) for (String m : f.mnemonicBySize) TABLE_MNEMONICS.add(m.toLowerCase());
            String m = Mnemonics.mnemonic(f.mnemonic.toLowerCase());
            TABLE_MNEMONICS.add(m);
            (f.mandatory == Form.MP_NONE ? NP_ONLY : notNp).add(m);
        }
        NP_ONLY.removeAll(notNp);
    }

    private static boolean hasSsePrefix(byte[] b, int off) {
        for (int i = off; i < off + 15; i++) {
            int x = b[i] & 0xff;
            if (x == 0x66 || x == 0xf2 || x == 0xf3) return true;
            boolean prefix = x == 0x67 || x == 0xf0 || x == 0x2e || x == 0x3e || x == 0x26 || x == 0x36 || x == 0x64
                    || x == 0x65 || (x & 0xf0) == 0x40;
            if (!prefix) return false;
        }
        return false;
    }

    private static final int[] LEGACY = {0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x2e, 0x3e, 0x26, 0x36, 0x64, 0x65};

    @Test
    void agreesWithObjdump() throws IOException, InterruptedException {
        assumeTrue(Binutils.available(), "GNU objdump not installed");
        int n = Integer.getInteger("jemu.decode.random", 4000);
        Random rnd = new Random(0x6a656d75L);
        byte[] buf = new byte[n * SLOT];
        for (int s = 0; s < n; s++) {
            byte[] c = candidate(rnd);
            System.arraycopy(c, 0, buf, s * SLOT, 16);
            for (int i = 16; i < SLOT; i++) buf[s * SLOT + i] = (byte) 0x90;
        }
        TreeMap<Long, Binutils.Line> byOffset = new TreeMap<>();
        for (Binutils.Line l : Binutils.disassembleRaw(buf)) byOffset.put(l.offset(), l);

        Decoder d = new Decoder(Ext.ALL);
        Insn in = new Insn();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        for (int s = 0; s < n; s++) {
            Binutils.Line l = byOffset.get((long) s * SLOT);
            String cat;
            GuestFault fault = null;
            try {
                d.decode(buf, s * SLOT, in);
            } catch (GuestFault f) {
                fault = f;
            }
            String obj = l == null ? null : l.text();
            String mine = fault == null ? Disassembler.format(in, s * SLOT) : fault.getMessage();
            // objdump prints a prefix it cannot attach (REX before a bad opcode, say) as its own line:
            // join it with the line that follows.
            int consumed = 0;
            byte[] acc = new byte[0];
            StringBuilder splitText = new StringBuilder();
            Binutils.Line cur = l;
            while (cur != null && isPrefixOnly(cur.text()) && consumed + cur.bytes().length < 16) {
                splitText.append(cur.text()).append(' ');
                acc = concat(acc, cur.bytes());
                consumed += cur.bytes().length;
                cur = byOffset.get((long) s * SLOT + consumed);
            }
            l = cur == null || consumed == 0 ? cur : new Binutils.Line(s * SLOT, concat(acc, cur.bytes()), cur.text());
            obj = l == null ? null : l.text();
            if (l == null) {
                var before = byOffset.floorEntry((long) s * SLOT);
                if (before != null) mine += "  (objdump line at " + Long.toHexString(before.getKey() - s * SLOT)
                        + ": " + before.getValue().text() + " len " + before.getValue().bytes().length + ")";
            }
            cat = categorize(buf, s * SLOT, l, fault, in, mine);
            if (!cat.startsWith("agree") && splitText.toString().matches(".*\\b(data16|addr32|rep[nz]*|lock)\\b.*"))
                cat = "known: objdump split off an ignored REX with the legacy prefixes before it (the CPU applies them)";
            counts.merge(cat, 1, Integer::sum);
            List<String> ex = examples.computeIfAbsent(cat, k -> new ArrayList<>());
            if (ex.size() < 4)
                ex.add(hex(buf, s * SLOT, l == null ? 16 : l.bytes().length) + "  objdump[" + obj + "]  jemu[" + mine + "]");
        }
        StringBuilder report = new StringBuilder("[decode random] " + n + " candidates vs objdump\n");
        int bad = 0;
        for (var e : counts.entrySet()) {
            report.append(String.format("  %-70s %5d%n", e.getKey(), e.getValue()));
            if (e.getKey().startsWith("BUG")) {
                bad += e.getValue();
                for (String x : examples.get(e.getKey())) report.append("      ").append(x).append('\n');
            }
        }
        for (var e : counts.entrySet())
            if (!e.getKey().startsWith("BUG") && !e.getKey().startsWith("agree"))
                for (String x : examples.get(e.getKey()).subList(0, Math.min(2, examples.get(e.getKey()).size())))
                    report.append("      e.g. ").append(e.getKey(), 0, Math.min(30, e.getKey().length()))
                            .append(": ").append(x).append('\n');
        System.out.print(report);
        int agree = counts.getOrDefault("agree: both decode, same length and mnemonic", 0);
        assertTrue(agree > n / 3, "too few agreeing decodes: " + agree + "\n" + report);
        assertEquals(0, bad, report.toString());
    }

    /** Sorts one candidate into a category; names starting with BUG fail the test. */
    private static String categorize(byte[] buf, int off, Binutils.Line l, GuestFault fault, Insn in, String mine) {
        if (l == null) return "BUG: objdump out of step";
        String obj = l.text();
        boolean objBad = obj.contains("(bad)");
        int opc = firstOpcode(buf, off);
        if (fault != null && fault.vector == GuestFault.GP) return "known: jemu #GP, longer than 15 bytes";
        if (objBad && fault != null) return "agree: objdump (bad), jemu #UD";
        if (objBad && obj.contains("bnd") && Mnemonics.mnemonic(mine).equals("nop"))
            return "known: MPX BNDLDX/BNDSTX in the hint-NOP space (MPX not advertised: NOP)";
        if (objBad && (in.rep() || in.repne() || (in.prefixes & Insn.PFX_OPSIZE) != 0)
                && OpTable.form(in.form).mandatory == Form.MP_ANY)
            return "known: 66/F2/F3 reserved on this opcode; objdump (bad), jemu ignores the prefix";
        if (objBad && (in.op == Op.MFENCE || in.op == Op.LFENCE || in.op == Op.SFENCE) && in.rex)
            return "known: objdump rejects REX on the fences, whose r/m is unused";
        if (fault == null && in.op == Op.FWAIT
                && (objBad || in.length != l.bytes().length || !Mnemonics.mnemonic(obj).equals("fwait"))) return "known: objdump folds FWAIT (9B) into the next line";
        if (objBad) return "BUG: objdump (bad), jemu decodes";
        String objMn = Mnemonics.mnemonic(obj);
        if (fault != null) {
            if (opc == 0xc4 || opc == 0xc5 || opc == 0x62) return "known: VEX/EVEX, #UD by design (no AVX)";
            if (obj.startsWith("lock") || obj.contains(" lock ")) return "known: objdump accepts LOCK where the CPU raises #UD";
            if (opc == 0x0f0f || opc == 0x0f0e) return "known: AMD 3DNow! (not advertised)";
            if (opc == 0x8e && obj.contains("cs,")) return "known: objdump decodes MOV CS,r (CPU: #UD)";
            if ((opc == 0x8c || opc == 0x8e) && obj.contains("?")) return "known: objdump decodes Sreg 6/7 (CPU: #UD)";
            if ((opc == 0x0f20 || opc == 0x0f22) && obj.matches(".*cr(1|5|6|7|9|1[0-5])\\b.*"))
                return "known: objdump decodes reserved CRn (CPU: #UD)";
            if ((opc == 0x0f21 || opc == 0x0f23) && obj.matches(".*dr(8|9|1[0-5])\\b.*"))
                return "known: objdump decodes DR8-15 (CPU: #UD)";
            if (NP_ONLY.contains(objMn) && hasSsePrefix(buf, off))
                return "known: NP form with 66/F2/F3 (SDM: #UD or another instruction), objdump ignores the prefix";
            if (TABLE_MNEMONICS.contains(objMn) && obj.matches("(\\S+ )*rep(z|nz|e|ne)? .*") && (opc >> 8) == 0x0f
                    && OpTable.candidates(1, opc & 0xff, Form.MP_F3) == null
                    && OpTable.candidates(1, opc & 0xff, Form.MP_F2) == null)
                return "known: objdump ignores F2/F3 where the opcode map has no such form (CPU: #UD): " + objMn;
            if (TABLE_MNEMONICS.contains(objMn)) return "BUG: a mnemonic the table has, jemu #UD: " + objMn;
            if ((opc >> 8) == 0x0f38 || (opc >> 8) == 0x0f3a) return "missing: 0F38/0F3A map (SSSE3/SSE4/SHA/AES...): " + objMn;
            return "missing: objdump decodes, jemu #UD: " + objMn;
        }
        if (in.length != l.bytes().length) return "BUG: length differs";
        String myMn = Mnemonics.mnemonic(mine);
        if (!myMn.equals(objMn)) {
            if (myMn.equals("nop") && objMn.equals("xchg") && obj.matches(".*\\b(ax|eax),\\1\\b.*"))
                return "agree: both decode, same length and mnemonic";
            if (myMn.equals("nop") && (opc & 0xfff8) == 0x0f18) return "known: hint NOP space, objdump names a newer hint: " + objMn;
            if (myMn.equals("nop") && opc == 0x0f1e) return "known: 0F 1E hint NOP (CET not advertised): objdump " + objMn;
            if (objMn.equals(myMn + "w") && (in.prefixes & Insn.PFX_OPSIZE) != 0)
                return "agree: both decode, same length and mnemonic";   // enterw, leavew, frstorw
            if (myMn.equals("wbinvd") && objMn.equals("wbnoinvd"))
                return "known: F3 0F 09 is WBNOINVD, WBINVD on CPUs without it (jemu)";
            if (myMn.equals("bsf") && objMn.equals("tzcnt") || myMn.equals("bsr") && objMn.equals("lzcnt"))
                return "BUG: extension fallback";
            return "BUG: mnemonic differs: jemu " + myMn + " objdump " + objMn;
        }
        return "agree: both decode, same length and mnemonic";
    }

    private static boolean isPrefixOnly(String text) {
        return Mnemonics.text(text).matches("((rex(\\.[WRXB]+)?|data16|addr32|[cdefgs]s|lock|rep[nz]*)\\s*)+");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The opcode after the prefixes: one byte, or 0x0fXX, or 0x0f38XX / 0x0f3aXX (shifted). */
    private static int firstOpcode(byte[] b, int off) {
        int i = off;
        while (i < off + 15) {
            int x = b[i] & 0xff;
            boolean prefix = x == 0x66 || x == 0x67 || x == 0xf0 || x == 0xf2 || x == 0xf3 || x == 0x2e || x == 0x3e
                    || x == 0x26 || x == 0x36 || x == 0x64 || x == 0x65 || (x & 0xf0) == 0x40;
            if (!prefix) break;
            i++;
        }
        int x = b[i] & 0xff;
        if (x != 0x0f) return x;
        int y = b[i + 1] & 0xff;
        if (y == 0x38 || y == 0x3a) return (0x0f00 | y) << 8 | (b[i + 2] & 0xff);
        return 0x0f00 | y;
    }

    private static byte[] candidate(Random r) {
        byte[] c = new byte[16];
        int n = 0;
        int map = r.nextInt(20);
        int k = new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 3}[r.nextInt(10)];
        for (int i = 0; i < k; i++) {
            if (r.nextInt(20) == 0) c[n++] = (byte) (0x40 + r.nextInt(16));   // REX that is then ignored
            c[n++] = (byte) LEGACY[r.nextInt(LEGACY.length)];
        }
        // The 0F 38 / 0F 3A maps are mostly 66-prefixed (SSSE3, SSE4): give them a 66 half the time.
        if (map >= 16 && r.nextBoolean()) c[n++] = 0x66;
        if (r.nextBoolean()) c[n++] = (byte) (0x40 + r.nextInt(16));
        if (map < 10) {
            c[n++] = (byte) r.nextInt(256);
        } else if (map < 16) {
            c[n++] = 0x0f;
            c[n++] = (byte) r.nextInt(256);
        } else {
            c[n++] = 0x0f;
            c[n++] = (byte) (r.nextBoolean() ? 0x38 : 0x3a);
            c[n++] = (byte) r.nextInt(256);
        }
        // ModRM: a register form a third of the time.
        c[n++] = (byte) (r.nextInt(3) == 0 ? 0xc0 | r.nextInt(64) : r.nextInt(256));
        while (n < 16) c[n++] = (byte) r.nextInt(256);
        return c;
    }

    private static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append(String.format("%02x", b[off + i] & 0xff));
        return sb.toString();
    }
}
