package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.protocol.Results;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb/status}, {@code openkb/documents} and {@code openkb/remove} against the real server jar. */
class DocumentsOverLspTest {
    @TempDir
    Path workspace;

    private static final long WAIT = RealServer.WAIT.toSeconds();

    @Test
    void documentsListsWhatWasAddedAndRemoveTakesOneOutAfterADryRun() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            KbFixture.notes(workspace.resolve("inbox"), 2);
            Results.AddResult added = client.add(List.of(workspace.resolve("inbox")), kb, null, (e, l) -> { })
                    .result().get(WAIT, TimeUnit.SECONDS);
            assertEquals(2, added.added());

            List<Results.DocumentInfo> docs = client.documents(kb).get(WAIT, TimeUnit.SECONDS).documents();
            assertEquals(2, docs.size(), "documents " + docs);
            String victim = added.files().get(0).docName();
            assertTrue(docs.stream().anyMatch(d -> d.docName().equals(victim)), victim + " not in " + docs);

            Results.RemoveResult dry = client.remove(null, victim, true).get(WAIT, TimeUnit.SECONDS);
            assertTrue(dry.dryRun());
            assertFalse(dry.removed());
            assertFalse(dry.actions().isEmpty(), "a dry run says what it would do");
            assertEquals(2, client.status(kb).get(WAIT, TimeUnit.SECONDS).documents(), "a dry run changes nothing");

            Results.RemoveResult real = client.remove(null, victim, false).get(WAIT, TimeUnit.SECONDS);
            assertTrue(real.removed(), "result " + real);
            Results.StatusResult status = client.status(kb).get(WAIT, TimeUnit.SECONDS);
            assertEquals(1, status.documents());
            assertEquals(0, status.pendingJournals());
            assertFalse(client.documents(kb).get(WAIT, TimeUnit.SECONDS).documents().stream()
                    .anyMatch(d -> d.docName().equals(victim)));
        }
    }
}
