package dev.openkb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A model provider on 127.0.0.1 that speaks both the OpenAI chat-completions API
 * ({@code /v1/chat/completions}) and Anthropic's messages API ({@code /v1/messages}), with tool
 * calls, plain or streamed (server-sent events) as each request asks ({@code "stream": true}). A
 * test scripts provider-neutral {@link Turn}s once and runs the same script against both APIs; it
 * can also answer with an HTTP error, a delay, a stream that breaks off or stalls. Every request is
 * recorded.
 *
 * <p>Threading: the JDK server's handler threads read the script (a concurrent queue or a
 * function) and append to {@link #calls} (copy-on-write); tests read both.
 */
public final class FakeLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. */
    public record Call(String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public boolean anthropic() {
            return path.endsWith("/messages");
        }

        public boolean streamed() {
            return body.path("stream").asBoolean(false);
        }

        /** The system prompt, whichever API carried it. */
        public String system() {
            if (anthropic()) {
                return body.path("system").asText();
            }
            return body.path("messages").path(0).path("content").asText();
        }

        /** The names of the tools offered. */
        public List<String> toolNames() {
            List<String> out = new ArrayList<>();
            for (JsonNode t : body.path("tools")) {
                out.add(anthropic() ? t.path("name").asText() : t.path("function").path("name").asText());
            }
            return out;
        }

        /** The text of every tool result sent back, in order, whichever API. */
        public List<String> toolResults() {
            List<String> out = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asText().equals("tool")) {
                    out.add(m.path("content").asText());
                }
                for (JsonNode b : m.path("content")) {
                    if (b.path("type").asText().equals("tool_result")) {
                        StringBuilder t = new StringBuilder();
                        for (JsonNode c : b.path("content")) {
                            t.append(c.path("text").asText());
                        }
                        out.add(t.toString());
                    }
                }
            }
            return out;
        }
    }

    /** A tool call the model makes: {@code arguments} is sent as is (so a test can send broken JSON). */
    public record ToolUse(String name, String arguments) {
    }

    /** One provider-neutral model turn: some text, then tool calls (none: a final answer). */
    public record Turn(String text, List<ToolUse> calls, boolean cutOff) {
        public static Turn answer(String text) {
            return new Turn(text, List.of(), false);
        }

        public static Turn call(String text, String tool, String arguments) {
            return new Turn(text, List.of(new ToolUse(tool, arguments)), false);
        }

        public static Turn calls(String text, ToolUse... uses) {
            return new Turn(text, List.of(uses), false);
        }
    }

    /** What to send back for one request. */
    public sealed interface Reply {
    }

    /** A model turn, in the request's API, streamed if it asked for a stream. */
    public record TurnReply(Turn turn) implements Reply {
    }

    /** An HTTP status with a body and headers. */
    public record Status(int code, String body, Map<String, String> headers) implements Reply {
    }

    /** Wait before answering (a timeout test). */
    public record Delayed(long millis, Reply then) implements Reply {
    }

    /**
     * A streamed turn whose body ends after its first half of events, without the provider's end
     * marker ({@code [DONE]}, {@code message_stop}); with {@code stallMillis > 0} it first goes silent that long.
     */
    public record BrokenStream(Turn turn, long stallMillis) implements Reply {
    }

    /** A model turn as one JSON object even when a stream was asked for (servers that ignore {@code stream}). */
    public record Unstreamed(Turn turn) implements Reply {
    }

    /** A 200 answer with this exact body (for malformed answers and hand-written event streams). */
    public record Raw(String contentType, String body) implements Reply {
    }

    public static Reply turn(Turn t) {
        return new TurnReply(t);
    }

    public static Reply answer(String text) {
        return turn(Turn.answer(text));
    }

    public static Reply call(String tool, String arguments) {
        return turn(Turn.call("", tool, arguments));
    }

    public static Reply status(int code, String body, Map<String, String> headers) {
        return new Status(code, body, headers);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
    private volatile Function<Call, Reply> fallback = c -> status(500, "{\"error\":{\"message\":\"the test script has no more replies\"}}", Map.of());
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A started server for a test's field initialiser (which cannot throw a checked exception). */
    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies, answered in order, one per request. */
    public FakeLlmServer script(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /** What to answer once the queue is empty. */
    public FakeLlmServer otherwise(Function<Call, Reply> f) {
        fallback = f;
        return this;
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            Call call = new Call(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
                    JSON.readTree(ex.getRequestBody().readAllBytes()));
            calls.add(call);
            Reply r = queue.poll();
            send(ex, call, r == null ? fallback.apply(call) : r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client hung up (a timeout test): nothing more to send.
        }
    }

    private void send(HttpExchange ex, Call call, Reply r) throws IOException, InterruptedException {
        if (r instanceof Delayed d) {
            Thread.sleep(d.millis());
            send(ex, call, d.then());
        } else if (r instanceof Status s) {
            s.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            bytes(ex, s.code(), "application/json", s.body());
        } else if (r instanceof TurnReply t) {
            if (call.streamed()) {
                stream(ex, events(call, t.turn()), -1);
            } else {
                bytes(ex, 200, "application/json", (call.anthropic() ? anthropic(t.turn()) : openAi(t.turn())).toString());
            }
        } else if (r instanceof Unstreamed u) {
            bytes(ex, 200, "application/json", (call.anthropic() ? anthropic(u.turn()) : openAi(u.turn())).toString());
        } else if (r instanceof Raw raw) {
            bytes(ex, 200, raw.contentType(), raw.body());
        } else if (r instanceof BrokenStream b) {
            List<String> events = events(call, b.turn());
            stream(ex, events.subList(0, Math.max(1, events.size() / 2)), b.stallMillis());
        }
    }

    private static void bytes(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    /** Sends {@code events} one by one, flushed; then, if {@code stallMillis > 0}, waits that long before ending the body. */
    private static void stream(HttpExchange ex, List<String> events, long stallMillis) throws IOException, InterruptedException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (String e : events) {
            out.write(e.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (stallMillis > 0) {
            Thread.sleep(stallMillis);
        }
        out.close();
    }

    /** A non-streamed OpenAI chat completion. */
    public static ObjectNode openAi(Turn t) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-fake").put("object", "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode msg = choice.putObject("message").put("role", "assistant");
        if (t.text().isEmpty() && !t.calls().isEmpty()) {
            msg.putNull("content");
        } else {
            msg.put("content", t.text());
        }
        if (!t.calls().isEmpty()) {
            ArrayNode calls = msg.putArray("tool_calls");
            for (int i = 0; i < t.calls().size(); i++) {
                calls.addObject().put("id", "call_" + i).put("type", "function").putObject("function")
                        .put("name", t.calls().get(i).name()).put("arguments", t.calls().get(i).arguments());
            }
        }
        choice.put("finish_reason", t.cutOff() ? "length" : t.calls().isEmpty() ? "stop" : "tool_calls");
        return root;
    }

    /** A non-streamed Anthropic message; arguments that are not JSON are sent as a string input. */
    public static ObjectNode anthropic(Turn t) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("id", "msg_fake").put("type", "message").put("role", "assistant");
        ArrayNode content = root.putArray("content");
        if (!t.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", t.text());
        }
        for (int i = 0; i < t.calls().size(); i++) {
            content.addObject().put("type", "tool_use").put("id", "toolu_" + i).put("name", t.calls().get(i).name())
                    .set("input", parseOrString(t.calls().get(i).arguments()));
        }
        root.put("stop_reason", t.cutOff() ? "max_tokens" : t.calls().isEmpty() ? "end_turn" : "tool_use");
        return root;
    }

    private static JsonNode parseOrString(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n == null ? JsonNodeFactory.instance.textNode(s) : n;
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(s);
        }
    }

    /** The turn as server-sent events of the call's API, its text and arguments cut into small pieces. */
    static List<String> events(Call call, Turn t) {
        return call.anthropic() ? anthropicEvents(t) : openAiEvents(t);
    }

    private static List<String> pieces(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i += 7) {
            out.add(s.substring(i, Math.min(s.length(), i + 7)));
        }
        return out;
    }

    private static List<String> openAiEvents(Turn t) {
        List<String> out = new ArrayList<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        for (String p : pieces(t.text())) {
            ObjectNode c = f.objectNode();
            c.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", p);
            out.add("data: " + c + "\n\n");
        }
        for (int i = 0; i < t.calls().size(); i++) {
            ObjectNode c = f.objectNode();
            ObjectNode call = c.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject();
            call.put("index", i).put("id", "call_" + i).put("type", "function").putObject("function")
                    .put("name", t.calls().get(i).name()).put("arguments", "");
            out.add("data: " + c + "\n\n");
            for (String p : pieces(t.calls().get(i).arguments())) {
                ObjectNode d = f.objectNode();
                d.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
                        .put("index", i).putObject("function").put("arguments", p);
                out.add("data: " + d + "\n\n");
            }
        }
        ObjectNode end = f.objectNode();
        end.putArray("choices").addObject().put("index", 0).put("finish_reason",
                t.cutOff() ? "length" : t.calls().isEmpty() ? "stop" : "tool_calls").putObject("delta");
        out.add("data: " + end + "\n\n");
        out.add("data: [DONE]\n\n");
        return out;
    }

    private static List<String> anthropicEvents(Turn t) {
        List<String> out = new ArrayList<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode start = f.objectNode().put("type", "message_start");
        start.putObject("message").put("id", "msg_fake").put("role", "assistant").putArray("content");
        out.add(sse("message_start", start));
        int index = 0;
        if (!t.text().isEmpty()) {
            ObjectNode s = f.objectNode().put("type", "content_block_start").put("index", index);
            s.putObject("content_block").put("type", "text").put("text", "");
            out.add(sse("content_block_start", s));
            for (String p : pieces(t.text())) {
                ObjectNode d = f.objectNode().put("type", "content_block_delta").put("index", index);
                d.putObject("delta").put("type", "text_delta").put("text", p);
                out.add(sse("content_block_delta", d));
            }
            out.add(sse("content_block_stop", f.objectNode().put("type", "content_block_stop").put("index", index)));
            out.add(sse("ping", f.objectNode().put("type", "ping")));
            index++;
        }
        for (int i = 0; i < t.calls().size(); i++, index++) {
            ObjectNode s = f.objectNode().put("type", "content_block_start").put("index", index);
            s.putObject("content_block").put("type", "tool_use").put("id", "toolu_" + i).put("name", t.calls().get(i).name())
                    .putObject("input");
            out.add(sse("content_block_start", s));
            for (String p : pieces(t.calls().get(i).arguments())) {
                ObjectNode d = f.objectNode().put("type", "content_block_delta").put("index", index);
                d.putObject("delta").put("type", "input_json_delta").put("partial_json", p);
                out.add(sse("content_block_delta", d));
            }
            out.add(sse("content_block_stop", f.objectNode().put("type", "content_block_stop").put("index", index)));
        }
        ObjectNode md = f.objectNode().put("type", "message_delta");
        md.putObject("delta").put("stop_reason", t.cutOff() ? "max_tokens" : t.calls().isEmpty() ? "end_turn" : "tool_use");
        out.add(sse("message_delta", md));
        out.add(sse("message_stop", f.objectNode().put("type", "message_stop")));
        return out;
    }

    private static String sse(String event, JsonNode data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
