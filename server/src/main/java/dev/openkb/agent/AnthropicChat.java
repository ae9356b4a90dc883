package dev.openkb.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.compile.llm.LlmHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Tool use over Anthropic's {@code POST <base_url>/messages} API: the instructions in
 * {@code system}, tools with an {@code input_schema}, the model's calls as {@code tool_use} blocks,
 * and the results (text or image) as {@code tool_result} blocks of the next user message. Streamed
 * answers arrive as typed events ({@code content_block_start}, {@code content_block_delta} with
 * {@code text_delta} or {@code input_json_delta}, {@code message_delta}, {@code message_stop},
 * {@code error}). Stateless; thread-safe.
 */
final class AnthropicChat implements ChatModel {
    static final String API_VERSION = "2023-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LlmHttp http;

    AnthropicChat(LlmHttp http) {
        this.http = http;
    }

    @Override
    public ModelTurn next(List<AgentMessage> conversation, List<ToolSpec> tools, Consumer<String> onText) {
        ObjectNode body = request(conversation, tools, onText != null);
        Map<String, String> headers = Map.of("x-api-key", http.settings().apiKey() == null ? "" : http.settings().apiKey(),
                "anthropic-version", API_VERSION);
        if (onText == null) {
            return reply(http.post("/messages", headers, body));
        }
        Stream s = new Stream(onText);
        JsonNode plain = http.postStream("/messages", headers, body, s::event);
        return plain != null ? ChatModel.passOn(reply(plain), onText) : s.turn();
    }

    ObjectNode request(List<AgentMessage> conversation, List<ToolSpec> tools, boolean stream) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", http.settings().model());
        body.put("max_tokens", http.settings().maxTokens());
        ArrayNode msgs = JsonNodeFactory.instance.arrayNode();
        ArrayNode userBlocks = null; // the open user message, where consecutive tool results go
        for (AgentMessage m : conversation) {
            if (m instanceof AgentMessage.Instructions i) {
                body.put("system", i.text());
            } else if (m instanceof AgentMessage.UserText u) {
                userBlocks = msgs.addObject().put("role", "user").putArray("content");
                userBlocks.addObject().put("type", "text").put("text", u.text());
            } else if (m instanceof AgentMessage.AssistantTurn a) {
                userBlocks = null;
                ArrayNode blocks = msgs.addObject().put("role", "assistant").putArray("content");
                if (!a.text().isBlank()) {
                    blocks.addObject().put("type", "text").put("text", a.text());
                }
                for (ToolCall c : a.calls()) {
                    blocks.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name()).set("input", input(c));
                }
            } else if (m instanceof AgentMessage.ToolResult r) {
                if (userBlocks == null) {
                    userBlocks = msgs.addObject().put("role", "user").putArray("content");
                }
                ObjectNode result = userBlocks.addObject().put("type", "tool_result").put("tool_use_id", r.call().id());
                ArrayNode content = result.putArray("content");
                content.addObject().put("type", "text").put("text", r.output().text().isEmpty() ? "(empty)" : r.output().text());
                if (r.output().isImage()) {
                    content.addObject().put("type", "image").putObject("source").put("type", "base64")
                            .put("media_type", r.output().imageMime()).put("data", r.output().imageBase64());
                }
            }
        }
        body.set("messages", msgs);
        if (!tools.isEmpty()) {
            ArrayNode ts = body.putArray("tools");
            for (ToolSpec t : tools) {
                ts.addObject().put("name", t.name()).put("description", t.description()).set("input_schema", t.schema());
            }
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    /** The call's arguments as the object the API wants back (the loop has checked them before they are resent). */
    private static JsonNode input(ToolCall c) {
        try {
            JsonNode n = JSON.readTree(c.arguments() == null || c.arguments().isBlank() ? "{}" : c.arguments());
            return n != null && n.isObject() ? n : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private ModelTurn reply(JsonNode answer) {
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw http.fail("the model's answer has no content");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode b : content) {
            String type = b.path("type").asText();
            if (type.equals("text")) {
                text.append(b.path("text").asText());
            } else if (type.equals("tool_use")) {
                JsonNode input = b.path("input");
                calls.add(new ToolCall(b.path("id").asText("toolu_" + calls.size()), b.path("name").asText(""),
                        input.isMissingNode() ? "" : input.toString()));
            }
        }
        return new ModelTurn(text.toString(), calls, "max_tokens".equals(answer.path("stop_reason").asText()));
    }

    /** Joins a streamed answer's events. Not thread-safe: one request's reader owns it. */
    private final class Stream {
        private final Consumer<String> onText;
        private final StringBuilder text = new StringBuilder();
        private final TreeMap<Integer, String[]> calls = new TreeMap<>(); // block index → id, name, input JSON
        private String stop = "";
        private boolean stopped;

        Stream(Consumer<String> onText) {
            this.onText = onText;
        }

        void event(String name, String data) {
            JsonNode n;
            try {
                n = JSON.readTree(data);
            } catch (IOException e) {
                throw http.fail("a streamed event is not valid JSON: " + OpenAiChat.clip(data));
            }
            String type = n.path("type").asText(name);
            switch (type) {
                case "content_block_start" -> {
                    JsonNode b = n.path("content_block");
                    if ("tool_use".equals(b.path("type").asText())) {
                        JsonNode input = b.path("input");
                        boolean empty = !input.isObject() || input.isEmpty();
                        calls.put(n.path("index").asInt(), new String[] {b.path("id").asText(), b.path("name").asText(""),
                                empty ? "" : input.toString()});
                    } else if (b.path("text").isTextual() && !b.path("text").asText().isEmpty()) {
                        piece(b.path("text").asText());
                    }
                }
                case "content_block_delta" -> {
                    JsonNode d = n.path("delta");
                    if ("text_delta".equals(d.path("type").asText())) {
                        piece(d.path("text").asText());
                    } else if ("input_json_delta".equals(d.path("type").asText())) {
                        String[] call = calls.get(n.path("index").asInt());
                        if (call == null) {
                            throw http.fail("the streamed answer sent tool input for a block it never opened");
                        }
                        call[2] += d.path("partial_json").asText();
                    }
                }
                case "message_delta" -> {
                    if (n.path("delta").path("stop_reason").isTextual()) {
                        stop = n.path("delta").path("stop_reason").asText();
                    }
                }
                case "message_stop" -> stopped = true;
                case "error" -> throw http.fail("the provider reported an error mid-stream: "
                        + OpenAiChat.clip(n.path("error").path("message").asText(n.toString())));
                default -> {
                    // message_start, content_block_stop, ping: nothing to keep.
                }
            }
        }

        private void piece(String s) {
            if (!s.isEmpty()) {
                text.append(s);
                onText.accept(s);
            }
        }

        ModelTurn turn() {
            if (!stopped) {
                throw http.fail("the streamed answer ended before the model finished");
            }
            List<ToolCall> out = new ArrayList<>();
            calls.values().forEach(c -> out.add(new ToolCall(c[0], c[1], c[2])));
            return new ModelTurn(text.toString(), out, "max_tokens".equals(stop));
        }
    }
}
