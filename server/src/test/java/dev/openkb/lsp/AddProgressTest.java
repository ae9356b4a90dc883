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
    void percentageIsFinishedFilesOverTotal() {
        assertEquals(0, AddProgress.percent(0, 20));
        assertEquals(50, AddProgress.percent(10, 20));
        assertEquals(33, AddProgress.percent(1, 3));
        assertEquals(100, AddProgress.percent(20, 20));
        assertEquals(100, AddProgress.percent(0, 0), "an empty batch is complete");
        assertEquals(100, AddProgress.percent(3_000_000, 3_000_000), "no int overflow on huge batches");
    }

    @Test
    void reportsComeAtLeastAnIntervalApartTheLatestStateIsNotLostAndTheEndIsNeverHeldBack() {
        Duration interval = Duration.ofMillis(100);
        AddProgress p = AddProgress.onClientToken(outbox, timer, interval, Either.forLeft("t"));
        p.begin("OpenKB: add", "scanning");
        Path f = Path.of("/tmp/x.md");
        long until = System.nanoTime() + Duration.ofMillis(450).toNanos();
        int i = 0;
        while (System.nanoTime() < until) {
            p.fileStage(f, 1, 1, FileStage.CONVERTING, "page " + i++);
        }
        String last = "1/1 converting x.md (page " + (i - 1) + ")";
        client.await(this::reports, r -> !r.isEmpty() && r.get(r.size() - 1).getMessage().equals(last),
                Duration.ofSeconds(5), "the last report, flushed after the quiet interval");
        p.fileDone(f, 1, 1, "x", FileStatus.ADDED, null);
        p.end("added 1");
        List<WorkDoneProgressNotification> all = client.await(this::values,
                v -> v.get(v.size() - 1) instanceof WorkDoneProgressEnd, Duration.ofSeconds(5), "end");
        List<Long> times = client.progressTimes();
        for (int k = 2; k < times.size() - 1; k++) {
            long gap = times.get(k) - times.get(k - 1);
            assertTrue(gap >= interval.toNanos() * 9 / 10, "report " + k + " came " + gap / 1_000_000 + " ms after the previous");
        }
        assertTrue(reports().size() <= 7, reports().size() + " reports in ~450 ms");
        assertTrue(i > 100, "many events were coalesced: " + i);
        assertInstanceOf(WorkDoneProgressEnd.class, all.get(all.size() - 1));
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
