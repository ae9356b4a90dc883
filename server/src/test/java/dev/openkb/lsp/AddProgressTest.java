package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mapping of engine progress to $/progress, tested against a client wired straight to the outbox. */
class AddProgressTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Outbox outbox = new Outbox();
    private final RecordingClient client = new RecordingClient();

    AddProgressTest() {
        outbox.connect(client);
    }

    @AfterEach
    void stop() {
        outbox.close();
        timer.shutdownNow();
    }

    @Test
    void reportsAndFileProgressCarryTheEnginesPercentMessageAndSummary() {
        AddProgress p = AddProgress.onClientToken(outbox, timer, Duration.ZERO, Either.forLeft("t"), () -> 0L);
        Path a = Path.of("/tmp/a.md");
        Path b = Path.of("/tmp/b.md");
        p.begin("OpenKB: add", "scanning");
        p.scanPassedOver(1, 0);
        p.batchStarted(2);
        p.fileStage(a, 1, 2, FileStage.PREPARED, null);
        p.fileDone(a, 1, 2, "a", FileStatus.ADDED, null);
        p.fileDone(b, 2, 2, "b", FileStatus.SKIPPED, "already in the knowledge base");
        p.batchFinished(1, 1, 0, 0);
        outbox.flushed().join();

        List<Protocol.FileProgress> files = client.fileProgress();
        assertEquals(List.of(35, 50, 100), files.stream().map(Protocol.FileProgress::percent).toList(),
                "a prepared file is 70% of its work, so 35% of two; percent comes from the engine");
        assertEquals(List.of("1/2 prepared a.md", "1/2 added a.md", "2/2 skipped b.md"),
                files.stream().map(Protocol.FileProgress::message).toList());
        assertEquals("1 added, 1 skipped, 1 unsupported", files.get(2).summary());
        assertEquals(files.stream().map(Protocol.FileProgress::percent).toList(),
                reports().stream().map(WorkDoneProgressReport::getPercentage).toList(), "both channels say the same");
        assertEquals(files.stream().map(Protocol.FileProgress::message).toList(),
                reports().stream().map(WorkDoneProgressReport::getMessage).toList());
    }

    @Test
    void aDownloadIsReportedOnWorkDoneProgressBeforeAnyFile() {
        AddProgress p = AddProgress.onClientToken(outbox, timer, Duration.ZERO, Either.forLeft("t"), () -> 0L);
        p.begin("OpenKB: add", "downloading 1 URL(s)");
        p.downloading("http://127.0.0.1:9/paper.pdf", 512 * 1024, 2 * 1024 * 1024);
        outbox.flushed().join();
        assertEquals("downloading http://127.0.0.1:9/paper.pdf: 512 KB of 2.0 MB (25%)", reports().get(0).getMessage());
        assertEquals(0, reports().get(0).getPercentage(), "no file is under way yet");
        assertTrue(client.fileProgress().isEmpty(), "a download has no file to report on");
    }

    @Test
    void reportsComeAtLeastAnIntervalApartTheLatestStateIsNotLostAndTheEndIsNeverHeldBack() {
        // Time is the test's: reports may only go out when the clock says an interval has passed,
        // however slow or fast the machine runs. The timer is real, so a held report is flushed by it.
        Duration interval = Duration.ofMillis(50);
        AtomicLong now = new AtomicLong(1_000_000_000L);
        AddProgress p = AddProgress.onClientToken(outbox, timer, interval, Either.forLeft("t"), now::get);
        Path f = Path.of("/tmp/x.md");
        p.begin("OpenKB: add", "scanning");
        p.fileStage(f, 1, 1, FileStage.CONVERTING, "page 0");
        client.await(this::reports, r -> r.size() == 1, Duration.ofSeconds(5), "the first report goes out at once");

        for (int i = 1; i <= 200; i++) {
            p.fileStage(f, 1, 1, FileStage.CONVERTING, "page " + i);
        }
        now.addAndGet(interval.toNanos() / 2);
        p.fileStage(f, 1, 1, FileStage.CONVERTING, "page 201");
        outbox.flushed().join();
        assertEquals(1, reports().size(), "within one interval of the last report nothing more is sent");

        now.addAndGet(interval.toNanos() / 2);
        List<WorkDoneProgressReport> two = client.await(this::reports, r -> r.size() == 2, Duration.ofSeconds(5),
                "the held report, flushed once the interval has passed");
        assertEquals("1/1 converting x.md (page 201)", two.get(1).getMessage(), "202 events became one report: the latest");

        now.addAndGet(interval.toNanos() - 1);
        p.fileDone(f, 1, 1, "x", FileStatus.ADDED, null);
        p.end("added 1");
        List<WorkDoneProgressNotification> all = client.await(this::values,
                v -> v.get(v.size() - 1) instanceof WorkDoneProgressEnd, Duration.ofSeconds(5), "end, not held back");
        now.addAndGet(interval.toNanos() * 10);
        outbox.flushed().join();
        assertEquals(2, reports().size(), "the report held at the end is dropped, not sent after the end");
        assertInstanceOf(WorkDoneProgressEnd.class, values().get(values().size() - 1));
        assertEquals(4, all.size(), "begin, two reports, end");
    }

    @Test
    void aReportAfterAQuietIntervalGoesOutAtOnce() {
        Duration interval = Duration.ofMillis(50);
        AtomicLong now = new AtomicLong(0);
        AddProgress p = AddProgress.onClientToken(outbox, timer, interval, Either.forLeft("t"), now::get);
        Path f = Path.of("/tmp/x.md");
        p.begin("OpenKB: add", "scanning");
        p.fileStage(f, 1, 2, FileStage.CONVERTING, null);
        now.addAndGet(interval.toNanos());
        p.fileStage(f, 1, 2, FileStage.COMMITTING, null);
        outbox.flushed().join();
        List<WorkDoneProgressReport> r = reports();
        assertEquals(2, r.size(), "sent by the event itself, not by a later flush");
        assertEquals("1/2 committing x.md", r.get(1).getMessage());
    }

    @Test
    void aServerTokenBuffersUntilTheClientAcceptsItAndDropsProgressWhenItRefuses() {
        AddProgress accepted = AddProgress.onServerToken(outbox, timer, Duration.ZERO, Either.forLeft("s1"),
                Duration.ofSeconds(5));
        accepted.begin("OpenKB: add", "scanning");
        accepted.end("done");
        client.await(this::values, v -> v.size() == 2, Duration.ofSeconds(5), "begin and end after create");
        assertEquals(1, client.creates().size());

        client.answerCreate(RecordingClient.CreateAnswer.REFUSE);
        AddProgress refused = AddProgress.onServerToken(outbox, timer, Duration.ZERO, Either.forLeft("s2"),
                Duration.ofSeconds(5));
        refused.begin("OpenKB: add", "scanning");
        refused.fileStage(Path.of("/tmp/y.md"), 1, 1, FileStage.QUEUED, null);
        refused.end("done");
        client.await(client::fileProgress, l -> l.size() == 1, Duration.ofSeconds(5), "file progress goes on");
        outbox.flushed().join();
        assertTrue(client.progress().stream().noneMatch(x -> x.getToken().getLeft().equals("s2")));
    }

    private List<WorkDoneProgressNotification> values() {
        return client.progress().stream().map(x -> x.getValue().getLeft()).toList();
    }

    private List<WorkDoneProgressReport> reports() {
        return values().stream().filter(WorkDoneProgressReport.class::isInstance).map(WorkDoneProgressReport.class::cast).toList();
    }
}
