package dev.openkb.client.connection;

import dev.openkb.client.diagnostics.DiagnosticsStore;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.diagnostics.QuickFixes;
import dev.openkb.client.launch.ClientSetupException;
import dev.openkb.client.launch.LaunchCommand;
import dev.openkb.client.progress.AddProgress;
import dev.openkb.client.protocol.OpenKbServerApi;
import dev.openkb.client.protocol.Requests;
import dev.openkb.client.protocol.Results;
import dev.openkb.client.protocol.Uris;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * The IDE's handle on an OpenKB server: starts it on first use, sends the {@code openkb/*} requests, keeps the
 * published diagnostics, syncs open editor buffers, and restarts the server when it crashes, until the
 * {@link RestartPolicy} says it crashed too often. Every request fails with a {@link ServerUnavailableException}
 * (a message for the user) rather than hanging when the server is gone.
 *
 * <p>Threading: callable from any thread. {@code current}, {@code running}, {@code gaveUp}, {@code state} and
 * {@code closed} are guarded by {@code this}; starts run on {@code executor}; document notifications go out in
 * order on {@code documentSender}, so no caller ever blocks on the server's pipe.
 */
public final class OpenKbClient implements AutoCloseable {
    public enum State { NOT_STARTED, STARTING, RUNNING, RESTARTING, FAILED, CLOSED }

    private static final String LANGUAGE_ID = "markdown";

    private final ClientConfig config;
    private final ClientEvents events;
    private final DiagnosticsStore diagnostics = new DiagnosticsStore();
    private final ProgressRouter progress = new ProgressRouter();
    private final SyncedDocuments documents = new SyncedDocuments();
    private final LocalClient local;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> daemon(r, "openkb-client-"));
    private final ExecutorService documentSender = Executors.newSingleThreadExecutor(r -> daemon(r, "openkb-doc-sync-"));

    private CompletableFuture<ServerConnection> current;
    private ServerConnection running;
    private String gaveUp;
    private State state = State.NOT_STARTED;
    private boolean closed;

    public OpenKbClient(ClientConfig config, ClientEvents events) {
        this.config = config;
        this.events = events;
        this.local = new LocalClient(diagnostics, progress, events, List.of(Handshake.folder(config.workspaceRoot())));
    }

    public DiagnosticsStore diagnostics() {
        return diagnostics;
    }

    public synchronized State state() {
        return state;
    }

    /** Starts the server if it is not running; completes when it is initialised. */
    public CompletableFuture<Void> start() {
        return connection().thenApply(c -> null);
    }

    /**
     * Adds files and folders to the KB they are in (or {@code kb}).
     *
     * @param jobs     how many files the server prepares at once, or null for its default
     * @param listener per-file progress, on an LSP4J thread
     */
    public AddOperation add(List<Path> inputs, Path kb, Integer jobs, AddListener listener) {
        String token = "openkb-add-" + UUID.randomUUID();
        List<Path> normalized = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        AddProgress model = new AddProgress();
        progress.register(token, normalized, model, listener);
        Requests.AddParams params = new Requests.AddParams(normalized.stream().map(Uris::toUri).toList(),
                kb == null ? null : Uris.toUri(kb), jobs, token);

        AtomicReference<ServerConnection> used = new AtomicReference<>();
        CompletableFuture<Results.AddResult> result = new CompletableFuture<>();
        AddOperation op = new AddOperation(result, model, () -> {
            ServerConnection c = used.get();
            if (c != null) {
                c.cancelAdd(token);
            }
        });
        connection().thenAccept(c -> {
            used.set(c);
            c.call(api -> api.add(params)).whenComplete((r, e) -> complete(result, r, e));
            if (op.isCancelRequested()) { // cancel() came before the request was on the wire
                c.cancelAdd(token);
            }
        }).exceptionally(e -> {
            result.completeExceptionally(unwrap(e));
            return null;
        });
        result.whenComplete((r, e) -> {
            progress.unregister(token);
            ServerConnection c = used.get();
            if (c != null) {
                c.forgetAdd(token);
            }
        });
        return op;
    }

    /** @param inside any path in the KB, or null for the workspace's KB */
    public CompletableFuture<Results.RecoverResult> recover(Path inside) {
        return request(api -> api.recover(uriParams(inside)));
    }

    /** Lints the KB containing {@code inside} (the whole KB when it is the root or null); diagnostics follow. */
    public CompletableFuture<Results.LintResult> lint(Path inside) {
        return request(api -> api.lint(uriParams(inside)));
    }

    /** Removes one document, named by its raw file or by its doc name. */
    public CompletableFuture<Results.RemoveResult> remove(Path rawFile, String docName, boolean dryRun) {
        return request(api -> api.remove(new Requests.RemoveParams(rawFile == null ? null : Uris.toUri(rawFile), docName,
                dryRun)));
    }

    public CompletableFuture<Results.InitResult> init(Path folder) {
        return request(api -> api.init(uriParams(folder)));
    }

    public CompletableFuture<Results.StatusResult> status(Path inside) {
        return request(api -> api.status(uriParams(inside)));
    }

    public CompletableFuture<Results.DocumentsResult> documents(Path inside) {
        return request(api -> api.documents(uriParams(inside)));
    }

    /** The fixes the server offers for one diagnostic. */
    public CompletableFuture<List<QuickFix>> quickFixes(KbDiagnostic diagnostic) {
        return request(api -> api.getTextDocumentService().codeAction(QuickFixes.request(diagnostic)))
                .thenApply(QuickFixes::fromLsp);
    }

    /**
     * Tells the server an editor buffer's current text (didOpen the first time, then full-text didChange), so
     * lint sees unsaved edits. Does nothing when the text is what was last sent.
     */
    public void syncDocument(Path file, String text) {
        SyncedDocuments.Doc doc = documents.update(file.toAbsolutePath().normalize(), text);
        if (doc != null) {
            sendToRunning(api -> send(api, doc));
        }
    }

    /** The editor closed its last view of the file: the server goes back to the file on disk. */
    public void closeDocument(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (documents.close(p)) {
            sendToRunning(api -> api.getTextDocumentService().didClose(
                    new DidCloseTextDocumentParams(new TextDocumentIdentifier(Uris.toUri(p)))));
        }
    }

    public void documentSaved(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (documents.isOpen(p)) {
            sendToRunning(api -> api.getTextDocumentService().didSave(
                    new DidSaveTextDocumentParams(new TextDocumentIdentifier(Uris.toUri(p)))));
        }
    }

    /** Stops the current server (if any), forgets past crashes and starts a new one. */
    public CompletableFuture<Void> restart() {
        ServerConnection old;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ServerUnavailableException("The OpenKB client is closed."));
            }
            old = running;
            running = null;
            current = null;
            gaveUp = null;
            config.restartPolicy().reset();
        }
        if (old != null) {
            old.shutdown(config.shutdownTimeout());
        }
        return start();
    }

    /** Shuts the server down (LSP shutdown/exit, killed after the timeout) and releases the threads. */
    @Override
    public void close() {
        ServerConnection c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            state = State.CLOSED;
            c = running;
            running = null;
        }
        if (c != null) {
            c.shutdown(config.shutdownTimeout());
        }
        documentSender.shutdown();
        executor.shutdownNow();
    }

    /** The pid of the running server process, for diagnostics and tests; -1 when none runs. */
    public synchronized long serverPid() {
        return running == null ? -1 : running.pid();
    }

    private <T> CompletableFuture<T> request(Function<OpenKbServerApi, CompletableFuture<T>> call) {
        return connection().thenCompose(c -> c.call(call));
    }

    private synchronized CompletableFuture<ServerConnection> connection() {
        if (closed) {
            return CompletableFuture.failedFuture(new ServerUnavailableException("The OpenKB client is closed."));
        }
        if (gaveUp != null) {
            return CompletableFuture.failedFuture(new ServerUnavailableException(gaveUp));
        }
        if (current == null || current.isCompletedExceptionally()) {
            // Never started, or the last start failed (no Java, bad jar...): try again, settings may be fixed now.
            current = launch(false);
        }
        return current;
    }

    /**
     * Starts a server on the executor. Called with the lock held (it sets {@code state}); the start itself and
     * its outcome run without it.
     */
    private CompletableFuture<ServerConnection> launch(boolean restart) {
        state = restart ? State.RESTARTING : State.STARTING;
        return CompletableFuture.supplyAsync(() -> {
            LaunchCommand command;
            try {
                command = config.launch().resolve();
            } catch (ClientSetupException e) {
                throw new CompletionException(new ServerUnavailableException(e.getMessage(), e));
            }
            ServerConnection c;
            try {
                c = ServerConnection.start(command, local, executor, events::log);
            } catch (IOException e) {
                throw new CompletionException(new ServerUnavailableException("Cannot start the OpenKB server ("
                        + String.join(" ", command.argv()) + "): " + e.getMessage(), e));
            }
            c.exited().thenAccept(report -> onExit(c, report));
            try {
                c.initialize(config).join();
            } catch (CompletionException e) {
                ServerUnavailableException failure = startFailure(c, unwrap(e), config);
                c.kill(); // a server that did not answer initialize must not linger
                throw new CompletionException(failure);
            }
            return c;
        }, executor).whenComplete((c, e) -> {
            if (e != null) {
                synchronized (this) {
                    if (!closed && gaveUp == null) {
                        state = State.FAILED;
                    }
                }
                events.serverFailedToStart(unwrap(e).getMessage());
            } else {
                started(c, restart);
            }
        });
    }

    /**
     * Why a start failed, for the user. A process that died at once (a jar that is not the server, a JVM that
     * refuses its options) often fails the initialize write ("Stream closed") before its exit is noticed: its
     * exit report, with the last stderr lines, says far more, so it is awaited briefly and preferred.
     */
    private static ServerUnavailableException startFailure(ServerConnection c, Throwable cause, ClientConfig config) {
        if (cause instanceof ServerUnavailableException s) {
            return s;
        }
        if (cause instanceof TimeoutException) {
            return new ServerUnavailableException("The OpenKB server did not answer initialize within "
                    + config.startTimeout().toSeconds() + " seconds, so it was stopped.", cause);
        }
        String report = c.exited().copy().completeOnTimeout(null, 3, TimeUnit.SECONDS).join();
        if (report != null) {
            return new ServerUnavailableException(report, cause);
        }
        return new ServerUnavailableException("The OpenKB server did not start: " + cause, cause);
    }

    private void started(ServerConnection c, boolean restart) {
        boolean diedEarly;
        boolean closedMeanwhile;
        synchronized (this) {
            closedMeanwhile = closed;
            // Died between its initialize answer and now? onExit ignored it (it was not running yet).
            diedEarly = c.exited().isDone();
            if (closedMeanwhile) {
                diedEarly = false;
            } else if (diedEarly) {
                current = null;
                state = State.FAILED;
            } else {
                running = c;
                state = State.RUNNING;
            }
        }
        if (closedMeanwhile) { // close() ran while this server was starting: it must not outlive the client
            c.shutdown(config.shutdownTimeout());
            return;
        }
        if (diedEarly) {
            events.serverFailedToStart(c.exited().join());
            return;
        }
        for (SyncedDocuments.Doc doc : documents.all().values()) {
            SyncedDocuments.Doc reopened = new SyncedDocuments.Doc(doc.file(), doc.version(), doc.text(), true);
            sendTo(c, api -> send(api, reopened));
        }
        events.serverStarted(restart);
    }

    private void onExit(ServerConnection c, String report) {
        String message;
        boolean restarting;
        synchronized (this) {
            if (closed || c.isClosing()) {
                return;
            }
            if (running != c) {
                return; // died while starting: launch() or started() reports the failed start
            }
            running = null;
            RestartPolicy policy = config.restartPolicy();
            if (!policy.crashed()) {
                gaveUp = report + "\nIt stopped " + policy.recentCrashes() + " times within " + policy.window().toMinutes()
                        + " minutes, so it is not restarted again. Fix the cause, then use Tools | OpenKB | Restart Server.";
                current = CompletableFuture.failedFuture(new ServerUnavailableException(gaveUp));
                state = State.FAILED;
                message = gaveUp;
                restarting = false;
            } else {
                current = launch(true);
                message = report + "\nRestarting it.";
                restarting = true;
            }
        }
        events.serverCrashed(message, restarting);
    }

    private void sendToRunning(java.util.function.Consumer<OpenKbServerApi> notification) {
        documentSender.execute(() -> {
            ServerConnection c;
            synchronized (this) {
                c = running;
            }
            if (c != null) {
                c.notify(notification);
            }
        });
    }

    private void sendTo(ServerConnection c, java.util.function.Consumer<OpenKbServerApi> notification) {
        documentSender.execute(() -> c.notify(notification));
    }

    private static void send(OpenKbServerApi api, SyncedDocuments.Doc doc) {
        String uri = Uris.toUri(doc.file());
        if (doc.opened()) {
            api.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, LANGUAGE_ID, doc.version(), doc.text())));
        } else {
            api.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, doc.version()),
                    List.of(new TextDocumentContentChangeEvent(doc.text()))));
        }
    }

    private static Requests.UriParams uriParams(Path p) {
        return new Requests.UriParams(p == null ? null : Uris.toUri(p));
    }

    private static <T> void complete(CompletableFuture<T> target, T value, Throwable error) {
        if (error != null) {
            target.completeExceptionally(unwrap(error));
        } else {
            target.complete(value);
        }
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
