package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code initializationOptions.workspaceTrusted}: an untrusted workspace (VS Code's Restricted Mode)
 * is not written to by initialize; recovery happens only when the user asks for it.
 */
class WorkspaceTrustTest {
    @TempDir
    Path dir;

    private static JsonObject trusted(boolean trusted) {
        JsonObject o = new JsonObject();
        o.addProperty("workspaceTrusted", trusted);
        return o;
    }

    private static boolean journalPending(WikiFixture kb) throws IOException {
        Path journals = kb.layout.journalDir();
        try (var files = Files.list(journals)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        }
    }

    @Test
    void anUntrustedWorkspaceIsNotRecoveredAtInitializeButOnRequest() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        kb.crashMidMutation();
        assertTrue(journalPending(kb), "precondition: a journal is pending");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, trusted(false), dir);
            assertEquals("half-written", Fixtures.read(kb.attention()), "initialize left the KB as it was");
            assertTrue(journalPending(kb), "the journal is still there");

            Protocol.RecoverResult r = get(h.server.recover(LspHarness.params("uri", Uris.toUri(kb.attention()))));
            assertEquals(1, r.rolledBack().size(), "an explicit recover still recovers");
            assertEquals(WikiFixture.ATTENTION, Fixtures.read(kb.attention()));
        }
    }

    @Test
    void aTrustedWorkspaceIsRecoveredAtInitialize() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        kb.crashMidMutation();
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, trusted(true), dir);
            assertEquals(WikiFixture.ATTENTION, Fixtures.read(kb.attention()), "rolled back before initialize answered");
            assertFalse(journalPending(kb));
            // Undoing interrupted work the user did not ask to undo is shown, not only logged.
            var shown = h.client.await(h.client::shown, l -> !l.isEmpty(), java.time.Duration.ofSeconds(30), "a shown message");
            String text = shown.get(0).getMessage();
            assertTrue(text.startsWith("OpenKB recovered " + dir.getFileName()) && text.contains("rolled back an interrupted add"), text);
        }
    }

    @Test
    void anInitializeThatFindsNothingToRecoverShowsNothing() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, trusted(true), dir);
            // The recovery's log line goes out before any shown message would, on the same queue.
            h.client.await(h.client::logs, l -> l.stream().anyMatch(m -> m.getMessage().endsWith("nothing to recover")),
                    java.time.Duration.ofSeconds(30), "the recovery's log line");
            assertTrue(h.client.shown().isEmpty(), () -> "shown: " + h.client.shown());
        }
    }

    @Test
    void anUntrustedWorkspaceMakesNoLlmCallsAndSaysWhy() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        Path config = kb.layout.openkbDir().resolve("config.yaml");
        Fixtures.write(config, Fixtures.read(config).replaceAll("(?m)^model:.*$", "model: gpt-5.4"));
        Fixtures.write(dir.resolve("docs/note.md"), "# Note\n\nA note about attention.\n");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, trusted(false), dir);
            var add = h.server.add(LspHarness.uris(dir.resolve("docs/note.md")));
            ExecutionException e = assertThrows(ExecutionException.class, () -> add.get(60, TimeUnit.SECONDS));
            String message = assertInstanceOf(ResponseErrorException.class, e.getCause()).getMessage();
            assertTrue(message.startsWith("ENDPOINT_NOT_APPROVED") && message.contains("this workspace is not trusted"), message);
            assertFalse(Files.exists(kb.layout.root().resolve("raw/note.md")), "nothing was added");
        }
    }

    @Test
    void onlyAnExplicitFalseMeansUntrusted() {
        assertTrue(OpenKbServer.workspaceTrusted(null));
        assertTrue(OpenKbServer.workspaceTrusted(new JsonObject()));
        JsonObject notABoolean = new JsonObject();
        notABoolean.addProperty("workspaceTrusted", "no");
        assertTrue(OpenKbServer.workspaceTrusted(notABoolean));
        assertFalse(OpenKbServer.workspaceTrusted(trusted(false)));
    }
}
