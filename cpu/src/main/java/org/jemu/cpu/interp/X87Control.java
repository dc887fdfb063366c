package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.decode.Insn;

/**
 * TEMPORARY, until the floating-point issue brings the x87 unit: only the x87 control and status
 * words, which glibc reads even in programs that never compute with x87 (strtod and printf ask FNSTCW
 * for the rounding mode). FNSTCW, FLDCW, FNSTSW, FNINIT and FNCLEX work; every other x87 instruction
 * raises #UD. The state lives here because {@link CpuState} has no x87 fields yet.
 */
final class X87Control {
    /** FCW after FNINIT: all exceptions masked, 64-bit precision, round to nearest (SDM Vol. 1 §8.1.5). */
    static final int FCW_INIT = 0x037f;

    int fcw = FCW_INIT;
    int fsw;

    void execute(CpuState cpu, Insn in, long ea) {
        int map = in.opcode & 0xff;
        int reg = in.modrm >= 0 ? (in.modrm >> 3) & 7 : -1;
        if (in.hasMem) {
            if (map == 0xd9 && reg == 7) { cpu.mmu.write16(ea, fcw); return; }        // FNSTCW m16
            if (map == 0xd9 && reg == 5) { fcw = cpu.mmu.read16(ea) & 0x1f7f; return; } // FLDCW m16
            if (map == 0xdd && reg == 7) { cpu.mmu.write16(ea, fsw); return; }        // FNSTSW m16
        } else {
            if (map == 0xdf && in.modrm == 0xe0) {                                    // FNSTSW AX
                cpu.gpr[CpuState.RAX] = (cpu.gpr[CpuState.RAX] & ~0xffffL) | fsw;
                return;
            }
            if (map == 0xdb && in.modrm == 0xe3) { fcw = FCW_INIT; fsw = 0; return; } // FNINIT
            if (map == 0xdb && in.modrm == 0xe2) { fsw &= 0x7f00; return; }          // FNCLEX
        }
        throw GuestFault.ud();
    }
}
