package dev.openkb.client.connection;

import dev.openkb.client.protocol.Results.QueryResult;
import java.util.concurrent.CompletableFuture;

/**
 * A question in flight ({@code openkb/query}). Its text streams to the listener given to
 * {@link OpenKbClient#ask}; {@link #result()} completes with the whole answer and its sources. {@link #cancel()}
 * sends {@code $/cancelRequest} (LSP4J does, when its request future is cancelled) and the result then completes
 * exceptionally with a {@link java.util.concurrent.CancellationException}: a question, unlike an add, has nothing
 * half-done to report. Thread-safe.
 */
public final class QueryOperation {
    private final CompletableFuture<QueryResult> result;
    private final Runnable sendCancel;

    QueryOperation(CompletableFuture<QueryResult> result, Runnable sendCancel) {
        this.result = result;
        this.sendCancel = sendCancel;
    }

    /** The server's answer; fails with {@link ServerUnavailableException} if the server dies first. */
    public CompletableFuture<QueryResult> result() {
        return result;
    }

    /** Stops the answer; does nothing once it has arrived. */
    public void cancel() {
        if (!result.isDone()) {
            sendCancel.run();
        }
    }
}
