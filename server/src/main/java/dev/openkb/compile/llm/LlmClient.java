package dev.openkb.compile.llm;

import java.util.List;

/**
 * One chat-completion API. Implementations are thread-safe: the compiler calls them from several
 * threads at once. Failures are {@link dev.openkb.engine.KbException}s with code COMPILE_FAILED whose
 * messages never contain the API key.
 */
interface LlmClient {
    /** Sends {@code messages}; {@code json} asks for a JSON object answer where the API supports it. */
    LlmReply complete(List<ChatMessage> messages, boolean json);
}
