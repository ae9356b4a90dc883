package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LSP4IJ user-defined server template (intellij-plugin/lsp4ij-template) starts a working server: its
 * {@code programArgs.default} with {@code $USER_HOME$} pointing at a home that holds the real jar where the
 * README says to put it, launched exactly as written, completes the LSP handshake and exits with code 0.
 */
class Lsp4ijTemplateTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("openkb.lsp4ij.template", "../lsp4ij-template"));

    @TempDir
    Path tmp;

    /** A client that accepts whatever the server says; the handshake is what is under test. */
    static final class QuietClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }

    @Test
    void theTemplatesCommandStartsTheServerAndCompletesTheHandshake() throws Exception {
        JsonObject template = JsonParser.parseString(Files.readString(TEMPLATE.resolve("template.json"))).getAsJsonObject();
        assertEquals("openkb", template.get("id").getAsString());
        JsonArray mappings = template.getAsJsonArray("fileTypeMappings");
        JsonObject md = mappings.get(0).getAsJsonObject();
        assertEquals("markdown", md.get("languageId").getAsString());
        assertTrue(md.getAsJsonObject("fileType").getAsJsonArray("patterns").toString().contains("*.md"));

        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".openkb"));
        Files.copy(RealServer.jar(), home.resolve(".openkb/openkb.jar"));
        String command = template.getAsJsonObject("programArgs").get("default").getAsString().replace("$USER_HOME$", home.toString());
        List<String> argv = split(command);
        assertEquals("java", argv.get(0), "the template runs the java on PATH: " + argv);
        assertTrue(argv.contains(home.resolve(".openkb/openkb.jar").toString()), argv.toString());

        // Exactly the template's command; PATH starts with this JVM's bin so "java" is a Java 17+ as the README asks.
        ProcessBuilder pb = new ProcessBuilder(argv).directory(tmp.toFile()).redirectError(tmp.resolve("stderr.txt").toFile());
        pb.environment().merge("PATH", RealServer.java().getParent().toString(), (old, bin) -> bin + java.io.File.pathSeparator + old);
        Process p = pb.start();
        try {
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new QuietClient(), p.getInputStream(),
                    p.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(tmp.toUri().toString(), "tmp")));
            // The template's initializationOptions.json, as LSP4IJ sends it.
            init.setInitializationOptions(JsonParser.parseString(
                    Files.readString(TEMPLATE.resolve("initializationOptions.json"))).getAsJsonObject());
            InitializeResult result = server.initialize(init).get(60, TimeUnit.SECONDS);
            assertNotNull(result.getCapabilities().getTextDocumentSync(), "server capabilities " + result);
            assertEquals("openkb", result.getServerInfo().getName());
            server.initialized(new InitializedParams());
            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "server still running after exit");
            assertEquals(0, p.exitValue(), "stderr: " + Files.readString(tmp.resolve("stderr.txt")));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Splits a command line as LSP4IJ does: at spaces, with double quotes grouping (and removed). */
    static List<String> split(String commandLine) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : commandLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IOException("unbalanced quotes in " + commandLine);
        }
        if (any) {
            out.add(current.toString());
        }
        return out;
    }
}
