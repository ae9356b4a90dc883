package dev.openkb.lsp;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.RealFileOps;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Logger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * Connects an {@link OpenKbServer} to one client and serves it until exit: over a pair of streams
 * (stdio), over a Unix domain socket in a private folder, or over a 127.0.0.1 port whose client must
 * present the token from a 0600 file. Only the server's own user can connect to the socket or read
 * the token, so no other local user can drive the server (docs/protocol.md, "Starting the server").
 * The caller keeps stdout clean: these streams carry JSON-RPC only. Stateless.
 */
public final class LspLauncher {
    private static final Logger LOG = Logger.getLogger(LspLauncher.class.getName());
    /** How long a TCP connection may take to present its token before it is dropped unserved. */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private LspLauncher() {
    }

    /** Serves one client with a real-file-system engine; returns the exit code (0 after shutdown + exit). */
    public static int serve(InputStream in, OutputStream out, ServerOptions options) {
        return serve(in, out, server(options, null));
    }

    /** As {@link #serve(InputStream, OutputStream, ServerOptions)}, also stopping when {@code clientProcessId} ends. */
    public static int serve(InputStream in, OutputStream out, ServerOptions options, Long clientProcessId) {
        return serve(in, out, server(options, clientProcessId));
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
     * Listens on 127.0.0.1 only ({@code port} 0 picks a free one), writes a fresh token to
     * {@code tokenFile} (or, when null, to {@code token} in a new private temporary folder), announces
     * the token file and then the port, and serves the first connection that presents the token.
     * Connections that do not are closed unserved and the server keeps waiting. The token file is
     * removed when the server stops.
     */
    public static int serveTcp(int port, Path tokenFile, ServerOptions options, Long clientProcessId,
            Consumer<String> announce) throws IOException {
        Path createdFolder = tokenFile == null ? PrivateFiles.newPrivateTempFolder() : null;
        Path file = tokenFile == null ? createdFolder.resolve("token") : tokenFile.toAbsolutePath();
        boolean written = false;
        try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            TokenGate gate = new TokenGate(PrivateFiles.writeToken(file));
            written = true;
            OpenKbServer server = server(options, clientProcessId);
            server.exited().thenRun(() -> closeQuietly(listener));
            announce.accept("openkb lsp token file: " + file);
            announce.accept("openkb lsp listening on 127.0.0.1:" + listener.getLocalPort());
            while (true) {
                Socket s;
                try {
                    s = listener.accept();
                } catch (IOException e) {
                    if (server.exited().isDone()) {
                        return server.exited().join(); // the editor died before it connected
                    }
                    throw e;
                }
                s.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
                TokenGate.Admission a = gate.admit(s.getInputStream());
                if (!a.admitted()) {
                    LOG.warning("refused a connection from " + s.getRemoteSocketAddress() + ": " + a.refusal());
                    closeQuietly(s);
                    continue;
                }
                s.setSoTimeout(0);
                listener.close(); // one client per server: nobody else may even connect now
                try (s) {
                    return serve(a.stream(), s.getOutputStream(), server);
                }
            }
        } finally {
            if (written) {
                Files.deleteIfExists(file);
            }
            if (createdFolder != null) {
                Files.deleteIfExists(createdFolder);
            }
        }
    }

    /**
     * Listens on a Unix domain socket at {@code socket}, whose folder must be private (created 0700
     * if absent; see {@link PrivateFiles#privateFolder}), announces it, and serves the first
     * connection from a process of our own user. A stale socket left by a crashed server is replaced;
     * the socket is removed when the server stops.
     */
    public static int serveUnixSocket(Path socket, ServerOptions options, Long clientProcessId,
            Consumer<String> announce) throws IOException {
        Path path = socket.toAbsolutePath().normalize();
        PrivateFiles.privateFolder(path.getParent());
        removeStaleSocket(path);
        UserPrincipal me = PrivateFiles.currentUser(path);
        OpenKbServer server = server(options, clientProcessId);
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(path), 1);
            try {
                Files.setPosixFilePermissions(path, PrivateFiles.OWNER_ONLY_FILE);
                server.exited().thenRun(() -> closeQuietly(listener));
                announce.accept("openkb lsp listening on unix socket " + path);
                while (true) {
                    SocketChannel ch;
                    try {
                        ch = listener.accept();
                    } catch (IOException e) {
                        if (server.exited().isDone()) {
                            return server.exited().join();
                        }
                        throw e;
                    }
                    // The folder already keeps other users out; the peer's credentials make sure of it.
                    UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
                    if (!peer.user().equals(me)) {
                        LOG.warning("refused a connection from user " + peer.user().getName());
                        closeQuietly(ch);
                        continue;
                    }
                    listener.close();
                    try (ch) {
                        return serve(ChannelStreams.in(ch), ChannelStreams.out(ch), server);
                    }
                }
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }

    private static OpenKbServer server(ServerOptions options, Long clientProcessId) {
        OpenKbServer server = new OpenKbServer(options, new RealFileOps());
        if (clientProcessId != null) {
            server.watchClientProcess(clientProcessId);
        }
        return server;
    }

    /** A socket file from a server that died: in our private folder, so nobody else put it there. */
    private static void removeStaleSocket(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isOther()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, path, "exists and is not a socket; choose another path");
        }
        Files.delete(path);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.fine("closing " + c + ": " + e);
        }
    }
}
