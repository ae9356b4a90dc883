package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What JSON-RPC 2.0 says a server answers to broken messages, spoken in raw bytes: every request
 * gets exactly one answer with the spec's error code, an unparsable message gets a parse error with
 * {@code id: null}, no answer carries a Java stack trace or exception name, and the server goes on
 * serving the same connection afterwards.
 */
class ProtocolErrorsTest {
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|java\\.lang\\.|Exception|\\.java:\\d+");

    @TempDir
    Path dir;

    private static void assertError(JsonObject response, int code, String messagePart) {
        String text = response.toString();
        assertTrue(response.has("error"), text);
        JsonObject error = response.getAsJsonObject("error");
        assertEquals(code, error.get("code").getAsInt(), text);
        assertTrue(error.get("message").getAsString().contains(messagePart), "'" + text + "' should say '" + messagePart + "'");
        assertFalse(JAVA_INTERNALS.matcher(text).find(), "a Java stack trace or exception name reached the client: " + text);
    }

    private static void assertNullId(JsonObject response) {
        assertEquals(JsonNull.INSTANCE, response.get("id"), "the id could not be read, so it is null: " + response);
    }

    private static void assertStillServing(RawConnection c, int id) throws Exception {
        JsonObject r = c.roundTrip(id);
        assertEquals(id, r.get("id").getAsInt(), r.toString());
        assertFalse(r.has("error"), r.toString());
    }

    @Test
    void invalidJsonIsAnsweredWithAParseErrorWhoseIdIsNull() throws Exception {
        try (RawConnection c = new RawConnection(LspHarness.fast())) {
            c.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"openkb/status\",\"params\":{");
            JsonObject r = c.response();
            assertError(r, -32700, "Parse error");
            assertNullId(r);
            c.send("this is not JSON");
            r = c.response();
            assertError(r, -32700, "Parse error");
            assertNullId(r);
            c.sendRaw("Content-Type: application/vscode-jsonrpc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            r = c.response();
            assertError(r, -32700, "Content-Length");
            assertNullId(r);
            assertStillServing(c, 2);
        }
    }

    @Test
    void requestsOfTheWrongShapeAreInvalidRequestsAndAreAnswered() throws Exception {
        try (RawConnection c = new RawConnection(LspHarness.fast())) {
            c.send("{\"jsonrpc\":\"2.0\",\"id\":{\"n\":1},\"method\":\"openkb/status\"}");
            JsonObject r = c.response();
            assertError(r, -32600, "'id' must be a string or an integer");
            assertNullId(r);

            c.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":null}");
            r = c.response();
            assertError(r, -32600, "'method' must be a string");
            assertEquals(3, r.get("id").getAsInt());

            c.send("{\"jsonrpc\":\"2.0\",\"id\":4}");
            r = c.response();
            assertError(r, -32600, "'method'");
            assertEquals(4, r.get("id").getAsInt());

            c.send("[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}]");
            r = c.response();
            assertError(r, -32600, "batch");
            assertNullId(r);

            c.send("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}");
            r = c.response();
            assertError(r, -32600, "'id' must be a string or an integer");
            assertNullId(r);
            assertStillServing(c, 6);
        }
    }

    @Test
    void paramsOfTheWrongShapeAreInvalidParamsNamingTheMethod() throws Exception {
        try (RawConnection c = new RawConnection(LspHarness.fast())) {
            c.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"openkb/add\",\"params\":[1,2]}");
            JsonObject r = c.response();
            assertError(r, -32602, "openkb/add");
            assertEquals(7, r.get("id").getAsInt());

            c.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"openkb/add\",\"params\":\"file:///x\"}");
            r = c.response();
            assertError(r, -32602, "openkb/add");
            assertEquals(8, r.get("id").getAsInt());

            c.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":"
                    + "{\"textDocument\":5,\"position\":\"top\"}}");
            r = c.response();
            assertError(r, -32602, "textDocument/hover");
            assertEquals(9, r.get("id").getAsInt());

            // The same mistakes in notifications are never answered (JSON-RPC: no reply to a notification).
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":7}}");
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"openkb/fileProgress\",\"params\":[1,2,3]}");
            assertEquals(10, c.roundTrip(10).get("id").getAsInt(), "the next answer is the round trip's");
            assertNull(c.responseWithin(Duration.ofMillis(200)));
        }
    }

    @Test
    void aRequestTheServerDoesNotImplementIsMethodNotFoundNotAnInternalError() throws Exception {
        try (RawConnection c = new RawConnection(LspHarness.fast())) {
            c.send("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"textDocument/formatting\",\"params\":"
                    + "{\"textDocument\":{\"uri\":\"file:///x.md\"},\"options\":{\"tabSize\":4,\"insertSpaces\":true}}}");
            JsonObject r = c.response();
            assertError(r, -32601, "textDocument/formatting");
            assertNull(r.getAsJsonObject("error").get("data"), r.toString());
            c.send("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"openkb/explode\",\"params\":{}}");
            assertError(c.response(), -32601, "openkb/explode");
            assertStillServing(c, 13);
        }
    }
}
