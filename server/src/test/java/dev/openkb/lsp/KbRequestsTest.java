package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recover, status, documents, lint, remove and init, each through openkb/* and where listed executeCommand. */
class KbRequestsTest {
    @TempDir
    Path dir;

    /** An executeCommand result (a plain map on the client side) as JSON. */
    static JsonObject json(Object result) {
        return new com.google.gson.Gson().toJsonTree(result).getAsJsonObject();
    }

    @Test
    void initializeRecoversAnInterruptedMutationAndSaysSoInTheLog() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        kb.crashMidMutation();
        assertEquals("half-written", Fixtures.read(kb.attention()));
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            assertEquals(WikiFixture.ATTENTION, Fixtures.read(kb.attention()), "rolled back before initialize answered");
            List<String> logs = h.client.await(() -> h.client.logs().stream().map(MessageParams::getMessage).toList(),
                    l -> l.stream().anyMatch(m -> m.contains("1 interrupted operation(s) rolled back")),
                    java.time.Duration.ofSeconds(20), "recovery summary");
            assertTrue(logs.stream().anyMatch(m -> m.contains("Rolled back interrupted add journal")), logs.toString());
        }
    }

    @Test
    void recoverReportsWhatItDid() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            // What a killed add leaves: its staging folder with a lease file nobody holds any more.
            Fixtures.write(kb.layout.stagingDir().resolve("add-orphan-0badf00d/.lease"), "");
            Protocol.RecoverResult r = get(h.server.recover(LspHarness.params("uri", Uris.toUri(kb.attention()))));
            assertEquals(1, r.stagingReclaimed());
            assertEquals(List.of(), r.rolledBack());
            assertEquals(Uris.toUri(dir), r.kb());
            JsonObject again = json(get(h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("openkb.recover", List.of()))));
            assertEquals(0, again.get("stagingReclaimed").getAsInt());
        }
    }

    @Test
    void statusAndDocumentsDescribeTheKb() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        Fixtures.write(dir.resolve("in/paper.md"), "# Paper\n\nText.\n");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            get(h.server.add(LspHarness.uris(dir.resolve("in/paper.md"))));
            Protocol.StatusResult s = get(h.server.status(null));
            assertEquals(1, s.documents());
            assertEquals(0, s.pendingJournals());
            assertTrue(s.pages().get("concepts") >= 3, s.pages().toString());
            assertTrue(s.lastOperation().contains("paper"), s.lastOperation());
            Protocol.DocumentsResult d = get(h.server.documents(new JsonObject()));
            assertEquals(List.of(new Protocol.DocumentInfo("paper", "paper.md", "md")), d.documents());
        }
    }

    @Test
    void lintReturnsTheJsonForTheKbOrOnePage() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject all = get(h.server.lint(null));
            assertEquals(2, all.getAsJsonObject("counts").get("broken-link").getAsInt());
            JsonObject page = get(h.server.lint(LspHarness.params("uri", Uris.toUri(kb.softmax()))));
            assertEquals(0, page.getAsJsonArray("findings").size());
            assertEquals(0, page.getAsJsonObject("counts").get("broken-link").getAsInt());
            Fixtures.write(kb.softmax(), WikiFixture.SOFTMAX + "[[concepts/gone]]\n");
            page = get(h.server.lint(LspHarness.params("uri", Uris.toUri(kb.softmax()))));
            assertEquals(1, page.getAsJsonArray("findings").size(), "lint re-reads the disk");
            h.client.awaitDiagnostics(Uris.toUri(kb.softmax()), d -> d.getDiagnostics().size() == 1);
            JsonObject folder = json(get(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    "openkb.lint", List.of(LspHarness.params("uri", Uris.toUri(kb.layout.conceptsDir())))))));
            assertEquals(3, folder.getAsJsonObject("counts").get("broken-link").getAsInt());
        }
    }

    @Test
    void removePlansOnADryRunAndRemovesExactlyTheNamedDocument() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        Fixtures.write(dir.resolve("in/paper.md"), "# Paper\n\nText.\n");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            get(h.server.add(LspHarness.uris(dir.resolve("in/paper.md"))));
            JsonObject dry = LspHarness.params("docName", "paper");
            dry.addProperty("dryRun", true);
            Protocol.RemoveResult plan = get(h.server.remove(dry));
            assertTrue(plan.dryRun());
            assertFalse(plan.removed());
            assertTrue(plan.actions().contains(new Protocol.RemoveAction("delete", "wiki/summaries/paper.md")), plan.toString());
            assertTrue(Files.exists(kb.layout.summary("paper")));

            String partial = AddTest.assertThrowsResponse(h.server.remove(LspHarness.params("docName", "pap")));
            assertTrue(partial.contains("no document is exactly 'pap'"), partial);

            Protocol.RemoveResult done = get(h.server.remove(LspHarness.params("uri", Uris.toUri(kb.layout.summary("paper")))));
            assertTrue(done.removed());
            assertFalse(Files.exists(kb.layout.summary("paper")));
            assertEquals(List.of(), get(h.server.documents(null)).documents());
        }
    }

    @Test
    void initCreatesAnOfflineKbInsideTheWorkspaceAndServesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject r = json(get(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("openkb.init",
                    List.of(LspHarness.params("uri", Uris.toUri(folder)))))));
            assertEquals("offline", r.get("model").getAsString());
            assertEquals(Uris.toUri(folder), r.get("kb").getAsString());
            assertTrue(Files.isDirectory(folder.resolve(".openkb")));
            assertEquals(0, get(h.server.status(null)).documents(), "the new KB is the workspace's KB now");
        }
    }
}
