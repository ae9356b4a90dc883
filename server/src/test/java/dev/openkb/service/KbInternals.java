package dev.openkb.service;

import dev.openkb.journal.MutationExecutor;
import dev.openkb.journal.MutationRunner;
import dev.openkb.io.AtomicFiles;
import dev.openkb.lock.KbLock;

/**
 * Test-only access to a {@link KbService}'s internals (its lock, raw transaction runner, mutation
 * thread and file operations), which the service keeps package-private so no production code can
 * bypass its operations. Tests use them to plant half-finished transactions and crashes.
 */
public final class KbInternals {
    private KbInternals() {
    }

    public static KbLock lock(KbService s) {
        return s.lock();
    }

    public static MutationRunner runner(KbService s) {
        return s.runner();
    }

    public static MutationExecutor executor(KbService s) {
        return s.executor();
    }

    public static AtomicFiles files(KbService s) {
        return s.files();
    }
}
