package dev.openkb.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Everything the server sends to the client on its own initiative (diagnostics, progress, file
 * progress, log messages, server-to-client requests) goes out through here, in submission order,
 * on one thread. Engine and index threads therefore never block on a slow client, and messages
 * queued in order (a file's stages, a progress begin before its reports) arrive in that order.
 *
 * <p>Threading: {@link #send} from any thread; sending happens on the outbox thread. {@code client}
 * is set once at connect (volatile).
 */
final class Outbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openkb-lsp-outbox");
        t.setDaemon(true);
        return t;
    });
    private volatile OpenKbClient client;
    /** Whether the client declared {@code workspace.codeLens.refreshSupport} (set once at initialize). */
    private volatile boolean lensRefresh;

    void connect(OpenKbClient c) {
        this.client = c;
    }

    void lensRefreshSupported(boolean supported) {
        this.lensRefresh = supported;
    }

    /**
     * Asks the client to re-request its code lenses ({@code workspace/codeLens/refresh}), when it
     * can: the "N backlinks" lens counts links on other pages, so the KB's first load and every change
     * from disk (a commit, another program) can change lenses of pages the client already showed —
     * and a lens asked for before the KB was loaded would otherwise stay missing until an edit.
     */
    void refreshCodeLenses() {
        if (lensRefresh) {
            request(c -> c.refreshCodeLenses());
        }
    }

    /** Queues a notification; dropped (logged) when no client is connected or the outbox is closed. */
    void send(Consumer<OpenKbClient> message) {
        try {
            thread.execute(() -> {
                OpenKbClient c = client;
                if (c == null) {
                    return;
                }
                try {
                    message.accept(c);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot send a message to the client", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("outbox closed; message dropped");
        }
    }

    /** Queues a server-to-client request; the future is the client's answer (never waited on here). */
    <T> CompletableFuture<T> request(Function<OpenKbClient, CompletableFuture<T>> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        send(c -> call.apply(c).whenComplete((v, e) -> {
            if (e != null) {
                answer.completeExceptionally(e);
            } else {
                answer.complete(v);
            }
        }));
        return answer;
    }

    /**
     * A message for the user's log: sent once, as window/logMessage (which keeps its level and reaches
     * every client, on stdio or a socket). Not also written to stderr: VS Code shows the server's stderr
     * in the same output channel, so every line appeared twice. Stderr keeps the server's own
     * diagnostics (java.util.logging), and a message that cannot be sent is dropped like any other.
     */
    void log(MessageType type, String message) {
        send(c -> c.logMessage(new MessageParams(type, message)));
    }

    /** Completes once everything queued before this call has been handed to the connection. */
    CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> done.complete(null));
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        return done;
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
