package dev.openkb.lsp;

import dev.openkb.engine.BatchProgress;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.engine.ProgressTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * One add's progress, from the engine's {@link ProgressListener} to the client on two channels:
 * {@code openkb/fileProgress} for every stage event of every file (structured, always sent), and
 * standard work-done progress (begin, one report per event, end) on a token, for the editor's
 * progress UI. Both carry the engine's percentage, message and running summary
 * ({@link ProgressTracker}); clients show them as they are and compute nothing. A URL's download,
 * which precedes the batch and has no file yet, is reported on work-done progress only.
 * Reports are spaced at least {@code interval} apart: one that comes sooner waits and is
 * replaced by any newer one, so the client always ends up seeing the latest state; begin and end are
 * never held back.
 *
 * <p>On a server-created token, progress is buffered until the client answers
 * {@code window/workDoneProgress/create}; if it refuses or does not answer in time (some clients
 * never answer server requests), work-done progress is dropped for this add and file progress goes on.
 * Nothing here ever waits for the client.
 *
 * <p>Threading: engine threads call the listener concurrently; every field is guarded by
 * {@code lock}, and messages are queued on the {@link Outbox} while holding it, so their order is the
 * order of the events. Time is read from {@code clock} (nanoseconds; {@link System#nanoTime} in the
 * server, a hand-driven clock in tests, so the spacing is specified without wall-clock thresholds).
 */
final class AddProgress implements ProgressListener {
    private enum Channel { PENDING, OPEN, CLOSED }

    private final Outbox outbox;
    private final ScheduledExecutorService timer;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Either<String, Integer> token;
    private final Object lock = new Object();
    private Channel channel;
    private final List<WorkDoneProgressNotification> buffered = new ArrayList<>();
    private long lastReport;
    private boolean reported;
    private WorkDoneProgressReport pending;
    private ScheduledFuture<?> flush;
    private final ProgressTracker tracker;
    private boolean ended;

    private AddProgress(Outbox outbox, ScheduledExecutorService timer, Duration interval, Either<String, Integer> token,
            Channel channel, LongSupplier clock) {
        this.outbox = outbox;
        this.timer = timer;
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.token = token;
        this.channel = channel;
        this.tracker = new ProgressTracker(clock);
    }

    /** Progress on a token the client gave with its request. */
    static AddProgress onClientToken(Outbox outbox, ScheduledExecutorService timer, Duration interval,
            Either<String, Integer> token) {
        return onClientToken(outbox, timer, interval, token, System::nanoTime);
    }

    /** {@link #onClientToken(Outbox, ScheduledExecutorService, Duration, Either)} reading time from {@code clock}. */
    static AddProgress onClientToken(Outbox outbox, ScheduledExecutorService timer, Duration interval,
            Either<String, Integer> token, LongSupplier clock) {
        return new AddProgress(outbox, timer, interval, token, Channel.OPEN, clock);
    }

    /** Progress on a token this server creates, usable once the client accepts it. */
    static AddProgress onServerToken(Outbox outbox, ScheduledExecutorService timer, Duration interval,
            Either<String, Integer> token, Duration createTimeout) {
        AddProgress p = new AddProgress(outbox, timer, interval, token, Channel.PENDING, System::nanoTime);
        CompletableFuture<Void> created = outbox.request(c -> c.createProgress(
                new org.eclipse.lsp4j.WorkDoneProgressCreateParams(token)));
        created.orTimeout(createTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, e) -> p.created(e == null));
        return p;
    }

    /** File progress only: the client has no work-done progress. */
    static AddProgress fileProgressOnly(Outbox outbox) {
        return new AddProgress(outbox, null, Duration.ZERO, null, Channel.CLOSED, System::nanoTime);
    }

    Either<String, Integer> token() {
        return token;
    }

    /** The engine's view of this add now: percent, message, summary. */
    BatchProgress current() {
        return tracker.current();
    }

    void begin(String title, String message) {
        WorkDoneProgressBegin b = new WorkDoneProgressBegin();
        b.setTitle(title);
        b.setMessage(message);
        b.setCancellable(true);
        b.setPercentage(0);
        synchronized (lock) {
            emit(b);
        }
    }

    @Override
    public void scanPassedOver(int unsupported, int others) {
        synchronized (lock) {
            tracker.scanPassedOver(unsupported, others);
        }
    }

    @Override
    public void downloading(String url, long received, long length) {
        synchronized (lock) {
            tracker.downloading(url, received, length);
            report();
        }
    }

    @Override
    public void batchStarted(int total) {
        synchronized (lock) {
            tracker.batchStarted(total);
        }
    }

    @Override
    public void fileStage(Path file, int index, int total, FileStage stage, String detail) {
        synchronized (lock) {
            tracker.fileStage(file, index, total, stage, detail);
            fileProgress(Uris.toUri(file), null, index, total, stage.wireName(), null, null);
            report();
        }
    }

    @Override
    public void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
        synchronized (lock) {
            tracker.fileDone(file, index, total, docName, status, reason);
            fileProgress(Uris.toUri(file), docName, index, total, FileStage.DONE.wireName(), status.wireName(), reason);
            report();
        }
    }

    @Override
    public void batchFinished(int added, int skipped, int failed, int cancelled) {
        synchronized (lock) {
            tracker.batchFinished(added, skipped, failed, cancelled);
        }
    }

    /** Ends the progress (always sent, even when reports are being held back). */
    void end(String message) {
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
            pending = null;
            if (flush != null) {
                flush.cancel(false);
                flush = null;
            }
            WorkDoneProgressEnd e = new WorkDoneProgressEnd();
            e.setMessage(message);
            emit(e);
        }
    }

    /** Holding {@code lock}: one file event, with the tracker's state after it. */
    private void fileProgress(String uri, String docName, int index, int total, String stage, String status, String reason) {
        BatchProgress b = tracker.current();
        Protocol.FileProgress p = new Protocol.FileProgress(uri, docName, index, total, stage, status, reason, b.percent(),
                b.message(), b.summary());
        outbox.send(c -> c.fileProgress(p));
    }

    /** Holding {@code lock}: the tracker's state as a work-done report, spaced as the class comment says. */
    private void report() {
        if (channel == Channel.CLOSED || ended) {
            return;
        }
        BatchProgress b = tracker.current();
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(b.message());
        r.setPercentage(b.percent());
        r.setCancellable(true);
        long now = clock.getAsLong();
        if (!reported || now - lastReport >= intervalNanos) {
            // This report supersedes any held one; a flush still scheduled would send older news later.
            pending = null;
            if (flush != null) {
                flush.cancel(false);
                flush = null;
            }
            sendReport(r, now);
        } else {
            pending = r;
            if (flush == null) {
                flush = timer.schedule(this::flushPending, lastReport + intervalNanos - now, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void flushPending() {
        synchronized (lock) {
            flush = null;
            if (pending == null || ended) {
                return;
            }
            long now = clock.getAsLong();
            long wait = lastReport + intervalNanos - now;
            if (wait > 0) {
                flush = timer.schedule(this::flushPending, wait, TimeUnit.NANOSECONDS);
                return;
            }
            WorkDoneProgressReport r = pending;
            pending = null;
            sendReport(r, now);
        }
    }

    private void sendReport(WorkDoneProgressReport r, long now) {
        emit(r);
        lastReport = now;
        reported = true;
    }

    /** Holding {@code lock}. */
    private void emit(WorkDoneProgressNotification n) {
        switch (channel) {
            case PENDING -> buffered.add(n);
            case OPEN -> outbox.send(c -> c.notifyProgress(new ProgressParams(token, Either.forLeft(n))));
            case CLOSED -> { }
        }
    }

    private void created(boolean accepted) {
        synchronized (lock) {
            channel = accepted ? Channel.OPEN : Channel.CLOSED;
            if (accepted) {
                buffered.forEach(this::emit);
            }
            buffered.clear();
        }
    }
}
