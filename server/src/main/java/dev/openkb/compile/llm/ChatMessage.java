package dev.openkb.compile.llm;

/**
 * One message of a chat request.
 *
 * @param role    {@code system}, {@code user} or {@code assistant}
 * @param content its text
 * @param cache   a prompt-cache breakpoint after this message (honoured by Anthropic, ignored elsewhere)
 */
record ChatMessage(String role, String content, boolean cache) {
    static ChatMessage system(String text) {
        return new ChatMessage("system", text, false);
    }

    static ChatMessage user(String text) {
        return new ChatMessage("user", text, false);
    }

    static ChatMessage cachedUser(String text) {
        return new ChatMessage("user", text, true);
    }

    static ChatMessage cachedAssistant(String text) {
        return new ChatMessage("assistant", text, true);
    }
}
