package dev.openkb.lock;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The KB lock on {@code .openkb/ingest.lock}: shared for readers, exclusive for mutations, held
 * both inside this JVM (a fair {@link ReentrantReadWriteLock}: re-entrant per thread, and a waiting
 * writer stops new readers, so writers are not starved) and across processes (flock(2), compatible
 * with OpenKB's Python CLI). A read lock cannot be upgraded to a write lock (refused at once, since
 * it would deadlock); a write lock may take nested read locks.
 *
 * <p>Every outermost exclusive acquisition runs the {@code onExclusive} hook (journal recovery and
 * the staging reaper) before returning, so a mutation always starts from a recovered KB, including
 * after another process crashed.
 *
 * <p>Waiting for another process follows the {@link WaitPolicy}: the acquisitions that take no
 * explicit timeout use its timeout (none: wait until cancelled), and once a wait for the OS lock has
 * lasted {@code noticeAfter} its notice runs, once per acquisition, so a face can say why nothing
 * happens.
 *
 * <p>Threading: any thread may acquire. {@code osMonitor} guards {@code fd} and
 * {@code sharedHolders} (how many threads hold the OS shared lock through this instance). The
 * notice runs on the waiting thread, holding {@code osMonitor}.
 */
public final class KbLock implements AutoCloseable {
    private static final long POLL_MIN_MS = 2;
    private static final long POLL_MAX_MS = 50;

    /**
     * How acquisitions without an explicit timeout wait for another process.
     *
     * @param timeout     give up after this long (a {@code LOCK_FAILED} error); null waits until cancelled
     * @param noticeAfter run {@code notice} once a wait for the OS lock has lasted this long
     * @param notice      tells the user that another process holds the lock
     */
    public record WaitPolicy(Duration timeout, Duration noticeAfter, Runnable notice) {
        /** Waits without limit and tells nobody. */
        public static final WaitPolicy SILENT = new WaitPolicy(null, Duration.ofSeconds(1), () -> { });
    }

    private final Path lockFile;
    private final Consumer<KbLock> onExclusive;
    private final WaitPolicy policy;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);
    private final Object osMonitor = new Object();
    private int fd = -1;
    private int sharedHolders;

    /** A held lock; closing releases one level of it. Close on the thread that acquired it. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    public KbLock(Path lockFile, Consumer<KbLock> onExclusive) {
        this(lockFile, onExclusive, WaitPolicy.SILENT);
    }

    public KbLock(Path lockFile, Consumer<KbLock> onExclusive, WaitPolicy policy) {
        this.lockFile = lockFile;
        this.onExclusive = onExclusive;
        this.policy = policy;
    }

    public Path lockFile() {
        return lockFile;
    }

    public boolean isHeldExclusivelyByCurrentThread() {
        return rw.isWriteLockedByCurrentThread();
    }

    public boolean isHeldByCurrentThread() {
        return rw.isWriteLockedByCurrentThread() || rw.getReadHoldCount() > 0;
    }

    /** Waits for the shared lock as the {@link WaitPolicy} says (by default without limit, unless cancelled). */
    public Hold shared(CancelToken cancel) {
        return shared(cancel, policy.timeout());
    }

    /** Waits for the exclusive lock as the {@link WaitPolicy} says (by default without limit, unless cancelled). */
    public Hold exclusive(CancelToken cancel) {
        return exclusive(cancel, policy.timeout());
    }

    /** Takes the shared lock; {@code timeout} null waits until cancelled. */
    public Hold shared(CancelToken cancel, Duration timeout) {
        long deadline = deadline(timeout);
        boolean outer = rw.getReadHoldCount() == 0 && !rw.isWriteLockedByCurrentThread();
        acquireJvm(rw.readLock(), cancel, deadline);
        if (outer) {
            try {
                synchronized (osMonitor) {
                    if (sharedHolders == 0) {
                        lockOs(Flock.LOCK_SH, cancel, deadline, timeout);
                    }
                    sharedHolders++;
                }
            } catch (RuntimeException e) {
                rw.readLock().unlock();
                throw e;
            }
        }
        return () -> {
            if (outer) {
                synchronized (osMonitor) {
                    if (--sharedHolders == 0) {
                        unlockOs();
                    }
                }
            }
            rw.readLock().unlock();
        };
    }

    /** Takes the exclusive lock; {@code timeout} null waits until cancelled. */
    public Hold exclusive(CancelToken cancel, Duration timeout) {
        if (rw.getReadHoldCount() > 0 && !rw.isWriteLockedByCurrentThread()) {
            throw new KbException(ErrorCode.LOCK_FAILED, lockFile,
                    "cannot upgrade an existing KB read lock to a write lock; release the read lock first");
        }
        long deadline = deadline(timeout);
        boolean outer = !rw.isWriteLockedByCurrentThread();
        acquireJvm(rw.writeLock(), cancel, deadline);
        if (outer) {
            try {
                synchronized (osMonitor) {
                    lockOs(Flock.LOCK_EX, cancel, deadline, timeout);
                }
                onExclusive.accept(this);
            } catch (RuntimeException e) {
                synchronized (osMonitor) {
                    unlockOs();
                }
                rw.writeLock().unlock();
                throw e;
            }
        }
        return () -> {
            if (outer) {
                synchronized (osMonitor) {
                    unlockOs();
                }
            }
            rw.writeLock().unlock();
        };
    }

    /** Closes the lock file descriptor (releasing any OS lock). Only when nobody holds the lock. */
    @Override
    public void close() {
        synchronized (osMonitor) {
            if (fd >= 0) {
                Flock.close(fd);
                fd = -1;
            }
        }
    }

    /**
     * Waits in one uninterrupted call so the thread keeps its place in the fair queue (re-trying a
     * timed tryLock would leave and re-enter it, letting readers overtake a waiting writer);
     * cancellation interrupts the waiting thread.
     */
    private void acquireJvm(Lock lock, CancelToken cancel, long deadline) {
        Thread me = Thread.currentThread();
        Object guard = new Object();
        boolean[] waiting = {true};
        Runnable unregister = cancel.register(() -> {
            synchronized (guard) {
                if (waiting[0]) {
                    me.interrupt();
                }
            }
        });
        boolean acquired = false;
        try {
            if (deadline == 0) {
                lock.lockInterruptibly();
                acquired = true;
            } else {
                acquired = lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            if (!cancel.isCancelled()) {
                me.interrupt();
            }
            throw new KbException(ErrorCode.CANCELLED, lockFile, "cancelled while waiting for the KB lock");
        } finally {
            synchronized (guard) {
                waiting[0] = false;
            }
            unregister.run();
            if (acquired && cancel.isCancelled()) {
                Thread.interrupted(); // a cancel that raced with the acquisition must not leave a stray interrupt
            }
        }
        if (!acquired) {
            throw new KbException(ErrorCode.LOCK_FAILED, lockFile,
                    "the knowledge base is locked by another operation; try again when it finishes");
        }
        if (cancel.isCancelled()) {
            lock.unlock();
            cancel.throwIfCancelled();
        }
    }

    /**
     * Polls flock with a growing back-off, so waiting stays cancellable (a blocking flock is not);
     * runs the policy's notice once the wait has lasted {@code noticeAfter}.
     */
    private void lockOs(int mode, CancelToken cancel, long deadline, Duration timeout) {
        try {
            if (fd < 0) {
                fd = Flock.open(lockFile);
            }
            long sleep = POLL_MIN_MS;
            long noticeAt = System.nanoTime() + policy.noticeAfter().toNanos();
            boolean told = false;
            while (!Flock.tryLock(fd, mode)) {
                checkWait(cancel, deadline, timeout);
                if (!told && System.nanoTime() - noticeAt >= 0) {
                    told = true;
                    policy.notice().run();
                }
                Thread.sleep(sleep);
                sleep = Math.min(POLL_MAX_MS, sleep * 2);
            }
        } catch (IOException e) {
            throw new KbException(ErrorCode.LOCK_FAILED, lockFile, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KbException(ErrorCode.CANCELLED, lockFile, "interrupted while waiting for the KB lock");
        }
    }

    private void unlockOs() {
        if (fd < 0) {
            return;
        }
        try {
            Flock.unlock(fd);
        } catch (IOException e) {
            // Unlock cannot really fail on a valid descriptor; closing it releases the lock for sure.
            Flock.close(fd);
            fd = -1;
        }
    }

    private void checkWait(CancelToken cancel, long deadline, Duration timeout) {
        cancel.throwIfCancelled();
        if (deadline > 0 && System.nanoTime() > deadline) {
            throw new KbException(ErrorCode.LOCK_FAILED, lockFile, "gave up after waiting " + seconds(timeout)
                    + " for the KB lock: the knowledge base is locked by another process; try again when it finishes");
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static long deadline(Duration timeout) {
        return timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }
}
