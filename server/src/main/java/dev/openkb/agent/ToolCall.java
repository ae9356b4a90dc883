package dev.openkb.agent;

/**
 * A tool call as the model sent it.
 *
 * @param id        the provider's id for it, echoed back with the result
 * @param name      the tool's name
 * @param arguments its arguments as the model wrote them: a JSON object, unless the model erred
 */
public record ToolCall(String id, String name, String arguments) {
}
