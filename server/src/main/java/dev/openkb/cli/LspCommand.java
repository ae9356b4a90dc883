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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openkb lsp}: the language server, on stdio or (with {@code --port}) on one 127.0.0.1
 * socket. Stdout belongs to JSON-RPC, so before serving, {@code System.out} is pointed at stderr and
 * {@code System.in} emptied: a stray print from any library can no longer corrupt the stream.
 */
@Command(name = "lsp", description = "Run the language server on stdio (or on a 127.0.0.1 socket with --port).")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N",
            description = "Listen on 127.0.0.1:N instead of stdio (0 picks a free port, printed on stderr).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--port must be from 0 to 65535, got " + port);
        }
        InputStream in = System.in;
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        if (port != null) {
            return LspLauncher.serveSocket(port, ServerOptions.defaults(), System.err::println);
        }
        return LspLauncher.serve(in, out, ServerOptions.defaults());
    }
}
