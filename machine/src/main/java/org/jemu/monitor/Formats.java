package org.jemu.monitor;

import java.util.Locale;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;

/** Text of the monitor's {@code info} answers that depend only on CPU state (unit-tested directly). */
public final class Formats {
    private Formats() {}

    static final String[] SEG = {"ES", "CS", "SS", "DS", "FS", "GS"};

    static String hex16(long v) { return String.format(Locale.ROOT, "%016x", v); }

    /** RFLAGS as QEMU prints it: D O S Z A P C, a dash for each clear flag. */
    public static String flags(long rfl) {
        char[] c = {
            (rfl & Flags.DF) != 0 ? 'D' : '-', (rfl & Flags.OF) != 0 ? 'O' : '-', (rfl & Flags.SF) != 0 ? 'S' : '-',
            (rfl & Flags.ZF) != 0 ? 'Z' : '-', (rfl & Flags.AF) != 0 ? 'A' : '-', (rfl & Flags.PF) != 0 ? 'P' : '-',
            (rfl & Flags.CF) != 0 ? 'C' : '-'};
        return new String(c);
    }

    /** The names of the set RFLAGS bits, e.g. "IF ZF PF". */
    public static String flagNames(long rfl) {
        String[] names = {"CF", null, "PF", null, "AF", null, "ZF", "SF", "TF", "IF", "DF", "OF", null, null, "NT", null,
            "RF", "VM", "AC", "VIF", "VIP", "ID"};
        StringBuilder sb = new StringBuilder();
        for (int i = names.length - 1; i >= 0; i--)
            if (names[i] != null && (rfl & (1L << i)) != 0) sb.append(sb.length() > 0 ? " " : "").append(names[i]);
        int iopl = (int) ((rfl >>> 12) & 3);
        if (iopl != 0) sb.append(" IOPL=").append(iopl);
        return sb.toString();
    }

    private static String segLine(String name, int sel, long base, int limit, int attr) {
        // QEMU shows the descriptor's high dword flags (bits 8-23 of the second word); we keep the same bits.
        long flags = ((long) attr & 0xf0ff) << 8;
        int dpl = (attr >>> 5) & 3;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-3s=%04x %016x %08x %08x DPL=%d",
                name, sel & 0xffff, base, limit & 0xffffffffL, flags, dpl));
        if ((attr & 0x80) == 0) return sb.append(" (not present)").toString();
        if ((attr & 0x10) != 0) {
            if ((attr & 8) != 0) {
                sb.append((attr & (1 << 13)) != 0 ? " CS64" : (attr & (1 << 14)) != 0 ? " CS32" : " CS16");
                sb.append(" [").append((attr & 4) != 0 ? 'C' : '-').append((attr & 2) != 0 ? 'R' : '-')
                        .append((attr & 1) != 0 ? 'A' : '-').append(']');
            } else {
                sb.append((attr & (1 << 14)) != 0 ? " DS  " : " DS16");
                sb.append(" [").append((attr & 4) != 0 ? 'E' : '-').append((attr & 2) != 0 ? 'W' : '-')
                        .append((attr & 1) != 0 ? 'A' : '-').append(']');
            }
        } else {
            int type = attr & 0xf;
            String[] sys = {"Reserved", "TSS16-avl", "LDT", "TSS16-busy", "CallGate16", "TaskGate", "IntGate16",
                "TrapGate16", "Reserved", "TSS64-avl", "Reserved", "TSS64-busy", "CallGate64", "Reserved", "IntGate64",
                "TrapGate64"};
            sb.append(' ').append(sys[type]);
        }
        return sb.toString();
    }

    /** {@code info registers}: the layout of QEMU's, with decoded RFLAGS. */
    public static String registers(CpuState c) {
        StringBuilder sb = new StringBuilder();
        String[] n = {"RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RBP", "RSP", "R8 ", "R9 ", "R10", "R11", "R12", "R13", "R14", "R15"};
        int[] idx = {0, 3, 1, 2, 6, 7, 5, 4, 8, 9, 10, 11, 12, 13, 14, 15};
        for (int i = 0; i < 16; i++) {
            sb.append(n[i]).append('=').append(hex16(c.gpr[idx[i]]));
            sb.append((i & 3) == 3 ? "\n" : " ");
        }
        long rfl = c.flags.get();
        sb.append(String.format(Locale.ROOT, "RIP=%016x RFL=%08x [%s] CPL=%d II=%d A20=1 SMM=0 HLT=%d\n",
                c.rip, rfl, flags(rfl), c.cpl, c.interruptShadow ? 1 : 0, c.halted ? 1 : 0));
        sb.append("RFL: ").append(flagNames(rfl)).append('\n');
        for (int s = 0; s < 6; s++)
            sb.append(segLine(SEG[s], c.segSelector[s], c.segBase[s], c.segLimit[s], c.segAttr[s])).append('\n');
        sb.append(segLine("LDT", c.ldtrSelector, c.ldtrBase, c.ldtrLimit, c.ldtrAttr | 0x80)).append('\n');
        sb.append(segLine("TR", c.trSelector, c.trBase, c.trLimit, c.trAttr | 0x80)).append('\n');
        sb.append(String.format(Locale.ROOT, "GDT=     %016x %08x\n", c.gdtrBase, c.gdtrLimit & 0xffffffffL));
        sb.append(String.format(Locale.ROOT, "IDT=     %016x %08x\n", c.idtrBase, c.idtrLimit & 0xffffffffL));
        sb.append(String.format(Locale.ROOT, "CR0=%08x CR2=%016x CR3=%016x CR4=%08x\n", c.cr0, c.cr2, c.cr3, c.cr4));
        for (int i = 0; i < 4; i++) sb.append(String.format(Locale.ROOT, "DR%d=%016x ", i, c.dr[i]));
        sb.append('\n').append(String.format(Locale.ROOT, "DR6=%016x DR7=%016x\n", c.dr[6], c.dr[7]));
        sb.append(String.format(Locale.ROOT, "EFER=%016x", c.efer));
        StringBuilder e = new StringBuilder();
        if ((c.efer & 1) != 0) e.append(" SCE");
        if ((c.efer & (1 << 8)) != 0) e.append(" LME");
        if ((c.efer & (1 << 10)) != 0) e.append(" LMA");
        if ((c.efer & (1 << 11)) != 0) e.append(" NXE");
        if (e.length() > 0) sb.append(" [").append(e.substring(1)).append(']');
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "FS_BASE=%016x GS_BASE=%016x KERNEL_GS_BASE=%016x\n",
                c.segBase[CpuState.FS], c.segBase[CpuState.GS], c.kernelGsBase));
        sb.append(String.format(Locale.ROOT, "MXCSR=%08x\n", c.mxcsr));
        return sb.toString();
    }

    /** QEMU's page-table entry flags column: X G P(S) D A C(PCD) T(PWT) U W. */
    public static String pteFlags(long pte) {
        char[] c = {
            (pte & PageWalker.NX) != 0 ? 'X' : '-', (pte & PageWalker.G) != 0 ? 'G' : '-', (pte & PageWalker.PS) != 0 ? 'P' : '-',
            (pte & PageWalker.D) != 0 ? 'D' : '-', (pte & PageWalker.A) != 0 ? 'A' : '-', (pte & PageWalker.PCD) != 0 ? 'C' : '-',
            (pte & PageWalker.PWT) != 0 ? 'T' : '-', (pte & PageWalker.U) != 0 ? 'U' : '-', (pte & PageWalker.W) != 0 ? 'W' : '-'};
        return new String(c);
    }

    /** {@code info tlb}: one line per present leaf entry. */
    public static String tlb(PageWalker w) {
        StringBuilder sb = new StringBuilder();
        w.walk((va, pa, size, pte, u, wr, nx) ->
                sb.append(String.format(Locale.ROOT, "%016x: %016x %s\n", va, pa, pteFlags(pte))));
        return sb.toString();
    }

    /** {@code info mem}: virtual ranges with the same effective permissions merged. */
    public static String mem(PageWalker w) {
        StringBuilder sb = new StringBuilder();
        long[] run = {0, 0, -1}; // start, end, prot (-1: none)
        w.walk((va, pa, size, pte, u, wr, nx) -> {
            long prot = (u ? 4 : 0) | (wr ? 2 : 0) | (nx ? 0 : 1);
            if (run[2] == prot && run[1] == va) {
                run[1] = va + size;
                return;
            }
            if (run[2] >= 0) memLine(sb, run);
            run[0] = va;
            run[1] = va + size;
            run[2] = prot;
        });
        if (run[2] >= 0) memLine(sb, run);
        return sb.toString();
    }

    private static void memLine(StringBuilder sb, long[] r) {
        long p = r[2];
        sb.append(String.format(Locale.ROOT, "%016x-%016x %016x %c%c%c%c\n", r[0], r[1], r[1] - r[0],
                (p & 4) != 0 ? 'u' : '-', 'r', (p & 2) != 0 ? 'w' : '-', (p & 1) != 0 ? 'x' : '-'));
    }
}
