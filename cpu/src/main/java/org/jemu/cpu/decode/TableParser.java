package org.jemu.cpu.decode;

import java.util.List;

/** Parses the row texts of the instruction table into {@link Form}s (grammar: package-info.java). */
final class TableParser {
    private TableParser() {}

    static void parse(String rows, List<Form> out) {
        int lineNo = 0;
        for (String line : rows.split("\n")) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                parseRow(line, out);
            } catch (RuntimeException e) {
                throw new ExceptionInInitializerError("instruction table line " + lineNo + " '" + line + "': " + e);
            }
        }
    }

    private static void parseRow(String line, List<Form> out) {
        String[] col = line.split("\\|", -1);
        for (int i = 0; i < col.length; i++) col[i] = col[i].strip();
        String[] spec = col[0].split("\\s+");
        String[] mn = col[1].split("\\s+");
        String mnemonic = mn[0];
        String operands = mn.length > 1 ? mn[1] : "";
        String opName = col.length > 2 && !col[2].isEmpty() ? col[2] : mnemonic.split("/")[0];
        String flags = col.length > 3 ? col[3] : "";
        String attrs = col.length > 4 ? col[4] : "";

        int i = 0;
        int mandatory = Form.MP_ANY;
        if (spec.length > 1) {
            switch (spec[0]) {
                case "NP": mandatory = Form.MP_NONE; i++; break;
                case "66": mandatory = Form.MP_66; i++; break;
                case "F3": mandatory = Form.MP_F3; i++; break;
                case "F2": mandatory = Form.MP_F2; i++; break;
                default: break;
            }
        }
        int map = Insn.MAP_PRIMARY;
        if (spec[i].equals("0F") && i + 1 < spec.length && !spec[i + 1].startsWith("/")) {
            map = Insn.MAP_0F;
            i++;
            if (spec[i].equals("38") && i + 1 < spec.length && !spec[i + 1].startsWith("/")) { map = Insn.MAP_0F38; i++; }
            else if (spec[i].equals("3A") && i + 1 < spec.length && !spec[i + 1].startsWith("/")) { map = Insn.MAP_0F3A; i++; }
        }
        String opc = spec[i++];
        boolean plusR = opc.endsWith("+r"), plusCc = opc.endsWith("+cc");
        int opcode = Integer.parseInt(plusR ? opc.substring(0, opc.length() - 2)
                : plusCc ? opc.substring(0, opc.length() - 3) : opc, 16);
        int regSel = -1, rmSel = -1, modSel = 0, wSel = -1;
        boolean rexB0 = false, anyMod = false, modrm = false;
        for (; i < spec.length; i++) {
            String t = spec[i];
            if (t.equals("/r")) modrm = true;
            else if (t.length() == 2 && t.charAt(0) == '/') { regSel = t.charAt(1) - '0'; modrm = true; }
            else if (t.equals("mem")) modSel = 1;
            else if (t.equals("reg")) modSel = 2;
            else if (t.equals("w0")) wSel = 0;
            else if (t.equals("w1")) wSel = 1;
            else if (t.equals("rexb0")) rexB0 = true;
            else if (t.equals("anymod")) anyMod = true;
            else {
                int b = Integer.parseInt(t, 16);
                if (b < 0xc0) throw new IllegalArgumentException("fixed ModRM byte must have mod 3: " + t);
                regSel = (b >> 3) & 7;
                rmSel = b & 7;
                modSel = 2;
                modrm = true;
            }
        }

        String[] ops = operands.isEmpty() ? new String[0] : operands.split(",");
        int[] kinds = new int[ops.length], sizes = new int[ops.length];
        for (int k = 0; k < ops.length; k++) parseOperand(ops[k], kinds, sizes, k);
        if (modrm) {
            boolean uses = false;
            for (int k : kinds) uses |= Operand.usesModrm(k);
            if (!uses && regSel < 0) throw new IllegalArgumentException("/r without a ModRM operand");
        }

        int read = 0, written = 0, undefined = 0;
        boolean readCc = false;
        for (String f : flags.split("\\s+")) {
            if (f.isEmpty()) continue;
            String v = f.substring(2);
            if (v.equals("cc")) { readCc = true; continue; }
            int mask = flagMask(v);
            switch (f.charAt(0)) {
                case 'r': read |= mask; break;
                case 'w': written |= mask; break;
                case 'u': undefined |= mask; break;
                default: throw new IllegalArgumentException("flags '" + f + "'");
            }
        }
        boolean lock = false, end = false, d64 = false, f64 = false;
        int ext = 0;
        for (String a : attrs.split("\\s+")) {
            switch (a) {
                case "": break;
                case "lock": lock = true; break;
                case "end": end = true; break;
                case "d64": d64 = true; break;
                case "f64": f64 = true; break;
                default:
                    int e = Ext.byName(a);
                    if (e == 0) throw new IllegalArgumentException("attribute '" + a + "'");
                    ext |= e;
            }
        }

        int op = Op.byName(opName);
        if (op < 0) throw new IllegalArgumentException("no Op constant " + opName);
        int n = plusR ? 8 : plusCc ? 16 : 1;
        for (int k = 0; k < n; k++) {
            int cc = plusCc ? k : -1;
            String m = plusCc ? mnemonic.replace("cc", OpTable.CC_NAMES[k]) : mnemonic;
            int r = readCc ? read | OpTable.CC_FLAGS[k] : read;
            out.add(new Form(out.size(), map, opcode + k, mandatory, regSel, rmSel, modSel, wSel, rexB0, anyMod,
                    m, operands, op, kinds, sizes, cc, r, written, undefined, lock, end, d64, f64, ext));
        }
    }

    private static void parseOperand(String o, int[] kinds, int[] sizes, int k) {
        switch (o) {
            case "AL": kinds[k] = Operand.ACC; sizes[k] = 1; return;
            case "AX": kinds[k] = Operand.ACC; sizes[k] = 2; return;
            case "eAX": kinds[k] = Operand.ACC; sizes[k] = Operand.SZ_Z; return;
            case "rAX": kinds[k] = Operand.ACC; sizes[k] = Operand.SZ_V; return;
            case "CL": kinds[k] = Operand.CL; sizes[k] = 1; return;
            case "DX": kinds[k] = Operand.DX; sizes[k] = 2; return;
            case "1": kinds[k] = Operand.ONE; return;
            // For SEG operands the size slot holds the segment register number.
            case "FS": kinds[k] = Operand.SEG; sizes[k] = org.jemu.cpu.CpuState.FS; return;
            case "GS": kinds[k] = Operand.SEG; sizes[k] = org.jemu.cpu.CpuState.GS; return;
            case "ST": kinds[k] = Operand.ST; return;
            case "STi": kinds[k] = Operand.STI; return;
            case "XMM0": kinds[k] = Operand.XMM0; sizes[k] = 16; return;
            default:
                kinds[k] = Operand.parseKind(o.charAt(0));
                sizes[k] = Operand.parseSize(o.substring(1));
        }
    }

    private static int flagMask(String v) {
        if (v.equals("all")) return Form.ALL;
        if (v.equals("AC")) return Form.AC;
        int m = 0;
        for (char c : v.toCharArray()) {
            switch (c) {
                case 'c': m |= Form.CF; break;
                case 'p': m |= Form.PF; break;
                case 'a': m |= Form.AF; break;
                case 'z': m |= Form.ZF; break;
                case 's': m |= Form.SF; break;
                case 't': m |= Form.TF; break;
                case 'i': m |= Form.IF; break;
                case 'd': m |= Form.DF; break;
                case 'o': m |= Form.OF; break;
                default: throw new IllegalArgumentException("flag letter '" + c + "'");
            }
        }
        return m;
    }
}
