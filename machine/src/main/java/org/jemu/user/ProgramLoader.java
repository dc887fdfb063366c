package org.jemu.user;

import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.loader.elf.ElfException;
import org.jemu.loader.elf.ElfFile;
import org.jemu.loader.elf.ProgramHeader;

/**
 * Maps a static x86-64 executable into the address space as Linux's binfmt_elf does: each PT_LOAD
 * segment at its page-aligned address with its permissions, file bytes copied, the rest zero (bss).
 * ET_DYN without PT_INTERP (static-pie) is loaded at Linux's non-randomised ELF_ET_DYN_BASE.
 */
final class ProgramLoader {
    /** Linux x86-64 ELF_ET_DYN_BASE without ASLR: 2/3 of TASK_SIZE, page-aligned. */
    static final long DYN_BASE = 0x555555554000L;

    private ProgramLoader() {}

    static LoadedProgram load(ElfFile elf, AddressSpace space, PhysicalMemory phys) throws ElfException {
        if (elf.machine() != ElfFile.EM_X86_64)
            throw new ElfException("not an x86-64 executable (e_machine " + elf.machine() + ")");
        if (elf.type() != ElfFile.ET_EXEC && elf.type() != ElfFile.ET_DYN)
            throw new ElfException("not an executable (e_type " + elf.type() + ")");
        String interp = elf.interpreter();
        if (interp != null)
            throw new ElfException("dynamically linked executable (needs " + interp + "); only static executables are supported");
        long bias = elf.type() == ElfFile.ET_DYN ? DYN_BASE : 0;
        long brk = 0;
        boolean any = false;
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.type() != ProgramHeader.PT_LOAD || ph.memsz() == 0) continue;
            any = true;
            long va = ph.vaddr() + bias;
            long end = va + ph.memsz();
            if (va < AddressSpace.PAGE || end > AddressSpace.TASK_SIZE || end < va)
                throw new ElfException("segment at 0x" + Long.toHexString(va) + " is outside user space");
            int prot = (ph.readable() ? AddressSpace.PROT_READ : 0) | (ph.writable() ? AddressSpace.PROT_WRITE : 0)
                    | (ph.executable() ? AddressSpace.PROT_EXEC : 0);
            long start = AddressSpace.pageDown(va);
            long stop = AddressSpace.pageUp(end);
            int old = space.protAt(start);
            if (old >= 0) {                   // first page shared with the previous segment
                space.protect(start, AddressSpace.PAGE, old | prot);
                start += AddressSpace.PAGE;
            }
            if (start < stop) space.map(start, stop - start, prot, "elf");
            copy(elf.data(), ph.offset(), va, ph.filesz(), space, phys);
            brk = Math.max(brk, stop);
        }
        if (!any) throw new ElfException("no loadable segments");
        long phdr = elf.phdrVaddr();
        return new LoadedProgram(elf.entry() + bias, phdr < 0 ? 0 : phdr + bias, elf.phentsize(),
                elf.programHeaders().size(), bias, brk);
    }

    private static void copy(byte[] data, long off, long va, long len, AddressSpace space, PhysicalMemory phys) {
        byte[] ram = phys.ram();
        while (len > 0) {
            int n = (int) Math.min(len, AddressSpace.PAGE - (va & 0xfff));
            long frame = space.frameOf(va);
            if (frame < 0) throw new IllegalStateException("guest RAM exhausted while loading");
            System.arraycopy(data, (int) off, ram, (int) (frame + (va & 0xfff)), n);
            va += n;
            off += n;
            len -= n;
        }
    }
}
