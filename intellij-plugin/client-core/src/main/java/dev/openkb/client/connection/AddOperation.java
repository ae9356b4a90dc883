package dev.openkb.client.connection;

import dev.openkb.client.progress.AddProgress;
import dev.openkb.client.progress.ProgressLine;
import dev.openkb.client.protocol.Results.AddResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A running {@code openkb/add}. {@link #cancel()} asks the server to stop; the {@link #result()} still arrives
 * and lists which files were added before the stop and which were cancelled. Thread-safe.
 */
public final class AddOperation {
    private final CompletableFuture<AddResult> result;
    private final AddProgress progress;
    private final Runnable sendCancel;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    AddOperation(CompletableFuture<AddResult> result, AddProgress progress, Runnable sendCancel) {
        this.result = result;
        this.progress = progress;
        this.sendCancel = sendCancel;
    }

    /** The server's answer; fails with {@link ServerUnavailableException} if the server dies first. */
    public CompletableFuture<AddResult> result() {
        return result;
    }

    /** The latest progress line. */
    public ProgressLine progress() {
        return progress.current();
    }

    /** Sends {@code $/cancelRequest} once; later calls do nothing. */
    public void cancel() {
        if (!result.isDone() && cancelRequested.compareAndSet(false, true)) {
            sendCancel.run();
        }
    }

    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    /**
     * Waits for the result, asking {@code cancelled} every {@code poll}; the first time it answers true the add
     * is cancelled and the wait goes on, since the server still answers with what it did and what it cancelled.
     * This is the loop behind an IDE progress bar's cancel button.
     *
     * @throws ExecutionException when the request failed (its cause says why: a server error, a crash)
     */
    public AddResult await(BooleanSupplier cancelled, Duration poll) throws InterruptedException, ExecutionException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                cancel();
            }
            try {
                return result.get(poll.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: look at the cancel button again
            }
        }
    }
}
