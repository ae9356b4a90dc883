package dev.openkb.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A model API on 127.0.0.1 that speaks both the OpenAI chat-completions and the Anthropic messages
 * protocol, records every request, and answers from a test's script.
 */
final class FakeLlm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. */
    record Call(String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The last message's text (the step's instruction). */
        String last() {
            JsonNode msgs = body.path("messages");
            JsonNode content = msgs.get(msgs.size() - 1).path("content");
            return content.isArray() ? content.get(content.size() - 1).path("text").asText() : content.asText();
        }

        boolean is(String task) {
            return last().startsWith(task);
        }
    }

    /** What to send back; {@code delayMillis} simulates a slow server. */
    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        Answer after(long millis) {
            return new Answer(status, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, Answer> script;

    FakeLlm(Function<Call, Answer> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<Call> calls(String task) {
        return calls.stream().filter(c -> c.is(task)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Call call = new Call(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
                    JSON.readTree(ex.getRequestBody().readAllBytes()));
            calls.add(call);
            Answer a = script.apply(call);
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    /** An OpenAI chat completion with {@code finish_reason}. */
    static Answer openAi(String text, String finish) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", finish);
        return new Answer(200, root.toString(), Map.of(), 0);
    }

    static Answer openAi(String text) {
        return openAi(text, "stop");
    }

    /** An Anthropic message with {@code stop_reason}. */
    static Answer anthropic(String text, String stop) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("type", "message").put("role", "assistant");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.put("stop_reason", stop);
        return new Answer(200, root.toString(), Map.of(), 0);
    }

    static Answer status(int code, String body, Map<String, String> headers) {
        return new Answer(code, body, headers, 0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
