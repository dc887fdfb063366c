package org.jemu.loader.initramfs;

/**
 * A user-facing problem with an initramfs input (missing path, unreadable file, too large, ...).
 * The message is one line, meant to be printed as is, without a stack trace.
 */
public final class InitramfsException extends Exception {
    public InitramfsException(String message) {
        super(message, null, false, false);
    }
}
