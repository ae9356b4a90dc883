package dev.openkb.agent;

import java.util.Map;

/** A tool the model may call. Implementations answer problems (a missing file, a denied path) as text for the model. */
public interface Tool {
    ToolSpec spec();

    /** @param args one value per parameter of {@link #spec()}, all present */
    ToolOutput call(Map<String, String> args);
}
