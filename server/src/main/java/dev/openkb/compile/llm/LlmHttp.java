package dev.openkb.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.trust.ApprovedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to a model API, with the failure handling every provider needs: a per-request
 * timeout; up to {@link #MAX_RETRIES} retries with exponential backoff (or the server's
 * {@code Retry-After}) on 429, 5xx, timeouts and dropped connections; immediate, explained failures
 * on 401/403 ("check LLM_API_KEY") and 404 ("model or base_url not found"). Every message is scrubbed
 * of the API key before it leaves this class, and a failed connection names host:port and the cause.
 * It only exists for an endpoint the {@link dev.openkb.trust.EndpointGate} admitted, and never follows
 * a redirect, so the key goes nowhere else.
 *
 * <p>Thread-safe: the {@link HttpClient} is, and nothing else here changes after construction.
 */
public final class LlmHttp {
    static final int MAX_RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** Waits between attempts; tests replace it so they need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Receives one server-sent event of a streamed answer: its {@code event:} name (or "") and its {@code data:}. */
    @FunctionalInterface
    public interface SseListener {
        void event(String name, String data);
    }

    private final HttpClient client;
    private final LlmSettings settings;
    private final Sleeper sleeper;
    private final ErrorCode failure;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param approved the {@link dev.openkb.trust.EndpointGate}'s admission of {@code settings}' endpoint:
     *                 without one no client is built, so every model call passes the approval check
     */
    public LlmHttp(LlmSettings settings, ApprovedEndpoint approved, Sleeper sleeper) {
        this(settings, approved, sleeper, ErrorCode.COMPILE_FAILED);
    }

    /** @param failure the code every failure carries (the compiler's COMPILE_FAILED, or the agent's own) */
    public LlmHttp(LlmSettings settings, ApprovedEndpoint approved, Sleeper sleeper, ErrorCode failure) {
        this.failure = failure;
        if (!approved.endpoint().equals(settings.endpoint().endpoint())) {
            throw new IllegalArgumentException("admitted " + approved.endpoint() + ", configured " + settings.baseUrl());
        }
        this.settings = settings;
        this.sleeper = sleeper;
        // Never follow redirects: a 3xx would resend the key to a host the user did not approve.
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public LlmSettings settings() {
        return settings;
    }

    /** POSTs {@code body} to {@code baseUrl + path} and returns the parsed JSON answer. */
    public JsonNode post(String path, Map<String, String> headers, JsonNode body) {
        return exchange(path, headers, body, "application/json", resp -> parse(readAll(resp.body())));
    }

    /**
     * POSTs {@code body} (which asks for {@code stream: true}) and hands each server-sent event to
     * {@code listener} as it arrives, returning when the stream ends. Failures before the stream
     * starts (HTTP errors, timeouts, refused connections) are retried like {@link #post}; a stream
     * that breaks or stalls for longer than the timeout after it started is not, since the listener
     * has already passed part of the answer on.
     *
     * @return null when the answer was streamed; the answer itself when the server sent one plain JSON object instead
     */
    public JsonNode postStream(String path, Map<String, String> headers, JsonNode body, SseListener listener) {
        return exchange(path, headers, body, "text/event-stream", resp -> {
            // Some compatible servers ignore "stream": true and answer one JSON object: take it as is.
            if (resp.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                return parse(readAll(resp.body()));
            }
            readEvents(resp.body(), listener, URI.create(settings.baseUrl() + path));
            return null;
        });
    }

    @FunctionalInterface
    private interface Success<T> {
        T accept(HttpResponse<java.io.InputStream> resp) throws IOException;
    }

    private <T> T exchange(String path, Map<String, String> headers, JsonNode body, String accept, Success<T> success) {
        URI uri = URI.create(settings.baseUrl() + path);
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw fail("cannot encode the request: " + e.getMessage());
        }
        String problem;
        for (int attempt = 0; ; attempt++) {
            Duration wait = backoff(attempt);
            try {
                HttpResponse<java.io.InputStream> resp = client.send(request(uri, headers, bytes, accept), HttpResponse.BodyHandlers.ofInputStream());
                int code = resp.statusCode();
                if (code / 100 == 2) {
                    return success.accept(resp);
                }
                String detail = detail(readAll(resp.body()));
                if (code == 401 || code == 403) {
                    throw fail("the provider refused the request (HTTP " + code + "): check LLM_API_KEY" + detail);
                }
                if (code == 404) {
                    throw fail("model or base_url not found (HTTP 404): model '" + settings.model() + "' at " + uri + detail);
                }
                if (code / 100 == 3) {
                    throw fail("the endpoint redirects (HTTP " + code + ") to " + resp.headers().firstValue("Location").orElse("nowhere")
                            + "; redirects are not followed, so that your key goes only where you approved: set base_url to"
                            + " the final address and run openkb trust");
                }
                if (code != 429 && code < 500) {
                    throw fail("the provider rejected the request (HTTP " + code + ")" + detail);
                }
                problem = "HTTP " + code + detail;
                wait = retryAfter(resp).orElse(wait);
            } catch (HttpConnectTimeoutException e) {
                problem = "could not connect to " + where(uri) + " within " + seconds() + " (connect timeout)";
            } catch (HttpTimeoutException e) {
                problem = "no answer from " + where(uri) + " within " + seconds();
            } catch (IOException e) {
                problem = "connection to " + where(uri) + " failed: " + cause(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KbException(ErrorCode.CANCELLED, null, "interrupted while waiting for the model");
            }
            if (attempt >= MAX_RETRIES) {
                throw fail("gave up after " + (attempt + 1) + " attempts: " + problem);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KbException(ErrorCode.CANCELLED, null, "interrupted while waiting to retry the model");
            }
        }
    }

    private static String readAll(java.io.InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a text/event-stream body: {@code event:} and {@code data:} lines, an event ending at a
     * blank line. The JDK's client has no read timeout once the headers arrived, so a watchdog closes
     * the stream when no byte came for the configured timeout; the read then fails and says so.
     */
    private void readEvents(java.io.InputStream body, SseListener listener, URI uri) throws IOException {
        java.util.concurrent.atomic.AtomicLong lastRead = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
        long limit = settings.timeout().toNanos();
        Thread watchdog = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long idle = System.nanoTime() - lastRead.get();
                    if (idle >= limit) {
                        stalled.set(true);
                        body.close();
                        return;
                    }
                    Thread.sleep(Math.max(1, Math.min(1000, (limit - idle) / 1_000_000)));
                }
            } catch (InterruptedException | IOException e) {
                // The stream ended first (interrupt), or closing it failed: nothing more to watch.
            }
        }, "openkb-llm-stream-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "";
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            for (String line; (line = in.readLine()) != null; ) {
                lastRead.set(System.nanoTime());
                if (line.isEmpty()) {
                    if (hasData) {
                        listener.event(event, data.toString());
                    }
                    event = "";
                    data.setLength(0);
                    hasData = false;
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                    hasData = true;
                }
            }
            if (hasData) {
                listener.event(event, data.toString());
            }
        } catch (IOException e) {
            throw fail(stalled.get() ? "the streamed answer from " + where(uri) + " stalled: no data within " + seconds()
                    : "the streamed answer from " + where(uri) + " broke off: " + cause(e));
        } finally {
            watchdog.interrupt();
        }
    }

    private String seconds() {
        return settings.timeout().toMillis() / 1000.0 + " s";
    }

    /** host:port, what a connection failure is about. */
    private static String where(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /**
     * What went wrong, in words: the JDK's client often says nothing ({@code ConnectException} with a
     * null message when the port is closed), so the cause chain is read for the known kinds first.
     */
    static String cause(IOException e) {
        // Most specific first: the JDK wraps a DNS failure in a ConnectException too.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "host name not found (DNS lookup failed; check base_url and your network)";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS failed: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            }
            if (t instanceof java.net.NoRouteToHostException) {
                return "no route to host";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof java.net.ConnectException && m != null && !m.isBlank() && !m.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                return m; // "Connection timed out" and the like: the OS said what it was
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused (is the server running, and is the port in base_url right?)";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private HttpRequest request(URI uri, Map<String, String> headers, byte[] body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", accept);
        settings.extraHeaders().forEach(b::setHeader);
        headers.forEach(b::setHeader);
        return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private JsonNode parse(String body) {
        try {
            JsonNode n = mapper.readTree(body);
            if (n == null || !n.isObject()) {
                throw fail("the answer is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw fail("the answer is not valid JSON: " + clip(body));
        }
    }

    static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> resp) {
        return resp.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long s = Long.parseLong(v.strip());
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Math.min(s, MAX_BACKOFF.toSeconds()))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** The provider's own error message ({@code error.message} or {@code message}), short. */
    private String detail(String body) {
        String msg = body;
        try {
            JsonNode n = mapper.readTree(body);
            JsonNode m = n == null ? null : n.path("error").isObject() ? n.path("error").path("message") : n.path("message");
            if (m != null && m.isTextual()) {
                msg = m.asText();
            }
        } catch (IOException e) {
            // Not JSON: show the start of the raw body.
        }
        msg = msg == null ? "" : msg.strip();
        return msg.isEmpty() ? "" : ": " + clip(msg);
    }

    private String clip(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    /** A COMPILE_FAILED (or the caller's code) error whose message cannot carry the key (no cause is chained, for the same reason). */
    public KbException fail(String reason) {
        return new KbException(failure, null, "LLM request to " + settings.baseUrl() + " failed: "
                + redact(reason));
    }

    public String redact(String s) {
        String key = settings.apiKey();
        return key == null || key.isEmpty() || s == null ? s : s.replace(key, "***");
    }
}
