package org.jemu.cpu.interp;

import org.jemu.cpu.CpuState;

/**
 * What SYSCALL does beyond the instruction itself. The interpreter has already done the architectural
 * part (RCX = return RIP, R11 = RFLAGS, RIP past the instruction; Intel SDM Vol. 2B, SYSCALL); user-mode
 * emulation implements the Linux system call here, and system mode will enter the guest kernel.
 */
public interface SyscallHandler {
    void syscall(CpuState cpu);
}
