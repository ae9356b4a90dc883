package dev.openkb.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.lsp.LspLauncher;
import dev.openkb.lsp.OpenKbClient;
import dev.openkb.lsp.OpenKbProtocol;
import dev.openkb.lsp.OpenKbServer;
import dev.openkb.lsp.Protocol;
import dev.openkb.lsp.ServerOptions;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server on a generated 10,000-page KB ({@link WikiGenerator}), driven in-process over
 * pipes by an LSP4J client, every message really serialised:
 * <ul>
 * <li>initial load: initialize, then the first feature request answered (index build, full lint,
 *     diagnostics queued for every file with findings);</li>
 * <li>diagnostics latency: {@code didChange} of one open page (alternately adding and removing a
 *     broken link) to the {@code publishDiagnostics} of that version, with the debounce set to 0 so
 *     the figure is the server's own work (editors add the 150 ms quiet period on top);</li>
 * <li>add: {@code openkb/add} of three small files to its first {@code $/progress} (begin) and first
 *     {@code openkb/fileProgress}, and to its result.</li>
 * </ul>
 * Target: diagnostics median under 20 ms. Args: {@code [pages] [edits]} (default 10000 300).
 * Single-threaded main; the server runs on its own threads.
 */
public final class LspBench {
    /** The server as the bench calls it. */
    public interface Api extends LanguageServer, OpenKbProtocol {
    }

    /** Records arrival times; the main thread waits on its monitor. */
    static final class Client implements OpenKbClient {
        private final List<PublishDiagnosticsParams> diagnostics = new ArrayList<>();
        private final List<Long> diagnosticsAt = new ArrayList<>();
        private final List<ProgressParams> progress = new ArrayList<>();
        private final List<Long> progressAt = new ArrayList<>();
        private final List<Long> fileProgressAt = new ArrayList<>();

        @Override
        public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.add(p);
            diagnosticsAt.add(System.nanoTime());
            notifyAll();
        }

        @Override
        public synchronized void notifyProgress(ProgressParams p) {
            progress.add(p);
            progressAt.add(System.nanoTime());
            notifyAll();
        }

        @Override
        public synchronized void fileProgress(Protocol.FileProgress p) {
            fileProgressAt.add(System.nanoTime());
            notifyAll();
        }

        /** Waits for the diagnostics of {@code uri} at {@code version}; returns when they arrived. */
        synchronized long awaitDiagnostics(String uri, int version) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int seen = 0;
            while (true) {
                for (int i = seen; i < diagnostics.size(); i++) {
                    PublishDiagnosticsParams d = diagnostics.get(i);
                    if (d.getUri().equals(uri) && d.getVersion() != null && d.getVersion() == version) {
                        return diagnosticsAt.get(i);
                    }
                }
                seen = diagnostics.size();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no diagnostics for " + uri + " v" + version);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        /** Arrival of the first progress message on {@code token} and of the first file progress after {@code since}. */
        synchronized long[] awaitFirstProgress(String token, int fileProgressBefore) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                long p = -1;
                for (int i = 0; i < progress.size(); i++) {
                    if (token.equals(progress.get(i).getToken().getLeft())) {
                        p = progressAt.get(i);
                        break;
                    }
                }
                if (p >= 0 && fileProgressAt.size() > fileProgressBefore) {
                    return new long[] {p, fileProgressAt.get(fileProgressBefore)};
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no progress on " + token);
                }
                wait(100);
            }
        }

        synchronized int fileProgressCount() {
            return fileProgressAt.size();
        }

        synchronized int diagnosticsCount() {
            return diagnostics.size();
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return new CompletableFuture<>();
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }

    private LspBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        System.out.printf("LspBench: %d pages, %d edits, %d cores, Java %s, max heap %d MB%n", pages, edits,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        Path root = Files.createTempDirectory("lspbench-");
        try {
            run(root, pages, edits);
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(Path root, int pages, int edits) throws Exception {
        Path kbRoot = root.resolve("kb");
        KbLayout layout = new KbLayout(kbRoot);
        List<String> keys = WikiGenerator.generate(layout, pages, new Random(pages));
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        OpenKbServer server = new OpenKbServer(ServerOptions.defaults().withDiagnosticsDelay(Duration.ZERO),
                new RealFileOps());
        Thread serving = new Thread(() -> LspLauncher.serve(Channels.newInputStream(up.source()),
                Channels.newOutputStream(down.sink()), server), "bench-server");
        serving.setDaemon(true);
        serving.start();
        Client client = new Client();
        Launcher<Api> launcher = new Launcher.Builder<Api>().setLocalService(client).setRemoteInterface(Api.class)
                .setInput(Channels.newInputStream(down.source())).setOutput(Channels.newOutputStream(up.sink())).create();
        launcher.startListening();
        Api api = launcher.getRemoteProxy();

        long t0 = System.nanoTime();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(uri(root), "bench")));
        init.setCapabilities(new ClientCapabilities());
        api.initialize(init).get(120, TimeUnit.SECONDS);
        long t1 = System.nanoTime();
        String key = keys.get(keys.size() / 2);
        Path page = layout.wikiDir().resolve(key + ".md");
        String pageUri = uri(page);
        api.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(pageUri), new Position(0, 0)))
                .get(120, TimeUnit.SECONDS);
        long t2 = System.nanoTime();
        System.out.printf("initialize answered: %.0f ms; first request after the initial load: %.0f ms "
                + "(diagnostics queued for the files with findings; %d published so far)%n",
                ms(t1 - t0), ms(t2 - t0), client.diagnosticsCount());

        String text = Files.readString(page);
        api.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(pageUri, "markdown", 1, text)));
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < edits + 30; i++) {
            int version = i + 2;
            String next = i % 2 == 0 ? text + "\nSee [[concepts/nowhere-" + i + "]].\n" : text;
            long sent = System.nanoTime();
            api.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(pageUri, version), List.of(new TextDocumentContentChangeEvent(next))));
            long got = client.awaitDiagnostics(pageUri, version);
            if (i >= 30) {
                latencies.add(ms(got - sent));
            }
        }
        System.out.printf("diagnostics after didChange (debounce 0), %d edits: median %.2f ms, p90 %.2f ms, max %.2f ms"
                + " (target: median < 20 ms)%n", latencies.size(), pct(latencies, 50), pct(latencies, 90), pct(latencies, 100));

        List<Double> toBegin = new ArrayList<>();
        List<Double> toFileProgress = new ArrayList<>();
        List<Double> toResult = new ArrayList<>();
        for (int j = 0; j < 7; j++) {
            Path docs = root.resolve("docs-" + j);
            for (int f = 0; f < 3; f++) {
                Files.createDirectories(docs);
                Files.writeString(docs.resolve("note-" + j + "-" + f + ".md"), "# Note " + j + "." + f + "\n\nBench text " + j + f + ".\n");
            }
            JsonObject params = new JsonObject();
            JsonArray uris = new JsonArray();
            uris.add(uri(docs));
            params.add("uris", uris);
            params.addProperty("workDoneToken", "bench-" + j);
            int before = client.fileProgressCount();
            long sent = System.nanoTime();
            CompletableFuture<Protocol.AddResult> result = api.add((JsonElement) params);
            long[] first = client.awaitFirstProgress("bench-" + j, before);
            Protocol.AddResult r = result.get(120, TimeUnit.SECONDS);
            long done = System.nanoTime();
            if (r.added() != 3) {
                throw new IllegalStateException("add failed: " + r);
            }
            if (j >= 2) {
                toBegin.add(ms(first[0] - sent));
                toFileProgress.add(ms(first[1] - sent));
                toResult.add(ms(done - sent));
            }
        }
        System.out.printf("openkb/add of 3 files (median of %d): first $/progress %.2f ms, first openkb/fileProgress %.2f ms,"
                + " result %.0f ms (includes the reload of the %d-page snapshot)%n", toBegin.size(), pct(toBegin, 50),
                pct(toFileProgress, 50), pct(toResult, 50), pages);
        api.shutdown().get(60, TimeUnit.SECONDS);
        api.exit();
        server.exited().get(60, TimeUnit.SECONDS);
    }

    private static String uri(Path p) {
        String u = p.toAbsolutePath().normalize().toUri().toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
