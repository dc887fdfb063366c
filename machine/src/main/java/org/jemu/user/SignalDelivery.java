package org.jemu.user;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.Flags;
import org.jemu.cpu.GuestFault;

/**
 * Linux signals for a single-threaded guest. Guest CPU exceptions become the signals Linux sends for
 * them (arch/x86/kernel/traps.c: #DE → SIGFPE, #UD → SIGILL, #BP → SIGTRAP, #GP and #PF → SIGSEGV,
 * #SS and #AC → SIGBUS, #XM → SIGFPE); a signal with a handler is delivered by building the x86-64
 * {@code rt_sigframe} on the stack (arch/x86/kernel/signal.c, uapi asm/sigcontext.h) and entering the
 * handler; {@code rt_sigreturn} undoes it. A signal without a handler, or one that is blocked when a
 * fault raises it (Linux's force_sig), takes its default action.
 *
 * <p>Frame, from the handler's RSP: return address (sa_restorer) at 0; {@code struct ucontext} at 8
 * (uc_flags, uc_link, uc_stack, uc_mcontext at +40 = struct sigcontext of 256 bytes, uc_sigmask at
 * +296); {@code siginfo_t} (128 bytes) at 312; the FXSAVE image of the SSE state above it, 64-byte
 * aligned, 128 bytes below the interrupted RSP (the red zone is kept).
 */
final class SignalDelivery implements GuestProcess.SignalDelivery {
    static final long SA_SIGINFO = 4, SA_ONSTACK = 0x08000000L, SA_RESTORER = 0x04000000L,
            SA_NODEFER = 0x40000000L, SA_RESETHAND = 0x80000000L;
    private static final int UC = 8, MCTX = UC + 40, SIGMASK = UC + 296, INFO = UC + 304, FRAME = INFO + 128;
    private static final int FXSAVE_SIZE = 512;
    /** Flags a signal handler may change on return (Linux FIX_EFLAGS): CF PF AF ZF SF TF DF OF AC. */
    private static final long FIX_EFLAGS = Flags.ARITH | Flags.TF | Flags.DF | Flags.AC;
    /** sigcontext register order: r8-r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp. */
    private static final int[] ORDER = {8, 9, 10, 11, 12, 13, 14, 15, 7, 6, 5, 3, 2, 0, 1, 4};

    private final GuestProcess p;

    SignalDelivery(GuestProcess p) {
        this.p = p;
    }

    static int signalFor(GuestFault f) {
        switch (f.vector) {
            case GuestFault.DE: case GuestFault.MF: case GuestFault.XM: return SignalState.SIGFPE;
            case GuestFault.UD: return SignalState.SIGILL;
            case GuestFault.BP: case GuestFault.DB: return SignalState.SIGTRAP;
            case GuestFault.SS: case GuestFault.AC: return SignalState.SIGBUS;
            default: return SignalState.SIGSEGV;
        }
    }

    static String name(int sig) {
        switch (sig) {
            case SignalState.SIGILL: return "SIGILL";
            case SignalState.SIGTRAP: return "SIGTRAP";
            case SignalState.SIGABRT: return "SIGABRT";
            case SignalState.SIGBUS: return "SIGBUS";
            case SignalState.SIGFPE: return "SIGFPE";
            case SignalState.SIGSEGV: return "SIGSEGV";
            default: return "signal " + sig;
        }
    }

    /** si_code for a fault (include/uapi/asm-generic/siginfo.h). */
    private int code(int sig, GuestFault f) {
        switch (sig) {
            case SignalState.SIGSEGV:
                if (f.vector == GuestFault.PF) return p.space.find(f.address) == null ? 1 : 2;   // MAPERR / ACCERR
                return 0x80;                                                                   // SI_KERNEL
            case SignalState.SIGFPE: return f.vector == GuestFault.DE ? 1 : 0;                 // FPE_INTDIV
            case SignalState.SIGILL: return 2;                                                 // ILL_ILLOPN
            case SignalState.SIGTRAP: return 1;                                                // TRAP_BRKPT
            default: return 0x80;
        }
    }

    /** A fault: runs the program's handler if it has one and may; false when the default action applies. */
    boolean deliverFault(int sig, GuestFault f) {
        long h = p.signals.handler(sig);
        if (h == SignalState.SIG_DFL || h == SignalState.SIG_IGN || (p.signals.blocked & bit(sig)) != 0) return false;
        long addr = f.vector == GuestFault.PF ? f.address : p.cpu.rip;
        return setUpFrame(sig, code(sig, f), addr, f.vector, Math.max(f.errorCode, 0), f.vector == GuestFault.PF ? f.address : 0);
    }

    /** A signal sent by the process to itself (kill, tgkill, raise). */
    @Override
    public boolean deliver(int sig, int code, long addr) {
        if ((p.signals.blocked & bit(sig)) != 0) return true;   // stays pending forever: single thread, no unblock path yet
        return setUpFrame(sig, code, addr, 0, 0, 0);
    }

    private static long bit(int sig) { return 1L << (sig - 1); }

    private boolean setUpFrame(int sig, int code, long addr, int trapno, int err, long cr2) {
        CpuState c = p.cpu;
        long[] act = p.signals.actions[sig];
        long handler = act[0], flags = act[1], restorer = act[2], mask = act[3];
        if ((flags & SA_RESTORER) == 0) return false;   // nothing to return through
        long sp = c.gpr[CpuState.RSP] - 128;
        long fx = (sp - FXSAVE_SIZE) & -64L;
        long frame = ((fx - FRAME) & -16L) - 8;
        ByteBuffer b = ByteBuffer.allocate(FRAME).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, restorer);
        for (int i = 0; i < 16; i++) b.putLong(MCTX + 8 * i, c.gpr[ORDER[i]]);
        b.putLong(MCTX + 128, c.rip);
        b.putLong(MCTX + 136, c.flags.get());
        b.putShort(MCTX + 144, (short) 0x33);
        b.putShort(MCTX + 150, (short) 0x2b);
        b.putLong(MCTX + 152, err);
        b.putLong(MCTX + 160, trapno);
        b.putLong(MCTX + 168, p.signals.blocked);
        b.putLong(MCTX + 176, cr2);
        b.putLong(MCTX + 184, fx);
        b.putLong(SIGMASK, p.signals.blocked);
        b.putInt(INFO, sig);
        b.putInt(INFO + 8, code);
        b.putLong(INFO + 16, addr);
        ByteBuffer fxb = ByteBuffer.allocate(FXSAVE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        fxb.putShort(0, (short) 0x037f).putInt(24, c.mxcsr).putInt(28, 0xffff);
        for (int i = 0; i < 32; i++) fxb.putLong(160 + 8 * i, c.xmm[i]);
        try {
            p.mem.write(fx, fxb.array());
            p.mem.write(frame, b.array());
        } catch (GuestMemory.Fault e) {
            return false;   // no room on the stack: Linux kills with SIGSEGV
        }
        p.signals.blocked |= mask;
        if ((flags & SA_NODEFER) == 0) p.signals.blocked |= bit(sig);
        if ((flags & SA_RESETHAND) != 0) act[0] = SignalState.SIG_DFL;
        c.gpr[CpuState.RSP] = frame;
        c.gpr[CpuState.RDI] = sig;
        c.gpr[CpuState.RSI] = frame + INFO;
        c.gpr[CpuState.RDX] = frame + UC;
        c.gpr[CpuState.RAX] = 0;
        c.rip = handler;
        c.flags.setMasked(0, Flags.DF | Flags.TF);
        return true;
    }

    /** rt_sigreturn: restores the state saved in the frame; returns the restored RAX. */
    long sigreturn() throws GuestMemory.Fault {
        CpuState c = p.cpu;
        long frame = c.gpr[CpuState.RSP] - 8;
        ByteBuffer b = ByteBuffer.wrap(p.mem.read(frame, FRAME)).order(ByteOrder.LITTLE_ENDIAN);
        long fx = b.getLong(MCTX + 184);
        if (fx != 0) {
            ByteBuffer fxb = ByteBuffer.wrap(p.mem.read(fx, FXSAVE_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
            c.mxcsr = fxb.getInt(24) & 0xffff;
            for (int i = 0; i < 32; i++) c.xmm[i] = fxb.getLong(160 + 8 * i);
        }
        for (int i = 0; i < 16; i++) c.gpr[ORDER[i]] = b.getLong(MCTX + 8 * i);
        c.rip = b.getLong(MCTX + 128);
        c.flags.setMasked(b.getLong(MCTX + 136), FIX_EFLAGS);
        p.signals.blocked = b.getLong(SIGMASK) & ~(bit(SignalState.SIGKILL) | bit(SignalState.SIGSTOP));
        return c.gpr[CpuState.RAX];
    }
}
