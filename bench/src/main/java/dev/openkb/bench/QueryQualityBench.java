package dev.openkb.bench;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.query.QuerySource;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrieval quality of the offline ranking: builds a KB from {@code bench/corpus/query/docs} with
 * the offline compiler, asks every question of {@code questions.tsv} and reports recall@5 (the
 * answering document is among the top five sources, by its summary or source page) and MRR (the
 * reciprocal rank of its first source, 0 when absent from the top five). Prints each miss.
 *
 * <p>Usage: {@code QueryQualityBench [CORPUS_DIR]} (default {@code bench/corpus/query}).
 */
public final class QueryQualityBench {
    private QueryQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "bench/corpus/query");
        List<String[]> questions = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("questions.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                questions.add(line.split("\t"));
            }
        }
        Path root = Files.createTempDirectory("query-quality-");
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, Clock.systemDefaultZone())) {
            KbLayout layout = engine.init(root.resolve("kb"), "offline", "en");
            KbService kb = engine.kb(layout);
            var report = kb.add(List.of(corpus.resolve("docs")), 2, ProgressListener.NONE, CancelToken.none());
            System.out.printf("corpus: %d documents added (%d failed); %d questions%n", report.added(), report.failed(),
                    questions.size());
            int hits = 0;
            double rr = 0;
            for (String[] q : questions) {
                List<QuerySource> top = kb.queries().engine().retrieve(q[0], 5);
                int rank = 0;
                for (int i = 0; i < top.size(); i++) {
                    if (q[1].equals(top.get(i).doc())) {
                        rank = i + 1;
                        break;
                    }
                }
                if (rank > 0) {
                    hits++;
                    rr += 1.0 / rank;
                } else {
                    System.out.printf("miss: %s (want %s) got %s%n", q[0], q[1],
                            top.stream().map(s -> s.page() + (s.doc() == null ? "" : "=" + s.doc())).toList());
                }
            }
            System.out.printf("recall@5 = %.3f (%d/%d), MRR = %.3f%n", (double) hits / questions.size(), hits,
                    questions.size(), rr / questions.size());
        } finally {
            dev.openkb.testing.Fixtures.deleteTree(root);
        }
    }
}
