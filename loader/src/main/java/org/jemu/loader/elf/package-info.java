/**
 * ELF64 parsing for loaders: {@link org.jemu.loader.elf.ElfFile} reads the file header and program
 * headers with every offset checked, so bad input is an {@link org.jemu.loader.elf.ElfException} with
 * a one-line message. Used by {@code jemu user} for static executables and, later, for vmlinux.
 */
package org.jemu.loader.elf;
