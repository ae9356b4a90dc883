package dev.openkb.compile.pages;

import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.FrontmatterException;
import dev.openkb.wiki.PyJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Line-level edits of one page's frontmatter that keep every other line as it was (field order,
 * quoting, unknown keys), the way OpenKB's {@code frontmatter.set_line}/{@code drop_line} do. A field
 * is a top-level {@code key:} line plus the indented or {@code "- "} lines that continue it, so a
 * hand-written block list is replaced whole. Values are written as one line of JSON.
 *
 * <p>Not thread-safe: one instance edits one page text on one thread.
 */
public final class FrontmatterLines {
    private final List<String> lines;
    private final String closing;
    private final String body;

    private FrontmatterLines(List<String> lines, String closing, String body) {
        this.lines = lines;
        this.closing = closing;
        this.body = body;
    }

    /** The page's block, or empty when it has no well-formed one ({@link Frontmatter#split}). */
    public static Optional<FrontmatterLines> of(String text) {
        Optional<FrontmatterBlock> split = Frontmatter.split(text);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        String block = split.get().block();
        int close = block.lastIndexOf("\n---");
        List<String> lines = new ArrayList<>(Arrays.asList(block.substring(0, close).split("\n", -1)));
        return Optional.of(new FrontmatterLines(lines, block.substring(close), split.get().body()));
    }

    String body() {
        return body;
    }

    /** The block (delimiters included) followed by {@code newBody}. */
    String withBody(String newBody) {
        return String.join("\n", lines) + closing + newBody;
    }

    String text() {
        return withBody(body);
    }

    boolean has(String key) {
        return span(key) != null;
    }

    /** The field's value as YAML loads it, or null when absent or unparseable. */
    public Object value(String key) {
        int[] s = span(key);
        if (s == null) {
            return null;
        }
        try {
            Map<String, Object> m = Frontmatter.parse(String.join("\n", lines.subList(s[0], s[1])));
            return m.get(key);
        } catch (FrontmatterException e) {
            return null;
        }
    }

    /** The field as a list of strings; null when absent, not a list, or unparseable. */
    List<String> list(String key) {
        Object v = value(key);
        if (!(v instanceof List<?> l)) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        l.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }

    /**
     * Sets {@code key} to {@code value} (JSON-quoted, or verbatim for a {@link dev.openkb.wiki.RawYaml}).
     * An existing field is replaced in place; a missing one goes after the nearest field that precedes
     * it in {@code order}, else before the nearest that follows it, else first.
     */
    void set(String key, Object value, List<String> order) {
        String line = key + ": " + (value instanceof dev.openkb.wiki.RawYaml raw ? raw.text() : PyJson.dumps(value));
        int[] s = span(key);
        if (s != null) {
            lines.subList(s[0], s[1]).clear();
            lines.add(s[0], line);
            return;
        }
        lines.add(insertionPoint(key, order), line);
    }

    void drop(String key) {
        int[] s = span(key);
        if (s != null) {
            lines.subList(s[0], s[1]).clear();
        }
    }

    private int insertionPoint(String key, List<String> order) {
        int pos = order.indexOf(key);
        for (int i = pos - 1; i >= 0 && pos >= 0; i--) {
            int[] s = span(order.get(i));
            if (s != null) {
                return s[1];
            }
        }
        for (int i = pos + 1; i < order.size() && pos >= 0; i++) {
            int[] s = span(order.get(i));
            if (s != null) {
                return s[0];
            }
        }
        return 1;
    }

    /** {@code [start, end)} lines of the field, or null. Line 0 is the opening delimiter. */
    private int[] span(String key) {
        for (int i = 1; i < lines.size(); i++) {
            if (isKeyLine(lines.get(i), key)) {
                int end = i + 1;
                while (end < lines.size() && isContinuation(lines.get(end))) {
                    end++;
                }
                return new int[] {i, end};
            }
        }
        return null;
    }

    private static boolean isKeyLine(String line, String key) {
        if (!line.startsWith(key)) {
            return false;
        }
        String rest = line.substring(key.length()).stripLeading();
        return rest.startsWith(":");
    }

    private static boolean isContinuation(String line) {
        return line.startsWith(" ") || line.startsWith("\t") || line.startsWith("- ") || line.equals("-");
    }
}
