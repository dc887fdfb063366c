package org.jemu.user;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the process's initial stack exactly as Linux does (fs/exec.c and fs/binfmt_elf.c
 * create_elf_tables; x86-64 psABI §3.4.1), from the top down: a NULL word; the executable's name
 * (AT_EXECFN); the environment strings; the argument strings; then, 16-byte aligned, the platform
 * string "x86_64" and the 16 AT_RANDOM bytes; then argc, argv[], NULL, envp[], NULL and the auxiliary
 * vector, with RSP (pointing at argc) 16-byte aligned.
 */
final class InitialStack {
    private InitialStack() {}

    /** Writes the stack below {@code top}; returns the initial RSP. */
    static long build(GuestMemory mem, long top, List<String> argv, List<String> envp, String execfn,
            LoadedProgram prog, long hwcap, long[] ids, byte[] random) throws GuestMemory.Fault {
        long p = top - 8;
        mem.write64(p, 0);
        long execfnAddr = p = pushString(mem, p, execfn);
        long[] envAddr = new long[envp.size()];
        for (int i = envp.size() - 1; i >= 0; i--) envAddr[i] = p = pushString(mem, p, envp.get(i));
        long[] argAddr = new long[argv.size()];
        for (int i = argv.size() - 1; i >= 0; i--) argAddr[i] = p = pushString(mem, p, argv.get(i));
        p &= ~0xfL;
        long platform = p = pushString(mem, p, "x86_64");
        p -= 16;
        long randomAddr = p;
        mem.write(randomAddr, random, 0, 16);

        long[][] aux = {
            {Auxv.AT_HWCAP, hwcap}, {Auxv.AT_PAGESZ, AddressSpace.PAGE}, {Auxv.AT_CLKTCK, 100},
            {Auxv.AT_PHDR, prog.phdr()}, {Auxv.AT_PHENT, prog.phent()}, {Auxv.AT_PHNUM, prog.phnum()},
            {Auxv.AT_BASE, 0}, {Auxv.AT_FLAGS, 0}, {Auxv.AT_ENTRY, prog.entry()},
            {Auxv.AT_UID, ids[0]}, {Auxv.AT_EUID, ids[1]}, {Auxv.AT_GID, ids[2]}, {Auxv.AT_EGID, ids[3]},
            {Auxv.AT_SECURE, 0}, {Auxv.AT_RANDOM, randomAddr}, {Auxv.AT_HWCAP2, 0},
            {Auxv.AT_EXECFN, execfnAddr}, {Auxv.AT_PLATFORM, platform}, {Auxv.AT_NULL, 0},
        };
        int words = 1 + argv.size() + 1 + envp.size() + 1 + 2 * aux.length;
        long sp = (p - 8L * words) & ~0xfL;
        ByteBuffer b = ByteBuffer.allocate(8 * words).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(argv.size());
        for (long a : argAddr) b.putLong(a);
        b.putLong(0);
        for (long a : envAddr) b.putLong(a);
        b.putLong(0);
        for (long[] kv : aux) b.putLong(kv[0]).putLong(kv[1]);
        mem.write(sp, b.array());
        return sp;
    }

    private static long pushString(GuestMemory mem, long p, String s) throws GuestMemory.Fault {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        p -= bytes.length + 1;
        mem.write(p, bytes);
        mem.write(p + bytes.length, new byte[1]);
        return p;
    }
}
