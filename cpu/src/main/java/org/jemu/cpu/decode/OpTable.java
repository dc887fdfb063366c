package org.jemu.cpu.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The instruction table: every form jemu decodes, parsed once at class initialisation from the row
 * texts of {@link IntegerRows}, {@link SystemRows}, {@link SseRows}, {@link MmxRows}, {@link Sse4Rows}
 * and {@link X87Rows}, plus the lookup
 * arrays the {@link Decoder} uses. The interpreter, the JIT and the test generators read the same rows
 * through {@link #form(int)} and {@link #count()}.
 *
 * <p>Lookup: for each (map, opcode byte, mandatory-prefix class) one array of candidate rows, the rows
 * that name that prefix class first, then the rows that accept any prefix; the decoder takes the first
 * candidate whose ModRM / REX.W constraints match.
 */
public final class OpTable {
    private OpTable() {}

    static final String[] CC_NAMES = {"O", "NO", "B", "AE", "E", "NE", "BE", "A", "S", "NS", "P", "NP", "L",
            "GE", "LE", "G"};

    /** Flags each condition code reads (SDM Vol. 1, Appendix B). */
    static final int[] CC_FLAGS = {Form.OF, Form.OF, Form.CF, Form.CF, Form.ZF, Form.ZF, Form.CF | Form.ZF,
            Form.CF | Form.ZF, Form.SF, Form.SF, Form.PF, Form.PF, Form.SF | Form.OF, Form.SF | Form.OF,
            Form.ZF | Form.SF | Form.OF, Form.ZF | Form.SF | Form.OF};

    private static final Form[] FORMS;
    /** Candidates per ((map * 256 + opcode) * 4 + mandatory class). */
    private static final Form[][] LOOKUP = new Form[4 * 256 * 4][];
    /** Whether (map * 256 + opcode) has a ModRM byte. */
    private static final boolean[] MODRM = new boolean[4 * 256];
    /** Whether any row exists for (map * 256 + opcode). */
    private static final boolean[] DEFINED = new boolean[4 * 256];

    static {
        List<Form> forms = new ArrayList<>();
        TableParser.parse(IntegerRows.ROWS, forms);
        TableParser.parse(SystemRows.ROWS, forms);
        TableParser.parse(SseRows.ROWS, forms);
        TableParser.parse(MmxRows.ROWS, forms);
        TableParser.parse(Sse4Rows.ROWS, forms);
        TableParser.parse(X87Rows.ROWS, forms);
        FORMS = forms.toArray(new Form[0]);
        buildLookup();
    }

    private static void buildLookup() {
        Boolean[] modrm = new Boolean[4 * 256];
        for (Form f : FORMS) {
            int key = f.map * 256 + f.opcodeByte;
            if (modrm[key] != null && modrm[key] != f.hasModrm)
                throw new ExceptionInInitializerError("rows of one opcode disagree on ModRM: " + f.name);
            modrm[key] = f.hasModrm;
            MODRM[key] = f.hasModrm;
            DEFINED[key] = true;
        }
        for (int key = 0; key < 4 * 256; key++) {
            if (!DEFINED[key]) continue;
            for (int mp = 0; mp < 4; mp++) {
                List<Form> c = new ArrayList<>();
                for (Form f : FORMS) if (f.map * 256 + f.opcodeByte == key && f.mandatory == mp) c.add(f);
                for (Form f : FORMS) if (f.map * 256 + f.opcodeByte == key && f.mandatory == Form.MP_ANY) c.add(f);
                if (!c.isEmpty()) LOOKUP[key * 4 + mp] = c.toArray(new Form[0]);
            }
        }
    }

    public static int count() { return FORMS.length; }

    public static Form form(int index) { return FORMS[index]; }

    /** Candidate rows for a map, opcode byte and mandatory-prefix class, or null when there are none. */
    static Form[] candidates(int map, int opcode, int mandatory) {
        return LOOKUP[((map << 8) | opcode) * 4 + mandatory];
    }

    static boolean hasModrm(int map, int opcode) { return MODRM[(map << 8) | opcode]; }

    /** Condition-code suffix as Intel writes it (0 = "O" ... 15 = "G"). */
    public static String ccName(int cc) { return CC_NAMES[cc]; }

    /** Flags read by a condition code. */
    public static int ccFlags(int cc) { return CC_FLAGS[cc]; }
}
