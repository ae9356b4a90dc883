package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path dir;

    @Test
    void initializeAnnouncesTheFeaturesAndTheSixCommands() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            InitializeResult r = h.initialize(false, dir);
            ServerCapabilities c = r.getCapabilities();
            assertEquals(List.of("openkb.add", "openkb.recover", "openkb.lint", "openkb.remove", "openkb.init",
                    "openkb.query"), c.getExecuteCommandProvider().getCommands());
            assertEquals(TextDocumentSyncKind.Incremental, c.getTextDocumentSync().getRight().getChange());
            assertEquals(List.of("[", "/", "#"), c.getCompletionProvider().getTriggerCharacters());
            assertTrue(c.getDefinitionProvider().getLeft() && c.getReferencesProvider().getLeft()
                    && c.getHoverProvider().getLeft());
            assertEquals("openkb", r.getServerInfo().getName());
            assertEquals(0, h.shutdownAndExit());
        }
    }

    @Test
    void exitWithoutShutdownEndsWithCodeOne() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            h.server.exit();
            assertEquals(1, get(h.exitCode));
        }
    }

    @Test
    void theServerStopsWhenTheClientClosesTheStream() throws Exception {
        WikiFixture.create(dir);
        LspHarness h = LspHarness.start(LspHarness.fast());
        h.initialize(false, dir);
        h.close();
        assertEquals(1, get(h.exitCode));
    }

    @Test
    void theServerStopsWhenTheEditorProcessDies() throws Exception {
        WikiFixture.create(dir);
        Process editor = new ProcessBuilder("sleep", "600").start();
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            InitializeParams p = new InitializeParams();
            p.setProcessId((int) editor.pid());
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir), "kb")));
            p.setCapabilities(new ClientCapabilities());
            get(h.server.initialize(p));
            assertTrue(!h.exitCode.isDone());
            editor.destroy();
            assertEquals(1, h.exitCode.get(60, TimeUnit.SECONDS));
        } finally {
            editor.destroyForcibly();
        }
    }

    @Test
    void registersFileWatchersWhenTheClientCanTakeThem() throws Exception {
        WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            InitializeParams p = new InitializeParams();
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir), "kb")));
            WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
            ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
            ClientCapabilities caps = new ClientCapabilities();
            caps.setWorkspace(ws);
            p.setCapabilities(caps);
            get(h.server.initialize(p));
            h.server.initialized(new InitializedParams());
            var regs = h.client.await(h.client::registrations, l -> !l.isEmpty(), Duration.ofSeconds(20), "registration");
            assertEquals("workspace/didChangeWatchedFiles", regs.get(0).getRegistrations().get(0).getMethod());
        }
    }

    @Test
    void findsEveryKbOfSeveralFoldersAndRoutesEachUriToItsOwn() throws Exception {
        WikiFixture a = WikiFixture.create(dir.resolve("a/deep/kb-a"));
        WikiFixture b = WikiFixture.create(dir.resolve("b"));
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir.resolve("a"), dir.resolve("b/wiki"));
            h.client.awaitDiagnostics(WikiFixture.uri(a.attention()), d -> d.getDiagnostics().size() == 2);
            h.client.awaitDiagnostics(WikiFixture.uri(b.attention()), d -> d.getDiagnostics().size() == 2);
            String e = AddTest.assertThrowsResponse(h.server.status(null));
            assertTrue(e.contains("several knowledge bases") && e.contains("pass 'uri'"), e);
            assertEquals(Uris.toUri(b.layout.root()),
                    get(h.server.status(LspHarness.params("uri", Uris.toUri(b.softmax())))).kb());

            dev.openkb.testing.Fixtures.write(dir.resolve("elsewhere/note.md"), "# Note\n");
            com.google.gson.JsonObject add = LspHarness.uris(dir.resolve("elsewhere/note.md"));
            e = AddTest.assertThrowsResponse(h.server.add(add));
            assertTrue(e.contains("several knowledge bases") && e.contains("pass 'kb'"), e);
            add.addProperty("kb", Uris.toUri(a.layout.root()));
            assertEquals(1, get(h.server.add(add)).added());
            assertTrue(java.nio.file.Files.exists(a.layout.summary("note")), "added to the KB named by 'kb'");
            com.google.gson.JsonObject inB = LspHarness.uris(b.layout.root().resolve("raw-notes/other.md"));
            dev.openkb.testing.Fixtures.write(b.layout.root().resolve("raw-notes/other.md"), "# Other\n");
            assertEquals(1, get(h.server.add(inB)).added());
            assertTrue(java.nio.file.Files.exists(b.layout.summary("other")), "a file inside a KB goes to that KB");
        }
    }
}
