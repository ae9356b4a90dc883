package dev.openkb.cli;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.lsp.LspLauncher;
import dev.openkb.lsp.ServerOptions;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openkb lsp}: the language server, on stdio (the default), on a Unix domain socket in a
 * private folder ({@code --unix-socket}), or on one 127.0.0.1 port guarded by a token
 * ({@code --port}). It takes the flags LSP clients add to a server's command line: {@code --stdio}
 * (vscode-languageclient's stdio transport) and {@code --clientProcessId=N} (stop when the editor
 * dies). Stdout belongs to JSON-RPC, so before serving, {@code System.out} is pointed at stderr and
 * {@code System.in} emptied: a stray print from any library can no longer corrupt the stream.
 */
@Command(name = "lsp", description = "Run the language server on stdio (or on a private Unix socket, or on a "
        + "127.0.0.1 port that needs a token).")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "Serve on stdin/stdout (the default; LSP clients pass it).")
    boolean stdio;

    @Option(names = "--clientProcessId", paramLabel = "PID",
            description = "Stop when this process (the editor) ends; also --clientProcessId=PID.")
    Long clientProcessId;

    @Option(names = "--unix-socket", paramLabel = "PATH",
            description = "Listen on a Unix domain socket at PATH; its folder must be private (created 0700 if absent).")
    Path unixSocket;

    @Option(names = "--port", paramLabel = "N",
            description = "Listen on 127.0.0.1:N (0 picks a free port, printed on stderr); the client must present the token.")
    Integer port;

    @Option(names = "--token-file", paramLabel = "PATH",
            description = "With --port: write the token here (mode 0600) instead of a new private temporary folder.")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        int transports = (stdio ? 1 : 0) + (port != null ? 1 : 0) + (unixSocket != null ? 1 : 0);
        if (transports > 1) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "choose one of --stdio, --unix-socket and --port");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--port must be from 0 to 65535, got " + port);
        }
        if (tokenFile != null && port == null) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--token-file goes with --port");
        }
        if (clientProcessId != null && clientProcessId <= 0) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null,
                    "--clientProcessId must be a process id (a positive number), got " + clientProcessId);
        }
        InputStream in = System.in;
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        ServerOptions options = ServerOptions.defaults();
        if (port != null) {
            return LspLauncher.serveTcp(port, tokenFile, options, clientProcessId, System.err::println);
        }
        if (unixSocket != null) {
            return LspLauncher.serveUnixSocket(unixSocket, options, clientProcessId, System.err::println);
        }
        return LspLauncher.serve(in, out, options, clientProcessId);
    }
}
