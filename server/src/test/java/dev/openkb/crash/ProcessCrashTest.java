package dev.openkb.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.ChildJvm;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety by crashing: a child JVM runs a journaled mutation and halts at a named point; the
 * next exclusive lock (here: a fresh engine's recovery) must leave the KB byte-identical to the
 * state before the mutation, or — for points after the commit mark — to the state after it, with
 * no journal, staging or backup left. Crash points are found by recording the operations of an
 * uncrashed run, so they follow the engine's real sequence rather than hard-coded numbers.
 */
class ProcessCrashTest {
    @TempDir
    Path dir;
    Path template;
    Map<String, String> pre;
    Map<String, String> post;
    List<String> addOps;
    List<String> failOps;

    @BeforeEach
    void setUp() throws Exception {
        template = dir.resolve("template");
        KbLayout kb = Fixtures.kb(template);
        Fixtures.write(kb.concept("attention"), "---\ntype: \"Concept\"\n---\n\noriginal\n");
        pre = TreeManifest.ofKb(template);
        Path done = copy("done");
        addOps = record(done, false);
        post = TreeManifest.ofKb(done);
        failOps = record(copy("failed"), true);
        assertEquals(pre, TreeManifest.ofKb(dir.resolve("failed")), "an in-process failure rolls back completely");
    }

    private List<String> record(Path kb, boolean fail) throws IOException {
        FaultyFileOps ops = new FaultyFileOps();
        try (OpenKb engine = new OpenKb(ops, w -> { })) {
            SyntheticAdd.run(engine.kb(new KbLayout(kb)), fail);
        }
        return ops.operations();
    }

    /** 1-based index of the first operation after the {@code nth} one matching {@code p}. */
    private static int after(List<String> ops, Predicate<String> p, int nth) {
        int seen = 0;
        for (int i = 0; i < ops.size(); i++) {
            if (p.test(ops.get(i)) && ++seen == nth) {
                return i + 2;
            }
        }
        throw new AssertionError("no operation #" + nth + " matching in " + ops);
    }

    private static Predicate<String> renameInto(String part) {
        return op -> op.startsWith("rename ") && op.contains(part);
    }

    private void crashAndRecover(String name, String scenario, int haltAt, Map<String, String> expected) throws Exception {
        Path kb = copy(name);
        try (ChildJvm child = ChildJvm.start(CrashChildMain.class, kb.toString(), scenario, Integer.toString(haltAt))) {
            assertEquals(137, child.waitFor(60), name + ": the child must die at operation " + haltAt);
        }
        assertTrue(Files.list(kb.resolve(".openkb/journal")).findAny().isPresent()
                || !name.contains("journal"), name + ": a journal is left for recovery");
        try (OpenKb engine = new OpenKb(w -> { })) {
            engine.kb(new KbLayout(kb)).recover(CancelToken.none());
        }
        assertEquals(expected, TreeManifest.ofKb(kb), name);
    }

    @Test
    void afterTheFirstJournalAppendTheKbIsRolledBack() throws Exception {
        crashAndRecover("after-first-journal", "add", after(addOps, renameInto("/journal/"), 1), pre);
    }

    @Test
    void midPublishTheKbIsRolledBack() throws Exception {
        crashAndRecover("mid-publish", "add", after(addOps, renameInto("/raw/paper.md"), 1), pre);
    }

    @Test
    void afterTheRegistryWriteTheKbIsRolledBack() throws Exception {
        crashAndRecover("after-registry", "add", after(addOps, renameInto("hashes.json"), 1), pre);
    }

    @Test
    void afterTheCommitMarkBeforeCleanupTheKbKeepsTheAdd() throws Exception {
        long journalWrites = addOps.stream().filter(renameInto("/journal/")).count();
        crashAndRecover("after-commit-journal", "add", after(addOps, renameInto("/journal/"), (int) journalWrites), post);
    }

    @Test
    void inTheMiddleOfRollbackTheNextRecoveryFinishesIt() throws Exception {
        // The failing run's rollback restores through renames after the last body write (log.md).
        int rollbackStart = after(failOps, renameInto("log.md"), 1);
        crashAndRecover("mid-rollback", "fail", rollbackStart + 3, pre);
    }

    @Test
    void inTheMiddleOfRecoveryTheNextRecoveryFinishesIt() throws Exception {
        Path kb = copy("mid-recovery");
        try (ChildJvm child = ChildJvm.start(CrashChildMain.class, kb.toString(), "add",
                Integer.toString(after(addOps, renameInto("hashes.json"), 1)))) {
            assertEquals(137, child.waitFor(60));
        }
        // Record a recovery of an identical crashed KB to find an operation in the middle of it.
        Path probe = Fixtures.copyTree(kb, dir.resolve("probe"));
        FaultyFileOps ops = new FaultyFileOps();
        try (OpenKb engine = new OpenKb(ops, w -> { })) {
            engine.kb(new KbLayout(probe)).recover(CancelToken.none());
        }
        assertEquals(pre, TreeManifest.ofKb(probe));
        int middle = ops.operations().size() / 2;
        try (ChildJvm child = ChildJvm.start(CrashChildMain.class, kb.toString(), "recover", Integer.toString(middle))) {
            assertEquals(137, child.waitFor(60), "recovery dies half-way");
        }
        try (OpenKb engine = new OpenKb(w -> { })) {
            engine.kb(new KbLayout(kb)).recover(CancelToken.none());
        }
        assertEquals(pre, TreeManifest.ofKb(kb));
    }

    private Path copy(String name) throws IOException {
        return Fixtures.copyTree(template, dir.resolve(name));
    }
}
