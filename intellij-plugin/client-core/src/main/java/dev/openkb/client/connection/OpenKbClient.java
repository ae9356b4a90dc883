package dev.openkb.client.connection;

import dev.openkb.client.diagnostics.DiagnosticsStore;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.diagnostics.QuickFixes;
import dev.openkb.client.progress.AddProgress;
import dev.openkb.client.protocol.OpenKbServerApi;
import dev.openkb.client.protocol.Requests;
import dev.openkb.client.protocol.Results;
import dev.openkb.client.protocol.Uris;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The IDE's handle on an OpenKB server: starts it on first use, sends the {@code openkb/*} requests, keeps the
 * published diagnostics, syncs open editor buffers, and restarts the server when it crashes, until the
 * {@link RestartPolicy} says it crashed too often. Every request fails with a {@link ServerUnavailableException}
 * (a message for the user) rather than hanging when the server is gone.
 *
 * <p>Threading: callable from any thread. The server's life is the {@link ServerSupervisor}'s (its own lock);
 * buffers are the {@link DocumentSync}'s; this class only composes them and holds no mutable state itself.
 */
public final class OpenKbClient implements AutoCloseable {
    public enum State { NOT_STARTED, STARTING, RUNNING, RESTARTING, FAILED, CLOSED }

    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> daemon(r, "openkb-client-"));
    private final ExecutorService documentSender = Executors.newSingleThreadExecutor(r -> daemon(r, "openkb-doc-sync-"));
    private final DiagnosticsStore diagnostics = new DiagnosticsStore();
    private final ProgressRouter progress = new ProgressRouter();
    private final ServerSupervisor supervisor;
    private final DocumentSync documents;

    public OpenKbClient(ClientConfig config, ClientEvents events) {
        LocalClient local = new LocalClient(diagnostics, progress, events, List.of(Handshake.folder(config.workspaceRoot())));
        // The two refer to each other: buffers go to the running server; a new server gets all open buffers.
        this.documents = new DocumentSync(documentSender, this::runningServer);
        this.supervisor = new ServerSupervisor(config, events, local, executor, documents::reopenAll);
    }

    public DiagnosticsStore diagnostics() {
        return diagnostics;
    }

    public State state() {
        return supervisor.state();
    }

    /** Starts the server if it is not running; completes when it is initialised. */
    public CompletableFuture<Void> start() {
        return supervisor.connection().thenApply(c -> null);
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
        supervisor.connection().thenAccept(c -> {
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

    /**
     * Asks the KB a question ({@code openkb/query}).
     *
     * @param kb      the KB root, or null for the workspace's KB
     * @param save    also write the answer to {@code wiki/explorations/<slug>.md}
     * @param onChunk each piece of the answer's text as it streams, in order, on an LSP4J thread
     */
    public QueryOperation ask(String question, Path kb, boolean save, Consumer<String> onChunk) {
        String token = "openkb-query-" + UUID.randomUUID();
        progress.registerAnswer(token, onChunk);
        Requests.QueryParams params = new Requests.QueryParams(question, kb == null ? null : Uris.toUri(kb),
                save ? Boolean.TRUE : null, token);
        AtomicReference<CompletableFuture<Results.QueryResult>> sent = new AtomicReference<>();
        CompletableFuture<Results.QueryResult> result = new CompletableFuture<>();
        QueryOperation op = new QueryOperation(result, () -> {
            CompletableFuture<Results.QueryResult> onWire = sent.get();
            if (onWire != null) {
                onWire.cancel(true); // LSP4J sends $/cancelRequest
            }
            result.cancel(false);
        });
        supervisor.connection().thenAccept(c -> {
            if (result.isDone()) { // cancelled before the request was on the wire
                return;
            }
            CompletableFuture<Results.QueryResult> onWire = c.call(api -> api.query(params));
            sent.set(onWire);
            onWire.whenComplete((r, e) -> complete(result, r, e));
            if (result.isCancelled()) { // cancel() came while the request was being sent
                onWire.cancel(true);
            }
        }).exceptionally(e -> {
            result.completeExceptionally(unwrap(e));
            return null;
        });
        result.whenComplete((r, e) -> progress.unregisterAnswer(token));
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

    /** Removes one document, named by one of its files or by its doc name. */
    public CompletableFuture<Results.RemoveResult> remove(Path file, String docName, boolean dryRun) {
        return remove(new Requests.RemoveParams(file == null ? null : Uris.toUri(file), docName, dryRun, null, null));
    }

    public CompletableFuture<Results.RemoveResult> remove(Requests.RemoveParams params) {
        return request(api -> api.remove(params));
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
        documents.sync(file, text);
    }

    /** The editor closed its last view of the file: the server goes back to the file on disk. */
    public void closeDocument(Path file) {
        documents.close(file);
    }

    public void documentSaved(Path file) {
        documents.saved(file);
    }

    /** Stops the current server (if any), forgets past crashes and starts a new one. */
    public CompletableFuture<Void> restart() {
        supervisor.reset();
        return start();
    }

    /** Shuts the server down (LSP shutdown/exit, killed after the timeout) and releases the threads. */
    @Override
    public void close() {
        supervisor.close();
        documentSender.shutdown();
        executor.shutdownNow();
    }

    /** The pid of the running server process, for diagnostics and tests; -1 when none runs. */
    public long serverPid() {
        ServerConnection c = runningServer();
        return c == null ? -1 : c.pid();
    }

    private ServerConnection runningServer() {
        return supervisor.running();
    }

    private <T> CompletableFuture<T> request(Function<OpenKbServerApi, CompletableFuture<T>> call) {
        return supervisor.connection().thenCompose(c -> c.call(call));
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
