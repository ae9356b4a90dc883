package dev.openkb.journal;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import dev.openkb.lock.KbLock;
import dev.openkb.testing.Errno;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationRunnerTest {
    @TempDir
    Path dir;
    KbLayout kb;
    KbLock lock;
    volatile RecoveryReport lastRecovery;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        lock = new KbLock(kb.lockFile(), l -> lastRecovery = new Recovery(kb, new AtomicFiles(new RealFileOps())).run());
    }

    private MutationRunner runner(AtomicFiles files) {
        return new MutationRunner(kb, files, lock, w -> { });
    }

    private MutationRunner runner() {
        return runner(new AtomicFiles(new RealFileOps()));
    }

    private <T> T locked(java.util.function.Supplier<T> s) {
        try (KbLock.Hold h = lock.exclusive(CancelToken.none())) {
            return s.get();
        }
    }

    private void seedPages() throws IOException {
        write(kb.concept("attention"), "attention v1");
        write(kb.concept("transformer"), "transformer v1");
        write(kb.docImages("paper").resolve("p1_img1.png"), "png bytes");
    }

    @Test
    void committedMutationKeepsChangesAndLeavesNoJournalOrBackup() throws IOException {
        seedPages();
        locked(() -> runner().run("add", Map.of("doc_name", "paper"), tx -> {
            tx.writeString(kb.concept("attention"), "attention v2");
            tx.writeString(kb.summary("paper"), "summary");
            tx.delete(kb.concept("transformer"));
            return null;
        }));
        assertEquals("attention v2", read(kb.concept("attention")));
        assertEquals("summary", read(kb.summary("paper")));
        assertFalse(Files.exists(kb.concept("transformer")));
        assertTrue(Recovery.pendingJournals(kb).isEmpty());
        assertEquals(List.of(), listStaging());
    }

    @Test
    void rollsBackEveryKindOfChangeWhenTheBodyFails() throws IOException {
        seedPages();
        Files.setPosixFilePermissions(kb.concept("attention"), PosixFilePermissions.fromString("rw-r-----"));
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        KbException e = assertThrows(KbException.class, () -> locked(() -> runner().run("add", Map.of(), tx -> {
            tx.writeString(kb.concept("attention"), "attention v2");
            tx.writeString(kb.summary("paper").resolveSibling("nested/deeper/new.md"), "new in new folders");
            tx.delete(kb.concept("transformer"));
            tx.deleteTree(kb.docImages("paper"));
            Path staged = write(kb.stagingDir().resolve("add-x/raw/paper.md"), "raw");
            tx.publish(staged, kb.rawDir().resolve("paper.md"));
            throw new IOException("compile failed");
        })));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        Files.walk(kb.stagingDir()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    @Test
    void journalIsDurableBeforeTheFirstChangeAndNamesTheBeforeImage() throws IOException {
        seedPages();
        locked(() -> runner().run("add", Map.of(), tx -> {
            tx.touch(List.of(kb.concept("attention")));
            List<Path> journals = Recovery.pendingJournals(kb);
            assertEquals(1, journals.size());
            Map<String, Object> j = PythonJson.parseObject(Files.readString(journals.get(0)));
            assertEquals("active", j.get("status"));
            List<?> entries = (List<?>) j.get("entries");
            Map<?, ?> entry = (Map<?, ?>) entries.get(0);
            assertEquals(kb.concept("attention").toString(), entry.get("target"));
            assertEquals("attention v1", Files.readString(Path.of((String) entry.get("backup"))));
            assertEquals("attention v1", read(kb.concept("attention")), "the path itself is still untouched");
            return null;
        }));
    }

    @Test
    void ourJournalCarriesEveryFieldOpenKbRecoveryReads() throws IOException {
        seedPages();
        locked(() -> runner().run("add", Map.of("name", "paper.md", "doc_name", "paper"), tx -> {
            tx.writeString(kb.concept("attention"), "x");
            Map<String, Object> j = PythonJson.parseObject(Files.readString(Recovery.pendingJournals(kb).get(0)));
            for (String field : List.of("version", "operation", "status", "kb_dir", "backup_dir", "details", "attempts", "entries")) {
                assertTrue(j.containsKey(field), field);
            }
            assertEquals(1, j.get("version"));
            assertEquals("add", j.get("operation"));
            assertEquals(kb.root().toString(), j.get("kb_dir"));
            assertTrue(((String) j.get("backup_dir")).startsWith(kb.stagingDir().resolve("rollback-").toString()));
            Map<?, ?> e = (Map<?, ?>) ((List<?>) j.get("entries")).get(0);
            assertTrue(e.containsKey("target") && e.containsKey("backup"));
            assertTrue(Path.of((String) e.get("backup")).startsWith(Path.of((String) j.get("backup_dir"))));
            return null;
        }));
    }

    @Test
    void refusesPathsOutsideTheKbAndWritesThroughSymlinks() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(kb.wikiDir().resolve("escape"), outside);
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        KbException a = assertThrows(KbException.class, () -> locked(() -> runner().run("x", Map.of(),
                tx -> { tx.writeString(outside.resolve("f.md"), "no"); return null; })));
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, a.code());
        KbException b = assertThrows(KbException.class, () -> locked(() -> runner().run("x", Map.of(),
                tx -> { tx.writeString(kb.wikiDir().resolve("escape/f.md"), "no"); return null; })));
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, b.code());
        KbException c = assertThrows(KbException.class, () -> locked(() -> runner().run("x", Map.of(),
                tx -> { tx.writeString(kb.root().resolve("../outside/g.md"), "no"); return null; })));
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, c.code());
        assertFalse(Files.exists(outside.resolve("f.md")));
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    @Test
    void diskFullDuringAWriteLeavesTheKbAsItWas() throws IOException {
        seedPages();
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        // Fail the third createFile (a page write) with ENOSPC, once.
        FaultyFileOps ops = new FaultyFileOps().arm(2, "createFile", FaultyFileOps.Mode.FAIL_ONCE, "No space left on device");
        KbException e = assertThrows(KbException.class, () -> locked(() -> runner(new AtomicFiles(ops)).run("add", Map.of(), tx -> {
            tx.writeString(kb.concept("attention"), "v2");
            tx.writeString(kb.concept("transformer"), "v2");
            tx.writeString(kb.summary("paper"), "new");
            return null;
        })));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    @Test
    void failedRollbackKeepsTheJournalAndRecoveryFinishesIt() throws IOException {
        seedPages();
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        // Every rename fails from the 3rd on: the body's writes fail, then rollback's restores fail.
        FaultyFileOps ops = new FaultyFileOps().arm(3, "rename", FaultyFileOps.Mode.FAIL_ALWAYS, "Input/output error");
        KbException e = assertThrows(KbException.class, () -> locked(() -> runner(new AtomicFiles(ops)).run("add", Map.of(), tx -> {
            tx.writeString(kb.concept("attention"), "v2");
            tx.writeString(kb.concept("transformer"), "v2");
            tx.writeString(kb.summary("paper"), "new");
            return null;
        })));
        assertEquals(ErrorCode.DIRTY_ROLLBACK, e.code(), () -> e + "\n" + String.join("\n", ops.operations()));
        assertEquals(1, Recovery.pendingJournals(kb).size(), () -> String.join("\n", ops.operations()));
        locked(() -> null); // the next exclusive acquisition recovers
        assertEquals(1, lastRecovery.rolledBack().size());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    /** The journal folder's sync fails after the journal's rename: the file exists, so the failed mutation must remove it. */
    @Test
    void aJournalWhoseFolderSyncFailedIsStillRolledBackAndRemoved() throws IOException {
        seedPages();
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        FaultyFileOps ops = new FaultyFileOps().armWhere(1, op -> op.equals("syncDirectory " + kb.journalDir()), FaultyFileOps.Mode.FAIL_ONCE);
        assertThrows(KbException.class, () -> locked(() -> runner(new AtomicFiles(ops)).run("add", Map.of(), tx -> {
            tx.writeString(kb.concept("attention"), "v2");
            return null;
        })));
        assertEquals(List.of(), Recovery.pendingJournals(kb), "no journal is left whose backup is gone");
        locked(() -> null);
        assertTrue(lastRecovery.nothingToDo(), lastRecovery.lines().toString());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    /** A journal append that fails never reached the paths it names: rollback must not "restore" them destructively. */
    @Test
    void aFailedJournalAppendNeverUndoesAPathItDidNotChange() throws IOException {
        seedPages();
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        MutationRunner.Body<Object> body = tx -> {
            tx.writeString(kb.concept("attention"), "v2");
            tx.deleteTree(kb.docImages("paper"));
            return null;
        };
        // The disk fills up at the journal append that records the images tree, and stays full.
        Path copy = Fixtures.copyTree(kb.root(), dir.resolve("probe"));
        FaultyFileOps recording = new FaultyFileOps();
        KbLayout probe = new KbLayout(copy);
        try (KbLock l = new KbLock(probe.lockFile(), x -> { }); KbLock.Hold h = l.exclusive(CancelToken.none())) {
            new MutationRunner(probe, new AtomicFiles(recording), l, w -> { }).run("remove", Map.of(), tx -> {
                tx.writeString(probe.concept("attention"), "v2");
                tx.deleteTree(probe.docImages("paper"));
                return null;
            });
        }
        List<String> spaceOps = recording.operations().stream()
                .filter(o -> Errno.ENOSPC.appliesTo(o.substring(0, o.indexOf(' ')), Path.of(o.substring(o.indexOf(' ') + 1)), null)).toList();
        String journalTemp = "createFile " + probe.journalDir() + "/";
        int secondAppend = 1 + spaceOps.indexOf(spaceOps.stream().filter(o -> o.startsWith(journalTemp)).skip(1).findFirst().orElseThrow());
        FaultyFileOps ops = new FaultyFileOps().arm(secondAppend, Errno.ENOSPC, FaultyFileOps.Mode.FAIL_ALWAYS);

        assertThrows(KbException.class, () -> locked(() -> runner(new AtomicFiles(ops)).run("remove", Map.of(), body)));

        assertTrue(ops.fired().get(0).startsWith("createFile " + kb.journalDir()), ops.fired().toString());
        assertTrue(Files.exists(kb.docImages("paper").resolve("p1_img1.png")), "the tree was never deleted, so it stays");
        locked(() -> null);
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    /**
     * The commit mark's folder sync fails: the mark may be on disk, so the mutation is undone only
     * after the journal durably says "active" again — else a crash during the undo would let
     * recovery keep a half-undone mutation as committed.
     */
    @Test
    void aRollbackAfterAFailedCommitMarkMakesTheUndoDurableFirst() throws IOException {
        seedPages();
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        // Journal writes: touch attention, touch transformer, commit mark (the 3rd).
        FaultyFileOps failing = new FaultyFileOps().armWhere(3, op -> op.equals("syncDirectory " + kb.journalDir()), FaultyFileOps.Mode.FAIL_ONCE);
        // The process dies at the first restore into wiki/concepts (the body renamed twice there).
        FaultyFileOps dying = new FaultyFileOps(failing).armWhere(3, op -> op.startsWith("rename " + kb.conceptsDir()), FaultyFileOps.Mode.CRASH);
        assertThrows(FaultyFileOps.SimulatedCrash.class, () -> locked(() -> runner(new AtomicFiles(dying)).run("add", Map.of(), tx -> {
            tx.writeString(kb.concept("attention"), "v2");
            tx.writeString(kb.concept("transformer"), "v2");
            return null;
        })));
        assertEquals(1, failing.fired().size());
        locked(() -> null);
        assertEquals(before, TreeManifest.ofKb(kb.root()), lastRecovery.lines().toString());
    }

    @Test
    void mutationRequiresTheExclusiveLock() {
        assertThrows(IllegalStateException.class, () -> runner().run("add", Map.of(), tx -> null));
    }

    private List<String> listStaging() throws IOException {
        if (!Files.isDirectory(kb.stagingDir())) {
            return List.of();
        }
        try (var s = Files.list(kb.stagingDir())) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
