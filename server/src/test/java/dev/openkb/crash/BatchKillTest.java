package dev.openkb.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.add.FileHasher;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.ChildJvm;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child JVM in the middle of a 20-file batch (jobs=2) at several moments. Commits are
 * in scan order, so after recovery the KB must be byte-identical to a KB that added exactly the
 * first k files — every file fully in (registry, raw, source, summary, index entry) or fully absent,
 * and nothing else changed.
 */
class BatchKillTest {
    @TempDir
    Path dir;

    @Test
    void afterAKillMidBatchEveryFileIsFullyInOrFullyAbsent() throws Exception {
        Path inputs = inputs(dir.resolve("in"), 20);
        Path template = Fixtures.kb(dir.resolve("template")).root();
        for (int killAfter : new int[]{1, 7, 13}) {
            KbLayout kb = new KbLayout(Fixtures.copyTree(template, dir.resolve("killed-" + killAfter)));
            try (ChildJvm child = ChildJvm.start(BatchChildMain.class, kb.root().toString(), inputs.toString(), "2")) {
                child.awaitLine("ADDED " + killAfter);
                child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                child.process().waitFor();
            }
            try (OpenKb engine = new OpenKb(w -> { })) {
                engine.kb(kb).recover(CancelToken.none());
            }
            int committed = Registry.load(kb).size();
            assertTrue(committed >= killAfter && committed < 20, "killed after " + killAfter + ", found " + committed);
            KbLayout reference = new KbLayout(Fixtures.copyTree(template, dir.resolve("reference-" + killAfter)));
            try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, BatchChildMain.CLOCK)) {
                engine.kb(reference).add(firstFiles(inputs, committed), 1, ProgressListener.NONE, CancelToken.none());
            }
            Map<String, String> expected = TreeManifest.ofKb(reference.root());
            assertEquals(expected, TreeManifest.ofKb(kb.root()), "killed after file " + killAfter + " (" + committed + " committed)");
            for (Path f : firstFiles(inputs, committed)) {
                assertTrue(Registry.load(kb).isKnown(FileHasher.sha256(f)), f.toString());
            }
        }
    }

    private static List<Path> firstFiles(Path inputs, int k) throws IOException {
        try (Stream<Path> s = Files.list(inputs)) {
            return s.sorted().limit(k).toList();
        }
    }

    private static Path inputs(Path d, int n) throws IOException {
        String[] topics = {"write-ahead logging", "atomic rename", "crash recovery", "directory fsync"};
        for (int i = 0; i < n; i++) {
            Fixtures.write(d.resolve(String.format("note%02d.md", i)), "# Note " + i + "\n\nThis note covers "
                    + topics[i % 4] + " and " + topics[(i + 1) % 4] + ". SQLite and PostgreSQL use a write-ahead log.\n");
        }
        return d;
    }
}
