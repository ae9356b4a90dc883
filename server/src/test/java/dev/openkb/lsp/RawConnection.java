package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openkb.io.RealFileOps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real server in-process, spoken to in raw bytes: what a buggy or hostile client can send and
 * LSP4J's typed client cannot. Every message the server writes is parsed as JSON and queued; the
 * server runs in {@link LspLauncher#serve} so its exit code is observable.
 *
 * <p>Threading: the test thread sends; one reader thread fills {@code received}.
 */
final class RawConnection implements AutoCloseable {
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final OutputStream toServer;

    RawConnection(ServerOptions options) throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        OutputStream serverOut = Channels.newOutputStream(down.sink());
        toServer = Channels.newOutputStream(up.sink());
        OpenKbServer server = new OpenKbServer(options, new RealFileOps());
        Thread t = new Thread(() -> {
            try {
                exitCode.complete(LspLauncher.serve(serverIn, serverOut, server));
            } catch (Throwable e) {
                exitCode.completeExceptionally(e);
            }
        }, "raw-test-server");
        t.setDaemon(true);
        t.start();
        InputStream fromServer = Channels.newInputStream(down.source());
        Thread reader = new Thread(() -> readAll(fromServer), "raw-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends {@code body} framed with a correct Content-Length. */
    void send(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        sendRaw(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        sendRaw(bytes);
    }

    void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** The next response (a message with no method), skipping the server's notifications and requests. */
    JsonObject response() throws InterruptedException {
        while (true) {
            JsonObject m = received.poll(20, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no response from the server within 20 s");
            }
            if (!m.has("method")) {
                return m;
            }
        }
    }

    /** The next response within {@code wait}, or null: for "nothing is answered". */
    JsonObject responseWithin(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonObject m = received.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null || !m.has("method")) {
                return m;
            }
        }
    }

    /** Sends a request the server answers with {@code null} at once and returns that response. */
    JsonObject roundTrip(int id) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":"
                + "{\"textDocument\":{\"uri\":\"untitled:x\"},\"position\":{\"line\":0,\"character\":0}}}");
        return response();
    }

    private void readAll(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
                received.add(e.getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // The stream ended (the server stopped): nothing more will arrive.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("end of stream");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        if (!exitCode.isDone()) {
            send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            exitCode.get(60, TimeUnit.SECONDS);
        }
        toServer.close();
    }
}
