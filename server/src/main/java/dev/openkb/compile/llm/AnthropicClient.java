package dev.openkb.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API, {@code POST <base_url>/messages}: the system prompt goes in the top-level
 * {@code system} field, consecutive messages of one role are merged into one message of several
 * text blocks (the API wants user and assistant to alternate), and messages marked as cache
 * breakpoints carry {@code cache_control: ephemeral} so the shared prefix (schema, document, summary,
 * whitelist) is billed once per compile. Thread-safe.
 */
public final class AnthropicClient implements LlmClient {
    static final String API_VERSION = "2023-06-01";
    private final LlmHttp http;

    public AnthropicClient(LlmHttp http) {
        this.http = http;
    }

    @Override
    public LlmReply complete(List<ChatMessage> messages, boolean json) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", http.settings().model());
        body.put("max_tokens", http.settings().maxTokens());
        List<ChatMessage> rest = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.role().equals("system")) {
                block(body.has("system") ? (ArrayNode) body.get("system") : body.putArray("system"), m);
            } else {
                rest.add(m);
            }
        }
        ArrayNode msgs = body.putArray("messages");
        ObjectNode current = null;
        for (ChatMessage m : rest) {
            if (current == null || !current.path("role").asText().equals(m.role())) {
                current = msgs.addObject().put("role", m.role());
                current.putArray("content");
            }
            block((ArrayNode) current.get("content"), m);
        }
        JsonNode answer = http.post("/messages", Map.of("x-api-key", http.settings().apiKey() == null ? "" : http.settings().apiKey(),
                "anthropic-version", API_VERSION), body);
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw new KbException(ErrorCode.COMPILE_FAILED, null, "the model's answer has no content");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode b : content) {
            if ("text".equals(b.path("type").asText())) {
                text.append(b.path("text").asText());
            }
        }
        return new LlmReply(text.toString(), "max_tokens".equals(answer.path("stop_reason").asText()));
    }

    private static void block(ArrayNode into, ChatMessage m) {
        ObjectNode b = into.addObject().put("type", "text").put("text", m.content());
        if (m.cache()) {
            b.putObject("cache_control").put("type", "ephemeral");
        }
    }
}
