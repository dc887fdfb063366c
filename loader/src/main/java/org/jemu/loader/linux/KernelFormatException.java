package org.jemu.loader.linux;

/** The file given as a kernel is not one jemu can boot; the message is one line for the user. */
public final class KernelFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public KernelFormatException(String message) {
        super(message, null, false, false);
    }
}
