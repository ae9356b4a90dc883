package dev.openkb.bench;

import dev.openkb.engine.CancelToken;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import dev.openkb.journal.MutationRunner;
import dev.openkb.lock.KbLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Per-commit cost of a journaled transaction touching 12 paths (10 concept pages, hashes.json,
 * index.md) in KBs of 100, 1,000 and 10,000 concept pages, against the same 12 atomic writes with
 * no journal. The difference is the journal's overhead, which must not grow with the KB.
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=dev.openkb.bench.JournalBench}
 * (optional args: iterations, base folder).
 */
public final class JournalBench {
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")), "journal-bench");
        System.out.println("pages  | journaled median | p90      | plain writes median | overhead median");
        for (int pages : new int[]{100, 1_000, 10_000}) {
            KbLayout kb = new KbInit(new AtomicFiles(new RealFileOps())).init(base.resolve("kb" + pages), "offline", "en");
            for (int i = 0; i < pages; i++) {
                Files.writeString(kb.concept("c" + i), "---\ntype: \"Concept\"\n---\n\npage " + i + "\n");
            }
            List<Double> journaled = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            AtomicFiles files = new AtomicFiles(new RealFileOps());
            // The journal's own cost: a lock and a transaction runner of the KB's, as the engine
            // builds them (a fresh KB: nothing to recover when the lock is first taken).
            KbLock lock = new KbLock(kb.lockFile(), l -> { });
            MutationRunner runner = new MutationRunner(kb, files, lock, w -> { });
            {
                for (int it = 0; it < iterations + 20; it++) {
                    List<Path> targets = targets(kb, pages, it);
                    byte[] data = ("updated " + it + "\n").getBytes(StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    try (KbLock.Hold h = lock.exclusive(CancelToken.none())) {
                        runner.run("bench", Map.of(), tx -> {
                            tx.touch(targets);
                            for (Path p : targets) {
                                tx.write(p, data);
                            }
                            return null;
                        });
                    }
                    long t1 = System.nanoTime();
                    for (Path p : targets(kb, pages, it + 7)) {
                        files.write(p, data);
                    }
                    long t2 = System.nanoTime();
                    if (it >= 20) { // warm-up
                        journaled.add((t1 - t0) / 1e6);
                        plain.add((t2 - t1) / 1e6);
                    }
                }
            }
            double jm = pct(journaled, 50);
            double pm = pct(plain, 50);
            System.out.printf("%6d | %13.2f ms | %5.2f ms | %16.2f ms | %12.2f ms%n", pages, jm, pct(journaled, 90), pm, jm - pm);
        }
    }

    /** 10 concept pages spread over the KB, plus the registry and the index, as an add touches them. */
    private static List<Path> targets(KbLayout kb, int pages, int it) {
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            out.add(kb.concept("c" + ((it * 31 + k * 97) % pages)));
        }
        out.add(kb.hashes());
        out.add(kb.indexMd());
        return out;
    }

    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
