package dev.openkb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How far an add is, as every face shows it: the engine's one progress model. */
class ProgressTrackerTest {
    private final AtomicLong now = new AtomicLong(0);
    private final ProgressTracker t = new ProgressTracker(now::get);
    private final Path a = Path.of("/in/a.pdf");
    private final Path b = Path.of("/in/b.md");

    @Test
    void beforeTheBatchNothingIsDone() {
        assertEquals(BatchProgress.START, t.current());
        assertEquals(0, t.current().percent());
        assertEquals("0 added", t.current().summary());
    }

    @Test
    void eachFileCountsByHowFarThroughItsStagesItIs() {
        t.batchStarted(2);
        t.fileStage(a, 1, 2, FileStage.QUEUED, null);
        assertEquals(0, t.current().percent());
        t.fileStage(a, 1, 2, FileStage.CONVERTING, null);
        assertEquals(5, t.current().percent(), "converting is 10% of a file, a file half the batch");
        t.fileStage(a, 1, 2, FileStage.PREPARED, null);
        assertEquals(35, t.current().percent());
        t.fileStage(a, 1, 2, FileStage.COMMITTING, "compile");
        assertEquals("1/2 committing a.pdf (compile)", t.current().message());
        t.fileDone(a, 1, 2, "a", FileStatus.ADDED, null);
        assertEquals(50, t.current().percent());
        assertEquals("1/2 added a.pdf", t.current().message());
        assertEquals(1, t.current().done());
        assertEquals(2, t.current().total());
    }

    @Test
    void thePercentageNeverGoesBackwardsWhenEventsOfOneFileArriveLate() {
        t.batchStarted(1);
        t.fileStage(a, 1, 1, FileStage.PREPARED, null);
        t.fileStage(a, 1, 1, FileStage.HASHING, null); // from a slower thread, after the fact
        assertEquals(70, t.current().percent());
    }

    @Test
    void hundredOnlyOnceEveryFileIsDone() {
        t.batchStarted(3);
        for (int i = 1; i <= 3; i++) {
            t.fileStage(Path.of("/in/" + i + ".md"), i, 3, FileStage.COMMITTING, null);
        }
        assertEquals(75, t.current().percent());
        t.fileDone(a, 1, 3, "a", FileStatus.ADDED, null);
        t.fileDone(b, 2, 3, "b", FileStatus.ADDED, null);
        assertEquals(91, t.current().percent());
        t.fileStage(Path.of("/in/3.md"), 3, 3, FileStage.COMMITTING, "log");
        assertTrue(t.current().percent() < 100);
        t.fileDone(Path.of("/in/3.md"), 3, 3, "c", FileStatus.FAILED, "bad");
        assertEquals(100, t.current().percent());
    }

    @Test
    void anEmptyBatchIsCompleteWhenItFinishes() {
        t.batchStarted(0);
        assertEquals(0, t.current().percent());
        assertEquals("no supported files found", t.current().message());
        t.batchFinished(0, 0, 0, 0);
        assertEquals(100, t.current().percent());
    }

    @Test
    void theSummaryCountsFinishedFilesAndWhatTheScanPassedOver() {
        t.scanPassedOver(1, 2);
        t.batchStarted(3);
        t.fileDone(a, 1, 3, "a", FileStatus.ADDED, null);
        t.fileDone(b, 2, 3, "b", FileStatus.SKIPPED, "already added");
        assertEquals("1 added, 1 skipped, 1 unsupported, 2 passed over", t.current().summary());
        t.fileDone(b, 3, 3, null, FileStatus.CANCELLED, "cancelled");
        t.batchFinished(1, 1, 0, 1);
        assertEquals("1 added, 1 skipped, 1 cancelled, 1 unsupported, 2 passed over", t.current().summary());
        assertEquals("done: 1 added, 1 skipped, 1 cancelled, 1 unsupported, 2 passed over", t.current().message());
    }

    @Test
    void theEtaIsProjectedFromTheWorkDoneSoFarAndOnlyOnceAFileFinished() {
        t.batchStarted(4);
        now.set(10_000_000_000L);
        t.fileStage(a, 1, 4, FileStage.PREPARED, null);
        assertFalse(t.current().hasEta(), "no file finished yet: no honest ETA");
        t.fileDone(a, 1, 4, "a", FileStatus.ADDED, null);
        assertEquals(30, t.current().etaSeconds(), "a quarter of the work took 10 s: 30 s left");
        assertEquals("0:30", t.current().etaText());
        now.set(4000L * 1_000_000_000L);
        t.fileDone(b, 2, 4, "b", FileStatus.ADDED, null);
        assertEquals("1:06:40", t.current().etaText());
        t.fileDone(b, 3, 4, "c", FileStatus.ADDED, null);
        t.fileDone(b, 4, 4, "d", FileStatus.ADDED, null);
        assertFalse(t.current().hasEta(), "nothing left");
    }

    @Test
    void aDownloadSaysWhatAndHowMuch() {
        t.downloading("https://example.org/paper.pdf", 0, -1);
        assertEquals("downloading https://example.org/paper.pdf: 0 B", t.current().message());
        t.downloading("https://example.org/paper.pdf", 3 * 1024 * 1024 + 200 * 1024, -1);
        assertEquals("downloading https://example.org/paper.pdf: 3.2 MB", t.current().message());
        t.downloading("https://example.org/paper.pdf", 1536, 3072);
        assertEquals("downloading https://example.org/paper.pdf: 1 KB of 3 KB (50%)", t.current().message());
        assertEquals(0, t.current().percent(), "the batch has not started: no file is under way");
    }

    @Test
    void controlCharactersInNamesAreShownEscaped() {
        t.batchStarted(1);
        t.fileStage(Path.of("/in/a\u001b[31m.md"), 1, 1, FileStage.CONVERTING, null);
        assertEquals("1/1 converting a\\x1b[31m.md", t.current().message());
    }
}
