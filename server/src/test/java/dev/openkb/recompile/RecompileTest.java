package dev.openkb.recompile;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.compile.offline.OfflineCompiler;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.CompilerFactory;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecompileTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void addThreeDocuments() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        Path in = dir.resolve("in");
        write(in.resolve("a.md"), "# Alpha\n\nCrash recovery relies on a write-ahead log. SQLite keeps a write-ahead log.\n");
        write(in.resolve("b.md"), "# Beta\n\nA write-ahead log makes crash recovery possible. PostgreSQL and SQLite agree.\n");
        write(in.resolve("c.md"), "# Gamma\n\nCrash recovery reads the write-ahead log after a crash in SQLite.\n");
        try (OpenKb engine = engine(CompilerFactory.standard())) {
            engine.kb(kb).add(List.of(in), 1, ProgressListener.NONE, CancelToken.none());
        }
    }

    private OpenKb engine(CompilerFactory compilers) {
        return new OpenKb(new RealFileOps(), w -> { }, CLOCK, compilers);
    }

    private RecompileReport recompile(String doc, boolean dryRun, CompilerFactory compilers) {
        try (OpenKb engine = engine(compilers)) {
            return engine.kb(kb).recompile(doc, dryRun, CancelToken.none());
        }
    }

    @Test
    void recompilingIsIdempotentAndLogsTheRun() throws IOException {
        RecompileReport r = recompile(null, false, CompilerFactory.standard());
        assertEquals(3, r.count(RecompileReport.Status.RECOMPILED));
        Map<String, String> before = TreeManifest.ofKb(kb.wikiDir());
        recompile(null, false, CompilerFactory.standard());
        Map<String, String> after = TreeManifest.ofKb(kb.wikiDir());
        after.remove("log.md");
        before.remove("log.md");
        assertEquals(before, after, "the offline compiler is deterministic");
        assertTrue(read(kb.logMd()).endsWith("] recompile | recompiled 3, skipped 0\n\n"), read(kb.logMd()));
    }

    @Test
    void recompileRebuildsADocumentsSummaryFromItsSource() throws IOException {
        recompile("a", false, CompilerFactory.standard());
        String summary = read(kb.summary("a"));
        write(kb.summary("a"), "---\ntype: \"Summary\"\ndescription: \"edited by hand\"\n---\n\nstale\n");
        RecompileReport r = recompile("a", false, CompilerFactory.standard());
        assertEquals(List.of(RecompileReport.Status.RECOMPILED), r.items().stream().map(RecompileReport.Item::status).toList());
        assertEquals(summary, read(kb.summary("a")));
        assertTrue(summary.contains("# Alpha"), "the document's own title, as at add time: " + summary);
    }

    @Test
    void aFailingCompileRollsBackOnlyThatDocument() throws IOException {
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        CompilerFactory failsOnB = (config, layout) -> (req, tx) -> {
            if (req.docName().equals("b")) {
                tx.writeString(layout.summary("b"), "half-written");
                throw new IOException("model unavailable");
            }
            return new OfflineCompiler().compile(req, tx);
        };
        RecompileReport r = recompile(null, false, failsOnB);
        assertEquals(List.of(RecompileReport.Status.RECOMPILED, RecompileReport.Status.SKIPPED, RecompileReport.Status.RECOMPILED),
                r.items().stream().map(RecompileReport.Item::status).toList());
        assertTrue(r.items().get(1).reason().contains("model unavailable"), r.items().get(1).reason());
        Map<String, String> after = TreeManifest.ofKb(kb.root());
        assertEquals(before.get("wiki/summaries/b.md"), after.get("wiki/summaries/b.md"), "b's summary is as before, not half-written");
        assertTrue(dev.openkb.journal.Recovery.pendingJournals(kb).isEmpty());
    }

    @Test
    void aDryRunListsAndChangesNothingAndUnknownNamesAreErrors() throws IOException {
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        RecompileReport r = recompile(null, true, CompilerFactory.standard());
        assertEquals(3, r.count(RecompileReport.Status.PLANNED));
        assertEquals(before, TreeManifest.ofKb(kb.root()));
        assertEquals(ErrorCode.UNKNOWN_DOCUMENT,
                assertThrows(KbException.class, () -> recompile("zeta", false, CompilerFactory.standard())).code());
        Files.delete(kb.sourceMd("c"));
        RecompileReport missing = recompile("c", false, CompilerFactory.standard());
        assertEquals(RecompileReport.Status.SKIPPED, missing.items().get(0).status());
        assertFalse(missing.items().get(0).reason().isEmpty());
    }
}
