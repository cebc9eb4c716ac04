package dev.kiln.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Ctrl-C (SIGINT) as a normal end of {@code kiln serve}: the server closes, "Stopped." is printed and
 * the exit code is 0, as the help says. Left to the JVM, SIGINT runs the shutdown hooks and exits with
 * 130, and a hook cannot choose the exit code; the JDK has no public API to take the signal instead,
 * only {@code sun.misc.Signal} in the module jdk.unsupported, kept for such uses (JEP 260). It is
 * reached by reflection, as JLine does: javac warns at every compiled use of it, and no option
 * silences that on every JDK ({@code @SuppressWarnings} cannot; {@code -XDignore.symbol.file} only
 * when JDK 17 compiles for 17).
 */
final class CtrlC {
    private CtrlC() {}

    /**
     * Runs {@code stop} on the first Ctrl-C; a second one gets the JVM's own handling back. Returns what
     * restores that handling. Where the JVM keeps SIGINT to itself ({@code -Xrs}) or has no
     * jdk.unsupported, this does nothing, and serve's shutdown hook still stops the server.
     */
    static Runnable stops(Runnable stop) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object interrupt = signalClass.getConstructor(String.class).newInstance("INT");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object[] previous = new Object[1];
            Runnable restore = () -> {
                try {
                    handle.invoke(null, interrupt, previous[0]);
                } catch (ReflectiveOperationException e) {
                    // it was set with the same call a moment ago; nothing else to fall back on
                }
            };
            Runnable onSignal = () -> {
                restore.run();
                stop.run();
            };
            // A SignalHandler whose handle(Signal) runs onSignal.
            MethodHandle run = MethodHandles.lookup().findVirtual(Runnable.class, "run", MethodType.methodType(void.class))
                    .bindTo(onSignal);
            Object handler = MethodHandleProxies.asInterfaceInstance(handlerClass, MethodHandles.dropArguments(run, 0, signalClass));
            previous[0] = handle.invoke(null, interrupt, handler);
            return restore;
        } catch (ReflectiveOperationException | IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return () -> { };
        }
    }
}
