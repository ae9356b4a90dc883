package dev.openkb.bench;

import dev.openkb.kb.KbLayout;
import dev.openkb.lint.LintState;
import dev.openkb.lint.LintUpdate;
import dev.openkb.lint.Linter;
import dev.openkb.lint.WikiIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Structural lint speed on generated OpenKB-shaped wikis (1,000 and 10,000 knowledge pages:
 * 10% summaries with their sources/ page and raw file, 60% concepts, 30% entities; JSON-quoted
 * frontmatter, ~2 KB bodies with 8-16 links, 1% broken links, 2% pages missing from index.md).
 * Prints: cold index build and full lint (first run in this JVM), warm medians, and incremental
 * re-lint medians for a text edit, a link edit, a page added and removed, and an index.md edit.
 * Targets: full 10,000-page lint under 1 s cold, incremental under 10 ms.
 *
 * <p>Run: {@code mvn -o -q -pl server,bench -am compile} then {@code java -cp ... dev.openkb.bench.LintBench [sizes...]}
 * (see docs/performance.md). Single-threaded main; the index build itself uses the common pool.
 */
public final class LintBench {
    private LintBench() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {10_000, 1_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("LintBench: %d cores, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        for (int n : sizes) {
            Path root = Files.createTempDirectory("lintbench-" + n + "-");
            try {
                run(n, root);
            } finally {
                deleteTree(root);
            }
        }
    }

    private static void run(int n, Path root) throws IOException {
        KbLayout layout = new KbLayout(root);
        List<String> keys = WikiGenerator.generate(layout, n, new Random(n));
        System.out.printf("%n== %,d knowledge pages (%,d files under wiki/) ==%n", n, countFiles(layout.wikiDir()));

        long t0 = System.nanoTime();
        WikiIndex index = WikiIndex.build(layout);
        long t1 = System.nanoTime();
        LintState state = Linter.lint(index);
        long t2 = System.nanoTime();
        System.out.printf("first run:    index build %7.1f ms   full lint %7.1f ms   total %7.1f ms   (%,d findings)%n",
                ms(t1 - t0), ms(t2 - t1), ms(t2 - t0), state.total());

        double build = median(7, () -> WikiIndex.build(layout));
        WikiIndex warm = WikiIndex.build(layout);
        double lint = median(15, () -> Linter.lint(warm));
        System.out.printf("warm median:  index build %7.1f ms   full lint %7.1f ms%n", build, lint);

        Random rnd = new Random(7);
        Incremental inc = new Incremental(warm, Linter.lint(warm));
        String editTarget = "wiki/" + keys.get(rnd.nextInt(keys.size())) + ".md";
        String base = WikiGenerator.read(root.resolve(editTarget));
        inc.time("text edit", 300, i -> inc.apply(editTarget, base + "\nedit " + i));
        inc.time("link edit", 300, i -> inc.apply(editTarget,
                base + "\n[[" + keys.get(rnd.nextInt(keys.size())) + "]] [[concepts/nowhere-" + i + "]]"));
        inc.time("page add+remove", 200, i -> {
            String rel = "wiki/concepts/bench-new-" + i + ".md";
            inc.apply(rel, "---\ntype: \"Concept\"\ndescription: \"d\"\n---\n\n[[" + keys.get(rnd.nextInt(keys.size())) + "]]\n");
            inc.remove(rel);
        });
        String indexText = WikiGenerator.read(layout.indexMd());
        inc.time("index.md edit", 50, i -> inc.apply(WikiIndex.INDEX_PATH, indexText + "\n- mention " + i + "\n"));
    }

    /** Applies edits one after another to a running (index, lint) pair, as the LSP server does. */
    private static final class Incremental {
        private WikiIndex index;
        private LintState state;

        Incremental(WikiIndex index, LintState state) {
            this.index = index;
            this.state = state;
        }

        void apply(String rel, String text) {
            WikiIndex after = index.withPage(rel, text);
            LintUpdate u = Linter.update(state, index, after, List.of(rel));
            index = after;
            state = u.state();
        }

        void remove(String rel) {
            WikiIndex after = index.withoutPage(rel);
            LintUpdate u = Linter.update(state, index, after, List.of(rel));
            index = after;
            state = u.state();
        }

        void time(String what, int runs, java.util.function.IntConsumer op) {
            for (int i = 0; i < 20; i++) {
                op.accept(-1 - i);
            }
            double[] t = new double[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                op.accept(i);
                t[i] = ms(System.nanoTime() - s);
            }
            Arrays.sort(t);
            System.out.printf("incremental:  %-16s median %6.3f ms   p90 %6.3f ms   max %6.3f ms   (%d runs)%n",
                    what, t[runs / 2], t[runs * 9 / 10], t[runs - 1], runs);
        }
    }

    private static double median(int runs, Supplier<?> op) {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            op.get();
            t[i] = ms(System.nanoTime() - s);
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
