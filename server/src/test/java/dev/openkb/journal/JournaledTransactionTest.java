package dev.openkb.journal;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction's own contract, below the runner: what it refuses, records once, and restores. */
class JournaledTransactionTest {
    @TempDir
    Path dir;
    KbLayout kb;
    Map<String, String> before;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        write(kb.concept("attention"), "attention v1");
        write(kb.docImages("paper").resolve("p1.png"), "png v1");
        before = TreeManifest.ofKb(kb.root());
    }

    private JournaledTransaction tx() {
        return new JournaledTransaction(kb, new AtomicFiles(new RealFileOps()), new JournalIds().next(), "test", Map.of());
    }

    private void rollBackAndExpectTheKbAsItWas(JournaledTransaction tx) throws IOException {
        tx.rollback();
        tx.discard();
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    @Test
    void refusesPathsOutsideTheKbTheKbItselfAndPathsThroughASymlink() throws IOException {
        JournaledTransaction tx = tx();
        Path outside = write(dir.resolve("outside/secret.md"), "secret");
        Files.createSymbolicLink(kb.wikiDir().resolve("link"), outside.getParent());

        for (Path p : List.of(outside, kb.root(), kb.root().resolve("wiki/../../outside/secret.md"),
                kb.wikiDir().resolve("link/secret.md"))) {
            KbException e = assertThrows(KbException.class, () -> tx.writeString(p, "x"), p::toString);
            assertEquals(ErrorCode.PATH_OUTSIDE_KB, e.code());
        }
        assertEquals("secret", read(outside));
        assertEquals(List.of(), tx.touchedPaths());
    }

    @Test
    void refusesToReplaceAFileThatIsNotRegular() throws Exception {
        Path fifo = kb.wikiDir().resolve("pipe.md");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        JournaledTransaction tx = tx();

        KbException e = assertThrows(KbException.class, () -> tx.writeString(fifo, "x"));

        assertEquals(ErrorCode.PATH_OUTSIDE_KB, e.code());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void refusesToWriteOverOrDeleteAFolderAsIfItWereAFile() throws IOException {
        JournaledTransaction tx = tx();
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KbException.class, () -> tx.writeString(kb.conceptsDir(), "x")).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KbException.class, () -> tx.delete(kb.conceptsDir())).code());
        assertTrue(Files.isDirectory(kb.conceptsDir()));
    }

    @Test
    void recordsEachPathAndEachNewAncestorOnce() throws IOException {
        JournaledTransaction tx = tx();
        Path a = kb.wikiDir().resolve("new/deep/a.md");
        Path b = kb.wikiDir().resolve("new/deep/b.md");

        tx.touch(List.of(a, b, a));
        tx.touch(List.of(b));

        assertEquals(List.of(kb.wikiDir().resolve("new"), kb.wikiDir().resolve("new/deep"), a, b), tx.touchedPaths());
    }

    @Test
    void deletingWhatIsNotThereChangesNothingAndRollsBackCleanly() throws IOException {
        JournaledTransaction tx = tx();
        tx.delete(kb.concept("missing"));
        tx.deleteTree(kb.wikiDir().resolve("no-such-folder"));
        rollBackAndExpectTheKbAsItWas(tx);
    }

    @Test
    void aTreeDeletedTwiceIsImagedOnceAndComesBackAsItWasBeforeTheTransaction() throws IOException {
        JournaledTransaction tx = tx();
        Path images = kb.docImages("paper");
        // Changes made inside the folder before it goes must not leak into its before-image.
        tx.writeString(images.resolve("p1.png"), "png v2");
        tx.writeString(images.resolve("fresh/p2.png"), "created by the transaction");
        tx.deleteTree(images);
        tx.createDirectories(images);
        tx.writeString(images.resolve("p9.png"), "another");
        tx.deleteTree(images);

        assertFalse(Files.exists(images));
        rollBackAndExpectTheKbAsItWas(tx);
        assertEquals("png v1", read(images.resolve("p1.png")));
    }

    @Test
    void commitSkipsTheSyncOfAFolderTheTransactionRemovedAgain() throws IOException {
        JournaledTransaction tx = tx();
        tx.writeString(kb.wikiDir().resolve("scratch/page.md"), "x");
        tx.deleteTree(kb.wikiDir().resolve("scratch"));

        tx.commit();
        tx.discard();

        assertEquals(before, TreeManifest.ofKb(kb.root()));
        assertFalse(tx.commitMarkInDoubt());
    }

    @Test
    void aCommittedTransactionCanNeitherChangeNorRollBack() throws IOException {
        JournaledTransaction tx = tx();
        tx.writeString(kb.concept("attention"), "attention v2");
        tx.commit();

        assertThrows(IllegalStateException.class, () -> tx.writeString(kb.concept("attention"), "v3"));
        assertThrows(IllegalStateException.class, () -> tx.deleteTree(kb.conceptsDir()));
        assertThrows(IllegalStateException.class, tx::commit);
        assertThrows(IllegalStateException.class, tx::rollback);
        tx.discard();
        assertEquals("attention v2", read(kb.concept("attention")));
        assertTrue(Recovery.pendingJournals(kb).isEmpty());
    }
}
