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

    private final HttpClient client;
    private final LlmSettings settings;
    private final Sleeper sleeper;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param approved the {@link dev.openkb.trust.EndpointGate}'s admission of {@code settings}' endpoint:
     *                 without one no client is built, so every model call passes the approval check
     */
    public LlmHttp(LlmSettings settings, ApprovedEndpoint approved, Sleeper sleeper) {
        if (!approved.endpoint().equals(settings.endpoint().endpoint())) {
            throw new IllegalArgumentException("admitted " + approved.endpoint() + ", configured " + settings.baseUrl());
        }
        this.settings = settings;
        this.sleeper = sleeper;
        // Never follow redirects: a 3xx would resend the key to a host the user did not approve.
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    LlmSettings settings() {
        return settings;
    }

    /** POSTs {@code body} to {@code baseUrl + path} and returns the parsed JSON answer. */
    JsonNode post(String path, Map<String, String> headers, JsonNode body) {
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
                HttpResponse<String> resp = client.send(request(uri, headers, bytes), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int code = resp.statusCode();
                if (code / 100 == 2) {
                    return parse(resp.body());
                }
                String detail = detail(resp.body());
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

    private HttpRequest request(URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json");
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

    /** A COMPILE_FAILED error whose message cannot carry the key (no cause is chained, for the same reason). */
    private KbException fail(String reason) {
        return new KbException(ErrorCode.COMPILE_FAILED, null, "LLM request to " + settings.baseUrl() + " failed: "
                + redact(reason));
    }

    String redact(String s) {
        String key = settings.apiKey();
        return key == null || key.isEmpty() || s == null ? s : s.replace(key, "***");
    }
}
