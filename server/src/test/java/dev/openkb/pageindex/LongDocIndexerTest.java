package dev.openkb.pageindex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.convert.ConvertRequest;
import dev.openkb.convert.PdfConverter;
import dev.openkb.convert.TestBooks;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.journal.MutationRunner;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.Journaled;
import dev.openkb.testing.RecordingTransaction;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit-time long-document step against a real SQLite file, each call run as a real journaled
 * mutation ({@link Journaled}), so failures roll back through the undo journal as they do in an add.
 */
class LongDocIndexerTest {
    @TempDir
    Path tmp;

    private final LongDocIndexer indexer = new LongDocIndexer();

    private KbLayout kb(String name) throws IOException {
        KbLayout layout = new KbLayout(tmp.resolve(name));
        Files.createDirectories(layout.openkbDir());
        return layout;
    }

    /** Converts a test book into a fresh staging folder of the KB, as the add pipeline's prepare does. */
    private Path stage(KbLayout kb, String docName, Path pdf) throws IOException {
        Path staging = Files.createTempDirectory(Files.createDirectories(kb.stagingDir()), "add-" + docName + "-");
        new PdfConverter().convert(new ConvertRequest(pdf, docName, staging, 20, CancelToken.none()));
        return staging;
    }

    private Path outlineBook(String name) throws IOException {
        return TestBooks.withOutline(tmp.resolve("in").resolve(name));
    }

    /** Indexes one staged document as one committed mutation. */
    private IndexResult index(KbLayout kb, String docName, Path staging) {
        return Journaled.run(kb, tx -> indexer.index(tx, kb, docName, staging));
    }

    /**
     * Runs {@code body} as one mutation through a {@link RecordingTransaction} and adds its calls to
     * {@code log}, also when the body fails.
     */
    private static <T> T recorded(KbLayout kb, List<String> log, MutationRunner.Body<T> body) {
        return Journaled.run(kb, tx -> {
            RecordingTransaction rec = new RecordingTransaction(tx);
            try {
                return body.run(rec);
            } finally {
                log.addAll(rec.log());
            }
        });
    }

    private static List<String> sidecars(Path db) throws IOException {
        try (Stream<Path> files = Files.list(db.getParent())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(db.getFileName() + "-")).sorted().toList();
        }
    }

    @Test
    void storesDocumentTreeAndPagesInTheDatabase() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = stage(kb, "book", outlineBook("book.pdf"));
        DocTree staged = StagedTree.readTree(staging);

        IndexResult result = index(kb, "book", staging);

        assertEquals(staged, result.tree());
        assertEquals(staged.description(), result.description());
        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            StoredDocument doc = store.document(result.docId()).orElseThrow();
            assertEquals("book", doc.docName());
            assertEquals("A Book With Bookmarks", doc.title());
            assertEquals(25, doc.pageCount());
            assertEquals(StagedTree.readRawSha256(staging), doc.rawSha256());
            assertEquals(Optional.of(staged), store.tree(result.docId()));
            assertEquals(25, store.storedPages(result.docId()));
            assertTrue(store.page(result.docId(), 6).orElseThrow().startsWith("Chapter 2\n"));
        }
    }

    @Test
    void liveDatabaseIsInWalModeAndNoSidecarsAreLeftAnywhere() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = stage(kb, "book", outlineBook("book.pdf"));
        index(kb, "book", staging);

        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(kb.pageindexDb())) {
            in.readNBytes(header, 0, 20);
        }
        assertEquals(2, header[18], "file format write version 2 = WAL");
        assertEquals(2, header[19], "file format read version 2 = WAL");
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
        try (Stream<Path> left = Files.list(StagedTree.dir(staging))) {
            assertEquals(List.of("raw.sha256", "tree.json"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "the scratch copy is gone");
        }
    }

    @Test
    void readersNeverCreateSidecarsNextToTheLiveDatabase() throws Exception {
        KbLayout kb = kb("kb");
        index(kb, "book", stage(kb, "book", outlineBook("book.pdf")));

        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(1, store.documents().size());
            assertEquals(List.of(), sidecars(kb.pageindexDb()));
        }
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
    }

    @Test
    void journalsTheDatabaseAndAllSidecarsThenDeletesStaleSidecarsBeforeTheSwap() throws Exception {
        KbLayout kb = kb("kb");
        index(kb, "first", stage(kb, "first", outlineBook("first.pdf")));
        Files.write(kb.openkbDir().resolve("pageindex.db-shm"), new byte[0]);
        Path staging = stage(kb, "second", TestBooks.withOutline(tmp.resolve("in/second.pdf"), "Second Book"));

        List<String> log = new ArrayList<>();
        recorded(kb, log, tx -> indexer.index(tx, kb, "second", staging));

        assertEquals(List.of(
                "touch .openkb/pageindex.db", "touch .openkb/pageindex.db-wal", "touch .openkb/pageindex.db-shm",
                "touch .openkb/pageindex.db-journal",
                "delete .openkb/pageindex.db-wal", "delete .openkb/pageindex.db-shm",
                "delete .openkb/pageindex.db-journal",
                "publish .openkb/pageindex.db",
                "mkdirs wiki/summaries",
                "write wiki/summaries/second.md"), log);
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(List.of("first", "second"), store.documents().stream().map(StoredDocument::docName).toList());
        }
    }

    @Test
    void writesTheSummaryPageWithPageIndexFrontmatter() throws Exception {
        KbLayout kb = kb("kb");
        IndexResult result = index(kb, "book", stage(kb, "book", outlineBook("book.pdf")));

        String page = Files.readString(kb.summary("book"), StandardCharsets.UTF_8);
        assertEquals(SummaryPage.render("book", result.tree(), java.util.Map.of()), page);
        assertTrue(page.startsWith("""
                ---
                type: "Summary"
                description: "Chapter one introduces the first idea of the book. It sets the scene for what follows."
                doc_type: pageindex
                full_text: "sources/book.json"
                ---

                # Part One (pages 1–10)

                Summary: Chapter one introduces the first idea of the book. It sets the scene for what follows.

                ## Chapter 1 (pages 1–5)
                """), page);
    }

    @Test
    void sameInputGivesTheSameDocIdAndTheSameBytes() throws Exception {
        Path pdf = outlineBook("book.pdf");
        KbLayout a = kb("a");
        KbLayout b = kb("b");
        IndexResult ra = index(a, "book", stage(a, "book", pdf));
        IndexResult rb = index(b, "book", stage(b, "book", pdf));

        assertEquals(ra.docId(), rb.docId());
        assertEquals(LongDocIndexer.docId("book", StagedTree.sha256(pdf)), ra.docId());
        assertArrayEquals(Files.readAllBytes(a.summary("book")), Files.readAllBytes(b.summary("book")));
        assertArrayEquals(Files.readAllBytes(a.pageindexDb()), Files.readAllBytes(b.pageindexDb()));
        assertNotEquals(ra.docId(), LongDocIndexer.docId("other-name", StagedTree.sha256(pdf)));
    }

    @Test
    void reindexingADocNameReplacesItsOlderRows() throws Exception {
        KbLayout kb = kb("kb");
        IndexResult old = index(kb, "book", stage(kb, "book", outlineBook("v1.pdf")));
        Path v2 = TestBooks.withOutline(tmp.resolve("in/v2.pdf"), "Second Edition");
        IndexResult fresh = index(kb, "book", stage(kb, "book", v2));

        assertNotEquals(old.docId(), fresh.docId());
        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(List.of(fresh.docId()), store.documents().stream().map(StoredDocument::docId).toList());
            assertEquals("Second Edition", store.documentByName("book").orElseThrow().title());
            assertEquals(Optional.empty(), store.tree(old.docId()));
            assertEquals(0, store.storedPages(old.docId()));
        }
    }

    @Test
    void removeDeletesOnlyThatDocumentByCopyAndSwap() throws Exception {
        KbLayout kb = kb("kb");
        IndexResult keep = index(kb, "keep", stage(kb, "keep", outlineBook("k.pdf")));
        IndexResult gone = index(kb, "gone",
                stage(kb, "gone", TestBooks.withOutline(tmp.resolve("in/g.pdf"), "Gone")));
        Path scratch = Files.createDirectories(kb.stagingDir().resolve("remove-1"));

        List<String> log = new ArrayList<>();
        recorded(kb, log, tx -> {
            indexer.remove(tx, kb, gone.docId(), scratch);
            return null;
        });

        assertTrue(log.contains("publish .openkb/pageindex.db"), log.toString());
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count());
        }
        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(List.of(keep.docId()), store.documents().stream().map(StoredDocument::docId).toList());
            assertEquals(0, store.storedPages(gone.docId()));
            assertEquals(25, store.storedPages(keep.docId()));
        }
    }

    @Test
    void removingAnUnknownDocumentChangesNothing() throws Exception {
        KbLayout kb = kb("kb");
        index(kb, "book", stage(kb, "book", outlineBook("book.pdf")));
        byte[] before = Files.readAllBytes(kb.pageindexDb());

        KbLayout empty = kb("empty");
        List<String> log = new ArrayList<>();
        Path rm = Files.createDirectories(kb.stagingDir().resolve("rm"));
        Path rm2 = Files.createDirectories(empty.stagingDir().resolve("rm2"));
        recorded(kb, log, tx -> {
            indexer.remove(tx, kb, "no-such-id", rm);
            return null;
        });
        recorded(empty, log, tx -> {
            indexer.remove(tx, empty, "no-such-id", rm2);
            return null;
        });

        assertEquals(List.of(), log);
        assertFalse(Files.exists(empty.pageindexDb()));
        assertArrayEquals(before, Files.readAllBytes(kb.pageindexDb()));
    }

    @Test
    void committedFramesInALiveWalAreCarriedIntoTheNewDatabase() throws Exception {
        KbLayout kb = kb("kb");
        // A writer that died before checkpointing: its rows are only in pageindex.db-wal.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kb.pageindexDb())) {
            try (PageIndexStore init = PageIndexStore.openWritable(kb.pageindexDb())) {
                init.checkpoint();
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint=0");
                st.execute("INSERT INTO documents VALUES ('old-id', 'old', 'Old', 'Old doc.', 3, '"
                        + "0".repeat(64) + "')");
            }
            Path crashed = kb("crashed").openkbDir();
            Files.copy(kb.pageindexDb(), crashed.resolve("pageindex.db"));
            Files.copy(kb.openkbDir().resolve("pageindex.db-wal"), crashed.resolve("pageindex.db-wal"));
        }
        KbLayout crashed = new KbLayout(tmp.resolve("crashed"));
        assertTrue(Files.size(crashed.openkbDir().resolve("pageindex.db-wal")) > 0);

        index(crashed, "book", stage(crashed, "book", outlineBook("b.pdf")));

        assertEquals(List.of(), sidecars(crashed.pageindexDb()));
        try (PageIndexStore store = PageIndexStore.openReadOnly(crashed.pageindexDb())) {
            assertEquals(List.of("book", "old"), store.documents().stream().map(StoredDocument::docName).toList());
        }
    }

    @Test
    void foreignDatabaseIsRefusedAndLeftAlone() throws Exception {
        KbLayout kb = kb("kb");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kb.pageindexDb());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE documents (id TEXT, blob_path TEXT)");
        }
        byte[] before = Files.readAllBytes(kb.pageindexDb());
        Path staging = stage(kb, "book", outlineBook("book.pdf"));

        List<String> log = new ArrayList<>();
        KbException e = assertThrows(KbException.class,
                () -> recorded(kb, log, tx -> indexer.index(tx, kb, "book", staging)));

        assertEquals(ErrorCode.INDEX_FAILED, e.code());
        assertTrue(e.getMessage().contains("not an OpenKB page index"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(kb.pageindexDb()));
        assertEquals(List.of(), log);
        assertFalse(Files.exists(kb.summary("book")));
    }

    @Test
    void missingStagedTreeFailsWithIndexFailed() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = Files.createDirectories(kb.stagingDir().resolve("add-empty"));

        KbException e = assertThrows(KbException.class,
                () -> index(kb, "book", staging));
        assertEquals(ErrorCode.INDEX_FAILED, e.code());
        assertFalse(Files.exists(kb.pageindexDb()));
    }

    @Test
    void readsThePublishedPageJsonWhenStagingNoLongerHoldsIt() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = stage(kb, "book", outlineBook("book.pdf"));
        Files.createDirectories(kb.sourcesDir());
        Files.move(staging.resolve("wiki/sources/book.json"), kb.sourceJson("book"));

        IndexResult r = index(kb, "book", staging);

        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(25, store.storedPages(r.docId()));
        }
    }

    @Test
    void worksInAKbFolderWhoseNameLooksLikeUrlSyntax() throws Exception {
        KbLayout kb = kb("my kb ?mode=ro#x %20 ü");
        IndexResult r = index(kb, "book", stage(kb, "book", outlineBook("b.pdf")));

        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(25, store.storedPages(r.docId()));
        }
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
    }

    /**
     * A KB holding one committed book and a stale {@code -shm} (which the swap deletes), with a
     * second book staged for the mutation under test; returns that staging folder.
     */
    private Path firstBookCommittedAndSecondStaged(KbLayout kb) throws IOException {
        index(kb, "first", stage(kb, "first", outlineBook("first.pdf")));
        Files.write(kb.openkbDir().resolve("pageindex.db-shm"), new byte[] {7, 7, 7});
        return stage(kb, "second", TestBooks.withOutline(tmp.resolve("in/second.pdf"), "Second Book"));
    }

    @Test
    void rollsBackTheDatabaseSidecarsAndSummaryWhenTheMutationFails() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = firstBookCommittedAndSecondStaged(kb);
        Map<String, String> before = TreeManifest.ofKb(kb.root());

        KbException e = assertThrows(KbException.class, () -> Journaled.run(kb, tx -> {
            indexer.index(tx, kb, "second", staging);
            assertTrue(Files.exists(kb.summary("second")), "the index step has run");
            throw new IOException("a later step of the add failed");
        }));

        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.getMessage().contains("a later step of the add failed"), e.getMessage());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
        assertFalse(Files.exists(kb.summary("second")));
        assertEquals(List.of("pageindex.db-shm"), sidecars(kb.pageindexDb()));
        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(List.of("first"), store.documents().stream().map(StoredDocument::docName).toList());
        }
    }

    @Test
    void aCrashAtAnyStepOfIndexingLeavesTheKbAsBeforeOrAsAfterOnceRecovered() throws Exception {
        KbLayout kb = kb("kb");
        String stagingRel = kb.relative(firstBookCommittedAndSecondStaged(kb));
        // Every state compared is a copy of this template: copyTree does not keep folder modes.
        Path template = Fixtures.copyTree(kb.root(), tmp.resolve("template"));
        Map<String, String> before = TreeManifest.ofKb(template);
        KbLayout done = new KbLayout(Fixtures.copyTree(template, tmp.resolve("done")));
        index(done, "second", done.root().resolve(stagingRel));
        Map<String, String> after = TreeManifest.ofKb(done.root());
        assertNotEquals(before, after);

        int states = 0;
        for (int n = 1; ; n++) {
            KbLayout copy = new KbLayout(Fixtures.copyTree(template, tmp.resolve("crash-" + n)));
            FaultyFileOps ops = new FaultyFileOps().arm(n, null, FaultyFileOps.Mode.CRASH, null);
            try {
                Journaled.run(ops, copy, tx -> indexer.index(tx, copy, "second", copy.root().resolve(stagingRel)));
            } catch (FaultyFileOps.SimulatedCrash | KbException crashed) {
                assertTrue(ops.crashed(), "only the injected crash may fail the mutation: " + crashed);
            }
            try (OpenKb engine = new OpenKb(w -> { })) {
                engine.kb(copy).recover(CancelToken.none());
            }
            Map<String, String> state = TreeManifest.ofKb(copy.root());
            assertTrue(state.equals(before) || state.equals(after), "crash at operation " + n);
            states++;
            if (!ops.crashed()) {
                assertEquals(after, state);
                break;
            }
        }
        assertTrue(states > 20, "indexing has many steps to crash at: " + states);
    }

    @Test
    void readOnlyOpenOfAMissingDatabaseFails() {
        assertThrows(SQLException.class, () -> PageIndexStore.openReadOnly(tmp.resolve("none.db")));
    }
}
