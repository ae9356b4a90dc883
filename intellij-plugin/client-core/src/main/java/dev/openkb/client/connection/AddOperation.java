package dev.openkb.client.connection;

import dev.openkb.client.progress.AddProgress;
import dev.openkb.client.progress.ProgressLine;
import dev.openkb.client.protocol.Results.AddResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

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
}
