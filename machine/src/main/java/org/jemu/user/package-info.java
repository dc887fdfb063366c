/**
 * {@code jemu user}: user-mode emulation of static Linux x86-64 programs, like qemu-x86_64.
 *
 * <h2>Design</h2>
 * {@link org.jemu.user.UserMain} parses the command line, loads the ELF executable with
 * {@link org.jemu.user.ProgramLoader} into an {@link org.jemu.user.AddressSpace} (Linux-style mappings
 * with page permissions, frames of guest RAM allocated on first touch; it is the MMU's
 * {@link org.jemu.cpu.mem.Translator}), builds the initial stack ({@link org.jemu.user.InitialStack}:
 * argc, argv, envp, auxv exactly as the kernel lays them out) and runs the interpreter. SYSCALL lands
 * in {@link org.jemu.user.LinuxSyscalls}, which dispatches to {@link org.jemu.user.FileSyscalls} (host
 * files through {@link org.jemu.user.FileTable}), {@link org.jemu.user.MemorySyscalls} and
 * {@link org.jemu.user.ProcessSyscalls}; guest buffers are copied with kernel-like checks by
 * {@link org.jemu.user.GuestMemory} (bad pointers give EFAULT, never a Java exception). Guest CPU
 * exceptions become Linux signals ({@link org.jemu.user.SignalDelivery}): delivered to a handler through
 * an {@code rt_sigframe}, or fatal with a one-line report and exit status 128 + signal.
 *
 * <p>One thread, no fork or exec; the full-system emulator covers those.
 */
package org.jemu.user;
