package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.KbException;
import dev.openkb.io.FileOps;
import dev.openkb.journal.RecoveryReport;
import dev.openkb.service.CompilerFactory;
import dev.openkb.service.OpenKb;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The OpenKB language server: lifecycle (initialize with recovery of every KB found, shutdown that
 * cancels running operations and waits for them to end cleanly, exit, parent-process watch) and the
 * {@code openkb/*} requests; editor features live in {@link TextDocuments}, workspace events in
 * {@link WorkspaceEvents}. One instance serves one client connection and owns one {@link OpenKb}.
 *
 * <p>Threading: LSP4J calls in on its reader thread; every handler returns at once and does its work
 * on the operations pool, the request pool, a KB's index thread or the outbox. {@code options},
 * {@code clientProgress} and the other client capabilities are written once by initialize (volatile); {@code exited} completes once.
 *
 * <p>Workspace trust ({@code initializationOptions.workspaceTrusted: false}, VS Code's Restricted Mode):
 * {@code initialize} recovers no KB (recovery writes to the KB; an explicit openkb/recover or openkb/add
 * still does, as the user asked for it), and every compiler is offline-only, so a KB configured for an
 * LLM is refused with ENDPOINT_NOT_APPROVED instead of sending anything. {@code workspaceTrusted} is
 * written once by initialize, before any request can compile (volatile).
 */
public final class OpenKbServer implements LanguageServer, OpenKbProtocol, LanguageClientAware {
    private static final Logger LOG = Logger.getLogger(OpenKbServer.class.getName());

    private final OpenKb engine;
    private final Outbox outbox = new Outbox();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("openkb-lsp-timer"));
    private final ExecutorService requests = Executors.newFixedThreadPool(2, daemon("openkb-lsp-request"));
    private final OpenDocuments docs = new OpenDocuments();
    private final Operations operations = new Operations();
    private final Workspace workspace;
    private final TextDocuments textDocuments;
    private final WorkspaceEvents workspaceEvents;
    private final KbRequests kbRequests;
    private final AddRequest addRequest;
    private final RawWatches watches;
    private final QueryRequest queryRequest;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final AtomicBoolean terminating = new AtomicBoolean();
    private volatile ServerOptions options;
    private volatile boolean clientProgress;
    private volatile boolean clientWatchesFiles;
    private volatile boolean clientRenamesFiles;
    private volatile boolean shutdownRequested;
    private volatile boolean workspaceTrusted = true;

    public OpenKbServer(ServerOptions options, FileOps ops) {
        this.options = options;
        CompilerFactory trusted = CompilerFactory.standard();
        CompilerFactory restricted = CompilerFactory.offlineOnly();
        // The choice is made per compile, so it follows initialize's workspaceTrusted.
        this.engine = new OpenKb(ops, warning -> outbox.log(MessageType.Warning, "OpenKB: " + warning),
                Clock.systemDefaultZone(), (config, layout) -> (workspaceTrusted ? trusted : restricted).create(config, layout));
        this.workspace = new Workspace(engine, docs, outbox, options.searchDepth());
        Debouncer debouncer = new Debouncer(timer);
        ServerContext ctx = new ServerContext(workspace, docs, outbox, operations, timer, debouncer,
                () -> this.options, () -> clientProgress);
        this.kbRequests = new KbRequests(ctx);
        this.addRequest = new AddRequest(ctx);
        this.watches = new RawWatches(ctx);
        this.queryRequest = new QueryRequest(ctx);
        this.textDocuments = new TextDocuments(workspace, docs, debouncer, () -> this.options, requests,
                () -> clientRenamesFiles);
        this.workspaceEvents = new WorkspaceEvents(ctx, addRequest, kbRequests, requests, queryRequest);
    }

    @Override
    public void connect(LanguageClient client) {
        outbox.connect((OpenKbClient) client);
    }

    /** Completes with the process exit code once the server has stopped (exit, lost connection or parent). */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        options = options.with(params.getInitializationOptions());
        workspaceTrusted = workspaceTrusted(params.getInitializationOptions());
        var caps = params.getCapabilities();
        clientProgress = caps != null && caps.getWindow() != null
                && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());
        clientWatchesFiles = caps != null && caps.getWorkspace() != null
                && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        outbox.lensRefreshSupported(caps != null && caps.getWorkspace() != null && caps.getWorkspace().getCodeLens() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getCodeLens().getRefreshSupport()));
        var edits = caps != null && caps.getWorkspace() != null ? caps.getWorkspace().getWorkspaceEdit() : null;
        // resourceOperations alone: Neovim 0.7 applies documentChanges and file renames but does not
        // declare workspaceEdit.documentChanges.
        clientRenamesFiles = edits != null && edits.getResourceOperations() != null
                && edits.getResourceOperations().contains("rename");
        if (params.getProcessId() != null) {
            watchClientProcess(params.getProcessId());
        }
        List<Path> folders = folders(params);
        boolean watch = RawWatches.enabled(params.getInitializationOptions());
        var watchSettings = RawWatches.settings(params.getInitializationOptions());
        return CompletableFuture.supplyAsync(() -> {
            for (KbSession s : workspace.setFolders(folders)) {
                if (workspaceTrusted) {
                    recover(s);
                } else {
                    outbox.log(MessageType.Info, "OpenKB: " + s.root() + ": workspace not trusted, so no automatic"
                            + " recovery and no LLM calls (openkb.recover recovers on request)");
                }
                s.reload();
                if (watch) {
                    watches.start(s, watchSettings);
                }
            }
            if (workspace.sessions().isEmpty()) {
                outbox.log(MessageType.Info, "OpenKB: no knowledge base in " + folders + " (openkb.init creates one)");
            }
            return new InitializeResult(Capabilities.server(), Capabilities.info());
        }, requests);
    }

    @Override
    public void initialized(InitializedParams params) {
        if (clientWatchesFiles) {
            outbox.request(c -> c.registerCapability(Capabilities.fileWatchers()));
        }
    }

    /** {@code initializationOptions.workspaceTrusted}; anything but an explicit {@code false} means trusted. */
    static boolean workspaceTrusted(Object initializationOptions) {
        if (!(initializationOptions instanceof JsonObject o)) {
            return true;
        }
        JsonElement e = o.get("workspaceTrusted");
        return e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean() || e.getAsBoolean();
    }

    /** The first exclusive lock runs recovery; its events were logged by the engine's warning hook. */
    private void recover(KbSession s) {
        outbox.log(MessageType.Info, "OpenKB: recovering " + s.root());
        try {
            RecoveryReport r = s.service().recover(CancelToken.none(), options.recoveryLockTimeout());
            MessageType level = r.errors().isEmpty() && r.gaveUp().isEmpty() && r.quarantined().isEmpty() ? MessageType.Info : MessageType.Warning;
            outbox.log(level, "OpenKB: " + s.root() + ": " + describe(r));
            String news = newsOf(r);
            if (!news.isEmpty()) {
                // Rolling back someone's interrupted work, or setting a journal aside, happened without
                // the user asking: say so where they look, not only in the log.
                outbox.send(c -> c.showMessage(new MessageParams(level, "OpenKB recovered " + s.root().getFileName() + ": " + news)));
            }
        } catch (KbException e) {
            outbox.log(MessageType.Warning, "OpenKB: " + s.root() + ": recovery postponed to the next change ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * What an automatic recovery did that the user should hear about: each interrupted operation rolled
     * back (with the file it was adding, where the journal says) and each journal set aside; empty when
     * it only cleaned finished journals or staging.
     */
    static String newsOf(RecoveryReport r) {
        List<String> parts = new java.util.ArrayList<>();
        for (RecoveryReport.RolledBack b : r.rolledBack()) {
            Object name = b.details().get("name");
            parts.add("rolled back an interrupted " + b.operation() + (name == null ? "" : " (" + name + ")"));
        }
        if (!r.quarantined().isEmpty()) {
            parts.add(r.quarantined().size() + " unsafe or unreadable journal(s) set aside in .openkb/journal/quarantine");
        }
        return String.join("; ", parts);
    }

    static String describe(RecoveryReport r) {
        if (r.nothingToDo()) {
            return "nothing to recover";
        }
        return "recovered: " + r.rolledBack().size() + " interrupted operation(s) rolled back, " + r.discarded()
                + " finished journal(s) cleaned, " + r.stagingReclaimed() + " staging folder(s) reclaimed"
                + (r.gaveUp().isEmpty() ? "" : ", " + r.gaveUp().size() + " given up")
                + (r.quarantined().isEmpty() ? "" : ", " + r.quarantined().size() + " unsafe or unreadable journal(s) set aside in"
                        + " .openkb/journal/quarantine, first: " + r.quarantined().get(0).name() + ": " + r.quarantined().get(0).reason())
                + (r.errors().isEmpty() ? "" : ", " + r.errors().size() + " error(s)");
    }

    private static List<Path> folders(InitializeParams params) {
        List<Path> out = new ArrayList<>();
        List<WorkspaceFolder> wf = params.getWorkspaceFolders();
        if (wf != null && !wf.isEmpty()) {
            wf.forEach(f -> Uris.toPath(f.getUri()).ifPresent(out::add));
        } else if (params.getRootUri() != null) {
            Uris.toPath(params.getRootUri()).ifPresent(out::add);
        } else {
            @SuppressWarnings("deprecation")
            String rootPath = params.getRootPath();
            if (rootPath != null) {
                out.add(Path.of(rootPath).toAbsolutePath().normalize());
            }
        }
        return out;
    }

    /**
     * Stops when the editor that started us dies without saying goodbye (a pid we cannot see is
     * ignored). Called for {@code initialize}'s processId and for {@code --clientProcessId}; watching
     * the same process twice stops once.
     */
    public void watchClientProcess(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return; // served in-process (tests, benchmarks): our "parent" is ourselves
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            LOG.warning("parent process " + pid + " is not visible; not watching it");
            return;
        }
        parent.get().onExit().thenRun(() -> {
            LOG.warning("parent process " + pid + " exited; stopping");
            terminate(1);
        });
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        operations.cancelAll();
        // Waits on its own thread: the request pool keeps answering hover and friends meanwhile.
        return CompletableFuture.supplyAsync(() -> {
            watches.stop(options.shutdownGrace());
            operations.awaitAll(options.shutdownGrace());
            outbox.flushed().join();
            return null;
        }, r -> new Thread(r, "openkb-lsp-shutdown").start());
    }

    @Override
    public void exit() {
        terminate(shutdownRequested ? 0 : 1);
    }

    /** The input stream ended: the client is gone. */
    public void connectionClosed() {
        terminate(shutdownRequested ? 0 : 1);
    }

    /**
     * Cancels running operations and waits (bounded) for them to end cleanly, then releases every
     * KB and completes {@link #exited()}. Runs once, on its own thread, so the reader thread is free.
     */
    private void terminate(int code) {
        if (!terminating.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                operations.cancelAll();
                watches.stop(options.shutdownGrace());
                operations.awaitAll(options.shutdownGrace());
                outbox.flushed().join();
                workspace.close();
                engine.close();
                operations.close();
                outbox.close();
                requests.shutdown();
                timer.shutdownNow();
            } finally {
                exited.complete(code);
            }
        }, "openkb-lsp-exit");
        t.setDaemon(false);
        t.start();
    }

    @Override
    public void cancelProgress(WorkDoneProgressCancelParams params) {
        operations.cancelProgress(params.getToken());
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceEvents;
    }

    @Override
    public CompletableFuture<Protocol.AddResult> add(JsonElement params) {
        return Errors.guard(() -> addRequest.add(params, null));
    }

    @Override
    public CompletableFuture<Protocol.RecoverResult> recover(JsonElement params) {
        return Errors.guard(() -> kbRequests.recover(params));
    }

    @Override
    public CompletableFuture<JsonObject> lint(JsonElement params) {
        return Errors.guard(() -> kbRequests.lint(params));
    }

    @Override
    public CompletableFuture<Protocol.RemoveResult> remove(JsonElement params) {
        return Errors.guard(() -> kbRequests.remove(params));
    }

    @Override
    public CompletableFuture<Protocol.InitResult> init(JsonElement params) {
        return Errors.guard(() -> kbRequests.init(params));
    }

    @Override
    public CompletableFuture<Protocol.StatusResult> status(JsonElement params) {
        return Errors.guard(() -> kbRequests.status(params));
    }

    @Override
    public CompletableFuture<Protocol.DocumentsResult> documents(JsonElement params) {
        return Errors.guard(() -> kbRequests.documents(params));
    }

    @Override
    public CompletableFuture<Protocol.RenameResult> renamePage(JsonElement params) {
        return Errors.guard(() -> kbRequests.renamePage(params));
    }

    @Override
    public CompletableFuture<Protocol.RecompileResult> recompile(JsonElement params) {
        return Errors.guard(() -> kbRequests.recompile(params));
    }

    @Override
    public CompletableFuture<Protocol.FixLinksResult> fixLinks(JsonElement params) {
        return Errors.guard(() -> kbRequests.fixLinks(params));
    }

    @Override
    public CompletableFuture<JsonObject> query(JsonElement params) {
        return Errors.guard(() -> queryRequest.query(params));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
