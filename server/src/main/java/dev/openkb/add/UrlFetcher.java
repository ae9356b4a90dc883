package dev.openkb.add;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads one http(s) URL into a folder the caller owns (the add's private staging folder, never
 * the live {@code raw/}). Redirects are followed here, not by the JDK, so the limits hold: at most
 * {@link #MAX_REDIRECTS}, http and https only, and never from https down to http. A connect timeout,
 * a timeout for the response headers, and a stall timeout while the body streams (no byte for that
 * long closes the stream); the size cap is checked against Content-Length first and then while
 * streaming, so an oversized body is never fully read. Every failure is a {@code DOWNLOAD_FAILED}
 * (or {@code UNSUPPORTED_TYPE}) whose reason starts with the URL and says what went wrong in words:
 * the host is unknown, refused the connection, answered 404, sent too much, or stopped sending.
 *
 * <p>Threading: one instance serves one batch's coordinator thread; each fetch starts a watchdog
 * thread of its own (the stall and cancel checks) and stops it before returning.
 */
final class UrlFetcher {
    static final int MAX_REDIRECTS = 5;
    private static final int CHUNK = 64 * 1024;
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    /** What was downloaded: the body's file, the final URL, and the headers that name and type it. */
    record Download(Path file, URI url, String contentType, String contentDisposition, byte[] head) {
    }

    private final HttpClient client;
    private final Duration readTimeout;
    private final long maxBytes;

    UrlFetcher(Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    /** Refuses anything but an absolute http(s) URL with a host. */
    static URI check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, url + ": only http and https URLs can be added");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, url + ": the URL has no host");
        }
        return url;
    }

    Download fetch(URI start, Path body, CancelToken cancel) throws IOException {
        return fetch(start, body, cancel, new DownloadProgress(dev.openkb.engine.ProgressListener.NONE, start.toString()));
    }

    /** Downloads {@code start} into {@code body}, telling {@code progress} the bytes received as they come. */
    Download fetch(URI start, Path body, CancelToken cancel, DownloadProgress progress) throws IOException {
        URI url = check(start);
        for (int redirects = 0; ; redirects++) {
            cancel.throwIfCancelled();
            HttpResponse<InputStream> response = send(url);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw failed(url, "HTTP " + status + " redirect without a Location");
                }
                if (redirects == MAX_REDIRECTS) {
                    throw failed(start, "more than " + MAX_REDIRECTS + " redirects (the last to " + location + ")");
                }
                URI next = nextHop(url, location);
                url = next;
                continue;
            }
            if (status != 200) {
                response.body().close();
                String reason = REASONS.get(status);
                throw failed(url, "HTTP " + status + (reason == null ? "" : " " + reason));
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                response.body().close();
                throw failed(url, "the server says it is " + megabytes(declared) + ", more than max_download_mb ("
                        + megabytes(maxBytes) + ")");
            }
            byte[] head = stream(url, response.body(), body, cancel, progress, declared);
            String type = response.headers().firstValue("Content-Type").orElse("");
            int semi = type.indexOf(';');
            type = (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            return new Download(body, url, type, response.headers().firstValue("Content-Disposition").orElse(null), head);
        }
    }

    /** Where a redirect from {@code from} to {@code location} leads, refused when it leaves http(s) or drops TLS. */
    static URI nextHop(URI from, String location) {
        URI next;
        try {
            next = from.resolve(location.strip());
        } catch (IllegalArgumentException bad) {
            throw failed(from, "redirect to an invalid URL: " + location);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw failed(from, "redirect from https to plain http refused (" + next + ")");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw failed(from, "redirect to a non-http URL refused (" + next + ")");
        }
        return next;
    }

    private HttpResponse<InputStream> send(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout).header("Accept",
                "text/html, application/pdf, text/markdown, text/plain, */*;q=0.5").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw failed(url, "no connection to " + url.getHost() + " within the connect timeout");
        } catch (HttpTimeoutException e) {
            throw failed(url, "no response within " + readTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, java.net.UnknownHostException.class)) {
                throw failed(url, "cannot resolve host " + url.getHost() + " (DNS)");
            }
            throw failed(url, "connection refused by " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""));
        } catch (IOException e) {
            if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, java.net.UnknownHostException.class)) {
                throw failed(url, "cannot resolve host " + url.getHost() + " (DNS)");
            }
            throw failed(url, "download failed: " + message(e));
        } catch (IllegalArgumentException e) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KbException(ErrorCode.CANCELLED, null, "interrupted");
        }
    }

    /**
     * Streams the body to {@code target} under the cap, with a watchdog that closes the stream when
     * no byte came for the read timeout or the add is cancelled. Returns the first 8 KiB.
     */
    private byte[] stream(URI url, InputStream in, Path target, CancelToken cancel, DownloadProgress progress, long declared)
            throws IOException {
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        boolean[] stalled = {false};
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openkb-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        long limitNanos = readTimeout.toNanos();
        watchdog.scheduleAtFixedRate(() -> {
            boolean stall = System.nanoTime() - lastByte.get() > limitNanos;
            if (stall || cancel.isCancelled()) {
                synchronized (stalled) {
                    stalled[0] |= stall;
                }
                try {
                    in.close(); // unblocks the read below
                } catch (IOException ignored) {
                    // closing is all we can do; the read fails either way
                }
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        byte[] head = new byte[8192];
        int headLen = 0;
        long total = 0;
        try (in; OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[CHUNK];
            progress.received(0, declared);
            for (int n; (n = in.read(buf)) >= 0; ) {
                lastByte.set(System.nanoTime());
                total += n;
                if (total > maxBytes) {
                    throw failed(url, "larger than max_download_mb (" + megabytes(maxBytes) + "); stopped after "
                            + megabytes(total));
                }
                if (headLen < head.length) {
                    int take = Math.min(n, head.length - headLen);
                    System.arraycopy(buf, 0, head, headLen, take);
                    headLen += take;
                }
                out.write(buf, 0, n);
                progress.received(total, declared);
            }
        } catch (KbException e) {
            throw e;
        } catch (IOException e) {
            cancel.throwIfCancelled();
            synchronized (stalled) {
                if (stalled[0]) {
                    throw failed(url, "the server stopped sending: no data for " + readTimeout.toSeconds() + " s");
                }
            }
            throw failed(url, "the download broke off: " + message(e));
        } finally {
            watchdog.shutdownNow();
        }
        cancel.throwIfCancelled();
        if (total == 0) {
            throw failed(url, "the server sent an empty body");
        }
        progress.finished(total);
        return Arrays.copyOf(head, headLen);
    }

    static KbException failed(URI url, String reason) {
        return new KbException(ErrorCode.DOWNLOAD_FAILED, null, url + ": " + reason);
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 || mb == Math.rint(mb) ? Math.round(mb) + " MB" : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
    }
}
