package org.jemu.cpu.x87;

/** FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1. */
final class Transcendental {
    private Transcendental() {}

    static void execute(X87 f, int modrm) {
        throw new UnsupportedOperationException("transcendental " + Integer.toHexString(modrm));
    }
}
