package dev.openkb.add;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.openkb.convert.PdfFixture;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.KbException;
import dev.openkb.engine.ProgressListener;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code add URL} end to end against a real HTTP server on the loopback interface: the real
 * converters and compiler, the real journal and registry. The slow responses never sleep the test:
 * the server holds them on a latch the test releases when it is done.
 */
class UrlAddTest {
    private static final String PAGE = "<!doctype html><html><head><title>Attention Notes</title></head><body>"
            + "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
            + "<main><h1>Attention notes</h1><p>Self-attention relates positions of a sequence.</p></main>"
            + "<footer>(c) site</footer></body></html>";

    @TempDir
    Path dir;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down by the test's listener once it has seen a download part-way through. */
    private final CountDownLatch midway = new CountDownLatch(1);
    private volatile boolean restWaitedFor;
    private static final int PART = 512;
    private byte[] pdf;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        try (PdfFixture f = new PdfFixture()) {
            f.page().line("Transformers", 18).paragraph("The transformer uses attention only.");
            pdf = Files.readAllBytes(f.title("Transformers").save(dir.resolve("t.pdf")));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/notes/", ex -> send(ex, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/paper", ex -> {
            ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"attention-paper.pdf\"");
            send(ex, 200, "application/octet-stream", pdf);
        });
        server.createContext("/r", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(3));
            ex.getResponseHeaders().add("Location", n == 0 ? "/notes/" : "/r/" + (n - 1));
            send(ex, 302, null, new byte[0]);
        });
        server.createContext("/to-http", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:1/x");
            send(ex, 301, null, new byte[0]);
        });
        server.createContext("/missing", ex -> send(ex, 404, "text/html", "<h1>no</h1>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse up front
            try (OutputStream out = ex.getResponseBody()) {
                byte[] mb = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 50 && release.getCount() > 0; i++) {
                    out.write(mb);
                }
            } catch (IOException clientGaveUp) {
                // expected: the download stops at the cap
            }
        });
        server.createContext("/slow-body", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("first bytes, then nothing".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // the client closed the connection
            }
        });
        server.createContext("/slow-headers", ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // test over
            }
            send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.US_ASCII));
        });
        server.createContext("/slow-notes.txt", ex -> {
            // A third of the body, then the rest only once the add has reported the download part-way.
            StringBuilder text = new StringBuilder();
            for (int i = 0; text.length() < 3 * PART; i++) {
                text.append("Note ").append(i).append(": attention relates position ").append(i).append(" of a sequence.\n");
            }
            byte[] body = text.substring(0, 3 * PART).getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, 0, PART);
                out.flush();
                restWaitedFor = midway.await(30, TimeUnit.SECONDS);
                out.write(body, PART, body.length - PART);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/image.png", ex -> send(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1}));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private AddReport add(KbLayout kb, String... urls) throws IOException {
        try (OpenKb engine = new OpenKb(w -> { })) {
            return engine.kb(kb).add(List.of(), Stream.of(urls).map(URI::create).toList(), 1, ProgressListener.NONE,
                    CancelToken.none());
        }
    }

    private static boolean stagingIsEmpty(KbLayout kb) throws IOException {
        if (!Files.isDirectory(kb.stagingDir())) {
            return true;
        }
        try (Stream<Path> s = Files.list(kb.stagingDir())) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void anHtmlPageIsDownloadedConvertedToItsMainContentAndRegisteredUnderItsUrl() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        String url = base + "/notes/";
        AddReport r = add(kb, url);
        assertEquals(1, r.added(), r.toString());
        RegistryEntry e = Registry.load(kb).entries().get(0);
        assertEquals(url, e.path());
        assertEquals("Attention-Notes", e.docName()); // no name in the URL path: the page title
        assertEquals("# Attention notes\n\nSelf-attention relates positions of a sequence.\n",
                Files.readString(kb.sourceMd(e.docName())));
        assertTrue(Files.isRegularFile(kb.rawDir().resolve("Attention-Notes.html")));
        assertTrue(stagingIsEmpty(kb));

        AddReport again = add(kb, url);
        assertEquals(1, again.skipped(), again.toString());
        assertEquals(1, Registry.load(kb).size());
    }

    @Test
    void aPdfServedAsOctetStreamIsTypedByItsBytesAndNamedByContentDisposition() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        AddReport r = add(kb, base + "/paper?id=1");
        assertEquals(1, r.added(), r.toString());
        RegistryEntry e = Registry.load(kb).entries().get(0);
        assertEquals("attention-paper", e.docName());
        assertEquals("pdf", e.type());
        assertTrue(Files.readString(kb.sourceMd("attention-paper")).contains("The transformer uses attention only."));
    }

    @Test
    void followsARedirectChainOfFiveButNotSix() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        assertEquals(1, add(kb, base + "/r/4").added()); // /r/4 → … → /r/0 → /notes/: five redirects
        AddReport six = add(Fixtures.kb(dir.resolve("kb2")), base + "/r/5");
        assertEquals(1, six.failed());
        assertTrue(six.files().get(0).reason().contains("more than 5 redirects"), six.files().get(0).reason());
    }

    @Test
    void eachFailureSaysWhatWentWrongAndLeavesTheKbAndStagingUntouched() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        AddReport r = add(kb, base + "/missing", base + "/image.png", "https://" + "127.0.0.1:" + closed + "/x",
                "http://no-such-host.invalid/doc.pdf");
        List<String> reasons = r.files().stream().map(FileResult::reason).toList();
        assertEquals(4, r.failed(), reasons.toString());
        assertTrue(reasons.get(0).contains("HTTP 404 Not Found"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("UNSUPPORTED_TYPE") && reasons.get(1).contains("image/png"), reasons.get(1));
        assertTrue(reasons.get(2).contains("connection refused by 127.0.0.1:" + closed), reasons.get(2));
        assertTrue(reasons.get(3).contains("cannot resolve host no-such-host.invalid"), reasons.get(3));
        assertEquals(0, Registry.load(kb).size());
        assertTrue(stagingIsEmpty(kb));
    }

    @Test
    void aBodyOverTheCapIsStoppedWhileStreaming() throws IOException {
        Path body = dir.resolve("body");
        UrlFetcher fetcher = new UrlFetcher(Duration.ofSeconds(5), Duration.ofSeconds(20), 2L << 20);
        KbException e = assertThrows(KbException.class, () -> fetcher.fetch(URI.create(base + "/huge"), body, CancelToken.none()));
        assertEquals(ErrorCode.DOWNLOAD_FAILED, e.code());
        assertTrue(e.getMessage().contains("larger than max_download_mb (2 MB)"), e.getMessage());
        assertTrue(Files.size(body) <= 2L << 20);
    }

    @Test
    void aServerThatStopsSendingOrNeverAnswersTimesOut() {
        UrlFetcher fetcher = new UrlFetcher(Duration.ofSeconds(5), Duration.ofMillis(700), 1 << 20);
        KbException stalled = assertThrows(KbException.class,
                () -> fetcher.fetch(URI.create(base + "/slow-body"), dir.resolve("a"), CancelToken.none()));
        assertTrue(stalled.getMessage().contains("the server stopped sending"), stalled.getMessage());
        KbException silent = assertThrows(KbException.class,
                () -> fetcher.fetch(URI.create(base + "/slow-headers"), dir.resolve("b"), CancelToken.none()));
        assertTrue(silent.getMessage().contains("no response within"), silent.getMessage());
    }

    @Test
    void aDownloadReportsItsBytesWhileTheBodyIsStillComingAndBeforeTheBatchStarts() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        String url = base + "/slow-notes.txt";
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void downloading(String u, long received, long length) {
                events.add(u + " " + received + "/" + length);
                if (received > 0 && received < length) {
                    midway.countDown(); // the server sends the rest only after this
                }
            }

            @Override
            public void batchStarted(int total) {
                events.add("batch " + total);
            }
        };
        AddReport r;
        try (OpenKb engine = new OpenKb(w -> { })) {
            r = engine.kb(kb).add(List.of(), List.of(URI.create(url)), 1, listener, CancelToken.none());
        }
        assertEquals(1, r.added(), r.toString());
        assertTrue(restWaitedFor, "progress came while the server held back two thirds of the body: " + events);
        long length = 3L * PART;
        assertEquals(url + " 0/" + length, events.get(0), "the start, with the declared length");
        assertEquals(url + " " + length + "/" + length, events.get(events.size() - 2), "the end, the whole body");
        assertEquals("batch 1", events.get(events.size() - 1), "downloads come before the batch");
        assertTrue(events.size() <= 103, "at most one event per percent: " + events.size());
    }

    @Test
    void downloadProgressIsThinnedToAPercentOrAMebibyte() {
        List<String> events = new java.util.ArrayList<>();
        ProgressListener l = new ProgressListener() {
            @Override
            public void downloading(String u, long received, long length) {
                events.add(received + "/" + length);
            }
        };
        DownloadProgress known = new DownloadProgress(l, "u");
        long total = 100L << 20;
        for (long n = 0; n <= total; n += 64 * 1024) {
            known.received(n, total);
        }
        known.finished(total);
        assertEquals(101, events.size(), "0%..100% once each; the end was the 100% already");
        events.clear();
        DownloadProgress unknown = new DownloadProgress(l, "u");
        for (long n = 0; n <= 10L << 20; n += 64 * 1024) {
            unknown.received(n, -1);
        }
        unknown.finished(10L << 20);
        assertEquals(List.of("0/-1", "1048576/-1"), events.subList(0, 2), "a step per MiB when the length is unknown");
        assertEquals(12, events.size());
        assertEquals("10485760/10485760", events.get(11), "the end says the real size as the length");
    }

    @Test
    void aRedirectMayNotDropTlsOrLeaveHttp() {
        URI from = URI.create("https://example.com/a");
        assertEquals(URI.create("https://example.com/b"), UrlFetcher.nextHop(from, "/b"));
        assertEquals(URI.create("https://cdn.example.com/c.pdf"), UrlFetcher.nextHop(from, "https://cdn.example.com/c.pdf"));
        assertEquals(URI.create("https://x/"), UrlFetcher.nextHop(URI.create("http://example.com/"), "https://x/"));
        KbException down = assertThrows(KbException.class, () -> UrlFetcher.nextHop(from, "http://example.com/b"));
        assertTrue(down.getMessage().contains("redirect from https to plain http refused"), down.getMessage());
        KbException file = assertThrows(KbException.class, () -> UrlFetcher.nextHop(from, "file:///etc/passwd"));
        assertTrue(file.getMessage().contains("non-http"), file.getMessage());
    }

    @Test
    void onlyHttpAndHttpsAreAccepted() {
        KbException e = assertThrows(KbException.class, () -> UrlFetcher.check(URI.create("ftp://example.com/a.pdf")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertFalse(e.getMessage().contains("Exception"));
    }
}
