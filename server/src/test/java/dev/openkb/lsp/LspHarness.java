package dev.openkb.lsp;

import com.google.gson.JsonObject;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * A real server and an LSP4J client connected in-process through two {@link Pipe}s (every message
 * is really serialised), for tests. The server runs in {@link LspLauncher#serve} on its own thread,
 * so its exit code is observable.
 */
final class LspHarness implements AutoCloseable {
    final RecordingClient client = new RecordingClient();
    final ServerApi server;
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final OutputStream toServer;
    private final Launcher<ServerApi> launcher;
    private final java.util.Map<String, String> lastIdByMethod = new java.util.concurrent.ConcurrentHashMap<>();

    private LspHarness(ServerOptions options, FileOps ops) throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        OutputStream serverOut = Channels.newOutputStream(down.sink());
        this.toServer = Channels.newOutputStream(up.sink());
        OpenKbServer impl = new OpenKbServer(options, ops);
        Thread t = new Thread(() -> {
            try {
                exitCode.complete(LspLauncher.serve(serverIn, serverOut, impl));
            } catch (Throwable e) {
                exitCode.completeExceptionally(e);
            }
        }, "test-server");
        t.setDaemon(true);
        t.start();
        this.launcher = new Launcher.Builder<ServerApi>()
                .setLocalService(client)
                .setRemoteInterface(ServerApi.class)
                .setInput(Channels.newInputStream(down.source()))
                .setOutput(toServer)
                .validateMessages(true)
                .wrapMessages(consumer -> message -> {
                    if (message instanceof org.eclipse.lsp4j.jsonrpc.messages.RequestMessage r) {
                        lastIdByMethod.put(r.getMethod(), r.getId());
                    }
                    consumer.consume(message);
                })
                .create();
        launcher.startListening();
        this.server = launcher.getRemoteProxy();
    }

    /** Fast timings (no debounce, no report throttling) unless a test asks otherwise. */
    static ServerOptions fast() {
        return ServerOptions.defaults().withDiagnosticsDelay(Duration.ZERO).withProgressInterval(Duration.ZERO);
    }

    static LspHarness start(ServerOptions options) throws IOException {
        return new LspHarness(options, new RealFileOps());
    }

    static LspHarness start(ServerOptions options, FileOps ops) throws IOException {
        return new LspHarness(options, ops);
    }

    /** Initializes with {@code folders} as workspace folders; {@code workDoneProgress} as the client declares. */
    InitializeResult initialize(boolean workDoneProgress, Path... folders) {
        return initialize(workDoneProgress, null, folders);
    }

    /** {@link #initialize(boolean, Path...)} with {@code initializationOptions} (null: none). */
    InitializeResult initialize(boolean workDoneProgress, Object initializationOptions, Path... folders) {
        InitializeParams p = new InitializeParams();
        p.setInitializationOptions(initializationOptions);
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setWorkspaceFolders(List.of(folders).stream()
                .map(f -> new WorkspaceFolder(Uris.toUri(f), f.getFileName().toString())).toList());
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(workDoneProgress);
        caps.setWindow(window);
        p.setCapabilities(caps);
        InitializeResult r = get(server.initialize(p));
        server.initialized(new InitializedParams());
        return r;
    }

    void open(Path file) throws IOException {
        open(file, Files.readString(file, StandardCharsets.UTF_8), 1);
    }

    void open(Path file, String text, int version) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(Uris.toUri(file), "markdown", version, text)));
    }

    /** Replaces the whole buffer. */
    void change(Path file, String text, int version) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(Uris.toUri(file), version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** Replaces one span of the buffer. */
    void edit(Path file, int version, int line, int from, int to, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(Uris.toUri(file), version),
                List.of(new TextDocumentContentChangeEvent(
                        new Range(new Position(line, from), new Position(line, to)), text))));
    }

    static JsonObject params(String key, Object value) {
        JsonObject o = new JsonObject();
        add(o, key, value);
        return o;
    }

    static JsonObject uris(Path... files) {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        for (Path f : files) {
            a.add(Uris.toUri(f));
        }
        o.add("uris", a);
        return o;
    }

    static void add(JsonObject o, String key, Object value) {
        if (value instanceof Number n) {
            o.addProperty(key, n);
        } else if (value instanceof Boolean b) {
            o.addProperty(key, b);
        } else {
            o.addProperty(key, String.valueOf(value));
        }
    }

    static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Sends {@code $/cancelRequest} for the last request of {@code method} without cancelling the
     * client's future, so the test still receives the server's answer.
     */
    void cancelRequest(String method) {
        String id = lastIdByMethod.get(method);
        org.eclipse.lsp4j.jsonrpc.messages.CancelParams cancel = new org.eclipse.lsp4j.jsonrpc.messages.CancelParams();
        cancel.setId(id);
        launcher.getRemoteEndpoint().notify("$/cancelRequest", cancel);
    }

    /**
     * A request the server answers at once; when its answer arrives, every message sent before it
     * has been handled (the server reads messages in order).
     */
    void roundTrip() {
        get(server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier("untitled:x"), new Position(0, 0))));
    }

    /** Sends a request by name with raw params (to test what typed proxies cannot send). */
    CompletableFuture<Object> raw(String method, Object params) {
        return launcher.getRemoteEndpoint().request(method, params);
    }

    /** Shutdown then exit; returns the server's exit code. */
    int shutdownAndExit() {
        get(server.shutdown());
        server.exit();
        return get(exitCode);
    }

    @Override
    public void close() throws IOException {
        if (!exitCode.isDone()) {
            server.exit();
            try {
                exitCode.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The test already failed or the server is stuck; closing the pipe ends it.
            }
        }
        toServer.close();
    }
}
