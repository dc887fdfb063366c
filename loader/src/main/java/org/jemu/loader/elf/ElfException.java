package org.jemu.loader.elf;

/** The file is not an ELF image jemu can load; the message is one line for the user. */
public final class ElfException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfException(String message) {
        super(message);
    }
}
