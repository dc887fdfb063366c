package org.jemu.loader.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a kernel file and tells which of the formats jemu boots it is: a bzImage or an ELF vmlinux. */
public final class KernelImage {
    public enum Kind { BZIMAGE, ELF }

    public final Kind kind;
    public final byte[] bytes;
    /** The setup header for a bzImage, null for ELF. */
    public final SetupHeader header;

    private KernelImage(Kind kind, byte[] bytes, SetupHeader header) {
        this.kind = kind;
        this.bytes = bytes;
        this.header = header;
    }

    public static KernelImage read(Path file) throws IOException, KernelFormatException {
        return of(Files.readAllBytes(file));
    }

    public static KernelImage of(byte[] bytes) throws KernelFormatException {
        if (bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
            if (bytes.length < 20 || bytes[4] != 2 || bytes[5] != 1)
                throw new KernelFormatException("ELF kernel is not 64-bit little-endian");
            int machine = (bytes[18] & 0xff) | (bytes[19] & 0xff) << 8;
            if (machine != 62) throw new KernelFormatException("ELF kernel is not for x86-64 (e_machine " + machine + ")");
            return new KernelImage(Kind.ELF, bytes, null);
        }
        if (!SetupHeader.looksLikeBzImage(bytes))
            throw new KernelFormatException("not a Linux kernel: neither a bzImage (no \"HdrS\" setup header) nor an ELF vmlinux");
        return new KernelImage(Kind.BZIMAGE, bytes, SetupHeader.parse(bytes));
    }
}
