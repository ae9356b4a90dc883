package dev.openkb.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent loop OpenKB's agents run: send the conversation, run the tools the model called, send
 * their results back, until the model answers without calling a tool, for at most
 * {@code maxTurns} model calls. A call of a tool that does not exist, or with arguments that are
 * not a JSON object of the tool's string parameters, ends the run with LLM_FAILED (as the Agents
 * SDK raises on them) rather than guessing what was meant. Tools answer their own problems (a
 * denied path) as text the model reads.
 *
 * <p>Not thread-safe: one run on the caller's thread; the conversation lives only inside {@link #run}.
 */
public final class ToolLoop {
    /** OpenKB's {@code MAX_TURNS}. */
    public static final int MAX_TURNS = 50;
    static final String CUT_OFF = "\n\n[The answer was cut off at the model's token limit.]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModel model;
    private final List<Tool> tools;
    private final int maxTurns;

    public ToolLoop(ChatModel model, List<Tool> tools, int maxTurns) {
        this.model = model;
        this.tools = List.copyOf(tools);
        this.maxTurns = maxTurns;
    }

    /**
     * @param onText null, or where the answer's text goes as it streams in: every turn's text, as
     *               OpenKB prints it, a blank line after what the model said before calling tools
     * @return the final answer and the number of turns; the caller adds which pages were read
     * @throws KbException LLM_FAILED (model errors, malformed or unknown tool calls, no answer within
     *                     the turn limit), CANCELLED
     */
    public AgentResult run(String instructions, String question, Consumer<String> onText, CancelToken cancel) {
        List<AgentMessage> conversation = new ArrayList<>();
        conversation.add(new AgentMessage.Instructions(instructions));
        conversation.add(new AgentMessage.UserText(question));
        List<ToolSpec> specs = tools.stream().map(Tool::spec).toList();
        for (int turn = 1; turn <= maxTurns; turn++) {
            cancel.throwIfCancelled();
            ModelTurn reply = model.next(conversation, specs, onText);
            if (reply.calls().isEmpty()) {
                if (reply.truncated() && onText != null) {
                    onText.accept(CUT_OFF);
                }
                return new AgentResult(reply.truncated() ? reply.text() + CUT_OFF : reply.text(), List.of(), turn);
            }
            if (onText != null && !reply.text().isBlank()) {
                onText.accept("\n\n"); // what the model said before its tool calls is a paragraph of its own
            }
            conversation.add(new AgentMessage.AssistantTurn(reply.text(), reply.calls()));
            for (ToolCall call : reply.calls()) {
                cancel.throwIfCancelled();
                Tool tool = find(call.name());
                conversation.add(new AgentMessage.ToolResult(call, tool.call(arguments(tool.spec(), call))));
            }
        }
        throw new KbException(ErrorCode.LLM_FAILED, null, "the model gave no final answer within " + maxTurns
                + " turns (it kept calling tools); ask a narrower question");
    }

    private Tool find(String name) {
        for (Tool t : tools) {
            if (t.spec().name().equals(name)) {
                return t;
            }
        }
        throw new KbException(ErrorCode.LLM_FAILED, null, "the model called a tool that does not exist: '" + clip(name)
                + "' (its tools: " + String.join(", ", tools.stream().map(t -> t.spec().name()).toList()) + ")");
    }

    /** The call's arguments, checked against the tool's parameters. */
    static Map<String, String> arguments(ToolSpec spec, ToolCall call) {
        JsonNode args;
        try {
            args = call.arguments() == null || call.arguments().isBlank() ? JSON.createObjectNode() : JSON.readTree(call.arguments());
        } catch (IOException e) {
            throw malformed(spec, call, "its arguments are not valid JSON");
        }
        if (args == null || !args.isObject()) {
            throw malformed(spec, call, "its arguments are not a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (ToolSpec.Param p : spec.params()) {
            JsonNode v = args.get(p.name());
            if (v == null || !v.isTextual()) {
                throw malformed(spec, call, v == null ? "it has no '" + p.name() + "'" : "'" + p.name() + "' is not a string");
            }
            out.put(p.name(), v.asText());
        }
        return out;
    }

    private static KbException malformed(ToolSpec spec, ToolCall call, String why) {
        return new KbException(ErrorCode.LLM_FAILED, null, "the model sent a malformed call of " + spec.name() + ": " + why
                + " (arguments: " + clip(call.arguments()) + "; expected "
                + String.join(", ", spec.params().stream().map(ToolSpec.Param::name).toList()) + ")");
    }

    private static String clip(String s) {
        if (s == null) {
            return "none";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
