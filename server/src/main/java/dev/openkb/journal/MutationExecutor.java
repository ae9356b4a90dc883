package dev.openkb.journal;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.lock.KbLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one mutation thread of a KB in this process. Every mutation (an add's commits, remove,
 * recompile, lint --fix, recovery) runs here, one at a time, holding the KB's exclusive lock for
 * just that unit of work; callers wait for the result on their own thread. Serialising on one thread
 * keeps the journal and lock single-owner and makes commit order the order of submission.
 *
 * <p>Threading: {@link #call} may be called from any thread; the work runs on the executor thread.
 * Cancellation applies only while waiting for the lock: once work starts it runs to its end
 * (commit or rollback), never half.
 */
public final class MutationExecutor implements AutoCloseable {
    /** Work that runs on the mutation thread with the exclusive lock held. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run(MutationRunner runner) throws IOException;
    }

    private final KbLock lock;
    private final MutationRunner runner;
    private final ExecutorService thread;

    public MutationExecutor(KbLock lock, MutationRunner runner, String name) {
        this.lock = lock;
        this.runner = runner;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "openkb-mutation-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public <T> T call(CancelToken cancel, LockedWork<T> work) {
        return call(cancel, null, work);
    }

    /**
     * As {@link #call(CancelToken, LockedWork)}, giving up on the lock after {@code lockTimeout}
     * ({@code LOCK_FAILED}); null waits as the lock's policy says.
     */
    public <T> T call(CancelToken cancel, Duration lockTimeout, LockedWork<T> work) {
        Future<T> f = thread.submit(() -> {
            try (KbLock.Hold h = lockTimeout == null ? lock.exclusive(cancel) : lock.exclusive(cancel, lockTimeout)) {
                return work.run(runner);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    // The mutation must finish (commit or rollback) before we report; remember the interrupt.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof KbException k) {
                throw k;
            }
            if (c instanceof UncheckedIOException u) {
                throw KbException.fromIo(u.getCause());
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new KbException(ErrorCode.IO_ERROR, null, String.valueOf(c), c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
