package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openkb lsp} started with the command lines LSP clients build: vscode-languageclient's
 * stdio transport appends {@code --stdio} to the command (and, for a Node module, also
 * {@code --clientProcessId=<its pid>}); other launchers pass {@code --clientProcessId <pid>}. The
 * server runs as a real child process from the test classpath, exactly as the jar's Main runs it.
 */
class LauncherFlagsTest {
    @TempDir
    Path dir;

    /** The extension's JVM flags, then {@code openkb lsp} and what the client appends. */
    private Process server(String... lspArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "lsp"));
        cmd.addAll(List.of(lspArgs));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("server-" + System.nanoTime() + ".err").toFile()).start();
    }

    private static ServerApi client(Process p) {
        Launcher<ServerApi> l = new Launcher.Builder<ServerApi>().setLocalService(new RecordingClient())
                .setRemoteInterface(ServerApi.class).setInput(p.getInputStream()).setOutput(p.getOutputStream())
                .validateMessages(true).create();
        l.startListening();
        return l.getRemoteProxy();
    }

    private InitializeParams initialize() {
        InitializeParams p = new InitializeParams();
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir), "ws")));
        p.setCapabilities(new ClientCapabilities());
        return p; // no processId: only the command line names the editor's process
    }

    @Test
    void vscodeLanguageClientsStdioCommandLineServesTheClient() throws Exception {
        WikiFixture.create(dir.resolve("kb"));
        Process p = server("--stdio");
        try {
            ServerApi s = client(p);
            get(s.initialize(initialize()));
            assertEquals(0, get(s.documents(null)).documents().size());
            get(s.shutdown());
            s.exit();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server did not exit");
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theServerStopsWhenTheProcessNamedByClientProcessIdEndsInEitherSpelling() throws Exception {
        for (boolean withEquals : new boolean[] {true, false}) {
            Process editor = new ProcessBuilder("sleep", "300").start();
            String pid = Long.toString(editor.pid());
            Process p = withEquals ? server("--stdio", "--clientProcessId=" + pid) : server("--clientProcessId", pid, "--stdio");
            try {
                ServerApi s = client(p);
                get(s.initialize(initialize()));
                assertTrue(p.isAlive(), "serving while the editor lives");
                editor.destroy();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server outlived the editor (" + pid + ")");
                assertEquals(1, p.exitValue(), "an editor gone without shutdown is exit code 1");
            } finally {
                editor.destroyForcibly();
                p.destroyForcibly();
            }
        }
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, err.toString());
    }

    @Test
    void unknownFlagsAndConflictingTransportsPrintUsageAndExitTwo() {
        Run pipe = run("lsp", "--pipe=/tmp/vscode-ipc.sock");
        assertEquals(2, pipe.code(), pipe.err());
        assertTrue(pipe.err().contains("Unknown option: '--pipe=/tmp/vscode-ipc.sock'"), pipe.err());
        assertTrue(pipe.err().contains("Usage: openkb lsp") && pipe.err().contains("--clientProcessId=PID"), pipe.err());
        Run socket = run("lsp", "--socket=5007");
        assertEquals(2, socket.code(), socket.err());
        assertTrue(socket.err().contains("Unknown option: '--socket=5007'"), socket.err());
        Run both = run("lsp", "--stdio", "--port", "0");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("choose one of --stdio, --unix-socket and --port"), both.err());
        Run pid = run("lsp", "--clientProcessId=editor");
        assertEquals(2, pid.code(), pid.err());
        Run token = run("lsp", "--token-file", "/tmp/t");
        assertEquals(2, token.code(), token.err());
        assertTrue(token.err().contains("--token-file goes with --port"), token.err());
    }
}
