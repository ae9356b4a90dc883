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
import dev.openkb.io.UnsafePathException;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import dev.openkb.lock.KbLock;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, items 1 and 2: a KB is untrusted input. A journal, a symlink or a staging folder planted
 * in it (by git clone, an archive, a synced folder) must never make recovery — which runs when an
 * editor merely opens the KB — delete, move or write anything outside the KB. Each planted journal
 * is set aside in {@code .openkb/journal/quarantine/} with a reason, touching nothing it names.
 */
class PlantedKbTest {
    private static final String ID = "0194a1b2c3d47e5f8a9b0c1d2e3f4a5b";

    @TempDir
    Path dir;
    KbLayout kb;
    Path outside;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        outside = dir.resolve("somewhere");
        write(outside.resolve("precious.txt"), "must survive");
    }

    /** {@code openkb recover} on the KB, as a user would run it (the lock recovers). */
    private RecoveryReport openkbRecover() {
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            return engine.kb(kb).recover(CancelToken.none());
        }
    }

    private Map<String, Object> journal(String status, String backupDirRel, String backupDirAbs, boolean ours) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("version", 1);
        j.put("operation", "add");
        j.put("status", status);
        j.put("kb_dir", kb.root().toString());
        j.put("backup_dir", backupDirAbs);
        j.put("details", Map.of("doc_name", "paper"));
        j.put("attempts", 0);
        j.put("entries", new ArrayList<>());
        if (ours) {
            j.put("id", ID);
            j.put("writer", JournalCodec.WRITER);
            j.put("backup_dir_rel", backupDirRel);
        }
        return j;
    }

    @SuppressWarnings("unchecked")
    private static void entry(Map<String, Object> j, String target, String backup, String rel, String backupRel, String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("target", target);
        e.put("backup", backup);
        if (rel != null) {
            e.put("rel", rel);
            e.put("backup_rel", backupRel);
            e.put("kind", kind);
        }
        ((List<Object>) j.get("entries")).add(e);
    }

    private void plant(Map<String, Object> j) throws IOException {
        write(kb.journalDir().resolve(ID + ".json"), PythonJson.dumpIndented(j));
    }

    private void assertOutsideUntouched() throws IOException {
        assertTrue(Files.isRegularFile(outside.resolve("precious.txt")), "the folder outside the KB was deleted");
        assertEquals("must survive", read(outside.resolve("precious.txt")));
    }

    private void assertSetAside(RecoveryReport r) {
        assertEquals(List.of(ID + ".json"), r.quarantined().stream().map(Quarantine.Entry::name).toList(), r.lines().toString());
        assertEquals(0, r.discarded(), "a planted journal is never 'cleaned': cleaning deletes its backup folder");
        assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("Unrecoverable mutation journal " + ID + ".json")), r.lines().toString());
        assertTrue(Recovery.pendingJournals(kb).isEmpty(), "it no longer waits in .openkb/journal");
        assertEquals(1, Quarantine.list(kb).size());
        assertTrue(Files.isRegularFile(Quarantine.dir(kb).resolve(ID + ".json")));
    }

    @ParameterizedTest(name = "backup_dir_rel = {0}")
    @ValueSource(strings = {"../somewhere", "../../kb/../somewhere", "ABSOLUTE"})
    void aCommittedJournalWhoseBackupFolderLeavesTheKbDeletesNothing(String rel) throws IOException {
        String backupRel = rel.equals("ABSOLUTE") ? outside.toString() : rel;
        plant(journal("committed", backupRel, outside.toString(), true));

        RecoveryReport r = openkbRecover();

        assertOutsideUntouched();
        assertSetAside(r);
        assertFalse(r.lines().stream().anyMatch(l -> l.startsWith("Cleaned")), r.lines().toString());
    }

    @Test
    void aCommittedJournalWhoseBackupFolderIsTheWikiDeletesNothing() throws IOException {
        write(kb.indexMd(), "# Index\n");
        plant(journal("committed", "wiki", kb.wikiDir().toString(), true));

        RecoveryReport r = openkbRecover();

        assertEquals("# Index\n", read(kb.indexMd()), "a backup folder lies in .openkb/staging, never elsewhere in the KB");
        assertSetAside(r);
    }

    @ParameterizedTest(name = "ours = {0}")
    @ValueSource(booleans = {true, false})
    void anActiveJournalDoesNotDeleteThroughASymlinkedFolder(boolean ours) throws IOException {
        Files.createDirectories(kb.wikiDir());
        Files.createSymbolicLink(kb.wikiDir().resolve("evil"), outside);
        Path backupDir = kb.stagingDir().resolve("rollback-" + ID);
        Map<String, Object> j = journal("active", ".openkb/staging/rollback-" + ID, backupDir.toString(), ours);
        Path target = kb.wikiDir().resolve("evil/precious.txt");
        entry(j, target.toString(), null, ours ? "wiki/evil/precious.txt" : null, null, "absent");
        plant(j);

        RecoveryReport r = openkbRecover();

        assertOutsideUntouched();
        assertSetAside(r);
        assertTrue(Quarantine.list(kb).get(0).reason().contains("symlink wiki/evil"), Quarantine.list(kb).toString());
        assertTrue(Files.isSymbolicLink(kb.wikiDir().resolve("evil")), "the link itself is left for the user to judge");
    }

    @Test
    void aBackupReachedThroughASymlinkIsNotRestoredIntoTheKb() throws IOException {
        write(kb.indexMd(), "# Index\n");
        Path backupDir = kb.stagingDir().resolve("rollback-" + ID);
        Files.createDirectories(backupDir);
        Files.createSymbolicLink(backupDir.resolve("out"), outside);
        Map<String, Object> j = journal("active", ".openkb/staging/rollback-" + ID, backupDir.toString(), true);
        entry(j, kb.indexMd().toString(), backupDir.resolve("out/precious.txt").toString(), "wiki/index.md",
                ".openkb/staging/rollback-" + ID + "/out/precious.txt", "file");
        plant(j);

        RecoveryReport r = openkbRecover();

        assertEquals("# Index\n", read(kb.indexMd()), "a file outside the KB was copied in as a 'before-image'");
        assertOutsideUntouched();
        assertSetAside(r);
    }

    /** The journal was safe when read; a folder is swapped for a symlink before the rollback acts. */
    @Test
    void rollbackChecksEachPathAgainAtUseTime() throws IOException {
        Files.createDirectories(kb.wikiDir().resolve("evil"));
        Path backupDir = kb.stagingDir().resolve("rollback-" + ID);
        Map<String, Object> j = journal("active", ".openkb/staging/rollback-" + ID, backupDir.toString(), true);
        entry(j, kb.wikiDir().resolve("evil/precious.txt").toString(), null, "wiki/evil/precious.txt", null, "absent");
        JournalRecord safeWhenRead = JournalCodec.decode(PythonJson.dumpIndented(j), ID, kb.root());
        Files.delete(kb.wikiDir().resolve("evil"));
        Files.createSymbolicLink(kb.wikiDir().resolve("evil"), outside);

        assertThrows(UnsafePathException.class, () -> Rollback.apply(new AtomicFiles(new RealFileOps()), kb, safeWhenRead));

        assertOutsideUntouched();
    }

    @Test
    void aSymlinkedStagingFolderIsNeitherListedNorReaped() throws IOException {
        Path oldFolder = outside.resolve("add-paper-0123abcd");
        write(oldFolder.resolve("paper.md"), "someone else's");
        Files.setLastModifiedTime(oldFolder, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.createDirectories(kb.openkbDir());
        Files.createSymbolicLink(kb.stagingDir(), outside);

        RecoveryReport r = openkbRecover();

        assertOutsideUntouched();
        assertTrue(Files.isRegularFile(oldFolder.resolve("paper.md")), "an unleased folder outside the KB was reaped");
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("Recovery refused") && e.contains("symlink .openkb/staging")),
                r.errors().toString());
    }

    @Test
    void aSymlinkInStagingIsRemovedAsALinkNeverFollowed() throws IOException {
        Files.createDirectories(kb.stagingDir());
        Files.createSymbolicLink(kb.stagingDir().resolve("rollback-" + ID), outside);
        Files.createSymbolicLink(kb.stagingDir().resolve("trash-add-x-01234567"), outside);

        RecoveryReport r = openkbRecover();

        assertOutsideUntouched();
        assertEquals(2, r.stagingReclaimed());
        try (var s = Files.list(kb.stagingDir())) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aSymlinkedJournalFolderIsNotCleanedNorWrittenThrough() throws IOException {
        Path temp = write(outside.resolve("." + ID + ".json.1a2b3c4d.tmp"), "looks like our temp");
        write(kb.indexMd(), "# Index v1\n");
        Files.createDirectories(kb.openkbDir());
        Files.createSymbolicLink(kb.journalDir(), outside);

        RecoveryReport r = openkbRecover();

        assertTrue(Files.exists(temp), "recovery deleted a file outside the KB as a 'stray temp'");
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("Recovery refused")), r.errors().toString());
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            KbException e = assertThrows(KbException.class, () -> dev.openkb.service.KbInternals.executor(engine.kb(kb)).call(CancelToken.none(),
                    runner -> runner.run("lint", Map.of(), tx -> {
                        tx.write(kb.indexMd(), "# Index v2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        return null;
                    })));
            assertTrue(e.getMessage().contains("symlink .openkb/journal"), e.getMessage());
        }
        try (var s = Files.list(outside)) {
            assertEquals(2, s.count(), "no journal was written outside the KB");
        }
        assertEquals("# Index v1\n", read(kb.indexMd()), "nothing changed without a journal");
    }

    @Test
    void aJournalThatIsASymlinkIsMovedAsALinkAndItsTargetNeverRead() throws IOException {
        Files.createDirectories(kb.journalDir());
        Files.createSymbolicLink(kb.journalDir().resolve(ID + ".json"), outside.resolve("precious.txt"));

        RecoveryReport r = openkbRecover();

        assertOutsideUntouched();
        assertSetAside(r);
        assertTrue(Files.isSymbolicLink(Quarantine.dir(kb).resolve(ID + ".json")));
        assertTrue(r.quarantined().get(0).reason().contains("not a regular file"), r.quarantined().toString());
    }

    @Test
    void aLockFileThatIsASymlinkIsRefusedNotCreatedOutside() throws IOException {
        Path target = outside.resolve("created-by-lock");
        Files.createDirectories(kb.openkbDir());
        Files.deleteIfExists(kb.lockFile());
        Files.createSymbolicLink(kb.lockFile(), target);
        try (KbLock lock = new KbLock(kb.lockFile(), l -> { })) {
            KbException e = assertThrows(KbException.class, () -> lock.shared(CancelToken.none()).close());
            assertEquals(ErrorCode.LOCK_FAILED, e.code());
            assertTrue(e.getMessage().contains("is a symlink"), e.getMessage());
        }
        assertFalse(Files.exists(target), "the lock created a file outside the KB");
    }

    @Test
    void aQuarantinedJournalNeverBlocksLaterCommandsAndStaysListedUntilDeleted() throws IOException {
        plant(journal("committed", "../somewhere", outside.toString(), true));
        openkbRecover();

        RecoveryReport again = openkbRecover();

        assertTrue(again.nothingToDo(), again.lines().toString());
        assertEquals(1, Quarantine.list(kb).size());
        assertTrue(Quarantine.list(kb).get(0).reason().contains("path leaves the KB: ../somewhere"), Quarantine.list(kb).toString());
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            var status = engine.kb(kb).status(CancelToken.none());
            assertEquals(List.of(ID + ".json"), status.quarantined().stream().map(Quarantine.Entry::name).toList(),
                    "status shows it until the user deletes it");
            assertEquals(List.of(), status.pendingJournals());
        }
        Fixtures.deleteTree(Quarantine.dir(kb)); // what the user does after inspecting it
        assertEquals(List.of(), Quarantine.list(kb));
    }
}
