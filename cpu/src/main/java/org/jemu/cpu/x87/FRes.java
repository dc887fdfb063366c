package org.jemu.cpu.x87;

/**
 * A scratch result: one 80-bit value (or a packed integer/memory image in {@code sig}) and the
 * status bits the operation raised (SW exception bits IE..PE and SF, and {@link #C1} for "rounded
 * up"). One per {@link X87}, reused, so operations allocate nothing.
 */
final class FRes {
    static final int C1 = X87.C1;

    int se;
    long sig;
    int flags;
    /** An operand was a denormal in its memory format (m32/m64), now normal in 80 bits. */
    boolean srcDenormal;

    /** Starts an operation. */
    FRes clear() {
        flags = 0;
        srcDenormal = false;
        return this;
    }

    void set(int se, long sig) {
        this.se = se;
        this.sig = sig;
    }

    void indefinite() {
        se = F80.INDEF_SE;
        sig = F80.INDEF_SIG;
    }
}
