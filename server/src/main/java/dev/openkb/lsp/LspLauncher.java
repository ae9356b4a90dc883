package dev.openkb.lsp;

import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * Connects an {@link OpenKbServer} to a client over a pair of streams (stdio, or one accepted socket
 * on 127.0.0.1) and serves it until exit. The caller keeps stdout clean: these streams carry
 * JSON-RPC only. Stateless.
 */
public final class LspLauncher {
    private LspLauncher() {
    }

    /** Serves one client with a real-file-system engine; returns the exit code (0 after shutdown + exit). */
    public static int serve(InputStream in, OutputStream out, ServerOptions options) {
        return serve(in, out, new OpenKbServer(options, new RealFileOps()));
    }

    /** Serves one client with the given server; returns its exit code when it stops. */
    public static int serve(InputStream in, OutputStream out, OpenKbServer server) {
        ExecutorService jsonrpc = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openkb-lsp-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<OpenKbClient> launcher = new ServerLauncherBuilder()
                .setLocalService(server)
                .setRemoteInterface(OpenKbClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(jsonrpc)
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread eof = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // The stream failed, or we stopped listening: the client is as gone as on end of input.
            }
            server.connectionClosed();
        }, "openkb-lsp-eof");
        eof.setDaemon(true);
        eof.start();
        int code = server.exited().join();
        listening.cancel(true);
        jsonrpc.shutdownNow();
        return code;
    }

    /**
     * Listens on 127.0.0.1 only ({@code port} 0 picks a free one), announces the port, serves the
     * first client that connects and returns its exit code.
     */
    public static int serveSocket(int port, ServerOptions options, Consumer<String> announce) throws IOException {
        try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            announce.accept("openkb lsp listening on 127.0.0.1:" + listener.getLocalPort());
            try (Socket s = listener.accept()) {
                return serve(s.getInputStream(), s.getOutputStream(), options);
            }
        }
    }
}
