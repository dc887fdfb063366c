package org.jemu.cli;

/** Placeholder entry point; replaced by the command line in the next commit. */
public final class Main {
    public static void main(String[] args) {
        System.err.println("jemu: not implemented yet");
        System.exit(1);
    }
}
