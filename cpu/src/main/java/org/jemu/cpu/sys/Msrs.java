package org.jemu.cpu.sys;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.mem.PagingTranslator;

/**
 * RDMSR/WRMSR (SDM Vol. 4 for the MSR list, Vol. 2B for the instructions). MSRs jemu does not model
 * raise #GP(0) as they do on hardware, so a kernel's rdmsr_safe() sees them as absent.
 */
public final class Msrs {
    public static final int IA32_TSC = 0x10, IA32_TSC_ADJUST = 0x3b, IA32_ARCH_CAPABILITIES = 0x10a, IA32_PLATFORM_ID = 0x17, IA32_APIC_BASE = 0x1b,
            IA32_BIOS_SIGN_ID = 0x8b, IA32_MTRRCAP = 0xfe, IA32_SYSENTER_CS = 0x174, IA32_SYSENTER_ESP = 0x175,
            IA32_SYSENTER_EIP = 0x176, IA32_MCG_CAP = 0x179, IA32_MCG_STATUS = 0x17a, IA32_MISC_ENABLE = 0x1a0,
            IA32_MTRR_PHYSBASE0 = 0x200, IA32_MTRR_FIX64K = 0x250, IA32_MTRR_FIX16K_80000 = 0x258,
            IA32_MTRR_FIX16K_A0000 = 0x259, IA32_MTRR_FIX4K_C0000 = 0x268, IA32_PAT = 0x277,
            IA32_MTRR_DEF_TYPE = 0x2ff, IA32_TSC_DEADLINE = 0x6e0,
            EFER = 0xc0000080, STAR = 0xc0000081, LSTAR = 0xc0000082, CSTAR = 0xc0000083, SFMASK = 0xc0000084,
            FS_BASE = 0xc0000100, GS_BASE = 0xc0000101, KERNEL_GS_BASE = 0xc0000102, TSC_AUX = 0xc0000103;

    /**
     * IA32_ARCH_CAPABILITIES: not affected by Meltdown (RDCL_NO), SSB, MDS, TAA, the MMIO stale-data
     * bugs, PBRSB, GDS, RFDS and BHI, and no machine check on page-size changes (SDM Vol. 4 table 2-2).
     */
    static final long ARCH_CAPABILITIES = 1 | 1 << 4 | 1 << 5 | 1 << 6 | 1 << 8 | 1 << 13 | 1 << 14 | 1 << 15
            | 1 << 20 | 1 << 24 | 1 << 26 | 1 << 27;

    /** EFER bits: SCE, LME, LMA (read-only here, set by CR0.PG), NXE. */
    static final long EFER_WRITABLE = 1 | (1 << 8) | (1 << 11);
    /** 8 variable MTRRs, fixed MTRRs and write-combining supported (§11.11.2.1). */
    static final long MTRRCAP = 8 | (1 << 8) | (1 << 10);

    private final CpuState cpu;
    private MsrHandler devices;

    public Msrs(CpuState cpu) {
        this.cpu = cpu;
    }

    public void setDeviceHandler(MsrHandler h) { devices = h; }

    public long read(int msr) {
        if (devices != null && devices.handles(msr)) return devices.read(msr);
        switch (msr) {
            case IA32_PLATFORM_ID: case IA32_BIOS_SIGN_ID: case IA32_MCG_CAP: case IA32_MCG_STATUS: return 0;
            case IA32_MTRRCAP: return MTRRCAP;
            case IA32_ARCH_CAPABILITIES: return ARCH_CAPABILITIES;
            case IA32_SYSENTER_CS: return cpu.sysenterCs;
            case IA32_SYSENTER_ESP: return cpu.sysenterEsp;
            case IA32_SYSENTER_EIP: return cpu.sysenterEip;
            case IA32_MISC_ENABLE: return cpu.miscEnable;
            case IA32_PAT: return cpu.pat;
            case IA32_MTRR_DEF_TYPE: return cpu.mtrrDefType;
            case EFER: return cpu.efer;
            case STAR: return cpu.star;
            case LSTAR: return cpu.lstar;
            case CSTAR: return cpu.cstar;
            case SFMASK: return cpu.sfmask;
            case FS_BASE: return cpu.segBase[CpuState.FS];
            case GS_BASE: return cpu.segBase[CpuState.GS];
            case KERNEL_GS_BASE: return cpu.kernelGsBase;
            case TSC_AUX: return cpu.tscAux;
            default:
                int f = fixedMtrrIndex(msr);
                if (f >= 0) return cpu.mtrrFixed[f];
                if (msr >= IA32_MTRR_PHYSBASE0 && msr < IA32_MTRR_PHYSBASE0 + 16) return cpu.mtrrVar[msr - IA32_MTRR_PHYSBASE0];
                throw GuestFault.gp(0);
        }
    }

    public void write(int msr, long v) {
        if (devices != null && devices.handles(msr)) {
            if (!devices.write(msr, v)) throw GuestFault.gp(0);
            return;
        }
        switch (msr) {
            case IA32_BIOS_SIGN_ID: case IA32_MCG_STATUS: return;
            case IA32_SYSENTER_CS: cpu.sysenterCs = v & 0xffff; return;
            case IA32_SYSENTER_ESP: cpu.sysenterEsp = canonical(v); return;
            case IA32_SYSENTER_EIP: cpu.sysenterEip = canonical(v); return;
            case IA32_MISC_ENABLE: cpu.miscEnable = v; return;
            case IA32_PAT:
                for (int i = 0; i < 8; i++) {                      // types 2 and 3 and 8+ are reserved (§11.12.2)
                    long t = (v >>> (8 * i)) & 0xff;
                    if (t == 2 || t == 3 || t > 7) throw GuestFault.gp(0);
                }
                cpu.pat = v;
                return;
            case IA32_MTRR_DEF_TYPE:
                if ((v & ~0xcffL) != 0) throw GuestFault.gp(0);
                cpu.mtrrDefType = v;
                return;
            case EFER: writeEfer(v); return;
            case STAR: cpu.star = v; return;
            case LSTAR: cpu.lstar = canonical(v); return;
            case CSTAR: cpu.cstar = canonical(v); return;
            case SFMASK: cpu.sfmask = v & 0xffffffffL; return;
            case FS_BASE: cpu.segBase[CpuState.FS] = canonical(v); return;
            case GS_BASE: cpu.segBase[CpuState.GS] = canonical(v); return;
            case KERNEL_GS_BASE: cpu.kernelGsBase = canonical(v); return;
            case TSC_AUX: cpu.tscAux = v & 0xffffffffL; return;
            default:
                int f = fixedMtrrIndex(msr);
                if (f >= 0) { cpu.mtrrFixed[f] = v; return; }
                if (msr >= IA32_MTRR_PHYSBASE0 && msr < IA32_MTRR_PHYSBASE0 + 16) {
                    if ((v & ~((1L << PagingTranslator.MAXPHYADDR) - 1) ) != 0) throw GuestFault.gp(0);
                    cpu.mtrrVar[msr - IA32_MTRR_PHYSBASE0] = v;
                    return;
                }
                throw GuestFault.gp(0);
        }
    }

    private void writeEfer(long v) {
        if ((v & ~(EFER_WRITABLE | (1 << 10))) != 0) throw GuestFault.gp(0);
        boolean paging = (cpu.cr0 & ControlRegisters.CR0_PG) != 0;
        if (paging && ((v ^ cpu.efer) & (1 << 8)) != 0) throw GuestFault.gp(0);   // LME fixed while paging
        long nv = (cpu.efer & (1 << 10)) | (v & EFER_WRITABLE);
        if (((nv ^ cpu.efer) & (1 << 11)) != 0) cpu.mmu.flushAll();             // NXE changes what entries mean
        cpu.efer = nv;
    }

    private static long canonical(long v) {
        if ((v >> 47) != 0 && (v >> 47) != -1) throw GuestFault.gp(0);
        return v;
    }

    private static int fixedMtrrIndex(int msr) {
        if (msr == IA32_MTRR_FIX64K) return 0;
        if (msr == IA32_MTRR_FIX16K_80000) return 1;
        if (msr == IA32_MTRR_FIX16K_A0000) return 2;
        if (msr >= IA32_MTRR_FIX4K_C0000 && msr < IA32_MTRR_FIX4K_C0000 + 8) return 3 + msr - IA32_MTRR_FIX4K_C0000;
        return -1;
    }
}
