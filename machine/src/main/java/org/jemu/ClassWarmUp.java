package org.jemu;

/**
 * Initialises the classes with costly static set-up (the instruction table, which the decoder
 * parses from its row tables; the interpreter's dispatch table; the JIT's helper index) on a
 * second thread while the machine's constructor allocates guest RAM, which the JVM zeroes (about
 * 0.2 s for 512 MiB on the development machine). Both would otherwise run one after the other on
 * the thread that builds the machine, before the first guest instruction.
 *
 * The same for {@code jemu user}, whose guest frames are allocated up front too.
 *
 * <p>Only classes whose static initialisers touch nothing the constructing thread initialises
 * first (memory, MMU, devices) are listed, so the two threads cannot wait on each other's class
 * initialisation. A failure here is ignored: the constructing thread initialises the class itself
 * when it reaches it, and reports any error there.
 */
public final class ClassWarmUp {
    private ClassWarmUp() {}

    private static final String[] CLASSES = {
        "org.jemu.cpu.decode.OpTable", "org.jemu.cpu.interp.OpGroups",
    };
    private static final String[] JIT_CLASSES = {
        "org.jemu.jit.Emitter", "org.objectweb.asm.ClassWriter",
    };

    /** Starts the warm-up thread; {@code jit} adds the JIT's classes. */
    public static void start(boolean jit) {
        Thread t = new Thread(() -> {
            ClassLoader loader = ClassWarmUp.class.getClassLoader();
            try {
                for (String c : CLASSES) Class.forName(c, true, loader);
                if (jit) for (String c : JIT_CLASSES) Class.forName(c, true, loader);
            } catch (ReflectiveOperationException | LinkageError e) {
                // the machine's own thread meets the class later and reports the problem
            }
        }, "jemu-class-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
