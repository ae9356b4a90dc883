package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.Fixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of the built jar ({@code target/openkb.jar}, made by {@code mvn package}), run by
 * failsafe in the integration-test phase: the server started as a process exactly as editors start
 * it, driven by Neovim's built-in LSP client over stdio, by an LSP4J client over {@code --port} (with
 * the token), and with the command line vscode-languageclient builds for the VS Code extension.
 */
class ServerJarIT {
    private static final Path JAR = Path.of("target/openkb.jar").toAbsolutePath();
    private static final Path NVIM_SCRIPT = Path.of("src/test/resources/nvim/openkb_smoke.lua").toAbsolutePath();

    @TempDir
    Path dir;
    Path kb;

    @BeforeEach
    void workspace() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run `mvn package` (failsafe runs after it)");
        kb = Fixtures.kb(dir.resolve("kb")).root();
        Fixtures.write(dir.resolve("docs/alpha.md"), "# Alpha\n\nAlpha notes.\n");
        Fixtures.write(kb.resolve("wiki/concepts/page.md"),
                "---\ntype: \"Concept\"\ndescription: \"A page.\"\n---\n\n# Page\n\nSee [[summaries/alpha]].\n");
    }

    private static String which(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    @Test
    void neovimsBuiltInClientAddsADocumentGetsProgressAndDiagnosticsAndShutsTheServerDown() throws Exception {
        String nvim = which("nvim");
        if (nvim == null) {
            System.err.println("ServerJarIT: skipping the Neovim test: nvim is not on PATH (apt-get install -y neovim)");
            Assumptions.abort("nvim is not on PATH");
        }
        Path log = dir.resolve("nvim.out");
        ProcessBuilder pb = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE",
                "-c", "luafile " + NVIM_SCRIPT, "wiki/concepts/page.md")
                .directory(kb.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("OPENKB_JAR", JAR.toString());
        env.put("OPENKB_KB", kb.toString());
        env.put("OPENKB_DOCS", dir.resolve("docs").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process p = pb.start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "nvim did not finish:\n" + output);
        assertEquals(0, p.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("initialized: commands=openkb.add,openkb.recover,openkb.lint,openkb.remove,openkb.init,openkb.query"), output);
        assertTrue(lines.contains("diagnostic 8:5 broken-link Broken link [[summaries/alpha]]"), output);
        assertTrue(lines.contains("openkb.add -> added=1 failed=0"), output);
        assertTrue(lines.stream().anyMatch(l -> l.matches("progress: begin \\d+ report\\(s\\) end")), output);
        assertTrue(lines.stream().anyMatch(l -> l.matches("fileProgress: \\d+ event\\(s\\), last=done")), output);
        assertTrue(lines.contains("after add: diagnostics=[]"), output);
        assertTrue(lines.contains("server exit code 0"), output);
        assertEquals("PASS", lines.get(lines.size() - 1), output);
        assertTrue(Files.exists(kb.resolve("wiki/summaries/alpha.md")));
    }

    @Test
    void theLspCommandServesOneClientOnALoopbackPortAndExitsCleanly() throws Exception {
        Process server = new ProcessBuilder("java", "-jar", JAR.toString(), "lsp", "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            String tokenFile = null;
            while (line != null && !line.startsWith("openkb lsp listening on 127.0.0.1:")) {
                if (line.startsWith("openkb lsp token file: ")) {
                    tokenFile = line.substring("openkb lsp token file: ".length());
                }
                line = err.readLine();
            }
            assertTrue(line != null, "the server never announced its port");
            assertTrue(tokenFile != null, "the server announced its token file before its port");
            com.google.gson.JsonObject options = new com.google.gson.JsonObject();
            options.addProperty("token", Files.readString(Path.of(tokenFile)).strip());
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            try (Socket s = new Socket("127.0.0.1", port)) {
                RecordingClient client = new RecordingClient();
                Launcher<ServerApi> l = new Launcher.Builder<ServerApi>().setLocalService(client)
                        .setRemoteInterface(ServerApi.class).setInput(s.getInputStream()).setOutput(s.getOutputStream())
                        .validateMessages(true).create();
                l.startListening();
                InitializeParams p = new InitializeParams();
                p.setProcessId((int) ProcessHandle.current().pid());
                p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir), "ws")));
                p.setCapabilities(new ClientCapabilities());
                p.setInitializationOptions(options);
                LspHarness.get(l.getRemoteProxy().initialize(p));
                Protocol.AddResult r = LspHarness.get(l.getRemoteProxy().add(LspHarness.uris(dir.resolve("docs"))));
                assertEquals(1, r.added());
                LspHarness.get(l.getRemoteProxy().shutdown());
                l.getRemoteProxy().exit();
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not exit");
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }

    /**
     * What vscode-languageclient spawns for the extension: {@code buildServerCommand}'s JVM flags,
     * {@code -jar openkb.jar lsp}, then {@code --stdio} (TransportKind.stdio) and, as it does for
     * Node modules, {@code --clientProcessId=<its pid>}. The server serves, and stops when that
     * process ends.
     */
    @Test
    void theVscodeLanguageClientCommandLineIsServedAndStopsWithTheEditorProcess() throws Exception {
        Process editor = new ProcessBuilder("sleep", "300").start();
        Process server = new ProcessBuilder("java", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-jar",
                JAR.toString(), "lsp", "--stdio", "--clientProcessId=" + editor.pid())
                .redirectError(dir.resolve("server.err").toFile()).start();
        try {
            RecordingClient client = new RecordingClient();
            Launcher<ServerApi> l = new Launcher.Builder<ServerApi>().setLocalService(client)
                    .setRemoteInterface(ServerApi.class).setInput(server.getInputStream())
                    .setOutput(server.getOutputStream()).validateMessages(true).create();
            l.startListening();
            InitializeParams p = new InitializeParams();
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir), "ws")));
            p.setCapabilities(new ClientCapabilities());
            LspHarness.get(l.getRemoteProxy().initialize(p));
            assertEquals(0, LspHarness.get(l.getRemoteProxy().documents(null)).documents().size());
            editor.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server outlived the editor process");
            assertEquals(1, server.exitValue(), Files.readString(dir.resolve("server.err")));
        } finally {
            editor.destroyForcibly();
            server.destroyForcibly();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "lsp", "--port", "70000")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("--port must be from 0 to 65535, got 70000"), out);
    }
}
