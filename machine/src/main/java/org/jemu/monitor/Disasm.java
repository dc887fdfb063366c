package org.jemu.monitor;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.mem.PhysicalMemory;

/** One instruction's disassembly line at a virtual address, for the {@code -d in_asm} log. */
public final class Disasm {
    private Disasm() {}

    /** Appends {@code ADDR:  BYTES  TEXT\n}, or "Cannot access memory"; returns the next address. Reads no TLB, raises no fault. */
    public static long one(StringBuilder sb, CpuState cpu, PhysicalMemory mem, long rip, org.jemu.cpu.decode.Disassembler.Syntax syntax) {
        Monitor.Fmt f = new Monitor.Fmt();
        f.count = 1;
        f.format = 'i';
        f.size = 1;
        f.syntax = syntax;
        PageWalker w = new PageWalker(cpu, mem);
        return Monitor.format(sb, mem, a -> {
            long pa = w.translate(a);
            return pa >= 0 && mem.isRam(pa) ? pa : -1;
        }, rip, f, false);
    }
}
