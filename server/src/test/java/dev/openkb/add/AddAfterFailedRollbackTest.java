package dev.openkb.add;

import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.journal.Recovery;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 5: an add whose rollback failed leaves an active journal and a {@code hashes.json}
 * that still registers the document. The next add of the same file must decide from the recovered
 * KB — add it — not say "already in the knowledge base" and then lose the document to recovery.
 */
class AddAfterFailedRollbackTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theNextAddOfTheSameFileAddsItAfterRecoveryInsteadOfSkippingIt() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        Path doc = write(dir.resolve("in/paper.md"), "# Paper\n\nWrite-ahead logging keeps a KB consistent.\n");
        String hashes = "rename " + kb.hashes();
        String log = "rename " + kb.logMd();
        // The registry write goes through (1st match); the log write fails (2nd), so the add rolls
        // back, and the rollback's restores of log.md / hashes.json fail too (3rd on): a dirty rollback.
        FaultyFileOps disk = new FaultyFileOps().armWhere(2, op -> op.equals(hashes) || op.equals(log), FaultyFileOps.Mode.FAIL_ALWAYS);
        AddReport first = add(kb, doc, disk, new ArrayList<>());
        assertEquals(FileStatus.FAILED, first.files().get(0).status(), first.files().toString());
        assertTrue(first.stoppedReason() != null && first.stoppedReason().contains("DIRTY_ROLLBACK"), String.valueOf(first.stoppedReason()));
        assertEquals(1, Recovery.pendingJournals(kb).size(), "the failed rollback kept its journal");
        assertTrue(Registry.load(kb).isKnown(sha256(doc)), "the precondition: hashes.json still registers the half-undone add");

        // The disk is fixed; the user adds the same file again.
        List<String> warnings = new ArrayList<>();
        AddReport second = add(kb, doc, new RealFileOps(), warnings);

        assertEquals(FileStatus.ADDED, second.files().get(0).status(), second.files() + " " + warnings);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Rolled back interrupted add journal")), warnings.toString());
        assertTrue(Recovery.pendingJournals(kb).isEmpty());
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, CLOCK)) {
            engine.kb(kb).recover(CancelToken.none()); // a later recovery keeps it
        }
        assertTrue(Registry.load(kb).isKnown(sha256(doc)), "the document is registered for good");
        assertTrue(Files.isRegularFile(kb.summary("paper")), "and its summary exists");
    }

    private static AddReport add(KbLayout kb, Path file, dev.openkb.io.FileOps ops, List<String> warnings) throws IOException {
        try (OpenKb engine = new OpenKb(ops, warnings::add, CLOCK)) {
            return engine.kb(kb).add(List.of(file), 1, ProgressListener.NONE, CancelToken.none());
        }
    }

    private static String sha256(Path p) throws IOException {
        return FileHasher.sha256(p);
    }
}
