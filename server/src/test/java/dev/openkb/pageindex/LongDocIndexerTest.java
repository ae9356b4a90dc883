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
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit-time long-document step against a real SQLite file. Uses {@link DirectTransaction}, a
 * test stand-in without journal: switch to the real journaled transaction once it exists.
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

        IndexResult result = indexer.index(new DirectTransaction(kb), kb, "book", staging);

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
        indexer.index(new DirectTransaction(kb), kb, "book", staging);

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
        indexer.index(new DirectTransaction(kb), kb, "book", stage(kb, "book", outlineBook("book.pdf")));

        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(1, store.documents().size());
            assertEquals(List.of(), sidecars(kb.pageindexDb()));
        }
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
    }

    @Test
    void journalsTheDatabaseAndAllSidecarsThenDeletesStaleSidecarsBeforeTheSwap() throws Exception {
        KbLayout kb = kb("kb");
        indexer.index(new DirectTransaction(kb), kb, "first", stage(kb, "first", outlineBook("first.pdf")));
        Files.write(kb.openkbDir().resolve("pageindex.db-shm"), new byte[0]);
        Path staging = stage(kb, "second", TestBooks.withOutline(tmp.resolve("in/second.pdf"), "Second Book"));

        DirectTransaction tx = new DirectTransaction(kb);
        indexer.index(tx, kb, "second", staging);

        assertEquals(List.of(
                "touch .openkb/pageindex.db", "touch .openkb/pageindex.db-wal", "touch .openkb/pageindex.db-shm",
                "touch .openkb/pageindex.db-journal",
                "delete .openkb/pageindex.db-wal", "delete .openkb/pageindex.db-shm",
                "delete .openkb/pageindex.db-journal",
                "publish .openkb/pageindex.db",
                "write wiki/summaries/second.md"), tx.log);
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(List.of("first", "second"), store.documents().stream().map(StoredDocument::docName).toList());
        }
    }

    @Test
    void writesTheSummaryPageWithPageIndexFrontmatter() throws Exception {
        KbLayout kb = kb("kb");
        IndexResult result = indexer.index(new DirectTransaction(kb), kb, "book",
                stage(kb, "book", outlineBook("book.pdf")));

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
        IndexResult ra = indexer.index(new DirectTransaction(a), a, "book", stage(a, "book", pdf));
        IndexResult rb = indexer.index(new DirectTransaction(b), b, "book", stage(b, "book", pdf));

        assertEquals(ra.docId(), rb.docId());
        assertEquals(LongDocIndexer.docId("book", StagedTree.sha256(pdf)), ra.docId());
        assertArrayEquals(Files.readAllBytes(a.summary("book")), Files.readAllBytes(b.summary("book")));
        assertArrayEquals(Files.readAllBytes(a.pageindexDb()), Files.readAllBytes(b.pageindexDb()));
        assertNotEquals(ra.docId(), LongDocIndexer.docId("other-name", StagedTree.sha256(pdf)));
    }

    @Test
    void reindexingADocNameReplacesItsOlderRows() throws Exception {
        KbLayout kb = kb("kb");
        IndexResult old = indexer.index(new DirectTransaction(kb), kb, "book",
                stage(kb, "book", outlineBook("v1.pdf")));
        Path v2 = TestBooks.withOutline(tmp.resolve("in/v2.pdf"), "Second Edition");
        IndexResult fresh = indexer.index(new DirectTransaction(kb), kb, "book", stage(kb, "book", v2));

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
        IndexResult keep = indexer.index(new DirectTransaction(kb), kb, "keep",
                stage(kb, "keep", outlineBook("k.pdf")));
        IndexResult gone = indexer.index(new DirectTransaction(kb), kb, "gone",
                stage(kb, "gone", TestBooks.withOutline(tmp.resolve("in/g.pdf"), "Gone")));
        Path scratch = Files.createDirectories(kb.stagingDir().resolve("remove-1"));

        DirectTransaction tx = new DirectTransaction(kb);
        indexer.remove(tx, kb, gone.docId(), scratch);

        assertTrue(tx.log.contains("publish .openkb/pageindex.db"));
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
        indexer.index(new DirectTransaction(kb), kb, "book", stage(kb, "book", outlineBook("book.pdf")));
        byte[] before = Files.readAllBytes(kb.pageindexDb());

        DirectTransaction tx = new DirectTransaction(kb);
        indexer.remove(tx, kb, "no-such-id", Files.createDirectories(kb.stagingDir().resolve("rm")));
        indexer.remove(tx, kb("empty"), "no-such-id", Files.createDirectories(kb.stagingDir().resolve("rm2")));

        assertEquals(List.of(), tx.log);
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

        indexer.index(new DirectTransaction(crashed), crashed, "book", stage(crashed, "book", outlineBook("b.pdf")));

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

        DirectTransaction tx = new DirectTransaction(kb);
        KbException e = assertThrows(KbException.class, () -> indexer.index(tx, kb, "book", staging));

        assertEquals(ErrorCode.INDEX_FAILED, e.code());
        assertTrue(e.getMessage().contains("not an OpenKB page index"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(kb.pageindexDb()));
        assertEquals(List.of(), tx.log);
        assertFalse(Files.exists(kb.summary("book")));
    }

    @Test
    void missingStagedTreeFailsWithIndexFailed() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = Files.createDirectories(kb.stagingDir().resolve("add-empty"));

        KbException e = assertThrows(KbException.class,
                () -> indexer.index(new DirectTransaction(kb), kb, "book", staging));
        assertEquals(ErrorCode.INDEX_FAILED, e.code());
        assertFalse(Files.exists(kb.pageindexDb()));
    }

    @Test
    void readsThePublishedPageJsonWhenStagingNoLongerHoldsIt() throws Exception {
        KbLayout kb = kb("kb");
        Path staging = stage(kb, "book", outlineBook("book.pdf"));
        Files.createDirectories(kb.sourcesDir());
        Files.move(staging.resolve("wiki/sources/book.json"), kb.sourceJson("book"));

        IndexResult r = indexer.index(new DirectTransaction(kb), kb, "book", staging);

        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(25, store.storedPages(r.docId()));
        }
    }

    @Test
    void worksInAKbFolderWhoseNameLooksLikeUrlSyntax() throws Exception {
        KbLayout kb = kb("my kb ?mode=ro#x %20 ü");
        IndexResult r = indexer.index(new DirectTransaction(kb), kb, "book", stage(kb, "book", outlineBook("b.pdf")));

        try (PageIndexStore store = PageIndexStore.openReadOnly(kb.pageindexDb())) {
            assertEquals(25, store.storedPages(r.docId()));
        }
        assertEquals(List.of(), sidecars(kb.pageindexDb()));
    }

    @Test
    void readOnlyOpenOfAMissingDatabaseFails() {
        assertThrows(SQLException.class, () -> PageIndexStore.openReadOnly(tmp.resolve("none.db")));
    }
}
