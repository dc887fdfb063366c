package org.jemu.loader.linux;

/** What {@link LinuxLoader} placed where: the CPU's starting point and the guest addresses used. */
public record BootInfo(long entry, long zeroPage, long kernelAddress, long kernelEnd,
                       long initrdAddress, long initrdSize, long cmdline) {}
