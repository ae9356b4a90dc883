package dev.openkb.pageindex;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Lays JSON out byte for byte like Python's {@code json.dumps(obj, indent=2)}: two-space indents,
 * {@code ": "} after keys, {@code ","} at line ends, and empty containers as {@code []} / {@code {}}
 * (Jackson's default printer writes {@code [ ]} and {@code " : "}). OpenKB writes
 * {@code sources/<doc>.json} this way, and matching it keeps files diff-identical across the two
 * implementations. Holds the nesting depth, so use one instance per generator (one thread).
 */
public final class PythonIndentPrinter implements PrettyPrinter {
    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        open(g, '{');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        open(g, '[');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, '}', entries);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, ']', values);
    }

    private void open(JsonGenerator g, char bracket) throws IOException {
        g.writeRaw(bracket);
        depth++;
    }

    private void separator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    /** Python puts the closing bracket of a non-empty container on its own line. */
    private void close(JsonGenerator g, char bracket, int members) throws IOException {
        depth--;
        if (members > 0) {
            newline(g);
        }
        g.writeRaw(bracket);
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
            g.writeRaw("  ");
        }
    }
}
