package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.connection.QueryOperation;
import dev.openkb.client.protocol.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb/query} (the Ask action's request) against the real server jar. */
class AskOverLspTest {
    @TempDir
    Path workspace;

    private static final long WAIT = RealServer.WAIT.toSeconds();

    /** A KB holding two notes, one about rivers, one about bread. */
    private Path kbWithTwoNotes(OpenKbClient client) throws Exception {
        Path kb = KbFixture.init(client, workspace.resolve("kb"));
        Path inbox = Files.createDirectories(workspace.resolve("inbox"));
        Files.writeString(inbox.resolve("rivers.md"), "# Rivers\n\nA river carries sediment to the delta, where the"
                + " current slows and the sediment settles into new land.\n");
        Files.writeString(inbox.resolve("bread.md"), "# Bread\n\nYeast ferments the dough; the carbon dioxide it"
                + " makes leavens the bread before baking.\n");
        Results.AddResult added = client.add(List.of(inbox), kb, null, (e, l) -> { }).result().get(WAIT, TimeUnit.SECONDS);
        assertEquals(2, added.added(), "added " + added);
        return kb;
    }

    @Test
    void theAnswerStreamsBeforeTheResultAndCitesThePageThatHoldsIt() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = kbWithTwoNotes(client);
            List<String> pieces = new CopyOnWriteArrayList<>();
            Results.QueryResult r = client.ask("Where does the sediment of a river settle?", kb, false, pieces::add)
                    .result().get(WAIT, TimeUnit.SECONDS);

            assertEquals("Where does the sediment of a river settle?", r.question());
            assertEquals("offline", r.mode());
            assertFalse(pieces.isEmpty(), "the answer streamed as partial results");
            assertEquals(r.answer(), String.join("", pieces), "the pieces make up the answer");
            assertFalse(r.sources().isEmpty(), "sources of " + r);
            Results.QuerySource top = r.sources().get(0);
            assertTrue(top.page().contains("rivers"), "the rivers note ranks first: " + r.sources());
            assertTrue(Files.isRegularFile(kb.resolve("wiki").resolve(top.page() + ".md"))
                    || Files.isRegularFile(kb.resolve("wiki").resolve(top.page() + ".json")), top.page() + " is a page");
            assertTrue(r.answer().contains("sediment"), r.answer());
        }
    }

    @Test
    void savingWritesAnExplorationPage() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = kbWithTwoNotes(client);
            client.ask("How is bread leavened?", kb, true, piece -> { }).result().get(WAIT, TimeUnit.SECONDS);
            Path page = kb.resolve("wiki/explorations/how-is-bread-leavened.md");
            assertTrue(Files.isRegularFile(page), "no " + page);
            assertTrue(Files.readString(page).contains("How is bread leavened?"));
        }
    }

    @Test
    void anEmptyQuestionIsRefusedWithTheServersReason() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = kbWithTwoNotes(client);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> client.ask("   ", kb, false, piece -> { }).result().get(WAIT, TimeUnit.SECONDS));
            assertTrue(String.valueOf(e.getCause().getMessage()).toLowerCase().contains("question"), e.getCause().toString());
        }
    }

    @Test
    void aCancelledQuestionEndsAndTheServerKeepsAnswering() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = kbWithTwoNotes(client);
            QueryOperation op = client.ask("What do rivers carry?", kb, false, piece -> { });
            op.cancel();
            assertThrows(CancellationException.class, () -> op.result().get(WAIT, TimeUnit.SECONDS));
            Results.QueryResult next = client.ask("What ferments the dough?", kb, false, piece -> { })
                    .result().get(WAIT, TimeUnit.SECONDS);
            assertTrue(next.sources().get(0).page().contains("bread"), "sources " + next.sources());
        }
    }
}
