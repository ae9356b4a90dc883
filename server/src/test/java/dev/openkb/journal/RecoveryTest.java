package dev.openkb.journal;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import dev.openkb.lock.KbLock;
import dev.openkb.lock.Lease;
import dev.openkb.lock.LeaseLostException;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Errno;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
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

class RecoveryTest {
    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
    }

    private RecoveryReport recover() {
        return new Recovery(kb, new AtomicFiles(new RealFileOps())).run();
    }

    /** A journal exactly as OpenKB's Python recovery writes it: absolute paths, uuid4 id, no kinds. */
    private Path openKbJournal(String id, String status, List<String[]> entries) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("version", 1);
        j.put("operation", "add");
        j.put("status", status);
        j.put("kb_dir", kb.root().toString());
        j.put("backup_dir", kb.stagingDir().resolve("rollback-" + id).toString());
        j.put("details", Map.of("file_hash", "ab", "name", "paper.pdf", "doc_name", "paper"));
        j.put("attempts", 0);
        List<Map<String, Object>> es = new ArrayList<>();
        for (String[] e : entries) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("target", e[0]);
            em.put("backup", e[1]);
            es.add(em);
        }
        j.put("entries", es);
        return write(kb.journalDir().resolve(id + ".json"), PythonJson.dumpIndented(j));
    }

    @Test
    void rollsBackAnOpenKbJournalWithFileAndWholeDirectoryEntries() throws IOException {
        write(kb.concept("attention"), "attention v1");
        write(kb.concept("transformer"), "transformer v1");
        write(kb.hashes(), "{}\n");
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        String id = "0f3c9a7e5b2d4c1e8f6a0b9c8d7e6f5a";
        Path backup = kb.stagingDir().resolve("rollback-" + id);
        // OpenKB's snapshot: hashes.json copied, wiki/concepts copytree'd, pageindex.db and the summary absent.
        write(backup.resolve(".openkb/hashes.json"), "{}\n");
        write(backup.resolve("wiki/concepts/attention.md"), "attention v1");
        write(backup.resolve("wiki/concepts/transformer.md"), "transformer v1");
        openKbJournal(id, "active", List.of(
                new String[]{kb.hashes().toString(), backup.resolve(".openkb/hashes.json").toString()},
                new String[]{kb.pageindexDb().toString(), null},
                new String[]{kb.conceptsDir().toString(), backup.resolve("wiki/concepts").toString()},
                new String[]{kb.summary("paper").toString(), null}));
        // The interrupted add had got this far:
        write(kb.hashes(), "{\"ab\": {}}\n");
        write(kb.concept("attention"), "attention v2");
        write(kb.concept("new-concept"), "new");
        Files.delete(kb.concept("transformer"));
        write(kb.summary("paper"), "summary");
        write(kb.pageindexDb(), "sqlite");

        RecoveryReport r = recover();

        assertEquals(1, r.rolledBack().size());
        assertEquals("add", r.rolledBack().get(0).operation());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    @Test
    void rollsBackActiveJournalsNewestFirstAndDiscardsTerminalOnes() throws IOException {
        write(kb.concept("a"), "original");
        AtomicFiles files = new AtomicFiles(new RealFileOps());
        JournalIds ids = new JournalIds();
        // Two interrupted mutations of the same page: the older saw "original", the newer saw "middle".
        JournaledTransaction older = new JournaledTransaction(kb, files, ids.next(), "add", Map.of());
        older.writeString(kb.concept("a"), "middle");
        JournaledTransaction newer = new JournaledTransaction(kb, files, ids.next(), "add", Map.of());
        newer.writeString(kb.concept("a"), "latest");
        JournaledTransaction done = new JournaledTransaction(kb, files, ids.next(), "remove", Map.of());
        done.writeString(kb.concept("b"), "kept");
        done.commit();

        RecoveryReport r = recover();

        assertEquals("original", read(kb.concept("a")), "newest undone first, so the oldest before-image wins");
        assertEquals("kept", read(kb.concept("b")), "a committed journal is only discarded");
        assertEquals(2, r.rolledBack().size());
        assertEquals(1, r.discarded());
        assertTrue(Recovery.pendingJournals(kb).isEmpty());
        assertTrue(recover().nothingToDo(), "recovering twice changes nothing");
    }

    @Test
    void setsAsideMalformedJournalsWithoutBlockingTheLock() throws IOException {
        write(kb.journalDir().resolve("empty.json"), "");
        write(kb.journalDir().resolve("garbage.json"), "{not json");
        write(kb.journalDir().resolve("foreign.json"), "{\"hello\": \"world\"}");
        write(kb.journalDir().resolve("list.json"), "[1, 2]");
        KbLock lock = new KbLock(kb.lockFile(), l -> recover());
        try (KbLock.Hold h = lock.exclusive(CancelToken.none(), java.time.Duration.ofSeconds(5))) {
            assertTrue(Recovery.pendingJournals(kb).isEmpty());
        }
        List<Quarantine.Entry> kept = Quarantine.list(kb);
        assertEquals(List.of("empty.json", "foreign.json", "garbage.json", "list.json"),
                kept.stream().map(Quarantine.Entry::name).toList(), "every bad journal is kept as evidence, under its own name");
        assertTrue(kept.get(0).reason().startsWith("empty journal file"), kept.get(0).reason());
        lock.close();
    }

    @Test
    void givesUpLoudlyAfterFiveFailedRollbacks() throws IOException {
        String id = "1f3c9a7e5b2d4c1e8f6a0b9c8d7e6f5b";
        write(kb.concept("x"), "live");
        // The backup the journal names does not exist: every rollback attempt fails.
        openKbJournal(id, "active", List.<String[]>of(new String[]{kb.concept("x").toString(),
                kb.stagingDir().resolve("rollback-" + id + "/x.md").toString()}));
        for (int attempt = 1; attempt <= 4; attempt++) {
            RecoveryReport r = recover();
            assertTrue(r.dirty(), "attempt " + attempt);
            assertTrue(r.errors().get(0).contains("attempt " + attempt + "/5"), r.errors().toString());
        }
        RecoveryReport last = recover();
        assertEquals(1, last.gaveUp().size());
        assertTrue(last.gaveUp().get(0).startsWith("GAVE UP on add journal " + id + ".json after 5"), last.gaveUp().get(0));
        assertTrue(Recovery.pendingJournals(kb).isEmpty());
        assertEquals("live", read(kb.concept("x")));
    }

    @Test
    void recoversAJournalOfAKbThatWasMoved() throws IOException {
        write(kb.concept("a"), "original");
        JournaledTransaction tx = new JournaledTransaction(kb, new AtomicFiles(new RealFileOps()), new JournalIds().next(), "add", Map.of());
        tx.writeString(kb.concept("a"), "changed");
        tx.writeString(kb.concept("b"), "new");
        Path moved = dir.resolve("moved-kb");
        Files.move(kb.root(), moved);
        KbLayout movedKb = new KbLayout(moved);

        RecoveryReport r = new Recovery(movedKb, new AtomicFiles(new RealFileOps())).run();

        assertEquals(1, r.rolledBack().size());
        assertEquals("original", read(movedKb.concept("a")));
        assertFalse(Files.exists(movedKb.concept("b")));
    }

    @Test
    void reclaimsOrphanedStagingButNeverALiveBatchs() throws IOException {
        Path orphanLeased = Files.createDirectories(kb.stagingDir().resolve("add-paper-1a2b3c4d"));
        write(orphanLeased.resolve(Lease.FILE_NAME), "");
        write(orphanLeased.resolve("raw/paper.md"), "x");
        Path live = Files.createDirectories(kb.stagingDir().resolve("add-live-5e6f7a8b"));
        Path orphanRollback = Files.createDirectories(kb.stagingDir().resolve("rollback-deadbeefdeadbeefdeadbeefdeadbeef"));
        Path oldUnleased = Files.createDirectories(kb.stagingDir().resolve("add-openkb-99887766"));
        Files.setLastModifiedTime(oldUnleased, FileTime.from(Instant.now().minusSeconds(3600)));
        Path youngUnleased = Files.createDirectories(kb.stagingDir().resolve("add-young-11223344"));
        try (Lease lease = Lease.take(live)) {
            RecoveryReport r = recover();
            assertEquals(3, r.stagingReclaimed());
            assertTrue(Files.exists(live.resolve(Lease.FILE_NAME)), "a leased folder stays");
            assertTrue(Files.exists(youngUnleased), "an unleased folder inside the grace period stays");
            assertFalse(Files.exists(orphanLeased));
            assertFalse(Files.exists(orphanRollback));
            assertFalse(Files.exists(oldUnleased));
        }
        assertEquals(1, recover().stagingReclaimed(), "once its batch ends, the lease is free");
    }

    @Test
    void onlyFoldersLeftByAProcessThatDiedAreWarnedAbout() throws IOException {
        Path dead = Files.createDirectories(kb.stagingDir().resolve("add-dead-0a0b0c0d"));
        write(dead.resolve(Lease.FILE_NAME), ""); // its owner's flock went with the process
        write(dead.resolve("raw/paper.md"), "x");
        Files.createDirectories(kb.stagingDir().resolve(".add-new-01020304")); // a live add about to lease it
        write(kb.stagingDir().resolve("trash-add-done-05060708/raw/x.md"), "x"); // a live add deleting its own
        RecoveryReport r = recover();
        assertEquals(3, r.stagingReclaimed());
        assertEquals(1, r.stagingAbandoned());
        assertEquals(List.of("Reclaimed 1 staging folder(s) left by a process that died."), r.lines());

        Files.createDirectories(kb.stagingDir().resolve(".add-again-01020304"));
        RecoveryReport quiet = recover();
        assertEquals(1, quiet.stagingReclaimed());
        assertEquals(List.of(), quiet.lines(), "a set-up race is no news");
    }

    @Test
    void aFolderWhoseOwnerIsDeletingItIsNeitherReapedNorGivenAFreshLease() throws IOException {
        Path live = Files.createDirectories(kb.stagingDir().resolve("add-going-12345678"));
        write(live.resolve("raw/x.md"), "x");
        try (Lease lease = Lease.take(live)) {
            Files.delete(live.resolve(Lease.FILE_NAME)); // the owner's deleteTree has unlinked the lease, still holding its lock
            assertEquals(0, recover().stagingReclaimed());
            assertFalse(Files.exists(live.resolve(Lease.FILE_NAME)), "a probe must not create a lease file");
            assertTrue(Files.exists(live.resolve("raw/x.md")));
        }
    }

    /**
     * A lease file appears already locked, so a hidden folder with a free lease lost its owner: taken
     * at once, whether the owner died with its lease in place or while taking it (killed between
     * creating {@code .lease.new} and renaming it: found by the syscall-kill layer at rename).
     */
    @Test
    void aHiddenFolderWhoseOwnerDiedIsReclaimedAtOnce() throws IOException {
        Path dead = Files.createDirectories(kb.stagingDir().resolve(".add-dead-12345678"));
        write(dead.resolve(Lease.FILE_NAME), "");
        Path diedTaking = Files.createDirectories(kb.stagingDir().resolve(".add-died-taking-12345678"));
        write(diedTaking.resolve(Lease.NEW_FILE_NAME), "");
        Path live = Files.createDirectories(kb.stagingDir().resolve(".add-live-12345678"));
        Path taking = Files.createDirectories(kb.stagingDir().resolve(".add-taking-12345678"));
        try (Lease owner = Lease.take(live); Lease ownerTaking = Lease.tryTake(taking.resolve(Lease.NEW_FILE_NAME))) {
            assertEquals(2, recover().stagingReclaimed());
            assertFalse(Files.exists(dead));
            assertFalse(Files.exists(diedTaking));
            assertTrue(Files.exists(live.resolve(Lease.FILE_NAME)), "a hidden folder whose lease is held stays");
            assertTrue(Files.exists(taking.resolve(Lease.NEW_FILE_NAME)), "so does one whose owner holds its new lease file");
        }
    }

    @Test
    void anOwnerWhoseNewLeaseFileAReaperClaimedIsToldItLostTheFolder() throws IOException {
        Path folder = Files.createDirectories(kb.stagingDir().resolve(".add-race-12345678"));
        write(folder.resolve(Lease.NEW_FILE_NAME), "");
        try (Lease reaper = Lease.claimUnfinished(folder)) {
            assertTrue(reaper != null);
            assertThrows(LeaseLostException.class, () -> Lease.take(folder), "the owner sets up again under a new name");
        }
    }

    @Test
    void aLeaseFileAppearsAlreadyHeld() throws IOException {
        Path folder = Files.createDirectories(kb.stagingDir().resolve("add-x-12345678"));
        try (Lease lease = Lease.take(folder)) {
            assertTrue(Lease.isHeld(folder));
            try (var s = Files.list(folder)) {
                assertEquals(List.of(folder.resolve(Lease.FILE_NAME)), s.toList(), "no temporary lease file is left");
            }
        }
        assertFalse(Lease.isHeld(folder));
    }

    @Test
    void aHiddenFolderKilledBeforeItsLeaseFileExistedIsReclaimedAtOnceAndItsOwnerWouldSetUpAgain() throws IOException {
        Path empty = Files.createDirectories(kb.stagingDir().resolve(".add-new-87654321"));
        assertEquals(1, recover().stagingReclaimed());
        assertFalse(Files.exists(empty));
        // An owner that was just about to create its lease file finds the folder gone and starts over.
        assertThrows(LeaseLostException.class, () -> Lease.take(empty));
    }

    @Test
    void aHiddenFolderWithContentButNoLeaseIsNotOursToJudgeBeforeTheGracePeriod() throws IOException {
        Path unknown = write(kb.stagingDir().resolve(".add-odd-87654321/raw/x.md"), "x").getParent().getParent();
        assertEquals(0, recover().stagingReclaimed());
        assertTrue(Files.exists(unknown));
        Files.setLastModifiedTime(unknown, FileTime.from(Instant.now().minusSeconds(3600)));
        assertEquals(1, recover().stagingReclaimed(), "abandoned: reclaimed after the grace period");
    }

    /**
     * Recovery undoes the entries, then deletes the backup and the journal. A crash while it deletes
     * the backup must not leave an active journal whose before-images are gone: the next recovery
     * would fail on them for good (and, after five tries, quarantine a KB that was already restored).
     */
    /** MutationExecutor's promise: every mutation of a KB, recovery included, runs on its one mutation thread. */
    @Test
    void recoveryRunsOnTheKbsMutationThreadWhicheverThreadAsksForIt() throws IOException {
        write(kb.concept("a"), "original a");
        FaultyFileOps crashing = new FaultyFileOps().arm(1, "delete", FaultyFileOps.Mode.CRASH, null);
        try (OpenKb engine = new OpenKb(crashing, w -> { })) {
            KbService svc = engine.kb(kb);
            try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(svc).exclusive(CancelToken.none())) {
                dev.openkb.service.KbInternals.runner(svc).run("op", Map.of(), tx -> {
                    tx.writeString(kb.concept("a"), "changed a");
                    tx.delete(kb.concept("a"));
                    return null;
                });
            }
        } catch (FaultyFileOps.SimulatedCrash expected) {
            // the process died with the journal active
        }
        List<String> recoveredOn = java.util.Collections.synchronizedList(new ArrayList<>());
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> recoveredOn.add(Thread.currentThread().getName()))) {
            RecoveryReport r = engine.kb(kb).recover(CancelToken.none());
            assertEquals(1, r.rolledBack().size(), r.lines().toString());
        }
        assertEquals("original a", read(kb.concept("a")));
        assertFalse(recoveredOn.isEmpty());
        assertTrue(recoveredOn.stream().allMatch(t -> t.startsWith("openkb-mutation-")), recoveredOn.toString());
    }

    @Test
    void aCrashWhileRecoveryDeletesTheBackupLeavesNothingForTheNextRecovery() throws IOException {
        write(kb.concept("a"), "original a");
        write(kb.concept("b"), "original b");
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        FaultyFileOps crashing = new FaultyFileOps().arm(1, "delete", FaultyFileOps.Mode.CRASH, null);
        try (OpenKb engine = new OpenKb(crashing, w -> { })) {
            KbService svc = engine.kb(kb);
            try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(svc).exclusive(CancelToken.none())) {
                dev.openkb.service.KbInternals.runner(svc).run("op", Map.of(), tx -> {
                    tx.writeString(kb.concept("a"), "changed a");
                    tx.delete(kb.concept("b"));
                    return null;
                });
            }
        } catch (FaultyFileOps.SimulatedCrash expected) {
            // the process died with the journal active and a.md changed
        }
        // Recovery dies at the second before-image deletion: the first is gone, the journal is not.
        FaultyFileOps dying = new FaultyFileOps().armWhere(2,
                op -> op.startsWith("delete ") && op.matches(".*/rollback-[0-9a-f]+/[0-9]{5}-[^/]+"), FaultyFileOps.Mode.CRASH);
        try {
            new Recovery(kb, new AtomicFiles(dying)).run();
        } catch (FaultyFileOps.SimulatedCrash expected) {
            // recovery died while deleting the backup
        }
        assertTrue(dying.crashed());
        RecoveryReport r = recover();

        assertEquals(List.of(), r.errors());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
        assertTrue(Recovery.pendingJournals(kb).isEmpty());
        assertFalse(Files.exists(Quarantine.dir(kb)));
    }

    /**
     * When the scratch folder and the KB are on different mounts, an atomic write rebuilds its temp
     * file beside the target. A crash then leaves that temp in a live KB folder; rolling back the
     * target must remove it (nothing else knows it is there).
     */
    @Test
    void aCrashInTheCrossDeviceWriteFallbackLeavesNoTempInTheKb() throws IOException {
        write(kb.concept("a"), "original a");
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        FaultyFileOps exdev = new FaultyFileOps().arm(1, Errno.EXDEV, FaultyFileOps.Mode.FAIL_ALWAYS);
        // Dies when deleting the scratch temp: the fallback's temp beside a.md exists by then.
        FaultyFileOps dying = new FaultyFileOps(exdev).armWhere(1,
                op -> op.startsWith("delete ") && op.contains("/tmp/.a.md."), FaultyFileOps.Mode.CRASH);
        try (OpenKb engine = new OpenKb(dying, w -> { })) {
            KbService svc = engine.kb(kb);
            try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(svc).exclusive(CancelToken.none())) {
                dev.openkb.service.KbInternals.runner(svc).run("op", Map.of(), tx -> {
                    tx.writeString(kb.concept("a"), "changed a");
                    return null;
                });
            }
        } catch (FaultyFileOps.SimulatedCrash expected) {
            // the process died inside the fallback
        }
        assertTrue(dying.crashed());

        recover();

        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    /** A crash while the reaper deletes an orphaned staging folder must not turn it into an unleased one it then spares for ten minutes. */
    @Test
    void aCrashWhileReclaimingStagingLeavesNothingForTheNextRecovery() throws IOException {
        Path orphan = Files.createDirectories(kb.stagingDir().resolve("add-paper-1a2b3c4d"));
        write(orphan.resolve(Lease.FILE_NAME), "");
        write(orphan.resolve("raw/paper.md"), "x");
        write(orphan.resolve("wiki/sources/paper.md"), "y");
        // Dies removing the folder itself (or its trash name): everything in it, the lease included, is gone.
        FaultyFileOps dying = new FaultyFileOps().armWhere(1, op -> op.startsWith("delete ") && op.endsWith("add-paper-1a2b3c4d"),
                FaultyFileOps.Mode.CRASH);
        try {
            new Recovery(kb, new AtomicFiles(dying)).run();
        } catch (FaultyFileOps.SimulatedCrash expected) {
            // died at the last step
        }
        assertTrue(dying.crashed());
        recover();
        try (var left = Files.list(kb.stagingDir())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aFileThatAnInterruptedAddTurnedIntoAFolderComesBackAsTheFile() throws IOException {
        write(kb.concept("x"), "x v1");
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        String id = "2f3c9a7e5b2d4c1e8f6a0b9c8d7e6f5c";
        Path backup = write(kb.stagingDir().resolve("rollback-" + id + "/x.md"), "x v1");
        openKbJournal(id, "active", List.<String[]>of(new String[]{kb.concept("x").toString(), backup.toString()}));
        Files.delete(kb.concept("x"));
        write(kb.concept("x").resolve("inner.md"), "a folder now");

        assertEquals(1, recover().rolledBack().size());

        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }

    @Test
    void anOlderJournalWaitsWhileANewerOneCannotBeRolledBack() throws IOException {
        write(kb.concept("x"), "x v2");
        String older = "3f3c9a7e5b2d4c1e8f6a0b9c8d7e6f5d";
        Path backup = write(kb.stagingDir().resolve("rollback-" + older + "/x.md"), "x v1");
        Path olderJournal = openKbJournal(older, "active", List.<String[]>of(new String[]{kb.concept("x").toString(), backup.toString()}));
        Files.setLastModifiedTime(olderJournal, java.nio.file.attribute.FileTime.fromMillis(1_000));
        String newer = "4f3c9a7e5b2d4c1e8f6a0b9c8d7e6f5e";
        // Newer, and its tree before-image is gone: it fails, so undoing the older one would apply undos out of order.
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kb_dir", kb.root().toString());
        j.put("backup_dir", kb.stagingDir().resolve("rollback-" + newer).toString());
        j.put("operation", "remove");
        j.put("writer", JournalCodec.WRITER);
        j.put("entries", List.of(Map.of("target", kb.conceptsDir().toString(), "kind", "tree",
                "backup", kb.stagingDir().resolve("rollback-" + newer + "/00001-concepts").toString())));
        write(kb.journalDir().resolve(newer + ".json"), PythonJson.dumpIndented(j));

        RecoveryReport r = recover();

        assertTrue(r.dirty());
        assertTrue(r.errors().get(0).startsWith("Rollback of remove journal " + newer + ".json failed (attempt 1/5)"), r.errors().toString());
        assertTrue(r.errors().get(0).contains("before-image tree missing"), r.errors().toString());
        assertTrue(r.errors().get(1).startsWith("Rollback of add journal " + older + ".json deferred"), r.errors().toString());
        assertEquals("x v2", read(kb.concept("x")), "the older journal has not been applied yet");
        assertEquals(2, Recovery.pendingJournals(kb).size());
    }

    @Test
    void givingUpMovesTheJournalAndItsBackupFolderToQuarantine() throws IOException {
        String id = "5f3c9a7e5b2d4c1e8f6a0b9c8d7e6f5f";
        write(kb.concept("x"), "live");
        Path backupDir = kb.stagingDir().resolve("rollback-" + id);
        write(backupDir.resolve("unrelated.md"), "kept as evidence");
        openKbJournal(id, "active", List.<String[]>of(new String[]{kb.concept("x").toString(), backupDir.resolve("x.md").toString()}));
        for (int attempt = 1; attempt <= 5; attempt++) {
            recover();
        }
        assertFalse(Files.exists(backupDir));
        try (var s = Files.list(Quarantine.dir(kb))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(id + ".json", id + ".json.reason", "rollback-" + id), names);
        }
        assertEquals("kept as evidence", read(Quarantine.dir(kb).resolve("rollback-" + id + "/unrelated.md")));
        assertTrue(Quarantine.list(kb).get(0).reason().startsWith("gave up after 5 failed rollback(s)"), Quarantine.list(kb).toString());
        assertTrue(recover().nothingToDo());
    }
}
