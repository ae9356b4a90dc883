package dev.openkb.bench;

import com.google.gson.JsonObject;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.lsp.LspLauncher;
import dev.openkb.lsp.OpenKbServer;
import dev.openkb.lsp.ServerOptions;
import dev.openkb.search.SearchIndex;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * The search index and {@code openkb/query} on a generated KB ({@link WikiGenerator}: by default
 * 10,000 pages — 1,000 summaries with their sources, 6,000 concepts, 3,000 entities — over a
 * 20-word vocabulary, so every query word matches most pages: a worst case for ranking).
 * Measures: the index built from scratch; the update after one add-sized commit (a summary, its
 * source, five concepts, plus index.md, log.md and hashes.json, which are not indexed); and
 * {@code openkb/query} answered by a running in-process server over a pipe (each includes its
 * journaled log.md append). With a path to {@code openkb.jar}, also times {@code query} and
 * {@code status} as whole CLI processes.
 *
 * <p>Usage: {@code QueryBench [PAGES=10000] [QUERIES=200] [OPENKB_JAR]}
 */
public final class QueryBench {
    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path jar = args.length > 2 ? Path.of(args[2]) : null;
        System.out.printf("QueryBench: %d pages, %d queries, %d cores, Java %s%n", pages, queries,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path root = Files.createTempDirectory("querybench-");
        try {
            KbLayout layout = new KbLayout(root.resolve("kb"));
            List<String> keys = WikiGenerator.generate(layout, pages, new Random(pages));
            build(layout);
            update(layout, keys);
            server(root, layout, queries);
            if (jar != null) {
                cli(jar, layout);
            }
        } finally {
            dev.openkb.testing.Fixtures.deleteTree(root);
        }
        System.exit(0);
    }

    private static void build(KbLayout layout) {
        for (int i = 0; i < 3; i++) {
            try {
                Files.deleteIfExists(layout.openkbDir().resolve(SearchIndex.FILE_NAME));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            long t0 = System.nanoTime();
            long c0 = cpu();
            try (SearchIndex index = SearchIndex.open(layout)) {
                long t1 = System.nanoTime();
                System.out.printf("index built from scratch: %.2f s wall, %.2f s CPU of this thread (%d files indexed; %s)%n",
                        (t1 - t0) / 1e9, (cpu() - c0) / 1e9, index.lastOpen().indexed(), index.lastOpen().rebuilt());
            }
        }
        long t0 = System.nanoTime();
        try (SearchIndex index = SearchIndex.open(layout)) {
            System.out.printf("index opened and reconciled, nothing changed: %.0f ms (%d unchanged)%n",
                    (System.nanoTime() - t0) / 1e6, index.lastOpen().unchanged());
            String[] words = {"attention", "transformer", "memory", "retrieval", "graph", "embedding", "token", "layer"};
            Random rnd = new Random(5);
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String q = "how does " + words[rnd.nextInt(words.length)] + " relate to " + words[rnd.nextInt(words.length)] + "?";
                long w0 = System.nanoTime();
                long c0 = cpu();
                index.search(dev.openkb.search.SearchQuery.parse(q), 5);
                if (i >= 20) {
                    wall.add((System.nanoTime() - w0) / 1e6);
                    cpu.add((cpu() - c0) / 1e6);
                }
            }
            System.out.printf("search alone (top 5 with snippets), %d queries: median %.2f ms wall, %.2f ms CPU%n",
                    wall.size(), pct(wall, 50), pct(cpu, 50));
        }
    }

    private static void update(KbLayout layout, List<String> keys) throws Exception {
        List<Double> ms = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        Random rnd = new Random(7);
        try (SearchIndex index = SearchIndex.open(layout)) {
            for (int i = 0; i < 70; i++) {
                List<Path> touched = new ArrayList<>();
                String doc = "bench-" + i;
                touched.add(write(layout.summary(doc), "# Bench " + i + "\n\nA summary of bench document " + i + ".\n"));
                touched.add(write(layout.sourceMd(doc), ("# Bench " + i + "\n\n" + "Text of the bench document. ".repeat(200)
                        + "\n\n").repeat(4)));
                for (int c = 0; c < 5; c++) {
                    String key = keys.get(pages(keys) + rnd.nextInt(keys.size() - pages(keys)));
                    Path p = layout.wikiDir().resolve(key + ".md");
                    touched.add(write(p, Files.readString(p) + "\n- [[summaries/" + doc + "]]\n"));
                }
                touched.add(layout.indexMd());
                touched.add(layout.logMd());
                touched.add(layout.hashes());
                long t0 = System.nanoTime();
                long c0 = cpu();
                index.update(touched);
                if (i >= 20) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                    cpuMs.add((cpu() - c0) / 1e6);
                }
            }
        }
        System.out.printf("index update after an add-sized commit (7 pages re-indexed), %d commits: median %.2f ms wall"
                + " (%.2f ms CPU), p90 %.2f ms wall%n", ms.size(), pct(ms, 50), pct(cpuMs, 50), pct(ms, 90));
    }

    private static int pages(List<String> keys) {
        return (int) keys.stream().filter(k -> k.startsWith("summaries/")).count();
    }

    private static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static void server(Path root, KbLayout layout, int queries) throws Exception {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        OpenKbServer server = new OpenKbServer(ServerOptions.defaults(), new RealFileOps());
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
        init.setCapabilities(new ClientCapabilities());
        api.initialize(init).get(300, TimeUnit.SECONDS);
        String[] words = {"attention", "transformer", "memory", "retrieval", "graph", "embedding", "token", "layer",
                "model", "training", "inference", "dataset", "benchmark", "agent", "planning", "reasoning"};
        Random rnd = new Random(3);
        List<Double> ms = new ArrayList<>();
        double first = 0;
        long procCpu0 = 0;
        for (int i = 0; i < queries + 20; i++) {
            JsonObject p = new JsonObject();
            p.addProperty("question", "how does " + words[rnd.nextInt(words.length)] + " relate to "
                    + words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(words.length)] + "?");
            long t0 = System.nanoTime();
            JsonObject r = api.query(p).get(300, TimeUnit.SECONDS);
            double took = (System.nanoTime() - t0) / 1e6;
            if (r.getAsJsonArray("sources").size() == 0) {
                throw new IllegalStateException("no sources: " + r);
            }
            if (i == 0) {
                first = took;
            } else if (i >= 20) {
                ms.add(took);
            }
            if (i == 19) {
                procCpu0 = processCpu();
            }
        }
        double cpuPerQuery = (processCpu() - procCpu0) / 1e6 / queries;
        System.out.printf("openkb/query via the running server: first %.0f ms (opens and reconciles the index);"
                + " then %d queries: median %.2f ms, p90 %.2f ms wall, %.2f ms of process CPU per query (client and"
                + " server; each includes its journaled log.md entry)%n", first, ms.size(), pct(ms, 50), pct(ms, 90), cpuPerQuery);
        api.shutdown().get(60, TimeUnit.SECONDS);
        api.exit();
        server.exited().get(60, TimeUnit.SECONDS);
    }

    private static void cli(Path jar, KbLayout layout) throws Exception {
        for (String[] cmd : List.of(new String[] {"status"}, new String[] {"query", "how does attention relate to memory?"})) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                List<String> argv = new ArrayList<>(List.of("java", "-jar", jar.toString(), cmd[0], "--kb", layout.root().toString()));
                for (int a = 1; a < cmd.length; a++) {
                    argv.add(cmd[a]);
                }
                long t0 = System.nanoTime();
                Process proc = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (proc.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", argv) + " failed");
                }
                if (i > 0) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            }
            System.out.printf("CLI process `openkb %s` on the KB: median of %d runs %.0f ms%n", cmd[0], ms.size(), pct(ms, 50));
        }
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
