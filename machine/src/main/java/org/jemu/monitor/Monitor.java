package org.jemu.monitor;

import java.util.Locale;
import org.jemu.Machine;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.decode.Decoder;
import org.jemu.cpu.decode.Disassembler;
import org.jemu.cpu.decode.Ext;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.devices.DualPic8259;
import org.jemu.devices.IoApic;
import org.jemu.devices.LocalApic;
import org.jemu.devices.PcPlatform;

/**
 * QEMU's human monitor, the commands people use most. {@link #execute} takes one command line and
 * returns its answer (lines ending in {@code \n}); everything that reads the machine runs on the
 * machine's run thread through {@link Machine#inspect}, so the monitor can be driven from any thread.
 */
public final class Monitor {
    public static final String PROMPT = "(jemu) ";

    /** What the monitor asks of the program around it. */
    public interface Host {
        /** {@code quit}: end jemu (status 0). */
        void quit();
    }

    private final Host host;
    private volatile Machine machine;
    private long lastAddr;
    private char lastFormat = 'x';
    private int lastSize = 4;

    public Monitor(Host host) { this.host = host; }

    /** The machine the commands act on; replaced when the guest reboots. */
    public void setMachine(Machine m) { machine = m; }

    public static String banner() {
        return "jemu monitor - type 'help' for more information\n";
    }

    public static String help() {
        return String.join("\n",
                "cont|c -- resume emulation",
                "disas_syntax [att|intel] -- show or set the syntax of x/i and -d in_asm (default att, as QEMU)",
                "help|? [cmd] -- show the help",
                "info registers -- CPU registers, segments, control registers, GDT/IDT",
                "info cpus -- the CPUs",
                "info mem -- the guest's active virtual mappings (from CR3)",
                "info tlb -- the guest's page-table leaf entries (from CR3)",
                "info pic -- the 8259 PICs",
                "info lapic -- the local APIC",
                "info irq -- interrupt counts per IRQ line (8259, IO-APIC) and per local APIC vector",
                "info mtree -- the physical memory map",
                "info status -- running or paused",
                "log item1[,...] -- enable -d log items ('log help' lists them; 'log none' stops)",
                "quit|q -- quit the emulator",
                "screendump FILE [-f png|ppm] -- save the screen as an image (PNG for *.png, else PPM)",
                "sendkey KEYS [HOLD_MS] -- send keys to the guest's keyboard, e.g. sendkey ctrl-alt-f1",
                "stop|s -- stop emulation",
                "system_powerdown -- send system power down event (the ACPI power button)",
                "system_reset -- reset the system",
                "x /fmt addr -- virtual memory dump starting at addr",
                "xp /fmt addr -- physical memory dump starting at addr",
                "  /fmt is /[count][format][size]: format x d u o c i (as QEMU) and s t (strings, binary: as GDB),",
                "  size b h w g (or L); lines of 8 bytes or 16 as in QEMU;",
                "  addr is a number (0x.. hex) or a register ($rip, $rsp, ...), optionally +/- a number",
                "");
    }

    /** Runs one command line; never throws for bad input (the answer says what is wrong). */
    public String execute(String line) {
        String cmd = line.trim();
        if (cmd.isEmpty()) return "";
        try {
            return dispatch(cmd);
        } catch (MonitorException e) {
            return e.getMessage() + "\n";
        } catch (RuntimeException e) {
            return "internal error: " + e + "\n";
        }
    }

    static final class MonitorException extends Exception {
        MonitorException(String m) { super(m, null, false, false); }
    }

    private Machine machine() throws MonitorException {
        Machine m = machine;
        if (m == null) throw new MonitorException("no machine is running");
        return m;
    }

    private String dispatch(String cmd) throws MonitorException {
        String word = cmd.split("[\\s/]", 2)[0];
        String rest = cmd.substring(word.length()).trim();
        switch (word) {
            case "help": case "?": case "h": return help();
            case "info": return info(rest);
            case "x": return dump(rest, false);
            case "xp": return dump(rest, true);
            case "stop": case "s": machine().pause(); return "";
            case "cont": case "c": machine().resume(); return "";
            case "system_reset": machine().requestReset(); return "";
            case "system_powerdown": machine().pressPowerButton(); return "";
            case "quit": case "q": host.quit(); return "";
            case "log": {
                if (rest.isEmpty() || rest.equals("help") || rest.equals("?")) return org.jemu.DebugLog.help();
                int items;
                try {
                    items = org.jemu.DebugLog.parse(rest);
                } catch (IllegalArgumentException e) {
                    throw new MonitorException("log: " + e.getMessage());
                }
                machine().log().setItems(items);
                return "";
            }
            case "disas_syntax": {
                if (rest.isEmpty()) return "disassembly syntax: " + machine().log().disasSyntax().name().toLowerCase(Locale.ROOT) + "\n";
                try {
                    machine().log().setDisasSyntax(org.jemu.DebugLog.parseSyntax(rest));
                } catch (IllegalArgumentException e) {
                    throw new MonitorException("disas_syntax: " + e.getMessage());
                }
                return "";
            }
            case "sendkey": return sendKey(rest);
            case "screendump": return screendump(rest);
            default: throw new MonitorException("unknown command: '" + word + "'");
        }
    }

    /** QEMU's {@code sendkey KEYS [HOLD_MS]}: press the keys in order, hold, release them in reverse. */
    private String sendKey(String args) throws MonitorException {
        String[] a = args.split("\\s+");
        if (a.length > 2) throw new MonitorException("sendkey: too many arguments (sendkey KEYS [HOLD_MS])");
        java.util.List<org.jemu.devices.ps2.Key> keys = SendKey.parse(a[0]);
        int hold = a.length == 2 ? SendKey.holdMs(a[1]) : SendKey.DEFAULT_HOLD_MS;
        Machine m = machine();
        for (org.jemu.devices.ps2.Key k : keys) m.sendKey(k, true);
        try {
            Thread.sleep(hold);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = keys.size() - 1; i >= 0; i--) m.sendKey(keys.get(i), false);
        return "";
    }

    /** QEMU's {@code screendump FILE [-f png|ppm]}: the VGA screen, taken between two instructions. */
    private String screendump(String args) throws MonitorException {
        String[] a = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (a.length != 1 && !(a.length == 3 && a[1].equals("-f")))
            throw new MonitorException("screendump: usage: screendump FILE [-f png|ppm]");
        java.nio.file.Path file = java.nio.file.Path.of(a[0]);
        org.jemu.display.Screendump.Format format = org.jemu.display.Screendump.formatFor(file);
        if (a.length == 3) {
            switch (a[2]) {
                case "png": format = org.jemu.display.Screendump.Format.PNG; break;
                case "ppm": format = org.jemu.display.Screendump.Format.PPM; break;
                default: throw new MonitorException("screendump: unsupported format '" + a[2] + "' (png or ppm)");
            }
        }
        org.jemu.devices.vga.TextFrame frame = machine().inspect(Machine::screen);
        try {
            org.jemu.display.Screendump.write(frame, file, format);
        } catch (java.io.IOException e) {
            throw new MonitorException("screendump: cannot write " + file + ": " + e.getMessage());
        }
        return "";
    }

    private String info(String what) throws MonitorException {
        if (what.isEmpty()) throw new MonitorException("info: which? registers cpus mem tlb pic lapic irq mtree status");
        Machine m = machine();
        switch (what) {
            case "registers": return m.inspect(x -> Formats.registers(x.cpu()));
            case "cpus": {
                return m.inspect(x -> String.format(Locale.ROOT, "* CPU #0: pc=0x%016x%s thread_id=%d\n", x.cpu().rip,
                        x.cpu().halted ? " (halted)" : "", Thread.currentThread().getId()));
            }
            case "status": return "VM status: " + (m.isPaused() ? "paused" : "running") + "\n";
            case "mem": case "tlb": return m.inspect(x -> {
                PageWalker w = new PageWalker(x.cpu(), x.memory());
                if (!w.pagingOn()) return "PG disabled\n";
                if (w.unsupported() != null) return w.unsupported() + "\n";
                return what.equals("mem") ? Formats.mem(w) : Formats.tlb(w);
            });
            case "pic": return m.inspect(x -> pic(x.platform().pic));
            case "lapic": return m.inspect(x -> lapic(x.platform().lapic));
            case "irq": return m.inspect(x -> irq(x.platform()));
            case "mtree": return m.inspect(x -> mtree(x));
            default: throw new MonitorException("info " + what + ": not supported (try: registers cpus mem tlb pic lapic irq mtree status)");
        }
    }

    static String pic(DualPic8259 p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            boolean s = i == 1;
            sb.append(String.format(Locale.ROOT, "pic%d: irr=%02x imr=%02x isr=%02x irq_base=%02x\n", i,
                    p.irr(s), p.imr(s), p.isr(s), p.vectorBase(s)));
        }
        return sb.toString();
    }

    static String lapic(LocalApic l) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "dumping local APIC state for CPU 0\n\n"));
        sb.append(String.format(Locale.ROOT, "APIC_BASE=%016x ID=%08x VER=%08x SVR=%08x\n", l.apicBase(),
                l.read(0x20, 4), l.read(0x30, 4), l.read(0xf0, 4)));
        String[] lvt = {"LVT0", "LVT1", "LVTPC", "LVTTHMR", "LVTERR", "LVTT"};
        int[] off = {0x350, 0x360, 0x340, 0x330, 0x370, 0x320};
        for (int i = 0; i < lvt.length; i++)
            sb.append(String.format(Locale.ROOT, "%-7s %08x%s\n", lvt[i], l.read(off[i], 4),
                    (l.read(off[i], 4) & 0x10000) != 0 ? " (masked)" : ""));
        sb.append(String.format(Locale.ROOT, "Timer   DCR=%08x initial_count=%d current_count=%d\n",
                l.read(0x3e0, 4), l.read(0x380, 4) & 0xffffffffL, l.read(0x390, 4) & 0xffffffffL));
        sb.append(String.format(Locale.ROOT, "ICR     %08x %08x\n", l.read(0x300, 4), l.read(0x310, 4)));
        sb.append(String.format(Locale.ROOT, "ESR     %08x\n", l.read(0x280, 4)));
        sb.append(String.format(Locale.ROOT, "LDR     %08x DFR %08x\n", l.read(0xd0, 4), l.read(0xe0, 4)));
        sb.append(String.format(Locale.ROOT, "TPR     %02x PPR %02x\n", l.read(0x80, 4), l.read(0xa0, 4)));
        sb.append("ISR     ").append(vectors(l, 0)).append('\n');
        sb.append("TMR     ").append(vectors(l, 1)).append('\n');
        sb.append("IRR     ").append(vectors(l, 2)).append('\n');
        return sb.toString();
    }

    private static String vectors(LocalApic l, int which) {
        StringBuilder sb = new StringBuilder();
        for (int v = 16; v < 256; v++) {
            boolean on = which == 0 ? l.isrBit(v) : which == 1 ? l.tmrBit(v) : l.irrBit(v);
            if (on) sb.append(sb.length() > 0 ? " " : "").append(v);
        }
        return sb.length() == 0 ? "(none)" : sb.toString();
    }

    /**
     * {@code info irq}: as QEMU's, one block per interrupt controller with the count of each input
     * that has delivered at least once: the 8259 pair per ISA IRQ (INTA cycles), the IO-APIC per pin
     * (messages sent), and the local APIC per vector (fixed interrupts put in service).
     */
    static String irq(PcPlatform p) {
        StringBuilder sb = new StringBuilder();
        counts(sb, "isa-i8259", 16, p.pic::delivered, "%2d");
        counts(sb, "ioapic", IoApic.PINS, p.ioapic::delivered, "%2d");
        counts(sb, "lapic (by vector)", 256, p.lapic::delivered, "0x%02x");
        return sb.toString();
    }

    private static void counts(StringBuilder sb, String controller, int n, java.util.function.IntToLongFunction count, String label) {
        sb.append("IRQ statistics for ").append(controller).append(":\n");
        for (int i = 0; i < n; i++) {
            long c = count.applyAsLong(i);
            if (c > 0) sb.append(String.format(Locale.ROOT, label, i)).append(": ").append(c).append('\n');
        }
    }

    /**
     * {@code info mtree}: the two address spaces as QEMU prints them, from the machine's real map:
     * the RAM and every MMIO device in {@link org.jemu.devices.MemoryMap}, and every claimed range of
     * the port bus under the name its device gives it.
     */
    static String mtree(Machine m) {
        StringBuilder sb = new StringBuilder("address-space: memory\n");
        sb.append("  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n");
        for (org.jemu.devices.MemoryMap.Region r : m.platform().memoryMap().regions())
            sb.append(String.format(Locale.ROOT, "    %016x-%016x (prio %d, %s): %s\n", r.base(), r.last(), r.priority(),
                    r.kind() == org.jemu.devices.MemoryMap.Kind.RAM ? "ram" : "i/o", r.name()));
        sb.append("\naddress-space: I/O\n");
        sb.append("  0000000000000000-000000000000ffff (prio 0, i/o): io\n");
        m.ports().forEachRange((first, last, name) ->
                sb.append(String.format(Locale.ROOT, "    %016x-%016x (prio 0, i/o): %s\n", first, last, name)));
        return sb.toString();
    }

    // ---- x / xp ------------------------------------------------------------------------------

    /** A parsed {@code /FMT}: count, format letter and unit size. */
    static final class Fmt {
        int count = 1;
        char format;
        int size;
        Disassembler.Syntax syntax = Disassembler.Syntax.ATT;
    }

    static Fmt parseFmt(String s, char lastFormat, int lastSize) throws MonitorException {
        Fmt f = new Fmt();
        f.format = lastFormat;
        f.size = lastSize;
        int i = 0;
        int n = 0;
        boolean haveCount = false;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            n = n * 10 + (s.charAt(i++) - '0');
            haveCount = true;
            if (n > 1 << 20) throw new MonitorException("count too large");
        }
        if (haveCount) f.count = n;
        boolean sizeGiven = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'x': case 'd': case 'u': case 'o': case 'c': case 'i': case 's': case 't': f.format = c; break;
                case 'b': f.size = 1; sizeGiven = true; break;
                case 'h': f.size = 2; sizeGiven = true; break;
                case 'w': f.size = 4; sizeGiven = true; break;
                case 'g': case 'L': f.size = 8; sizeGiven = true; break;   // QEMU takes L for g
                default: throw new MonitorException("invalid char in format: '" + c + "'");
            }
        }
        if ((f.format == 'c' || f.format == 's') && !sizeGiven) f.size = 1;
        return f;
    }

    /** An address: a number (hex with 0x, else hex as QEMU's x takes it if it has a-f, else decimal), or $reg, with +/- terms. */
    static long parseAddress(String s, CpuState cpu) throws MonitorException {
        String t = s.replace(" ", "");
        if (t.isEmpty()) throw new MonitorException("missing address");
        long total = 0;
        int i = 0;
        int sign = 1;
        while (i < t.length()) {
            int j = i;
            while (j < t.length() && t.charAt(j) != '+' && (t.charAt(j) != '-' || j == i)) j++;
            String term = t.substring(i, j);
            total += sign * term(term, cpu);
            if (j < t.length()) sign = t.charAt(j) == '+' ? 1 : -1;
            i = j + 1;
        }
        return total;
    }

    private static final String[] REGS = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    private static long term(String t, CpuState cpu) throws MonitorException {
        String s = t.toLowerCase(Locale.ROOT);
        if (s.startsWith("$") || s.startsWith("%")) {
            String r = s.substring(1);
            if (r.equals("rip") || r.equals("pc")) return cpu.rip;
            if (r.equals("cr2")) return cpu.cr2;
            if (r.equals("cr3")) return cpu.cr3;
            for (int k = 0; k < 16; k++) if (REGS[k].equals(r)) return cpu.gpr[k];
            throw new MonitorException("unknown register: " + t);
        }
        try {
            if (s.startsWith("0x")) return Long.parseUnsignedLong(s.substring(2), 16);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new MonitorException("invalid address: " + t);
        }
    }

    private String dump(String args, boolean physical) throws MonitorException {
        Machine m = machine();
        String fmtText = "";
        String addrText = args;
        if (args.startsWith("/")) {
            int sp = args.indexOf(' ');
            fmtText = sp < 0 ? args.substring(1) : args.substring(1, sp);
            addrText = sp < 0 ? "" : args.substring(sp + 1).trim();
        }
        Fmt f = parseFmt(fmtText, lastFormat, lastSize);
        f.syntax = m.log().disasSyntax();
        lastFormat = f.format;
        lastSize = f.size;
        final String at = addrText;
        Object r = m.inspect(x -> {
            try {
                long addr = at.isEmpty() ? lastAddr : parseAddress(at, x.cpu());
                PageWalker w = new PageWalker(x.cpu(), x.memory());
                Reader rd = physical ? pa -> x.memory().isRam(pa) ? pa : -1 : va -> {
                    long pa = w.translate(va);
                    return pa >= 0 && x.memory().isRam(pa) ? pa : -1;   // never read a device from the monitor
                };
                StringBuilder sb = new StringBuilder();
                lastAddr = format(sb, x.memory(), rd, addr, f, physical);
                return sb.toString();
            } catch (MonitorException e) {
                return e;
            }
        });
        if (r instanceof MonitorException) throw (MonitorException) r;
        return (String) r;
    }

    /** Maps an address of the dump to a physical RAM address, or -1. */
    interface Reader {
        long phys(long addr);
    }

    /** Formats a dump into {@code sb} and returns the address after it. Public for tests. */
    static long format(StringBuilder sb, PhysicalMemory mem, Reader rd, long addr, Fmt f, boolean physical) {
        String addrFmt = physical ? "%016x:" : "%016x:";
        if (f.format == 'i') {
            Decoder dec = new Decoder(Ext.ALL);
            Insn in = new Insn();
            for (int k = 0; k < f.count; k++) {
                byte[] code = new byte[Decoder.MAX_LENGTH];
                int avail = 0;
                while (avail < code.length) {
                    long pa = rd.phys(addr + avail);
                    if (pa < 0) break;
                    code[avail++] = (byte) mem.read(pa, 1);
                }
                if (avail == 0) {
                    sb.append(String.format(Locale.ROOT, addrFmt, addr)).append(" Cannot access memory\n");
                    return addr;
                }
                String text;
                int len;
                try {
                    dec.decode(java.util.Arrays.copyOf(code, avail), 0, in);
                    len = in.length;
                    text = Disassembler.format(in, addr, f.syntax);
                } catch (RuntimeException e) {
                    len = 1;
                    text = "(bad)";
                }
                sb.append(String.format(Locale.ROOT, addrFmt, addr)).append("  ");
                StringBuilder bytes = new StringBuilder();
                for (int b = 0; b < len; b++) bytes.append(String.format(Locale.ROOT, "%02x", code[b] & 0xff));
                sb.append(String.format(Locale.ROOT, "%-20s %s\n", bytes, text));
                addr += len;
            }
            return addr;
        }
        if (f.format == 's') return strings(sb, mem, rd, addr, f.count, addrFmt);
        int perLine = (f.size == 1 ? 8 : 16) / f.size;                 // QEMU: 8 bytes a line, else 16
        for (int k = 0; k < f.count; k++) {
            if (k % perLine == 0) {
                if (k > 0) sb.append('\n');
                sb.append(String.format(Locale.ROOT, addrFmt, addr));
            }
            long v = 0;
            for (int b = 0; b < f.size; b++) {
                long pa = rd.phys(addr + b);
                if (pa < 0) {
                    sb.append(" Cannot access memory\n");
                    return addr;
                }
                v |= (mem.read(pa, 1) & 0xffL) << (8 * b);
            }
            sb.append(' ').append(value(v, f));
            addr += f.size;
        }
        sb.append('\n');
        return addr;
    }

    /** One unit as QEMU's memory_dump prints it: x zero-padded, o d u right-aligned to the unit's widest value. */
    static String value(long v, Fmt f) {
        int bits = f.size * 8;
        switch (f.format) {
            case 'd': return pad(Long.toString(bits == 64 ? v : (v << (64 - bits)) >> (64 - bits)), (bits * 10 + 32) / 33);
            case 'u': return pad(Long.toUnsignedString(v), (bits * 10 + 32) / 33);
            case 'o': return pad(v == 0 ? "0" : "0" + Long.toOctalString(v), (bits + 2) / 3);
            case 't': return String.format(Locale.ROOT, "%" + bits + "s", Long.toBinaryString(v)).replace(' ', '0');
            case 'c': return charLiteral((int) (v & 0xff));
            default: return String.format(Locale.ROOT, "0x%0" + (2 * f.size) + "x", v);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** A byte as QEMU's monitor_printc writes it: 'A', '\n', '\r', '\'', '\\', else '\xNN'. */
    static String charLiteral(int c) {
        switch (c) {
            case '\'': return "'\\''";
            case '\\': return "'\\\\'";
            case '\n': return "'\\n'";
            case '\r': return "'\\r'";
            default: return c >= 32 && c < 127 ? "'" + (char) c + "'" : String.format(Locale.ROOT, "'\\x%02x'", c);
        }
    }

    /** The longest string {@code x/s} prints before "..." (GDB's default "print elements" limit). */
    static final int STRING_LIMIT = 200;

    /**
     * {@code x/Ns} (GDB's string format; QEMU's monitor has none): N NUL-terminated strings, one a
     * line, C-escaped, each starting after the previous one's NUL. As in GDB, a string longer than
     * {@link #STRING_LIMIT} is cut with "..." and the next one starts where it was cut.
     */
    private static long strings(StringBuilder sb, PhysicalMemory mem, Reader rd, long addr, int count, String addrFmt) {
        for (int k = 0; k < count; k++) {
            StringBuilder text = new StringBuilder();
            long a = addr;
            int c;
            while ((c = byteAt(mem, rd, a)) > 0 && a - addr < STRING_LIMIT) {   // stops at NUL (0) or a hole (-1)
                text.append(escape(c));
                a++;
            }
            sb.append(String.format(Locale.ROOT, addrFmt, addr)).append(' ');
            if (c < 0 && a == addr) {
                sb.append("Cannot access memory\n");
                return addr;
            }
            sb.append('"').append(text).append('"').append(c > 0 ? "..." : "").append(c < 0 ? " <cannot access memory>" : "").append('\n');
            if (c < 0) return a;
            addr = c == 0 ? a + 1 : a;
        }
        return addr;
    }

    private static int byteAt(PhysicalMemory mem, Reader rd, long addr) {
        long pa = rd.phys(addr);
        return pa < 0 ? -1 : (int) mem.read(pa, 1) & 0xff;
    }

    private static String escape(int c) {
        switch (c) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: return c >= 32 && c < 127 ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\%03o", c);
        }
    }
}
