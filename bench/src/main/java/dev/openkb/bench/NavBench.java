package dev.openkb.bench;

import dev.openkb.engine.CancelToken;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.lsp.LspLauncher;
import dev.openkb.lsp.OpenKbServer;
import dev.openkb.lsp.ServerOptions;
import dev.openkb.rename.RenameReport;
import dev.openkb.service.OpenKb;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * Navigation on a generated 10,000-page KB ({@link WikiGenerator}) with one concept page linked from
 * 500 others:
 * <ul>
 * <li>{@code textDocument/rename} on that page's title: request to the {@code WorkspaceEdit} (501
 *     text edits and the file rename) received by an LSP4J client over pipes, median of 11;</li>
 * <li>the journaled server-side rename ({@code KbService.renamePage}, what {@code openkb rename} and
 *     {@code openkb/renamePage} run: plan under the lock from a fresh index, one transaction, fsyncs),
 *     renamed back and forth, median of 5;</li>
 * <li>{@code workspace/symbol} for five queries, round robin, median of 100.</li>
 * </ul>
 * Targets: rename edit under 1 s, journaled rename under 2 s, workspace/symbol median under 50 ms.
 * Args: {@code [pages] [backlinks]} (default 10000 500). Single-threaded main; the server runs on its own threads.
 */
public final class NavBench {
    private NavBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int backlinks = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        System.out.printf("NavBench: %d pages, %d backlinks, %d cores, Java %s, max heap %d MB%n", pages, backlinks,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        Path root = Files.createTempDirectory("navbench-");
        try {
            run(root, pages, backlinks);
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(Path root, int pages, int backlinks) throws Exception {
        KbLayout layout = new KbLayout(root.resolve("kb"));
        List<String> keys = WikiGenerator.generate(layout, pages, new Random(pages));
        Path target = layout.concept("bench-target");
        Files.writeString(target, "---\ntype: \"Concept\"\ndescription: \"The renamed page.\"\n---\n\n# Bench target\n\ntext\n");
        List<String> linking = new ArrayList<>(keys);
        Collections.shuffle(linking, new Random(1));
        for (String key : linking.subList(0, backlinks)) {
            Files.writeString(layout.wikiDir().resolve(key + ".md"), "\nSee [[concepts/bench-target|the target]].\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }

        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        OpenKbServer server = new OpenKbServer(ServerOptions.defaults().withDiagnosticsDelay(Duration.ZERO), new RealFileOps());
        Thread serving = new Thread(() -> LspLauncher.serve(Channels.newInputStream(up.source()),
                Channels.newOutputStream(down.sink()), server), "bench-server");
        serving.setDaemon(true);
        serving.start();
        Launcher<LspBench.Api> launcher = new Launcher.Builder<LspBench.Api>().setLocalService(new LspBench.Client())
                .setRemoteInterface(LspBench.Api.class).setInput(Channels.newInputStream(down.source()))
                .setOutput(Channels.newOutputStream(up.sink())).create();
        launcher.startListening();
        LspBench.Api api = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(layout.root().toUri().toString(), "bench")));
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        edits.setResourceOperations(List.of("rename"));
        ws.setWorkspaceEdit(edits);
        caps.setWorkspace(ws);
        init.setCapabilities(caps);
        api.initialize(init).get(120, TimeUnit.SECONDS);
        TextDocumentIdentifier doc = new TextDocumentIdentifier(uri(target));
        api.getTextDocumentService().hover(new HoverParams(doc, new Position(0, 0))).get(120, TimeUnit.SECONDS);

        List<Double> rename = new ArrayList<>();
        int changes = 0;
        long cpu0 = 0;
        for (int i = 0; i < 13; i++) {
            if (i == 2) {
                cpu0 = cpuNanos();
            }
            long t0 = System.nanoTime();
            WorkspaceEdit e = api.getTextDocumentService().rename(new RenameParams(doc, new Position(5, 3), "renamed-target"))
                    .get(120, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            changes = e.getDocumentChanges().size();
            if (i >= 2) {
                rename.add(ms(t1 - t0));
            }
        }
        System.out.printf("textDocument/rename (edit of %d document changes): median %.0f ms, max %.0f ms, CPU %.0f ms per"
                + " request (target < 1 s)%n", changes, pct(rename, 50), pct(rename, 100), ms(cpuNanos() - cpu0) / rename.size());

        String[] queries = {"attn", "retrieval 12", "entity-99", "bench tgt", "graph"};
        List<Double> symbol = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < 120; i++) {
            if (i == 20) {
                cpu0 = cpuNanos();
            }
            long t0 = System.nanoTime();
            hits = api.getWorkspaceService().symbol(new WorkspaceSymbolParams(queries[i % queries.length]))
                    .get(60, TimeUnit.SECONDS).getRight().size();
            long t1 = System.nanoTime();
            if (i >= 20) {
                symbol.add(ms(t1 - t0));
            }
        }
        System.out.printf("workspace/symbol over %,d pages (%d hits for the last query): median %.1f ms, p90 %.1f ms,"
                + " CPU %.1f ms per request (target: median < 50 ms)%n", pages + 1, hits, pct(symbol, 50), pct(symbol, 90),
                ms(cpuNanos() - cpu0) / symbol.size());

        List<Double> journaled = new ArrayList<>();
        int links = 0;
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            String from = "concepts/bench-target";
            for (int i = 0; i < 5; i++) {
                String to = i % 2 == 0 ? "renamed-target" : "bench-target";
                long t0 = System.nanoTime();
                RenameReport r = engine.kb(layout).renamePage(from, to, false, CancelToken.none());
                long t1 = System.nanoTime();
                links = r.links();
                journaled.add(ms(t1 - t0));
                from = r.to();
            }
        }
        System.out.printf("journaled server-side rename (%d links): median %.0f ms, max %.0f ms (target < 2 s)%n",
                links, pct(journaled, 50), pct(journaled, 100));
        api.shutdown().get(60, TimeUnit.SECONDS);
    }

    /**
     * CPU time of this whole process (server and client threads, GC included): on a machine shared
     * with other work, wall-clock figures include waiting for a core, this does not.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String uri(Path p) {
        return p.toUri().toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
