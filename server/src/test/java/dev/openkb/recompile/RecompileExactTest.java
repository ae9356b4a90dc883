package dev.openkb.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.journal.Recovery;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 item 5, the recompile half: the offline compiler's pages after an add are what recompiling
 * gives. Real documents of every kind the quality corpus holds (Markdown, HTML, plain text, CSV, the
 * samples' Office files and PDFs, a long PDF among them), added with the real converters.
 *
 * <p>Everything under {@code wiki/} is compared except {@code log.md}: it is the operations log, and a
 * recompile run appends its {@code recompile | recompiled N, skipped M} line there by design (OpenKB's
 * format, reference 7.2).
 */
class RecompileExactTest {
    static final Path SAMPLES = Path.of("..", "docs", "samples").toAbsolutePath().normalize();
    static final Path QUALITY = Path.of("..", "bench", "corpus", "quality").toAbsolutePath().normalize();
    /**
     * Besides docs/samples: libffi's manual pages, whose titles are second-level headings ("2.2 Simple
     * Example") the converter takes and a re-derived title lost; GNU time's manual and README, which
     * share names past the manual's cap on entity pages; git's README, whose title comes from its
     * first heading; a CSV.
     */
    static final List<String> CORPUS = List.of("libffi-Simple-Example.html", "libffi-The-Basics.html",
            "libffi-Introduction.html", "libffi-Types.html", "time-README.txt", "time.html", "git-README.md",
            "debian-releases.csv", "pip-installation.md");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "jobs={0}")
    @ValueSource(ints = {1, 2})
    void afterAnAddRecompilingChangesNoPage(int jobs) throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        List<Path> inputs = new ArrayList<>(List.of(SAMPLES));
        CORPUS.forEach(f -> inputs.add(QUALITY.resolve(f)));
        try (OpenKb engine = engine()) {
            AddReport r = engine.kb(kb).add(inputs, jobs, ProgressListener.NONE, CancelToken.none());
            assertEquals(List.of(), r.files().stream().filter(f -> f.status() != FileStatus.ADDED).toList());
        }
        Map<String, String> added = wiki(kb);

        // One unchanged document recompiled: no page is written at all (same bytes, same mtime), and
        // no journal is taken for a transaction that changes nothing.
        for (String doc : List.of("libffi-Simple-Example", "time", "journaling-guide")) {
            RecompileReport one = recompile(kb, doc);
            assertEquals(RecompileReport.Status.RECOMPILED, one.items().get(0).status(), one.toString());
            assertSame(added, wiki(kb), "recompile " + doc);
        }
        assertTrue(Recovery.pendingJournals(kb).isEmpty());

        RecompileReport all = recompile(kb, null);
        assertEquals(9 + CORPUS.size(), all.count(RecompileReport.Status.RECOMPILED), all.toString());
        assertSame(added, wiki(kb), "recompile --all after add");
        assertTrue(Files.readString(kb.summary("libffi-Simple-Example")).contains("\n# 2.2 Simple Example\n"),
                "the title the converter gave the document");
    }

    private static OpenKb engine() {
        return new OpenKb(new RealFileOps(), w -> { }, CLOCK);
    }

    private static RecompileReport recompile(KbLayout kb, String doc) {
        try (OpenKb engine = engine()) {
            return engine.kb(kb).recompile(doc, false, CancelToken.none());
        }
    }

    /** Fails naming the files that differ (created, deleted, rewritten), not with two whole wikis. */
    private static void assertSame(Map<String, String> before, Map<String, String> after, String what) {
        List<String> differ = new ArrayList<>();
        new TreeMap<>(before).keySet().forEach(k -> {
            if (!before.get(k).equals(after.get(k))) {
                differ.add(after.containsKey(k) ? k + " rewritten" : k + " deleted");
            }
        });
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> differ.add(k + " created"));
        assertEquals(List.of(), differ, what + " changed the wiki");
    }

    /** Every file under wiki/ but log.md: path → its bytes and its modification time. */
    private static Map<String, String> wiki(KbLayout kb) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(kb.wikiDir())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = kb.wikiDir().relativize(p).toString();
                if (!rel.equals("log.md")) {
                    m.put(rel, Files.getLastModifiedTime(p).toInstant() + "\n"
                            + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return m;
    }
}
