package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openkb/query and the openkb.query command, over a real connection. */
class QueryRequestTest {
    @TempDir
    Path dir;

    @Test
    void answersWithSourcesAndStreamsTheAnswerAsPartialResultsBeforeTheResponse() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject params = LspHarness.params("question", "what turns scores into probabilities?");
            params.addProperty("partialResultToken", "q-1");
            JsonObject r = get(h.server.query(params));
            assertEquals("offline", r.get("mode").getAsString());
            assertEquals("concepts/softmax", r.getAsJsonArray("sources").get(0).getAsJsonObject().get("page").getAsString());
            StringBuilder streamed = new StringBuilder();
            for (ProgressParams p : h.client.progress()) {
                if (p.getToken().getLeft().equals("q-1")) {
                    streamed.append(((JsonObject) p.getValue().getRight()).get("chunk").getAsString());
                }
            }
            assertEquals(r.get("answer").getAsString(), streamed.toString(), "all chunks arrived before the response");
            assertTrue(Fixtures.read(dir.resolve("wiki/log.md")).contains("] query | what turns scores into probabilities?"));
        }
    }

    @Test
    void theCommandSavesAnExploration() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject params = LspHarness.params("question", "self attention");
            params.addProperty("save", true);
            params.addProperty("kb", Uris.toUri(dir));
            JsonObject r = KbRequestsTest.json(get(h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("openkb.query", List.of(params)))));
            assertEquals("wiki/explorations/self-attention.md", r.get("saved").getAsString());
            assertTrue(Files.readString(dir.resolve("wiki/explorations/self-attention.md")).startsWith("---\nquery: \"self attention\"\n"));
        }
    }

    @Test
    void anEmptyOrHugeQuestionIsInvalidParams() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            for (String q : List.of(" ", "y".repeat(100 * 1024))) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> h.server.query(LspHarness.params("question", q)).get());
                ResponseErrorException re = (ResponseErrorException) e.getCause();
                assertEquals(ResponseErrorCode.InvalidParams.getValue(), re.getResponseError().getCode());
                assertTrue(re.getMessage().startsWith("openkb/query: INVALID_ARGUMENT: the question is"), re.getMessage());
            }
        }
    }
}
