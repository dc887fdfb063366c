package org.jemu.user;

/**
 * Where an executable landed: entry point, program headers (for AT_PHDR/AT_PHENT/AT_PHNUM), the load
 * bias (non-zero for static-pie) and the initial program break.
 */
record LoadedProgram(long entry, long phdr, int phent, int phnum, long bias, long brk) {
}
