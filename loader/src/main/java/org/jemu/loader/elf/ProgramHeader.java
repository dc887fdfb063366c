package org.jemu.loader.elf;

/**
 * One ELF64 program header (System V gABI, "Program Header"). Sizes and addresses are unsigned 64-bit
 * values held in {@code long}s.
 */
public record ProgramHeader(int type, int flags, long offset, long vaddr, long paddr, long filesz, long memsz,
        long align) {
    public static final int PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_PHDR = 6,
            PT_TLS = 7, PT_GNU_EH_FRAME = 0x6474e550, PT_GNU_STACK = 0x6474e551, PT_GNU_RELRO = 0x6474e552,
            PT_GNU_PROPERTY = 0x6474e553;
    /** Segment permission bits of {@link #flags}. */
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;

    public boolean readable() { return (flags & PF_R) != 0; }

    public boolean writable() { return (flags & PF_W) != 0; }

    public boolean executable() { return (flags & PF_X) != 0; }
}
