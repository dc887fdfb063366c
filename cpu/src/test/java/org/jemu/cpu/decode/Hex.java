package org.jemu.cpu.decode;

/** Test helper: hex strings to bytes, and one-call decoding. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) {
        String s = hex.replaceAll("\\s+", "");
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static Insn decode(String hex) {
        Insn in = new Insn();
        new Decoder(Ext.ALL).decode(bytes(hex), 0, in);
        return in;
    }
}
