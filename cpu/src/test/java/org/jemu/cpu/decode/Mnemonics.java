package org.jemu.cpu.decode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings objdump's and jemu's instruction text to one comparable form: prefix words dropped, comments
 * dropped, spelling variants of one instruction unified (objdump prints CMPPS predicates as
 * pseudo-mnemonics, "movabs" for 64-bit immediates and moffs, size suffixes on some system opcodes).
 */
final class Mnemonics {
    private Mnemonics() {}

    private static final Set<String> PREFIX_WORDS = Set.of("lock", "rep", "repz", "repnz", "repe", "repne",
            "data16", "data32", "addr32", "cs", "ds", "es", "ss", "fs", "gs", "notrack", "bnd", "xacquire",
            "xrelease", "rex");
    private static final Pattern CMP_PREDICATE =
            Pattern.compile("cmp(eq|lt|le|unord|neq|nlt|nle|ord)(ps|pd|ss|sd)");
    private static final Pattern BARE_TARGET = Pattern.compile("(j[a-z]+|call|loop[a-z]*) [0-9a-f]+");
    private static final Set<String> STRING_OPS = Set.of("movs", "cmps", "stos", "lods", "scas", "ins", "outs");

    /** The text without prefix words and comments, whitespace collapsed. */
    static String text(String s) {
        int hash = s.indexOf('#');
        if (hash >= 0) s = s.substring(0, hash);
        int lt = s.indexOf('<');
        if (lt >= 0) s = s.substring(0, lt);
        String[] w = s.trim().split("\\s+", -1);
        int i = 0;
        while (i < w.length - 1 && (PREFIX_WORDS.contains(w[i]) || w[i].startsWith("rex."))) i++;
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < w.length; k++) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(w[k]);
        }
        String r = sb.toString().trim();
        // Branch targets: objdump writes "jmp 1a0 <sym>" for objects, "jmp 0x1a0" for raw binaries.
        if (BARE_TARGET.matcher(r).matches()) r = r.replaceFirst(" ", " 0x");
        return r;
    }

    /** The mnemonic class of an instruction text. */
    static String mnemonic(String s) {
        String t = text(s);
        if (PREFIX_WORDS.contains(t) || t.startsWith("rex.")) return t;   // a lone prefix
        String m = t.split(" ")[0];
        int paren = m.indexOf('(');
        if (paren > 0) m = m.substring(0, paren);   // "fneni(8087 only)"
        if (m.equals("movabs")) return "mov";
        if (m.startsWith("prefetch")) return "prefetch";
        if (CMP_PREDICATE.matcher(m).matches()) return "cmp" + m.substring(m.length() - 2);
        if (m.equals("callf")) return "call";
        if (m.equals("jmpf")) return "jmp";
        if (m.equals("xlatb")) return "xlat";
        if (m.equals("jecxz")) return "jrcxz";
        for (String op : STRING_OPS)
            if (m.startsWith(op) && m.length() == op.length() + 1 && "bwdq".indexOf(m.charAt(op.length())) >= 0
                    && !t.contains("xmm")) return op;
        // objdump's operand-size suffixes on a few system opcodes (sysretq, iretd, pushfq, lgdt...).
        if ((m.startsWith("sysret") || m.startsWith("iret") || m.startsWith("pushf") || m.startsWith("popf")
                || m.startsWith("sysexit") || m.startsWith("retf") || m.equals("lretq"))
                && m.length() > 3 && "wdq".indexOf(m.charAt(m.length() - 1)) >= 0
                && !m.equals("retf")) return m.substring(0, m.length() - 1);
        return m;
    }
}
