package org.jemu.loader.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed ELF64 little-endian image: the file header and the program headers, which is what loading
 * needs (user-mode programs and, later, vmlinux). Every offset and size is checked against the file, so
 * a truncated or corrupt file is an {@link ElfException}, never an index error.
 *
 * <p>Layouts: System V ABI gABI chapter 4 ("ELF Header", "Program Header") and the x86-64 psABI.
 */
public final class ElfFile {
    public static final int ET_EXEC = 2, ET_DYN = 3;
    public static final int EM_X86_64 = 62;
    private static final int EHDR_SIZE = 64, PHDR_SIZE = 56;

    private final byte[] data;
    private final int type;
    private final int machine;
    private final long entry;
    private final long phoff;
    private final int phentsize;
    private final List<ProgramHeader> programHeaders;

    private ElfFile(byte[] data, int type, int machine, long entry, long phoff, int phentsize,
            List<ProgramHeader> phs) {
        this.data = data;
        this.type = type;
        this.machine = machine;
        this.entry = entry;
        this.phoff = phoff;
        this.phentsize = phentsize;
        this.programHeaders = phs;
    }

    /** Parses an ELF64 little-endian image held in memory. */
    public static ElfFile parse(byte[] data) throws ElfException {
        if (data.length < 4 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F')
            throw new ElfException("not an ELF file");
        if (data.length < EHDR_SIZE) throw new ElfException("truncated ELF header");
        if (data[4] != 2) throw new ElfException("not a 64-bit ELF file (EI_CLASS " + data[4] + ")");
        if (data[5] != 1) throw new ElfException("not a little-endian ELF file (EI_DATA " + data[5] + ")");
        if (data[6] != 1) throw new ElfException("unknown ELF version " + data[6]);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getShort(16) & 0xffff;
        int machine = b.getShort(18) & 0xffff;
        long entry = b.getLong(24);
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xffff;
        int phnum = b.getShort(56) & 0xffff;
        if (phnum == 0xffff) throw new ElfException("extended program header numbering is not supported");
        if (phnum > 0 && phentsize < PHDR_SIZE) throw new ElfException("bad program header size " + phentsize);
        if (phnum > 0 && !within(data, phoff, (long) phentsize * phnum))
            throw new ElfException("truncated ELF file: program headers outside the file");
        List<ProgramHeader> phs = new ArrayList<>(phnum);
        for (int i = 0; i < phnum; i++) {
            int o = (int) (phoff + (long) i * phentsize);
            ProgramHeader ph = new ProgramHeader(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                    b.getLong(o + 24), b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48));
            if (ph.type() == ProgramHeader.PT_LOAD || ph.type() == ProgramHeader.PT_INTERP
                    || ph.type() == ProgramHeader.PT_TLS) {
                if (!within(data, ph.offset(), ph.filesz()))
                    throw new ElfException("truncated ELF file: segment " + i + " extends past the end of the file");
                if (Long.compareUnsigned(ph.filesz(), ph.memsz()) > 0 && ph.type() == ProgramHeader.PT_LOAD)
                    throw new ElfException("bad ELF segment " + i + ": file size larger than memory size");
            }
            phs.add(ph);
        }
        return new ElfFile(data, type, machine, entry, phoff, phentsize, Collections.unmodifiableList(phs));
    }

    private static boolean within(byte[] data, long off, long len) {
        return off >= 0 && len >= 0 && off <= data.length && len <= data.length - off;
    }

    public int type() { return type; }

    public int machine() { return machine; }

    public long entry() { return entry; }

    /** File offset of the program header table (AT_PHDR is derived from it). */
    public long phoff() { return phoff; }

    public int phentsize() { return phentsize; }

    public List<ProgramHeader> programHeaders() { return programHeaders; }

    /** The whole file. */
    public byte[] data() { return data; }

    /** The program interpreter named by PT_INTERP (a dynamic executable), or null. */
    public String interpreter() {
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() != ProgramHeader.PT_INTERP) continue;
            int len = (int) ph.filesz();
            while (len > 0 && data[(int) ph.offset() + len - 1] == 0) len--;
            return new String(data, (int) ph.offset(), len, StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    /**
     * Virtual address of the program headers once loaded (before any load bias): PT_PHDR if present,
     * else the PT_LOAD segment that contains file offset {@link #phoff}; -1 if they are not loaded.
     */
    public long phdrVaddr() {
        for (ProgramHeader ph : programHeaders)
            if (ph.type() == ProgramHeader.PT_PHDR) return ph.vaddr();
        for (ProgramHeader ph : programHeaders)
            if (ph.type() == ProgramHeader.PT_LOAD && phoff >= ph.offset() && phoff - ph.offset() < ph.filesz())
                return ph.vaddr() + (phoff - ph.offset());
        return -1;
    }
}
