package org.jemu.cpu.mem;

/**
 * Turns a linear address into a physical one for the {@link Mmu}'s slow path. System mode walks the
 * guest's page tables (and sets A/D bits); user-mode emulation looks up its own page map. Either throws
 * a {@link org.jemu.cpu.GuestFault} for an access the guest may not make.
 *
 * <p>The result is the physical address of the accessed byte. {@link #cacheable} tells whether the
 * translation of this page may be kept in the TLB for the given access kind (a translation that would
 * need an A/D-bit update on the next access of another kind must not be cached for that kind).
 */
public interface Translator {
    /** Access kinds; also the TLB's table index within a privilege level. */
    int READ = 0, WRITE = 1, FETCH = 2;

    long translate(long linear, int access, boolean user);

    /** Whether the translation just returned may be cached in the TLB for {@code access}. */
    default boolean cacheable(int access) { return true; }
}
