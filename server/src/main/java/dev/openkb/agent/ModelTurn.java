package dev.openkb.agent;

import java.util.List;

/**
 * One answer of the model.
 *
 * @param text      its text ("" when none)
 * @param calls     the tools it called; empty when this is its final answer
 * @param truncated true when it stopped at the token limit
 */
public record ModelTurn(String text, List<ToolCall> calls, boolean truncated) {
    public ModelTurn {
        calls = List.copyOf(calls);
    }
}
