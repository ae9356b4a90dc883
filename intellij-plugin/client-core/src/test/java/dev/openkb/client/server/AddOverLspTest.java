package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.AddListener;
import dev.openkb.client.connection.AddOperation;
import dev.openkb.client.connection.Failures;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.progress.ProgressLine;
import dev.openkb.client.protocol.FileProgress;
import dev.openkb.client.protocol.Results;
import dev.openkb.client.protocol.Uris;
import dev.openkb.client.report.Summaries;
import dev.openkb.client.report.Summary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb/add} against the real server jar: per-file progress, the result, and cancellation. */
class AddOverLspTest {
    @TempDir
    Path workspace;

    /** Collects every progress event and line of one add. */
    static final class Progress implements AddListener {
        final List<FileProgress> events = new CopyOnWriteArrayList<>();
        final List<ProgressLine> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch firstDone = new CountDownLatch(1);
        final List<String> workDone = new CopyOnWriteArrayList<>();

        @Override
        public void workDone(String message, Integer percentage) {
            workDone.add(percentage + "% " + message);
        }

        @Override
        public void fileProgress(FileProgress event, ProgressLine line) {
            events.add(event);
            lines.add(line);
            first.countDown();
            if ("done".equals(event.stage())) {
                firstDone.countDown();
            }
        }
    }

    @Test
    void addReportsEveryStageOfEveryFileThenTheResult() throws Exception {
        RecordingEvents events = new RecordingEvents();
        try (OpenKbClient client = RealServer.client(workspace, events)) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            List<Path> notes = KbFixture.notes(workspace.resolve("inbox"), 3);
            Progress progress = new Progress();

            AddOperation op = client.add(List.of(workspace.resolve("inbox")), kb, 2, progress);
            Results.AddResult r = op.result().get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS);

            assertEquals(3, r.added(), "result " + r);
            assertEquals(0, r.failed() + r.skipped() + r.cancelled());
            assertEquals(notes.stream().map(Uris::toUri).sorted().toList(),
                    r.files().stream().map(Results.AddedFile::uri).sorted().toList());

            Map<String, List<String>> stagesByFile = new LinkedHashMap<>();
            for (FileProgress e : progress.events) {
                stagesByFile.computeIfAbsent(e.uri(), k -> new ArrayList<>()).add(e.stage());
                assertEquals(3, e.total());
            }
            assertEquals(3, stagesByFile.size(), "events for " + stagesByFile.keySet());
            for (List<String> stages : stagesByFile.values()) {
                assertEquals("done", stages.get(stages.size() - 1), "stages " + stages);
                assertTrue(stages.contains("committing"), "stages " + stages);
            }
            double last = -1;
            for (ProgressLine line : progress.lines) {
                assertTrue(line.fraction() >= last, "progress went backwards: " + progress.lines);
                assertTrue(line.text().matches("\\d/3 \\w+ note-00\\d\\.md( \\(\\w+\\))?"), line.text());
                last = line.fraction();
            }
            assertEquals(1.0, last, 1e-9);
            assertEquals("3 added", r.summary(), "the server's summary line, as the CLI prints it");
            // The standard $/progress on this add's token ends with the server's summary.
            assertTrue(!progress.workDone.isEmpty() && progress.workDone.get(progress.workDone.size() - 1)
                    .startsWith("100% 3 added"), "work-done progress: " + progress.workDone);
            assertEquals(3, client.status(kb).get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS).documents());
        }
    }

    @Test
    void cancellingAnAddStillAnswersWithWhatWasDoneAndWhatWasCancelled() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            int count = 60;
            KbFixture.notes(workspace.resolve("inbox"), count);
            Progress progress = new Progress();

            AddOperation op = client.add(List.of(workspace.resolve("inbox")), kb, 1, progress);
            assertTrue(progress.firstDone.await(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS), "no file finished");
            Results.AddResult r = op.await(() -> true, Duration.ofMillis(50)); // the cancel button

            assertTrue(op.isCancelRequested());
            assertTrue(r.added() >= 1, "the first file was committed before the cancel: " + r.added());
            assertTrue(r.cancelled() > 0, "nothing was cancelled: " + r.added() + " added of " + count);
            assertEquals(count, r.added() + r.skipped() + r.failed() + r.cancelled());
            assertEquals(count, r.files().size());
            assertEquals(r.cancelled(), r.files().stream().filter(f -> "cancelled".equals(f.status())).count());
            assertEquals(Summary.Level.WARNING, Summaries.add(r).level());
            int documents = client.status(kb).get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS).documents();
            assertEquals(r.added(), documents, "the KB holds exactly the documents reported as added");
        }
    }

    @Test
    void cancellingAtOnceLeavesTheKbWithExactlyWhatTheAnswerSays() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            KbFixture.notes(workspace.resolve("inbox"), 20);
            Progress progress = new Progress();

            AddOperation op = client.add(List.of(workspace.resolve("inbox")), kb, 1, progress);
            assertTrue(progress.first.await(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS), "no progress at all");
            int added;
            try {
                Results.AddResult r = op.await(() -> true, Duration.ofMillis(50));
                assertTrue(r.cancelled() > 0, "a cancel at the first event cancelled nothing: " + r.added() + " added");
                added = r.added();
            } catch (ExecutionException e) {
                // Cancelled while the add still waited for the KB: the server answers RequestCancelled.
                Summary s = Summaries.addFailed(e);
                assertEquals("Add cancelled", s.title(), Failures.describe(e));
                added = 0;
            }
            assertEquals(added, client.status(kb).get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS).documents());
        }
    }

    @Test
    void aMissingInputFailsTheRequestWithTheServersMessageAndChangesNothing() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            AddOperation op = client.add(List.of(workspace.resolve("nope.md")), kb, null, new Progress());
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> op.result().get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS));
            String message = Failures.describe(e);
            assertTrue(message.contains("no such file or folder") && message.contains("nope.md"), message);
            assertEquals(0, client.status(kb).get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS).documents());
        }
    }
}
