package dev.openkb.testing;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.KbException;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.journal.MutationRunner;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs test code as a real journaled mutation, the way the engine runs one: a fresh {@link OpenKb},
 * the KB's exclusive lock (whose acquisition recovers), then {@link MutationRunner#run}. The body
 * commits when it returns and is rolled back when it throws; the engine's {@link KbException} is
 * rethrown. Stateless: every call builds and closes its own engine.
 */
public final class Journaled {
    private Journaled() {
    }

    /**
     * Runs {@code body} as one mutation on the real file system. A warning from the engine (a journal
     * that could not be cleaned up, a recovery problem) fails the test: on a healthy disk there is none.
     */
    public static <T> T run(KbLayout layout, MutationRunner.Body<T> body) {
        List<String> warnings = new ArrayList<>();
        T result = run(new RealFileOps(), warnings::add, layout, body);
        if (!warnings.isEmpty()) {
            throw new AssertionError("the mutation warned: " + warnings);
        }
        return result;
    }

    /**
     * Runs {@code body} as one mutation over {@code ops}, for crash and fault tests. Warnings are
     * dropped: a crash during cleanup is expected to produce them.
     */
    public static <T> T run(FileOps ops, KbLayout layout, MutationRunner.Body<T> body) {
        return run(ops, w -> { }, layout, body);
    }

    private static <T> T run(FileOps ops, Consumer<String> warnings, KbLayout layout, MutationRunner.Body<T> body) {
        try (OpenKb engine = new OpenKb(ops, warnings)) {
            KbService kb = engine.kb(layout);
            try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(kb).exclusive(CancelToken.none())) {
                return dev.openkb.service.KbInternals.runner(kb).run("test", Map.of(), body);
            }
        }
    }
}
