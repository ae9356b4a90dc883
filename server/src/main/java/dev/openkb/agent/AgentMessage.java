package dev.openkb.agent;

import java.util.List;

/**
 * One entry of an agent's conversation, in provider-neutral form; {@link OpenAiChat} and
 * {@link AnthropicChat} encode it for their API. Immutable.
 */
public sealed interface AgentMessage {
    /** The instructions (a system prompt). */
    record Instructions(String text) implements AgentMessage {
    }

    /** What the user asked. */
    record UserText(String text) implements AgentMessage {
    }

    /** A model turn: its text (may be empty) and the tools it called, in order. */
    record AssistantTurn(String text, List<ToolCall> calls) implements AgentMessage {
        public AssistantTurn {
            calls = List.copyOf(calls);
        }
    }

    /** What one tool call returned. */
    record ToolResult(ToolCall call, ToolOutput output) implements AgentMessage {
    }
}
