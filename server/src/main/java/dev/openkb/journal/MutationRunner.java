package dev.openkb.journal;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs one mutation as one journaled transaction: body → commit, or rollback on any failure.
 * A rollback that itself fails leaves the journal active and throws {@code DIRTY_ROLLBACK}, so
 * callers (a batch) stop instead of building on a half-restored KB; the next exclusive lock retries.
 * Post-commit cleanup failures are only reported: the mutation is durable by then.
 *
 * <p>Threading: call on the mutation thread, holding the KB's exclusive lock (checked).
 */
public final class MutationRunner {
    /** The body of a mutation; it changes the KB only through the transaction. */
    @FunctionalInterface
    public interface Body<T> {
        T run(KbTransaction tx) throws IOException;
    }

    private final KbLayout layout;
    private final AtomicFiles files;
    private final KbLock lock;
    private final JournalIds ids = new JournalIds();
    private final Consumer<String> warnings;
    private final List<Consumer<List<Path>>> committedListeners = new CopyOnWriteArrayList<>();

    public MutationRunner(KbLayout layout, AtomicFiles files, KbLock lock, Consumer<String> warnings) {
        this.layout = layout;
        this.files = files;
        this.lock = lock;
        this.warnings = warnings;
    }

    public KbLayout layout() {
        return layout;
    }

    /**
     * Calls {@code listener} with the paths every committed transaction touched, on the mutation
     * thread, still holding the exclusive lock, after the journal is cleaned up. For derived state
     * (the search index) that follows the pages: a listener's failure is reported, never undoes or
     * fails the committed mutation.
     */
    public void onCommitted(Consumer<List<Path>> listener) {
        committedListeners.add(listener);
    }

    public <T> T run(String operation, Map<String, Object> details, Body<T> body) {
        if (!lock.isHeldExclusivelyByCurrentThread()) {
            throw new IllegalStateException("a mutation requires the caller to hold the KB's exclusive lock");
        }
        JournaledTransaction tx = new JournaledTransaction(layout, files, ids.next(), operation, details);
        T result;
        try {
            result = body.run(tx);
            tx.commit();
        } catch (Throwable failure) {
            rollbackOrThrowDirty(tx, operation, failure);
            throw asKbException(failure);
        }
        try {
            tx.discard();
        } catch (IOException e) {
            warnings.accept("mutation journal cleanup failed (recovery will finish it): " + e.getMessage());
        }
        for (Consumer<List<Path>> l : committedListeners) {
            try {
                l.accept(tx.touchedPaths());
            } catch (RuntimeException e) {
                warnings.accept("after " + operation + " committed: " + e.getMessage());
            }
        }
        return result;
    }

    private void rollbackOrThrowDirty(JournaledTransaction tx, String operation, Throwable failure) {
        try {
            tx.rollback();
            tx.discard();
        } catch (IOException | RuntimeException rb) {
            KbException dirty = new KbException(ErrorCode.DIRTY_ROLLBACK, tx.journalPath(),
                    "rollback of " + operation + " failed (" + rb.getMessage() + ") after: " + failure.getMessage()
                            + ". The journal was kept; fix the cause (disk space, permissions) and run `openkb recover`."
                            + (tx.commitMarkInDoubt() ? " The commit mark may already be on disk: if so, recovery keeps the change." : ""), rb);
            dirty.addSuppressed(failure);
            throw dirty;
        }
    }

    private static RuntimeException asKbException(Throwable t) {
        if (t instanceof KbException k) {
            return k;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t instanceof IOException io) {
            return KbException.fromIo(io);
        }
        return new KbException(ErrorCode.IO_ERROR, null, t.toString(), t);
    }
}
