package dev.openkb.pageindex;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The commit-time step for a long PDF, run by the add pipeline inside a journaled transaction: stores
 * the staged tree and pages in {@code .openkb/pageindex.db} and writes {@code wiki/summaries/<doc>.md}.
 *
 * <p>The database is changed by copy-and-swap, never in place: the live file (with any {@code -wal}
 * or hot {@code -journal}, so nothing committed is lost) is copied into staging, the copy is updated,
 * checkpointed and closed so no sidecar remains, and then the transaction records the before-images
 * of the live file and all its sidecars, deletes the sidecars and renames the copy over the live file.
 * SQLite's in-place writes would otherwise corrupt a hard-linked before-image, and a rollback could
 * leave sidecars newer than the database they sit next to.
 *
 * <p>Stateless; the caller holds the KB's exclusive lock, so one indexer runs at a time per KB.
 */
public final class LongDocIndexer {
    static final String SCRATCH_DB = "pageindex.db";
    private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");
    /** Sidecars that may hold committed data (a WAL, a hot rollback journal); SQLite rebuilds -shm. */
    private static final List<String> DATA_SIDECARS = List.of("-wal", "-journal");

    /**
     * Indexes the document staged in {@code stagingDir} by the PDF converter. Reads the per-page JSON
     * from staging, or from the live KB when the pipeline has already published it.
     *
     * @throws KbException {@code INDEX_FAILED} when the staged files are missing or unreadable or the
     *                     database cannot be written; nothing live has changed in that case
     */
    public IndexResult index(KbTransaction tx, KbLayout layout, String docName, Path stagingDir) throws IOException {
        DocTree tree;
        String rawSha;
        try {
            tree = StagedTree.readTree(stagingDir);
            rawSha = StagedTree.readRawSha256(stagingDir);
        } catch (IOException e) {
            throw new KbException(ErrorCode.INDEX_FAILED, StagedTree.dir(stagingDir),
                    "staged page index is missing or unreadable: " + e.getMessage(), e);
        }
        Path pagesFile = pagesFile(layout, docName, stagingDir);
        String docId = docId(docName, rawSha);
        StoredDocument row = new StoredDocument(docId, docName, tree.title(), tree.description(), tree.pageCount(),
                rawSha);

        Path scratch = StagedTree.dir(stagingDir).resolve(SCRATCH_DB);
        Map<Integer, List<String>> pageImages = new TreeMap<>();
        try {
            copyLive(layout.pageindexDb(), scratch);
            try (PageIndexStore store = PageIndexStore.openWritable(scratch)) {
                store.replaceDocument(row, tree, consumer -> PagesJsonReader.read(pagesFile, page -> {
                    if (!page.images().isEmpty()) {
                        pageImages.computeIfAbsent(page.page(), k -> new ArrayList<>()).addAll(page.images());
                    }
                    consumer.accept(page);
                }));
                store.checkpoint();
            }
            requireNoSidecars(scratch);
            swap(tx, scratch, layout.pageindexDb());
        } catch (SQLException | IOException e) {
            throw new KbException(ErrorCode.INDEX_FAILED, layout.pageindexDb(),
                    "cannot store " + docName + " in the page index: " + e.getMessage(), e);
        } finally {
            deleteScratch(scratch);
        }
        tx.createDirectories(layout.summariesDir());
        tx.writeString(layout.summary(docName), SummaryPage.render(docName, tree, pageImages));
        return new IndexResult(docId, tree.description(), tree);
    }

    /**
     * Removes a document from the page index by the same copy-and-swap; {@code scratchDir} is a
     * private folder inside the KB (same file system) for the copy. Does nothing when there is no
     * database or no such document.
     */
    public void remove(KbTransaction tx, KbLayout layout, String docId, Path scratchDir) throws IOException {
        Path live = layout.pageindexDb();
        if (!Files.exists(live)) {
            return;
        }
        Path scratch = scratchDir.resolve(SCRATCH_DB);
        try {
            copyLive(live, scratch);
            boolean removed;
            try (PageIndexStore store = PageIndexStore.openWritable(scratch)) {
                removed = store.removeDocument(docId);
                store.checkpoint();
            }
            if (removed) {
                requireNoSidecars(scratch);
                swap(tx, scratch, live);
            }
        } catch (SQLException | IOException e) {
            throw new KbException(ErrorCode.INDEX_FAILED, live, "cannot remove " + docId + " from the page index: "
                    + e.getMessage(), e);
        } finally {
            deleteScratch(scratch);
        }
    }

    /** The document id: a name-based UUID of the doc name and the raw file's SHA-256, so re-runs agree. */
    public static String docId(String docName, String rawSha256) {
        return UUID.nameUUIDFromBytes((docName + "\u0000" + rawSha256).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Path pagesFile(KbLayout layout, String docName, Path stagingDir) {
        Path staged = stagingDir.resolve("wiki/sources").resolve(docName + ".json");
        if (Files.isRegularFile(staged)) {
            return staged;
        }
        Path live = layout.sourceJson(docName);
        if (Files.isRegularFile(live)) {
            return live;
        }
        throw new KbException(ErrorCode.INDEX_FAILED, staged, "the per-page JSON of " + docName
                + " is neither staged nor published");
    }

    private static void copyLive(Path live, Path scratch) throws IOException {
        deleteScratch(scratch);
        Files.createDirectories(scratch.getParent());
        if (!Files.exists(live)) {
            return;
        }
        Files.copy(live, scratch);
        for (String suffix : DATA_SIDECARS) {
            Path side = sibling(live, suffix);
            if (Files.exists(side)) {
                // SQLite replays (WAL) or rolls back (hot journal) this when it opens the copy.
                Files.copy(side, sibling(scratch, suffix));
            }
        }
    }

    private static void requireNoSidecars(Path scratch) throws IOException {
        for (String suffix : SIDECARS) {
            Path side = sibling(scratch, suffix);
            if (Files.exists(side)) {
                if (Files.size(side) > 0) {
                    throw new IOException("SQLite left a non-empty " + side.getFileName() + " after the checkpoint");
                }
                Files.delete(side);
            }
        }
    }

    /** Journal all four live paths first, so a rollback restores the database and its sidecars together. */
    private static void swap(KbTransaction tx, Path scratch, Path live) throws IOException {
        List<Path> paths = new ArrayList<>();
        paths.add(live);
        SIDECARS.forEach(s -> paths.add(sibling(live, s)));
        tx.touch(paths);
        // Stale sidecars must go before the new file appears: SQLite would replay an old WAL into it.
        for (String suffix : SIDECARS) {
            tx.delete(sibling(live, suffix));
        }
        tx.publish(scratch, live);
    }

    private static void deleteScratch(Path scratch) {
        try {
            Files.deleteIfExists(scratch);
            for (String suffix : SIDECARS) {
                Files.deleteIfExists(sibling(scratch, suffix));
            }
        } catch (IOException e) {
            // Staging is removed with its folder by the pipeline; a leftover copy there is harmless.
        }
    }

    private static Path sibling(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }
}
