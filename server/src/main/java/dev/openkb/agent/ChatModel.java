package dev.openkb.agent;

import java.util.List;
import java.util.function.Consumer;

/**
 * A chat API with tool calling. Each call sends the whole conversation (the APIs are stateless).
 * Failures are {@link dev.openkb.engine.KbException}s with code LLM_FAILED whose messages never
 * contain the API key.
 */
public interface ChatModel {
    /**
     * @param onText null for a plain request; otherwise the answer is streamed and each piece of
     *               its text is passed here as it arrives
     */
    ModelTurn next(List<AgentMessage> conversation, List<ToolSpec> tools, Consumer<String> onText);

    /** A turn that came whole although a stream was asked for: its text is passed on in one piece. */
    static ModelTurn passOn(ModelTurn turn, Consumer<String> onText) {
        if (!turn.text().isEmpty()) {
            onText.accept(turn.text());
        }
        return turn;
    }
}
