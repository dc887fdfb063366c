package org.jemu.cpu;

/**
 * RFLAGS with lazily computed arithmetic flags. Placeholder API; the semantics helper implements it.
 */
public final class Flags {
}
