package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;
import org.jemu.cpu.x87.FpuMemory;
import org.jemu.cpu.x87.X87;
import org.jemu.cpu.x87.X87Exec;

/**
 * Operand plumbing for the x87 unit ({@code org.jemu.cpu.x87}): every D8-DF form goes to
 * {@link X87Exec#execute} with the Mmu as its {@link FpuMemory}; the register file {@link #fpu} is
 * also the MMX registers ({@link MmxOps}) and part of the FXSAVE image ({@link SseOps}).
 *
 * <p>Availability (SDM Vol. 3A §2.5, Table 2-2, and §9.2 "FPU and MMX state"): CR0.EM or CR0.TS
 * make an x87 instruction raise #NM; WAIT/FWAIT raises #NM only with both TS and MP. An unmasked
 * exception left pending by an earlier instruction is reported as #MF by the next waiting x87
 * instruction (and by WAIT, and by MMX instructions). The legacy external reporting of CR0.NE = 0
 * (FERR#/IRQ 13) is not modelled: #MF is raised either way.
 */
final class X87Ops implements FpuMemory {
    static final long CR0_MP = 1 << 1, CR0_EM = 1 << 2, CR0_TS = 1 << 3;

    final X87 fpu;
    private final CpuState cpu;

    X87Ops(CpuState cpu) {
        this.cpu = cpu;
        this.fpu = cpu.x87;
    }

    @Override
    public long read(long address, int size) { return cpu.mmu.read(address, size); }

    @Override
    public void write(long address, int size, long value) { cpu.mmu.write(address, size, value); }

    void execute(Insn in, long ea, long rip) {
        if ((cpu.cr0 & (CR0_EM | CR0_TS)) != 0) throw new GuestFault(GuestFault.NM, -1, 0);
        int r = X87Exec.execute(fpu, in.opcode & 0xff, in.modrm, this, ea, cpu.flags, rip);
        switch (r) {
            case X87Exec.OK: return;
            case X87Exec.MF: throw new GuestFault(GuestFault.MF, -1, 0);
            case X87Exec.STORE_AX:
                cpu.gpr[CpuState.RAX] = (cpu.gpr[CpuState.RAX] & ~0xffffL) | fpu.statusWord();
                return;
            default: throw GuestFault.ud();
        }
    }

    /** WAIT/FWAIT (9B). */
    void fwait() {
        if ((cpu.cr0 & (CR0_MP | CR0_TS)) == (CR0_MP | CR0_TS)) throw new GuestFault(GuestFault.NM, -1, 0);
        if (X87Exec.fwait(fpu)) throw new GuestFault(GuestFault.MF, -1, 0);
    }

    /**
     * The checks of an MMX instruction before it runs: #UD with CR0.EM, #NM with CR0.TS, #MF with an
     * x87 exception pending (SDM Vol. 1 §9.5.2 and the
     * exception tables of each MMX instruction in Vol. 2: "#MF If there is a pending FPU exception").
     */
    void checkMmx() {
        if ((cpu.cr0 & CR0_EM) != 0) throw GuestFault.ud();
        if ((cpu.cr0 & CR0_TS) != 0) throw new GuestFault(GuestFault.NM, -1, 0);
        if (fpu.pendingException()) throw new GuestFault(GuestFault.MF, -1, 0);
    }

    /** The checks of an SSE instruction or FXSAVE/FXRSTOR: #UD with CR0.EM, #NM with CR0.TS. */
    void checkSse() {
        if ((cpu.cr0 & CR0_EM) != 0) throw GuestFault.ud();
        if ((cpu.cr0 & CR0_TS) != 0) throw new GuestFault(GuestFault.NM, -1, 0);
    }

    /**
     * After an MMX instruction: TOP = 0 and every register valid (SDM Vol. 1 §9.5.1). The written
     * register's exponent field is all ones; {@link MmxOps#setMm} does that.
     */
    void enterMmx() {
        fpu.setStatusWord(fpu.statusWord() & ~0x3800);
        fpu.setAbridgedTag(0xff);
    }

    /**
     * EMMS: every register empty (SDM Vol. 2A, EMMS), and TOP = 0: the SDM does not say so, but the
     * host CPU (AMD Zen) does it, and so does Bochs.
     */
    void emms() {
        fpu.setStatusWord(fpu.statusWord() & ~0x3800);
        fpu.setAbridgedTag(0);
    }
}
