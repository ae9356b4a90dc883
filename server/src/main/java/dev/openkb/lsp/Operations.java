package dev.openkb.lsp;

import dev.openkb.engine.CancelToken;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The long requests in flight (add, remove, recover, init, lint): each runs on the operations pool
 * with its own {@link CancelToken}, so the protocol keeps answering while it works. Cancelling a
 * request ({@code $/cancelRequest}, {@code window/workDoneProgress/cancel} on its token, shutdown)
 * only cancels the token: the engine stops at its next safe point and the request still answers
 * with its result, which lists what was cancelled, rather than an error.
 *
 * <p>Threading: thread-safe. {@code running} and {@code byProgressToken} are concurrent maps;
 * {@code closed} is volatile and set once by shutdown.
 */
final class Operations implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Operations.class.getName());

    /** An operation that may be cancelled: cancelling the request future cancels the token instead. */
    static final class Request<T> extends CompletableFuture<T> {
        private final CancelToken token;

        Request(CancelToken token) {
            this.token = token;
        }

        /** LSP4J calls this for {@code $/cancelRequest}; the request still completes with its result. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            token.cancel();
            return false;
        }

        CancelToken token() {
            return token;
        }
    }

    /** The work of one operation: runs on a pool thread with the operation's token. */
    @FunctionalInterface
    interface Work<T> {
        T run(CancelToken cancel) throws Exception;
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openkb-op-" + ids.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Set<Request<?>> running = ConcurrentHashMap.newKeySet();
    private final Map<Either<String, Integer>, CancelToken> byProgressToken = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Starts {@code work}; {@code progressToken} (may be null) lets window/workDoneProgress/cancel reach it. */
    <T> Request<T> start(Either<String, Integer> progressToken, Work<T> work) {
        if (closed) {
            throw Errors.invalidRequest("the server is shutting down; no new operations are accepted");
        }
        CancelToken token = new CancelToken();
        Request<T> request = new Request<>(token);
        running.add(request);
        if (progressToken != null) {
            byProgressToken.put(progressToken, token);
        }
        try {
            pool.execute(() -> {
                try {
                    request.complete(work.run(token));
                } catch (Throwable e) {
                    request.completeExceptionally(Errors.toResponse(e));
                } finally {
                    running.remove(request);
                    if (progressToken != null) {
                        byProgressToken.remove(progressToken, token);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(request);
            throw Errors.invalidRequest("the server is shutting down; no new operations are accepted");
        }
        return request;
    }

    /** Registers a server-created progress token for an operation already started. */
    void bindProgressToken(Either<String, Integer> progressToken, CancelToken token) {
        byProgressToken.put(progressToken, token);
    }

    void unbindProgressToken(Either<String, Integer> progressToken) {
        byProgressToken.remove(progressToken);
    }

    /** {@code window/workDoneProgress/cancel}: cancels the operation reporting on that token, if any. */
    void cancelProgress(Either<String, Integer> progressToken) {
        CancelToken t = byProgressToken.get(progressToken);
        if (t != null) {
            t.cancel();
        }
    }

    int runningCount() {
        return running.size();
    }

    /** Refuses new operations and cancels the running ones (they end at their next safe point). */
    void cancelAll() {
        closed = true;
        running.forEach(r -> r.token().cancel());
    }

    /**
     * Waits up to {@code grace} for the running operations to end (the engine ends each cleanly:
     * in-flight commit finished or rolled back, staging removed). Returns true when all ended.
     */
    boolean awaitAll(Duration grace) {
        Set<Request<?>> now = Set.copyOf(running);
        try {
            CompletableFuture.allOf(now.stream().map(r -> r.handle((v, e) -> null)).toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            LOG.warning("operations still running after " + grace + ": " + running.size());
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        pool.shutdown();
    }
}
