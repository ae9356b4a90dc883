package dev.openkb.add;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.RecordingListener;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddPipelineTest {
    @TempDir
    Path dir;

    private KbLayout kb(String name) throws IOException {
        return Fixtures.kb(dir.resolve(name));
    }

    private Path inputs(int n) throws IOException {
        Path in = dir.resolve("inputs");
        for (int i = 1; i <= n; i++) {
            write(in.resolve(String.format("doc%02d.md", i)), "# Document " + i + "\nbody " + i + "\n");
        }
        return in;
    }

    private AddReport add(KbLayout kb, List<Path> in, int jobs) throws IOException {
        try (PipelineHarness h = new PipelineHarness(kb)) {
            return h.add(in, jobs, ProgressListener.NONE, CancelToken.none());
        }
    }

    @Test
    void jobsOneAndJobsTwoProduceIdenticalKbsAndLogOrder() throws IOException {
        Path in = inputs(12);
        KbLayout serial = kb("serial");
        KbLayout parallel = kb("parallel");
        assertEquals(12, add(serial, List.of(in), 1).added());
        assertEquals(12, add(parallel, List.of(in), 2).added());
        assertEquals(TreeManifest.ofKb(serial.root()), TreeManifest.ofKb(parallel.root()));
        List<String> log = read(parallel.logMd()).lines().filter(l -> l.startsWith("## ")).toList();
        assertEquals(12, log.size());
        assertTrue(log.get(0).endsWith("ingest | doc01.md") && log.get(11).endsWith("ingest | doc12.md"), log.toString());
    }

    @Test
    void theCommittersAnalysisRunsOnAPrepareWorkerWithoutTheLockAndReachesThatFilesCommit() throws IOException {
        Path in = inputs(4);
        KbLayout kb = kb("kb");
        Map<String, String> analysedOn = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Object> committedWith = new java.util.concurrent.ConcurrentHashMap<>();
        try (PipelineHarness h = new PipelineHarness(kb)) {
            h.committer = new DocumentCommitter() {
                @Override
                public Object analyze(dev.openkb.convert.ConvertedDoc converted) throws IOException {
                    String where = Thread.currentThread().getName() + (dev.openkb.service.KbInternals.lock(h.kb).isHeldByCurrentThread() ? " holding the lock" : "");
                    analysedOn.put(converted.docName(), where);
                    return "first line of " + converted.docName() + ": " + Files.readString(converted.stagedSource()).lines().findFirst().orElseThrow();
                }

                @Override
                public Map<String, Object> commit(PreparedDoc doc, dev.openkb.kb.KbTransaction tx,
                                                  java.util.function.Consumer<String> stage) throws IOException {
                    committedWith.put(doc.docName(), doc.analysis());
                    return PipelineHarness.summaryCommitter(doc, tx, stage);
                }
            };
            assertEquals(4, h.add(List.of(in), 2, ProgressListener.NONE, CancelToken.none()).added());
        }
        assertEquals(4, analysedOn.size());
        analysedOn.values().forEach(w -> assertTrue(w.matches("openkb-prepare-\\d+"), w));
        assertEquals("first line of doc03: # Document 3", committedWith.get("doc03"));
        assertEquals(4, committedWith.size());
    }

    @Test
    void aFailedAnalysisFailsThatFileBeforeItsCommitAndTheBatchGoesOn() throws IOException {
        Path in = inputs(3);
        KbLayout kb = kb("kb");
        AddReport r;
        try (PipelineHarness h = new PipelineHarness(kb)) {
            DocumentCommitter plain = h.committer;
            h.committer = new DocumentCommitter() {
                @Override
                public Object analyze(dev.openkb.convert.ConvertedDoc converted) throws IOException {
                    if (converted.docName().equals("doc02")) {
                        throw new dev.openkb.engine.KbException(dev.openkb.engine.ErrorCode.CONVERSION_FAILED,
                                converted.stagedSource(), "cannot analyse");
                    }
                    return null;
                }

                @Override
                public Map<String, Object> commit(PreparedDoc doc, dev.openkb.kb.KbTransaction tx,
                                                  java.util.function.Consumer<String> stage) throws IOException {
                    return plain.commit(doc, tx, stage);
                }
            };
            r = h.add(List.of(in), 1, ProgressListener.NONE, CancelToken.none());
        }
        assertEquals(List.of(FileStatus.ADDED, FileStatus.FAILED, FileStatus.ADDED), r.files().stream().map(FileResult::status).toList());
        assertTrue(r.files().get(1).reason().contains("cannot analyse"), r.files().get(1).reason());
        assertFalse(Files.exists(kb.sourceMd("doc02")));
        assertNoStaging(kb);
    }

    @Test
    void registersEachDocumentWithOpenKbsFields() throws IOException {
        KbLayout kb = kb("kb");
        Path f = write(dir.resolve("in/paper.md"), "# Paper\n");
        add(kb, List.of(f), 2);
        var e = Registry.load(kb).entries().get(0);
        assertEquals(List.of("name", "doc_name", "type", "path", "raw_path", "source_path"), List.copyOf(e.meta().keySet()));
        assertEquals("raw/paper.md", e.rawPath());
        assertEquals("wiki/sources/paper.md", e.sourcePath());
        assertEquals(f.toRealPath().toString(), e.path());
        assertEquals(FileHasher.sha256(f), e.hash());
    }

    @Test
    void skipsKnownContentAndInBatchDuplicatesWithoutConverting() throws IOException {
        KbLayout kb = kb("kb");
        Path a = write(dir.resolve("in/a.md"), "same");
        add(kb, List.of(a), 1);
        Path b = write(dir.resolve("in2/b.md"), "same");
        Path c = write(dir.resolve("in2/c.md"), "other");
        Path d = write(dir.resolve("in2/d.md"), "other");
        try (PipelineHarness h = new PipelineHarness(kb)) {
            int[] conversions = {0};
            h.converter = r -> {
                conversions[0]++;
                return PipelineHarness.textConverter(r);
            };
            AddReport r = h.add(List.of(dir.resolve("in2")), 2, ProgressListener.NONE, CancelToken.none());
            assertEquals(List.of(FileStatus.SKIPPED, FileStatus.ADDED, FileStatus.SKIPPED),
                    r.files().stream().map(FileResult::status).toList());
            assertEquals(1, conversions[0], "only c.md is converted");
            assertTrue(r.files().get(2).reason().contains("c.md"), r.files().get(2).reason());
        }
    }

    @Test
    void sameStemFilesGetTheNamesASerialAddWouldGive() throws IOException {
        KbLayout kb = kb("kb");
        write(dir.resolve("in/x/report.md"), "x report");
        write(dir.resolve("in/y/report.md"), "y report");
        AddReport r = add(kb, List.of(dir.resolve("in")), 2);
        assertEquals("report", r.files().get(0).docName());
        assertTrue(r.files().get(1).docName().matches("report-[0-9a-f]{8}"), r.files().get(1).docName());
        assertTrue(Files.exists(kb.sourceMd(r.files().get(1).docName())));
    }

    @Test
    void aFailedEarlierFileFreesItsNameForTheNextAsInASerialAdd() throws IOException {
        KbLayout kb = kb("kb");
        write(dir.resolve("in/x/report.md"), "CORRUPT");
        write(dir.resolve("in/y/report.md"), "y report");
        AddReport r = add(kb, List.of(dir.resolve("in")), 2);
        assertEquals(FileStatus.FAILED, r.files().get(0).status());
        assertEquals("report", r.files().get(1).docName());
        assertEquals("y report", read(kb.sourceMd("report")));
    }

    @Test
    void reAddingAnEditedFileKeepsItsNameAndReplacesItsRegistryEntry() throws IOException {
        KbLayout kb = kb("kb");
        Path f = write(dir.resolve("in/paper.md"), "# v1\n");
        add(kb, List.of(f), 1);
        write(f, "# v2\n");
        AddReport r = add(kb, List.of(f), 1);
        assertEquals(FileStatus.ADDED, r.files().get(0).status());
        assertEquals("paper", r.files().get(0).docName());
        assertEquals(1, Registry.load(kb).size());
        assertEquals("# v2\n", read(kb.sourceMd("paper")));
    }

    @Test
    void aFileThatFailsConversionIsReportedAndTheBatchGoesOn() throws IOException {
        KbLayout kb = kb("kb");
        write(dir.resolve("in/a.md"), "fine a");
        write(dir.resolve("in/b.md"), "CORRUPT");
        write(dir.resolve("in/c.md"), "fine c");
        AddReport r = add(kb, List.of(dir.resolve("in")), 2);
        assertEquals(List.of(FileStatus.ADDED, FileStatus.FAILED, FileStatus.ADDED), r.files().stream().map(FileResult::status).toList());
        assertTrue(r.files().get(1).reason().contains("CONVERSION_FAILED"), r.files().get(1).reason());
        assertNoStaging(kb);
    }

    @Test
    void rollsBackPublishedFilesWhenCompileFails() throws IOException {
        KbLayout kb = kb("kb");
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        Path f = write(dir.resolve("in/bad.md"), "COMPILE-FAIL");
        AddReport r = add(kb, List.of(f), 1);
        assertEquals(FileStatus.FAILED, r.files().get(0).status());
        assertTrue(r.files().get(0).reason().contains("compile failed"), r.files().get(0).reason());
        assertEquals(before, TreeManifest.ofKb(kb.root()), "no raw, no source, no summary, registry unchanged");
    }

    @Test
    void anExplicitlyNamedUnsupportedFileFailsWithTheReasonAndFolderOnesAreSkipped() throws IOException {
        KbLayout kb = kb("kb");
        Path exe = write(dir.resolve("tool.exe"), "MZ");
        write(dir.resolve("in/notes.md"), "notes");
        write(dir.resolve("in/image.bmp"), "BM");
        write(dir.resolve("in/.hidden.md"), "secret");
        AddReport r = add(kb, List.of(exe, dir.resolve("in")), 1);
        assertEquals(FileStatus.FAILED, r.files().get(0).status());
        assertTrue(r.files().get(0).reason().startsWith("Unsupported file type: .exe. Supported: "), r.files().get(0).reason());
        assertEquals(2, r.files().size());
        assertEquals(2, r.passedOver().size(), r.passedOver().toString());
    }

    @Test
    void progressFollowsEachFilesStagesInOrder() throws IOException {
        KbLayout kb = kb("kb");
        Path in = inputs(3);
        RecordingListener l = new RecordingListener();
        try (PipelineHarness h = new PipelineHarness(kb)) {
            h.add(List.of(in), 2, l, CancelToken.none());
        }
        assertEquals("begin 3", l.events().get(0));
        assertEquals("end 3/0/0/0", l.events().get(l.events().size() - 1));
        assertEquals(List.of("2 queued doc02.md", "2 hashing doc02.md", "2 converting doc02.md", "2 prepared doc02.md",
                "2 committing:lock doc02.md", "2 committing:publish doc02.md", "2 committing:compile doc02.md",
                "2 committing:registry doc02.md", "2 committing:log doc02.md", "2 done added doc02.md"), l.of(2));
    }

    @Test
    void cancellationMidBatchCommitsOrRollsBackTheCurrentFileAndLeavesNoStaging() throws IOException {
        KbLayout kb = kb("kb");
        Path in = inputs(10);
        CancelToken cancel = new CancelToken();
        try (PipelineHarness h = new PipelineHarness(kb)) {
            ProgressListener cancelAfterThird = new ProgressListener() {
                @Override
                public void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
                    if (index == 3) {
                        cancel.cancel();
                    }
                }
            };
            AddReport r = h.add(List.of(in), 2, cancelAfterThird, cancel);
            assertEquals(3, r.added());
            assertEquals(7, r.cancelled());
        }
        assertEquals(3, Registry.load(kb).size());
        assertNoStaging(kb);
        assertFalse(Files.exists(kb.sourceMd("doc04")));
    }

    @Test
    void aCancelBeforeThePrefilterReportsEveryFileCancelledInsteadOfFailingTheBatch() throws IOException {
        KbLayout kb = kb("kb");
        Path in = inputs(3);
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        try (PipelineHarness h = new PipelineHarness(kb)) {
            AddReport r = h.add(List.of(in), 2, ProgressListener.NONE, cancel);
            assertEquals(3, r.cancelled());
        }
        assertNoStaging(kb);
    }

    @Test
    void aDirtyRollbackStopsTheBatch() throws IOException {
        KbLayout kb = kb("kb");
        Path in = inputs(4);
        try (PipelineHarness h = new PipelineHarness(kb)) {
            h.committer = (doc, tx, stage) -> {
                if (doc.docName().equals("doc02")) {
                    // Make rollback impossible: the journal's backup folder disappears under it.
                    tx.writeString(new KbLayout(tx.kbRoot()).summary("doc02"), "x");
                    Path staging = new KbLayout(tx.kbRoot()).stagingDir();
                    try (var s = Files.list(staging)) {
                        for (Path p : s.filter(p -> p.getFileName().toString().startsWith("rollback-")).toList()) {
                            dev.openkb.testing.Fixtures.files(new dev.openkb.io.RealFileOps()).deleteTree(p);
                        }
                    }
                    throw new IOException("compile failed");
                }
                return PipelineHarness.summaryCommitter(doc, tx, stage);
            };
            AddReport r = h.add(List.of(in), 1, ProgressListener.NONE, CancelToken.none());
            assertEquals(List.of(FileStatus.ADDED, FileStatus.FAILED, FileStatus.CANCELLED, FileStatus.CANCELLED),
                    r.files().stream().map(FileResult::status).toList());
            assertTrue(r.stoppedReason().contains("openkb recover"), r.stoppedReason());
        }
    }

    private static void assertNoStaging(KbLayout kb) throws IOException {
        if (Files.isDirectory(kb.stagingDir())) {
            try (var s = Files.list(kb.stagingDir())) {
                assertEquals(List.of(), s.toList());
            }
        }
    }

    /**
     * Anything that escapes the batch loop (an Error, a listener that throws) ends the batch without
     * hanging on prepares that never started, and stops running prepares through their cancel token,
     * never by interrupting them: an interrupt that lands in a library's first class initialisation
     * (PDFBox's IOUtils loading Log4j) breaks that class for the rest of a long-lived JVM.
     */
    @Test
    void anEscapingFailureEndsTheBatchWithoutHangingOrInterruptingPrepares() throws IOException {
        KbLayout kb = kb("kb");
        Path in = inputs(6);
        // The listener fails only once doc02's conversion is running: otherwise the batch could end
        // before the single worker picks doc02 up, and that prepare would stop at its first token check.
        java.util.concurrent.CountDownLatch doc02Running = new java.util.concurrent.CountDownLatch(1);
        ProgressListener throwing = new ProgressListener() {
            @Override
            public void fileStage(Path file, int index, int total, dev.openkb.engine.FileStage stage, String detail) {
                if (stage == dev.openkb.engine.FileStage.COMMITTING) {
                    try {
                        doc02Running.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("the client went away");
                }
            }
        };
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean sawCancel = new java.util.concurrent.atomic.AtomicBoolean();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> {
                    try (PipelineHarness h = new PipelineHarness(kb)) {
                        // doc02's conversion runs until its batch is cancelled, so doc03's prepare is still queued.
                        h.converter = r -> {
                            if (r.source().getFileName().toString().equals("doc02.md")) {
                                java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
                                r.cancel().onCancel(stop::countDown);
                                doc02Running.countDown();
                                try {
                                    stop.await();
                                    sawCancel.set(true);
                                } catch (InterruptedException x) {
                                    interrupted.set(true);
                                }
                                r.cancel().throwIfCancelled();
                            }
                            return PipelineHarness.textConverter(r);
                        };
                        h.add(List.of(in), 1, throwing, CancelToken.none());
                    }
                }));
        assertEquals("the client went away", e.getMessage());
        assertFalse(interrupted.get(), "a running prepare was interrupted");
        assertTrue(sawCancel.get(), "the running prepare was told to stop through its token");
        assertFalse(Files.exists(kb.stagingDir()) && Files.list(kb.stagingDir()).findAny().isPresent(), "no staging left");
    }

    /**
     * A crash while a staging folder is being removed (its lease file already gone, the folder not
     * yet) must not leave a folder the reaper only takes after its ten-minute grace for unleased ones.
     */
    @Test
    void aCrashWhileRemovingAStagingFolderLeavesNothingAfterTheNextRecovery() throws IOException {
        KbLayout kb = kb("kb");
        Path f = write(dir.resolve("in/paper.md"), "# Paper\n");
        dev.openkb.testing.FaultyFileOps dying = new dev.openkb.testing.FaultyFileOps().armWhere(1,
                op -> op.matches("delete .*/\\.openkb/staging/(trash-)?add-[^/]+"), dev.openkb.testing.FaultyFileOps.Mode.CRASH);
        try (dev.openkb.service.OpenKb engine = new dev.openkb.service.OpenKb(dying, w -> { })) {
            engine.kb(kb).add(List.of(f), 1, ProgressListener.NONE, CancelToken.none());
        } catch (dev.openkb.testing.FaultyFileOps.SimulatedCrash expected) {
            // died removing the staging folder, after the commit
        }
        assertTrue(dying.crashed());
        try (dev.openkb.service.OpenKb engine = new dev.openkb.service.OpenKb(w -> { })) {
            engine.kb(kb).recover(CancelToken.none());
        }
        try (var s = Files.list(kb.stagingDir())) {
            assertEquals(List.of(), s.toList());
        }
    }
}
