package dev.openkb.cli;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.engine.VisibleText;
import dev.openkb.kb.KbDiscovery;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options every KB command shares: which KB (explicit, $OPENKB_DIR, or found from the current
 * folder), and how long to wait for another process's KB lock.
 */
final class KbOptions {
    /** Printed once a command has waited this long for a lock another process holds. */
    static final Duration LOCK_NOTICE_AFTER = Duration.ofSeconds(1);
    static final String LOCK_NOTICE = "waiting for the KB lock held by another process… (Ctrl-C to stop, or --lock-timeout SECONDS)";

    @Option(names = {"--kb", "--kb-dir"}, paramLabel = "DIR", description = "The knowledge base folder (default: found from the current folder).")
    Path kb;

    @Option(names = {"-v", "--verbose"}, description = "Print debug details (per-stage timings).")
    boolean verbose;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS",
            description = "Give up (exit 1, LOCK_FAILED) after waiting this long for another process's KB lock (default: wait until it is free).")
    Double lockTimeout;

    KbLayout layout() {
        Path explicit = kb;
        if (explicit == null && System.getenv("OPENKB_DIR") != null && !System.getenv("OPENKB_DIR").isBlank()) {
            explicit = Path.of(System.getenv("OPENKB_DIR"));
        }
        return KbDiscovery.require(explicit, Path.of("").toAbsolutePath());
    }

    /**
     * The engine for one command: warnings go to {@code warnings} with their control characters
     * escaped, and a wait for another process's lock is announced on {@code err} after a second and
     * ends after {@code --lock-timeout}.
     */
    OpenKb engine(PrintWriter err, Consumer<String> warnings) {
        Duration timeout = null;
        if (lockTimeout != null) {
            if (lockTimeout.isNaN() || lockTimeout < 0 || lockTimeout > Duration.ofDays(365).toSeconds()) {
                throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--lock-timeout must be a number of seconds from 0 to 31536000, not "
                        + lockTimeout);
            }
            timeout = Duration.ofMillis(Math.round(lockTimeout * 1000));
        }
        KbLock.WaitPolicy wait = new KbLock.WaitPolicy(timeout, LOCK_NOTICE_AFTER, () -> err.println(LOCK_NOTICE));
        return new OpenKb(w -> warnings.accept(VisibleText.escapeKeepingNewlines(w)), wait);
    }
}
