package dev.openkb.bench;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.lint.DiskChanges;
import dev.openkb.lint.LintState;
import dev.openkb.lint.LintUpdate;
import dev.openkb.lint.Linter;
import dev.openkb.lint.WikiIndex;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The language server's snapshot update after a commit, on a generated KB ({@link WikiGenerator}):
 * documents are added one by one through the engine, and each committed add announces its touched
 * paths; the listener does what the server's session does with them — {@link DiskChanges#read} the
 * touched pages, lay them over the index ({@code WikiIndex.withPage}, the raw state from the touched raw
 * paths) and {@link Linter#update} — and times it. For comparison, the full reload the server did per commit
 * before (index build and full lint). Target: under 20 ms per committed document on 10,000 pages.
 * Args: {@code [pages] [documents]} (default 10000 30). Single-threaded main; commits run on the
 * KB's mutation thread and are timed there.
 */
public final class CommitSnapshotBench {
    private WikiIndex index;
    private LintState state;
    private final List<Double> updates = new ArrayList<>();
    private final List<Double> cpu = new ArrayList<>();
    /** CPU time of the timing thread: on a shared machine, the part of the wall time that is this work. */
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Integer> touched = new ArrayList<>();
    private final List<double[]> phases = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int docs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.printf("CommitSnapshotBench: %d cores, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Path root = Files.createTempDirectory("commitbench-");
        try {
            new CommitSnapshotBench().run(root, pages, docs);
        } finally {
            deleteTree(root);
        }
    }

    private void run(Path root, int pages, int docs) throws IOException {
        KbLayout layout = new KbLayout(root.resolve("kb"));
        Files.createDirectories(layout.root());
        WikiGenerator.generate(layout, pages, new Random(pages));
        index = WikiIndex.build(layout);
        state = Linter.lint(index);
        double[] reload = new double[5];
        for (int i = 0; i < reload.length; i++) {
            long s = System.nanoTime();
            Linter.lint(WikiIndex.build(layout));
            reload[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(reload);

        List<Path> inputs = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < docs; i++) {
            inputs.add(write(root.resolve("in/note-" + i + ".md"), note(i, rnd)));
        }
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            KbService service = engine.kb(layout);
            try (AutoCloseable l = service.onCommit((op, paths) -> {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                DiskChanges changes = DiskChanges.read(layout, paths, p -> false);
                long read = System.nanoTime();
                WikiIndex after = changes.applyTo(index, layout);
                long applied = System.nanoTime();
                LintUpdate u = Linter.update(state, index, after, changes.texts().keySet());
                long linted = System.nanoTime();
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                index = after;
                state = u.state();
                updates.add((linted - s) / 1e6);
                phases.add(new double[] {(read - s) / 1e6, (applied - read) / 1e6, (linted - applied) / 1e6});
                touched.add(paths.size());
            })) {
                for (Path in : inputs) {
                    service.add(List.of(in), 1, ProgressListener.NONE, CancelToken.none());
                }
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        double[] t = updates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%,d pages, %d documents added one per commit (%d-%d paths touched each)%n", pages, t.length,
                touched.stream().mapToInt(Integer::intValue).min().orElse(0), touched.stream().mapToInt(Integer::intValue).max().orElse(0));
        System.out.printf("post-commit snapshot update: median %.1f ms   p90 %.1f ms   max %.1f ms%n",
                t[t.length / 2], t[t.length * 9 / 10], t[t.length - 1]);
        double[] c = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  of which CPU time of the thread:  median %.1f ms   p90 %.1f ms%n", c[c.length / 2], c[c.length * 9 / 10]);
        for (int k = 0; k < 3; k++) {
            int kk = k;
            double[] ph = phases.stream().mapToDouble(a -> a[kk]).sorted().toArray();
            System.out.printf("  %-34s median %.1f ms%n", new String[] {"read touched pages", "withPage/withoutPage + raw state",
                    "Linter.update"}[k], ph[ph.length / 2]);
        }
        System.out.printf("full reload (build + lint), as before: median %.0f ms   min %.0f ms   max %.0f ms%n",
                reload[reload.length / 2], reload[0], reload[reload.length - 1]);
    }

    /** A small note naming a few of the generator's words, so the compiler links it to existing pages. */
    private static String note(int i, Random rnd) {
        String[] words = {"attention", "transformer", "memory", "retrieval", "graph", "embedding", "token", "layer"};
        StringBuilder b = new StringBuilder("# Bench note " + i + "\n\n");
        for (int s = 0; s < 12; s++) {
            b.append("The ").append(words[rnd.nextInt(words.length)]).append(" model relates ")
                    .append(words[rnd.nextInt(words.length)]).append(" to ").append(words[rnd.nextInt(words.length)])
                    .append(" in note ").append(i).append(". ");
        }
        return b.append('\n').toString();
    }

    private static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
