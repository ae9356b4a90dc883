package dev.openkb.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A tool as the model is told of it: a name, what it does, and its parameters, all required
 * strings (every tool of OpenKB's agents takes only strings). Immutable.
 */
public record ToolSpec(String name, String description, List<Param> params) {
    /** One string parameter. */
    public record Param(String name, String description) {
    }

    public ToolSpec {
        params = List.copyOf(params);
    }

    /** The parameters as a JSON schema object, the shape both APIs take. */
    ObjectNode schema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        var required = s.putArray("required");
        for (Param p : params) {
            props.putObject(p.name()).put("type", "string").put("description", p.description());
            required.add(p.name());
        }
        s.put("additionalProperties", false);
        return s;
    }
}
