package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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
 * Only the server's own user can drive a socket server: a TCP connection that does not open with
 * the token from the 0600 token file is closed with nothing served while the server waits on for
 * the rightful client, and the Unix socket lives in a folder only its owner can enter. The last test
 * runs a client as the user {@code nobody} (needs root).
 */
class SocketSecurityTest {
    @TempDir
    Path dir;

    @BeforeEach
    void kb() throws Exception {
        WikiFixture.create(dir.resolve("kb"));
    }

    /** A socket server on its own thread, and what it announced on "stderr", in order. */
    private record Running(BlockingQueue<String> announced, CompletableFuture<Integer> code) {
        String next() throws InterruptedException {
            String line = announced.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the server announced nothing within 30 s; code: " + code);
            }
            return line;
        }
    }

    private interface Serve {
        int run(java.util.function.Consumer<String> announce) throws Exception;
    }

    private static Running start(Serve serve) {
        BlockingQueue<String> announced = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                code.complete(serve.run(announced::add));
            } catch (Throwable e) {
                code.completeExceptionally(e);
            }
        }, "socket-test-server");
        t.setDaemon(true);
        t.start();
        return new Running(announced, code);
    }

    private static String after(String line, String prefix) {
        assertTrue(line.startsWith(prefix), "'" + line + "' should start with '" + prefix + "'");
        return line.substring(prefix.length());
    }

    private static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] h = ("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    private static String initializeRequest(String initializationOptions) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"rootUri\":null,\"capabilities\":{}" + (initializationOptions == null ? ""
                : ",\"initializationOptions\":" + initializationOptions) + "}}";
    }

    /**
     * Connects, sends {@code first} and then requests that would be answered if the connection were
     * served, and returns every byte the server sent until it closed the connection.
     */
    private static byte[] whatIsServedTo(int port, String first) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(frame(first));
                out.write(frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"openkb/status\",\"params\":{}}"));
                out.write(frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}"));
                out.flush();
            } catch (java.net.SocketException closed) {
                // The server closed the connection while we were still sending; read what it sent, if anything.
            }
            try {
                return s.getInputStream().readAllBytes();
            } catch (java.net.SocketException reset) {
                return new byte[0]; // closed by the server while we were still sending: nothing was served
            }
        }
    }

    /** A real LSP4J client that initializes with {@code options}, lists documents, shuts down and exits. */
    private int driveToExit(InputStream in, OutputStream out, JsonObject options, Running server) throws Exception {
        Launcher<ServerApi> l = new Launcher.Builder<ServerApi>().setLocalService(new RecordingClient())
                .setRemoteInterface(ServerApi.class).setInput(in).setOutput(out).validateMessages(true).create();
        l.startListening();
        ServerApi api = l.getRemoteProxy();
        InitializeParams p = new InitializeParams();
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir.resolve("kb")), "kb")));
        p.setCapabilities(new ClientCapabilities());
        p.setInitializationOptions(options);
        get(api.initialize(p));
        assertEquals(0, get(api.documents(null)).documents().size());
        get(api.shutdown());
        api.exit();
        return server.code().get(60, TimeUnit.SECONDS);
    }

    private static JsonObject tokenOption(String token) {
        JsonObject o = new JsonObject();
        o.addProperty("token", token);
        return o;
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aTcpClientWithoutTheRightTokenIsServedNothingAndTheRightfulClientIsServedAfterwards() throws Exception {
        Running server = start(a -> LspLauncher.serveTcp(0, null, LspHarness.fast(), null, a));
        Path tokenFile = Path.of(after(server.next(), "openkb lsp token file: "));
        int port = Integer.parseInt(after(server.next(), "openkb lsp listening on 127.0.0.1:"));
        String token = Files.readString(tokenFile).strip();
        assertTrue(token.matches("[0-9a-f]{64}"), "256 random bits in hex: " + token);
        assertEquals("rw-------", perms(tokenFile));
        assertEquals("rwx------", perms(tokenFile.getParent()), "in a private folder of its own");

        assertEquals(0, whatIsServedTo(port, initializeRequest(null)).length, "no token");
        assertEquals(0, whatIsServedTo(port, initializeRequest("{\"token\":\"" + "0".repeat(64) + "\"}")).length,
                "a wrong token");
        assertEquals(0, whatIsServedTo(port, initializeRequest("{\"token\":\"" + token.substring(1) + "\"}")).length,
                "a prefix of the token");
        assertEquals(0, whatIsServedTo(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"openkb/add\",\"params\":"
                + "{\"token\":\"" + token + "\",\"uris\":[\"file:///etc/shadow\"]}}").length,
                "the token in anything but initialize");
        assertFalse(server.code().isDone(), "still waiting for the rightful client");

        try (Socket s = new Socket("127.0.0.1", port)) {
            assertEquals(0, driveToExit(s.getInputStream(), s.getOutputStream(), tokenOption(token), server));
        }
        assertFalse(Files.exists(tokenFile), "the token file is removed when the server stops");
        assertFalse(Files.exists(tokenFile.getParent()));
    }

    @Test
    void theUnixSocketIsCreatedInAPrivateFolderAndReplacesAStaleOne() throws Exception {
        Path socket = dir.resolve("run/lsp.sock");
        Files.createDirectory(dir.resolve("run"), PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FOLDER));
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket)); // a server that died leaves its socket file
        }
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        Running server = start(a -> LspLauncher.serveUnixSocket(socket, LspHarness.fast(), null, a));
        assertEquals(socket.toString(), after(server.next(), "openkb lsp listening on unix socket "));
        assertEquals("rwx------", perms(socket.getParent()));
        assertEquals("rw-------", perms(socket));
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertEquals(0, driveToExit(ChannelStreams.in(ch), ChannelStreams.out(ch), null, server));
        }
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the socket is removed when the server stops");

        Path fresh = dir.resolve("fresh/lsp.sock");
        Running second = start(a -> LspLauncher.serveUnixSocket(fresh, LspHarness.fast(), null, a));
        second.next();
        assertEquals("rwx------", perms(fresh.getParent()), "an absent folder is created private");
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(fresh))) {
            ch.close(); // the client goes away without a word: the server stops, code 1
            assertEquals(1, second.code().get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSocketFolderOthersCanEnterOrThatIsALinkOrNotOursIsRefused() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        KbException e = assertThrows(KbException.class,
                () -> LspLauncher.serveUnixSocket(open.resolve("lsp.sock"), LspHarness.fast(), null, a -> { }));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("other users may enter this folder (mode rwxr-xr-x)")
                && e.getMessage().contains("chmod 700"), e.getMessage());

        Path priv = Files.createDirectory(dir.resolve("priv"), PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FOLDER));
        Path link = Files.createSymbolicLink(dir.resolve("link"), priv);
        e = assertThrows(KbException.class,
                () -> LspLauncher.serveUnixSocket(link.resolve("lsp.sock"), LspHarness.fast(), null, a -> { }));
        assertTrue(e.getMessage().contains("is not a folder (or is a symlink)"), e.getMessage());

        Files.writeString(priv.resolve("lsp.sock"), "a file, not a socket");
        e = assertThrows(KbException.class,
                () -> LspLauncher.serveUnixSocket(priv.resolve("lsp.sock"), LspHarness.fast(), null, a -> { }));
        assertTrue(e.getMessage().contains("exists and is not a socket"), e.getMessage());
        assertEquals("a file, not a socket", Files.readString(priv.resolve("lsp.sock")), "left as it was");

        e = assertThrows(KbException.class, () -> LspLauncher.serveTcp(0, open.resolve("sub/token"), LspHarness.fast(), null, a -> { }));
        assertTrue(e.getMessage().contains("the token file's folder does not exist"), e.getMessage());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        e = assertThrows(KbException.class, () -> LspLauncher.serveTcp(0, open.resolve("token"), LspHarness.fast(), null, a -> { }));
        assertTrue(e.getMessage().contains("other users may write to this folder"), e.getMessage());
        assertFalse(Files.exists(open.resolve("token")));

        if (isRoot()) {
            Path theirs = Files.createDirectory(dir.resolve("theirs"), PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FOLDER));
            Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            e = assertThrows(KbException.class,
                    () -> LspLauncher.serveUnixSocket(theirs.resolve("lsp.sock"), LspHarness.fast(), null, a -> { }));
            assertTrue(e.getMessage().contains("belongs to nobody, not to root"), e.getMessage());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static final String PROBE = """
            import java.net.UnixDomainSocketAddress;
            import java.nio.channels.SocketChannel;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Probe {
                public static void main(String[] args) {
                    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
                        System.out.println("connect: ok");
                    } catch (Exception e) {
                        System.out.println("connect: refused (" + e + ")");
                    }
                    try {
                        System.out.println("read: ok " + Files.readString(Path.of(args[1])).strip().length());
                    } catch (Exception e) {
                        System.out.println("read: refused (" + e + ")");
                    }
                }
            }
            """;

    private String probe(Path socket, Path tokenFile, String... asUser) throws Exception {
        Path src = Files.createDirectories(dir.resolve("probe")).resolve("Probe.java");
        Files.writeString(src, PROBE);
        Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(src.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new java.util.ArrayList<>(List.of(asUser));
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:-UsePerfData",
                src.toString(), socket.toString(), tokenFile.toString()));
        Process p = new ProcessBuilder(cmd).directory(src.getParent().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        return out;
    }

    @Test
    void anotherUserCanNeitherConnectToTheUnixSocketNorReadTheTokenFile() throws Exception {
        if (!isRoot() || !new File("/usr/bin/setpriv").canExecute()) {
            System.err.println("SocketSecurityTest: skipping the other-user test: it needs root and setpriv "
                    + "to run a client as nobody (user.name=" + System.getProperty("user.name") + ")");
            Assumptions.abort("needs root and /usr/bin/setpriv");
        }
        // Everything up to our private files is open to others, so only our modes keep nobody out.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tokens = Files.createDirectory(dir.resolve("tokens"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path socket = dir.resolve("run/lsp.sock");
        Running unix = start(a -> LspLauncher.serveUnixSocket(socket, LspHarness.fast(), null, a));
        unix.next();
        Running tcp = start(a -> LspLauncher.serveTcp(0, tokens.resolve("token"), LspHarness.fast(), null, a));
        Path tokenFile = Path.of(after(tcp.next(), "openkb lsp token file: "));
        int port = Integer.parseInt(after(tcp.next(), "openkb lsp listening on 127.0.0.1:"));
        assertEquals(tokens.resolve("token"), tokenFile);

        String nobody = probe(socket, tokenFile, "/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");
        assertTrue(nobody.contains("connect: refused") && nobody.contains("Permission denied"), nobody);
        assertTrue(nobody.contains("read: refused") && nobody.contains("AccessDeniedException"), nobody);
        assertFalse(unix.code().isDone(), "the server still waits for its own user");

        String owner = probe(socket, tokenFile);
        assertTrue(owner.contains("connect: ok") && owner.contains("read: ok 64"),
                "the same probe as the server's user gets through (so the refusals above are the modes): " + owner);
        assertEquals(1, unix.code().get(60, TimeUnit.SECONDS), "the owner's probe was served, then left");

        String token = Files.readString(tokenFile).strip();
        try (Socket s = new Socket("127.0.0.1", port)) {
            assertEquals(0, driveToExit(s.getInputStream(), s.getOutputStream(), tokenOption(token), tcp));
        }
    }
}
