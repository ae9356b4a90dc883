package dev.openkb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.add.AddReport;
import dev.openkb.add.FileResult;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.lint.LintState;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job, end to end: docs/samples/ (every supported type, a long PDF among them) added with
 * the real converters, the long-document index and the offline compiler.
 */
class SamplesEndToEndTest {
    static final Path SAMPLES = Path.of("..", "docs", "samples").toAbsolutePath().normalize();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    private AddReport add(KbLayout kb, int jobs) throws IOException {
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, CLOCK)) {
            return engine.kb(kb).add(List.of(SAMPLES), jobs, ProgressListener.NONE, CancelToken.none());
        }
    }

    @Test
    void samplesBecomeAWikiWithNoBrokenLinksAndNoMissingOkfFields() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        AddReport r = add(kb, 2);
        assertEquals(List.of(), r.files().stream().filter(f -> f.status() != FileStatus.ADDED).toList());
        assertEquals(9, r.added());
        assertEquals(9, Registry.load(kb).size());
        var longDoc = Registry.load(kb).findByDocName("journaling-guide").orElseThrow();
        assertEquals("long_pdf", longDoc.type());
        assertTrue(longDoc.docId() != null && Files.exists(kb.sourceJson("journaling-guide")));
        assertTrue(Files.exists(kb.pageindexDb()));
        try (OpenKb engine = new OpenKb(w -> { })) {
            LintState lint = engine.kb(kb).lint(CancelToken.none());
            assertEquals(0, lint.counts().getOrDefault("broken-link", 0), lint.all().toString());
            assertEquals(0, lint.counts().getOrDefault("missing-okf-field", 0), lint.all().toString());
            assertEquals(0, lint.counts().getOrDefault("invalid-frontmatter", 0), lint.all().toString());
            assertEquals(0, lint.counts().getOrDefault("index-broken-link", 0), lint.all().toString());
            assertEquals(0, lint.counts().getOrDefault("missing-wiki-entry", 0), lint.all().toString());
            assertEquals(0, lint.counts().getOrDefault("orphan-page", 0), lint.all().toString());
        }
    }

    @Test
    void samplesGiveEntitiesForRecurringProductsAndMultiWordConceptsWithoutFragments() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        add(kb, 2);
        for (String product : List.of("sqlite", "postgresql", "lmdb", "git")) {
            assertTrue(Files.exists(kb.entity(product)), product);
            assertTrue(Files.readString(kb.entity(product)).contains("\ntype: \"Product\"\n"), product);
        }
        // "fsync" is no longer a concept of the samples: noun phrases count a word where it heads a phrase,
        // and two of the three documents use it only as a modifier ("fsync call") — see docs/quality.md.
        for (String concept : List.of("write-ahead-log", "crash-recovery", "atomic-rename")) {
            assertTrue(Files.exists(kb.concept(concept)), concept);
        }
        for (String noise : List.of("crash", "file", "write-ahead", "change")) {
            assertFalse(Files.exists(kb.concept(noise)), noise);
        }
    }

    @Test
    void jobsOneAndJobsTwoGiveByteIdenticalKbs() throws IOException {
        KbLayout serial = Fixtures.kb(dir.resolve("serial"));
        KbLayout parallel = Fixtures.kb(dir.resolve("parallel"));
        add(serial, 1);
        add(parallel, 2);
        assertEquals(TreeManifest.ofKb(serial.root()), TreeManifest.ofKb(parallel.root()));
    }

    @Test
    void reAddingTheSameFolderSkipsEverything() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        add(kb, 2);
        var before = TreeManifest.ofKb(kb.root());
        AddReport again = add(kb, 2);
        assertEquals(9, again.skipped());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
        assertTrue(again.files().stream().map(FileResult::reason).allMatch(s -> s.startsWith("already in the knowledge base")));
    }
}
