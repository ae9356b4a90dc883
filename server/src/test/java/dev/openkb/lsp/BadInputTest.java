package dev.openkb.lsp;

import static dev.openkb.lsp.AddTest.assertThrowsResponse;
import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad request gets an error response (or a per-file failure) with a message that says what
 * is wrong, the KB is byte-for-byte unchanged, and the server goes on answering.
 */
class BadInputTest {
    @TempDir
    Path dir;
    WikiFixture kb;
    Map<String, String> before;

    @BeforeEach
    void kb() throws Exception {
        kb = WikiFixture.create(dir.resolve("kb"));
        Fixtures.write(dir.resolve("docs/a.md"), "# A\n");
        before = TreeManifest.ofKb(kb.layout.root());
    }

    private static ResponseErrorException error(CompletableFuture<?> f) throws Exception {
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(ResponseErrorException.class, e.getCause());
        }
        throw new AssertionError("expected an error response");
    }

    private void assertInvalid(CompletableFuture<?> f, String expected) throws Exception {
        ResponseErrorException e = error(f);
        assertEquals(ResponseErrorCode.InvalidParams.getValue(), e.getResponseError().getCode(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should say '" + expected + "'");
    }

    private void assertServerStillServesAndKbUnchanged(LspHarness h) throws Exception {
        assertEquals(0, get(h.server.status(null)).documents());
        assertEquals(before, TreeManifest.ofKb(kb.layout.root()));
    }

    @Test
    void malformedParamsAreRefusedNamingTheField() throws Exception {
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            assertInvalid(h.raw("openkb/add", List.of(1, 2)), "params must be a JSON object");
            assertInvalid(h.server.add(new JsonObject()), "openkb/add: 'uris' is required");
            assertInvalid(h.server.add(LspHarness.params("uris", "file:///x")), "'uris' must be a non-empty array");
            JsonObject numbers = new JsonObject();
            JsonArray a = new JsonArray();
            a.add(3);
            numbers.add("uris", a);
            assertInvalid(h.server.add(numbers), "'uris' must hold only strings");
            JsonObject jobs = LspHarness.uris(dir.resolve("docs/a.md"));
            jobs.addProperty("jobs", "two");
            assertInvalid(h.server.add(jobs), "'jobs' must be an integer");
            jobs.addProperty("jobs", 0);
            assertInvalid(h.server.add(jobs), "'jobs' must be an integer from 1 to 64");
            JsonObject token = LspHarness.uris(dir.resolve("docs/a.md"));
            token.add("workDoneToken", new JsonObject());
            assertInvalid(h.server.add(token), "'workDoneToken' must be a string or an integer");
            assertInvalid(h.server.remove(new JsonObject()), "pass exactly one of 'uri' and 'docName'");
            assertInvalid(h.server.recover(LspHarness.params("uri", 42)), "'uri' must be a string");
            assertServerStillServesAndKbUnchanged(h);
        }
    }

    @Test
    void anExplicitlyNamedUnsupportedFileFailsWithTheReasonWhileTheOthersAreAdded() throws Exception {
        Fixtures.write(dir.resolve("docs/picture.xyz"), "not a document");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            Protocol.AddResult r = get(h.server.add(LspHarness.uris(dir.resolve("docs/picture.xyz"), dir.resolve("docs/a.md"))));
            assertEquals(1, r.added());
            Protocol.AddedFile bad = r.files().get(0);
            assertEquals("failed", bad.status());
            assertTrue(bad.reason().startsWith("Unsupported file type: .xyz. Supported: "), bad.reason());
        }
    }

    @Test
    void unknownCommandsAreRefusedListingTheKnownOnes() throws Exception {
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            assertInvalid(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("openkb.explode",
                    List.of())), "unknown command 'openkb.explode'; this server runs openkb.add, openkb.recover");
            ResponseErrorException e = error(h.raw("openkb/explode", new JsonObject()));
            assertEquals(ResponseErrorCode.MethodNotFound.getValue(), e.getResponseError().getCode());
            assertServerStillServesAndKbUnchanged(h);
        }
    }

    @Test
    void missingPathsAndNonFileUrisChangeNothing() throws Exception {
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject mixed = LspHarness.uris(dir.resolve("docs/a.md"), dir.resolve("docs/nope.pdf"));
            assertInvalid(h.server.add(mixed), "no such file or folder: " + dir.resolve("docs/nope.pdf"));
            JsonObject web = new JsonObject();
            JsonArray a = new JsonArray();
            a.add("ftp://example.com/paper.pdf"); // http(s) is downloaded; any other scheme is refused
            web.add("uris", a);
            assertInvalid(h.server.add(web), "'uris' must be a file: URI of a local path, got \"ftp://example.com/paper.pdf\"");
            assertInvalid(h.server.lint(LspHarness.params("uri", Uris.toUri(dir.resolve("elsewhere/x.md")))),
                    "is not inside a knowledge base of this workspace");
            assertEquals(List.of(), h.client.fileProgress(), "nothing started");
            assertServerStillServesAndKbUnchanged(h);
        }
    }

    @Test
    void dotDotAndSymlinkTricksCannotReachOutsideTheKbOrWorkspace() throws Exception {
        Path outside = Files.createDirectories(dir.getParent().resolve(dir.getFileName() + "-outside"));
        WikiFixture other = WikiFixture.create(outside.resolve("other-kb"));
        Map<String, String> otherBefore = TreeManifest.ofKb(other.layout.root());
        Files.createSymbolicLink(dir.resolve("link-to-other"), other.layout.root());
        Files.createSymbolicLink(dir.resolve("docs/escape"), outside);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir.resolve("kb"), dir.resolve("docs"));
            assertInvalid(h.server.init(LspHarness.params("uri", "file://" + dir + "/kb/../../" + outside.getFileName() + "/new")),
                    "is not inside a workspace folder");
            assertInvalid(h.server.init(LspHarness.params("uri", Uris.toUri(dir.resolve("link-to-other/sub")))),
                    "is not inside a workspace folder");
            JsonObject viaLink = LspHarness.uris(dir.resolve("docs/a.md"));
            viaLink.addProperty("kb", Uris.toUri(dir.resolve("link-to-other")));
            assertInvalid(h.server.add(viaLink), "is not a knowledge base of this workspace");
            assertInvalid(h.server.remove(LspHarness.params("docName", "../../etc/passwd")), "No document matching");
            Protocol.AddResult r = get(h.server.add(LspHarness.uris(dir.resolve("docs"))));
            assertEquals(1, r.added(), "only docs/a.md; the symlinked folder leading outside is passed over");
            assertTrue(r.passedOver().stream().anyMatch(p -> p.uri().endsWith("/docs/escape")
                    && p.reason().startsWith("symlink leading outside")), r.passedOver().toString());
            assertEquals(otherBefore, TreeManifest.ofKb(other.layout.root()));
            assertTrue(Files.notExists(outside.resolve("new")));
        }
    }

    @Test
    void aKbWhoseFilesAreNotWritableIsAnErrorWithTheReasonAndStaysAsItWas() throws Exception {
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            h.client.awaitDiagnostics(WikiFixture.uri(kb.attention()), d -> true);
            try (ReadOnlyTree ro = ReadOnlyTree.of(kb.layout.root())) {
                Protocol.AddResult r = get(h.server.add(LspHarness.uris(dir.resolve("docs/a.md"))));
                assertEquals(1, r.failed(), r.toString());
                String reason = r.files().get(0).reason();
                assertTrue(reason.contains(kb.layout.stagingDir().toString()) && reason.contains("AccessDenied")
                        || reason.contains("Operation not permitted") || reason.contains("Permission denied"), reason);
                ResponseErrorException e = error(h.server.init(LspHarness.params("uri", Uris.toUri(dir.resolve("kb/nested")))));
                assertTrue(e.getMessage().contains("nested"), e.getMessage());
                assertEquals(before, TreeManifest.ofKb(kb.layout.root()));
                JsonObject lint = get(h.server.lint(null));
                assertEquals(2, lint.getAsJsonObject("counts").get("broken-link").getAsInt(), "reading still works");
            }
            assertServerStillServesAndKbUnchanged(h);
        }
    }

    @Test
    void aCorruptRegistryIsAnErrorNamingTheFileNotACrash() throws Exception {
        Files.writeString(kb.layout.hashes(), "{not json");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            ResponseErrorException e = error(h.server.documents(null));
            assertEquals(ResponseErrorCode.RequestFailed.getValue(), e.getResponseError().getCode());
            assertTrue(e.getMessage().contains("hashes.json"), e.getMessage());
            assertEquals("CORRUPT_STATE", ((JsonObject) e.getResponseError().getData()).get("code").getAsString());
            e = error(h.server.lint(null));
            assertTrue(e.getMessage().contains("hashes.json: not valid JSON"), e.getMessage());
            assertTrue(h.client.logs().stream().anyMatch(m -> m.getMessage().contains("cannot update the index")),
                    "the editor was told why diagnostics are missing");
            assertEquals(List.of(), h.client.diagnostics());
        }
    }
}
