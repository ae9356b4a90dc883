package dev.openkb.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-compatible {@code POST <base_url>/chat/completions} API (OpenAI, Ollama, LM Studio,
 * vLLM, OpenRouter, Gemini's compatible endpoint...). Messages are sent as plain strings (no
 * cache-control blocks, which some of these servers reject); JSON steps ask for
 * {@code response_format: json_object}. Thread-safe.
 */
public final class OpenAiClient implements LlmClient {
    private final LlmHttp http;

    public OpenAiClient(LlmHttp http) {
        this.http = http;
    }

    @Override
    public LlmReply complete(List<ChatMessage> messages, boolean json) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", http.settings().model());
        ArrayNode msgs = body.putArray("messages");
        for (ChatMessage m : messages) {
            msgs.addObject().put("role", m.role()).put("content", m.content());
        }
        if (json) {
            body.putObject("response_format").put("type", "json_object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (http.settings().apiKey() != null) {
            headers.put("Authorization", "Bearer " + http.settings().apiKey());
        }
        JsonNode answer = http.post("/chat/completions", headers, body);
        JsonNode choice = answer.path("choices").path(0);
        if (!choice.isObject()) {
            throw new KbException(ErrorCode.COMPILE_FAILED, null, "the model's answer has no choices");
        }
        JsonNode content = choice.path("message").path("content");
        return new LlmReply(content.isTextual() ? content.asText() : "", "length".equals(choice.path("finish_reason").asText()));
    }
}
