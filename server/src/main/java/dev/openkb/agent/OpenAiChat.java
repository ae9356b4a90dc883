package dev.openkb.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.compile.llm.LlmHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Tool calling over the OpenAI-compatible {@code POST <base_url>/chat/completions} API: tools as
 * {@code {"type":"function","function":{...}}}, the model's calls in {@code message.tool_calls},
 * results as {@code role: tool} messages. An image a tool returns cannot go in a tool message there
 * (text only), so it follows the turn's tool results as a user message with an {@code image_url}
 * part. Streamed answers ({@code stream: true}) arrive as {@code data:} chunks whose
 * {@code delta.tool_calls} fragments are joined by their {@code index}. Stateless; thread-safe.
 */
final class OpenAiChat implements ChatModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LlmHttp http;

    OpenAiChat(LlmHttp http) {
        this.http = http;
    }

    @Override
    public ModelTurn next(List<AgentMessage> conversation, List<ToolSpec> tools, Consumer<String> onText) {
        ObjectNode body = request(conversation, tools, onText != null);
        Map<String, String> headers = new LinkedHashMap<>();
        if (http.settings().apiKey() != null) {
            headers.put("Authorization", "Bearer " + http.settings().apiKey());
        }
        if (onText == null) {
            return reply(http.post("/chat/completions", headers, body));
        }
        Stream s = new Stream(onText);
        JsonNode plain = http.postStream("/chat/completions", headers, body, (event, data) -> s.chunk(data));
        return plain != null ? ChatModel.passOn(reply(plain), onText) : s.turn();
    }

    ObjectNode request(List<AgentMessage> conversation, List<ToolSpec> tools, boolean stream) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", http.settings().model());
        ArrayNode msgs = body.putArray("messages");
        List<ToolResult> images = new ArrayList<>();
        for (AgentMessage m : conversation) {
            if (!(m instanceof AgentMessage.ToolResult)) {
                flushImages(msgs, images);
            }
            if (m instanceof AgentMessage.Instructions i) {
                msgs.addObject().put("role", "system").put("content", i.text());
            } else if (m instanceof AgentMessage.UserText u) {
                msgs.addObject().put("role", "user").put("content", u.text());
            } else if (m instanceof AgentMessage.AssistantTurn a) {
                ObjectNode o = msgs.addObject().put("role", "assistant");
                if (a.text().isEmpty()) {
                    o.putNull("content");
                } else {
                    o.put("content", a.text());
                }
                ArrayNode calls = o.putArray("tool_calls");
                for (ToolCall c : a.calls()) {
                    calls.addObject().put("id", c.id()).put("type", "function").putObject("function")
                            .put("name", c.name()).put("arguments", c.arguments());
                }
            } else if (m instanceof AgentMessage.ToolResult r) {
                msgs.addObject().put("role", "tool").put("tool_call_id", r.call().id())
                        .put("content", r.output().isImage() ? r.output().text() + " (attached in the next message)" : r.output().text());
                if (r.output().isImage()) {
                    images.add(new ToolResult(r.output()));
                }
            }
        }
        flushImages(msgs, images);
        if (!tools.isEmpty()) {
            ArrayNode ts = body.putArray("tools");
            for (ToolSpec t : tools) {
                ts.addObject().put("type", "function").putObject("function").put("name", t.name())
                        .put("description", t.description()).set("parameters", t.schema());
            }
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private record ToolResult(ToolOutput output) {
    }

    private static void flushImages(ArrayNode msgs, List<ToolResult> images) {
        if (images.isEmpty()) {
            return;
        }
        ArrayNode parts = msgs.addObject().put("role", "user").putArray("content");
        for (ToolResult r : images) {
            parts.addObject().put("type", "text").put("text", r.output().text());
            parts.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", "data:" + r.output().imageMime() + ";base64," + r.output().imageBase64());
        }
        images.clear();
    }

    private ModelTurn reply(JsonNode answer) {
        JsonNode choice = answer.path("choices").path(0);
        if (!choice.isObject()) {
            throw http.fail("the model's answer has no choices");
        }
        JsonNode msg = choice.path("message");
        List<ToolCall> calls = new ArrayList<>();
        int n = 0;
        for (JsonNode c : msg.path("tool_calls")) {
            JsonNode f = c.path("function");
            JsonNode args = f.path("arguments");
            calls.add(new ToolCall(c.path("id").asText("call_" + n), f.path("name").asText(""),
                    args.isTextual() ? args.asText() : args.isMissingNode() ? "" : args.toString()));
            n++;
        }
        JsonNode content = msg.path("content");
        return new ModelTurn(content.isTextual() ? content.asText() : "", calls, "length".equals(choice.path("finish_reason").asText()));
    }

    /** Joins a streamed answer's chunks. Not thread-safe: one request's reader owns it. */
    private final class Stream {
        private final Consumer<String> onText;
        private final StringBuilder text = new StringBuilder();
        private final TreeMap<Integer, String[]> calls = new TreeMap<>(); // index → id, name, arguments
        private String finish = "";
        private boolean done;

        Stream(Consumer<String> onText) {
            this.onText = onText;
        }

        void chunk(String data) {
            if (data.strip().equals("[DONE]")) {
                done = true;
                return;
            }
            JsonNode n;
            try {
                n = JSON.readTree(data);
            } catch (IOException e) {
                throw http.fail("a streamed chunk is not valid JSON: " + clip(data));
            }
            if (n.path("error").isObject()) {
                throw http.fail("the provider reported an error mid-stream: " + clip(n.path("error").path("message").asText(n.toString())));
            }
            JsonNode choice = n.path("choices").path(0);
            JsonNode delta = choice.path("delta");
            String piece = delta.path("content").isTextual() ? delta.path("content").asText() : "";
            if (!piece.isEmpty()) {
                text.append(piece);
                onText.accept(piece);
            }
            for (JsonNode c : delta.path("tool_calls")) {
                int index = c.path("index").asInt(calls.size());
                String[] call = calls.computeIfAbsent(index, i -> new String[] {"call_" + i, "", ""});
                if (c.path("id").isTextual()) {
                    call[0] = c.path("id").asText();
                }
                JsonNode f = c.path("function");
                if (f.path("name").isTextual()) {
                    call[1] += f.path("name").asText();
                }
                if (f.path("arguments").isTextual()) {
                    call[2] += f.path("arguments").asText();
                }
            }
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
            }
        }

        ModelTurn turn() {
            if (!done && finish.isEmpty()) {
                throw http.fail("the streamed answer ended before the model finished");
            }
            List<ToolCall> out = new ArrayList<>();
            calls.values().forEach(c -> out.add(new ToolCall(c[0], c[1], c[2])));
            return new ModelTurn(text.toString(), out, "length".equals(finish));
        }
    }

    static String clip(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
