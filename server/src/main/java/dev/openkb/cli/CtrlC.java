package dev.openkb.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * Lets a command handle SIGINT itself instead of starting JVM shutdown: a shutdown hook cannot print
 * "stopping…" and then honour a second Ctrl-C (the JVM ignores further signals while its hooks run),
 * and it would cut the batch off before it reports. Uses {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}, exported on purpose for this). Where the platform refuses, Ctrl-C keeps
 * the JVM's default handling and the command's shutdown hook still cancels. Stateless.
 */
final class CtrlC {
    private static final Logger LOG = Logger.getLogger(CtrlC.class.getName());

    private CtrlC() {
    }

    /** Runs {@code onInterrupt} on each Ctrl-C (on a JVM signal thread); returns the action that restores the previous handler. */
    static Runnable handle(Runnable onInterrupt) {
        Signal sigint = new Signal("INT");
        try {
            var previous = Signal.handle(sigint, s -> onInterrupt.run());
            return () -> Signal.handle(sigint, previous);
        } catch (IllegalArgumentException refused) {
            // SIGINT is ignored (a background job started with nohup or `&` in a script) or reserved.
            LOG.log(Level.FINE, "cannot handle SIGINT; keeping the default", refused);
            return () -> { };
        }
    }
}
