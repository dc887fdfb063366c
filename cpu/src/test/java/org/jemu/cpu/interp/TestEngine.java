package org.jemu.cpu.interp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jemu.cpu.io.CpuSignals;
import org.jemu.cpu.time.VirtualClock;

/**
 * The engine the CPU tests run guest code on: the interpreter, or, with {@code -Djemu.accel=jit},
 * the JIT (org.jemu.jit.Jit, found at run time: the jit module depends on this one and runs these
 * same tests from the cpu test jar with that property, so every CPU test runs in both modes).
 */
public final class TestEngine {
    private static final boolean JIT = "jit".equals(System.getProperty("jemu.accel"));
    private static final MethodHandle NEW, RUN, RUN_SYSTEM;

    static {
        MethodHandle n = null, r = null, rs = null;
        if (JIT) {
            try {
                Class<?> jit = Class.forName("org.jemu.jit.Jit");
                MethodHandles.Lookup l = MethodHandles.publicLookup();
                n = l.findConstructor(jit, MethodType.methodType(void.class, Interpreter.class));
                r = l.findVirtual(jit, "run", MethodType.methodType(long.class, long.class));
                rs = l.findVirtual(jit, "runSystem", MethodType.methodType(long.class, long.class, CpuSignals.class, VirtualClock.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        NEW = n; RUN = r; RUN_SYSTEM = rs;
    }

    private final Interpreter interp;
    private final Object jit;

    private TestEngine(Interpreter interp, Object jit) {
        this.interp = interp;
        this.jit = jit;
    }

    /** The engine for {@code interp} (created once per interpreter: the JIT keeps its regions). */
    public static TestEngine of(Interpreter interp) {
        try {
            return new TestEngine(interp, JIT ? NEW.invoke(interp) : null);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static boolean jit() { return JIT; }

    /** {@link Interpreter#run} on the chosen engine. */
    public long run(long max) {
        if (jit == null) return interp.run(max);
        try {
            return (long) RUN.invoke(jit, max);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@link Interpreter#runSystem} on the chosen engine. */
    public long runSystem(long max, CpuSignals signals, VirtualClock clock) {
        if (jit == null) return interp.runSystem(max, signals, clock);
        try {
            return (long) RUN_SYSTEM.invoke(jit, max, signals, clock);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
