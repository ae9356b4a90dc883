package dev.openkb.engine;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A cooperative cancellation flag shared by one operation and whoever may cancel it (Ctrl-C in the
 * CLI, {@code $/cancelRequest} in the LSP server). Pipeline code calls {@link #throwIfCancelled()}
 * between steps, never inside a commit's critical section. Thread-safe; cancelling is one-way.
 */
public final class CancelToken {
    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    /** A token nobody can cancel, for callers that have no cancel button. */
    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable r : callbacks) {
            r.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code r} once when the token is cancelled (at once if it already is). */
    public void onCancel(Runnable r) {
        callbacks.add(r);
        if (cancelled) {
            r.run();
        }
    }

    /** Like {@link #onCancel} but returns an action that unregisters {@code r} (for short waits). */
    public Runnable register(Runnable r) {
        callbacks.add(r);
        if (cancelled) {
            r.run();
        }
        return () -> callbacks.remove(r);
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new KbException(ErrorCode.CANCELLED, null, "cancelled by the user");
        }
    }
}
