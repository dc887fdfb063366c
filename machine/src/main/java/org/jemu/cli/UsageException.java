package org.jemu.cli;

/** A command-line error: printed as one line, exit status {@link #status}. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;
    /** 2 for options jemu does not understand or support, 1 for missing or malformed input files. */
    final int status;

    UsageException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static UsageException usage(String message) { return new UsageException(Main.EXIT_USAGE, message); }

    static UsageException input(String message) { return new UsageException(Main.EXIT_INPUT, message); }
}
