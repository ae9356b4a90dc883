package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.protocol.Results;
import dev.openkb.client.report.Summaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb/recover} against the real server jar, on a journal a crash would leave behind. */
class RecoverOverLspTest {
    @TempDir
    Path workspace;

    private static final long WAIT = RealServer.WAIT.toSeconds();

    @Test
    void recoverRollsBackAnUnfinishedAddAndReportsIt() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb")).toRealPath();
            Path ghost = KbFixture.page(kb, "summaries/ghost.md", "# Ghost\n\nWritten by an add that never finished.\n");
            UnfinishedJournal.writeAddThatCreated(kb, "wiki/summaries/ghost.md");

            Results.RecoverResult r = client.recover(kb).get(WAIT, TimeUnit.SECONDS);

            assertEquals(1, r.rolledBack().size(), "result " + r);
            assertEquals("add", r.rolledBack().get(0).operation());
            assertTrue(r.gaveUp().isEmpty() && r.errors().isEmpty(), "result " + r);
            assertFalse(Files.exists(ghost), "the page the unfinished add created is gone");
            assertEquals("Knowledge base recovered", Summaries.recover(r).title());

            Results.RecoverResult again = client.recover(kb).get(WAIT, TimeUnit.SECONDS);
            assertEquals("Nothing to recover", Summaries.recover(again).title(), "result " + again);
        }
    }
}
