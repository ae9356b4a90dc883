package dev.openkb.compile.llm;

import dev.openkb.compile.pages.PageWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * JSON out of a model's answer, forgiving the usual slips (code fences, prose around the object,
 * trailing commas, single quotes, raw line breaks inside strings), and the page-answer rules that fix
 * OpenKB #158: an object is used, a one-element array holding an object is unwrapped, any other JSON
 * shape is skipped with a warning, and text that is not JSON at all is taken as the page body.
 * Thread-safe: the mapper is configured once and never changed.
 */
final class AnswerJson {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    /** A page answer's fields. */
    record Page(String description, String content, String type) {
    }

    private AnswerJson() {
    }

    /** The JSON object or array in {@code text}, or empty when there is none. */
    static Optional<JsonNode> parse(String text) {
        String t = stripFences(text.strip());
        Optional<JsonNode> whole = read(t);
        if (whole.isPresent()) {
            return whole;
        }
        int open = firstOf(t, '{', '[');
        if (open < 0) {
            return Optional.empty();
        }
        int close = t.lastIndexOf(t.charAt(open) == '{' ? '}' : ']');
        return close > open ? read(t.substring(open, close + 1)) : Optional.empty();
    }

    /**
     * The fields of a concept or entity page answer; empty (with a warning) when the answer has a JSON
     * shape we cannot use or no content.
     */
    static Optional<Page> page(String answer, String what, Consumer<String> warnings) {
        Optional<JsonNode> parsed = parse(answer);
        if (parsed.isEmpty()) {
            return answer.isBlank() ? empty(what, "an empty answer", warnings)
                    : Optional.of(new Page("", PageWriter.stripFrontmatter(answer.strip()), null));
        }
        JsonNode n = parsed.get();
        if (n.isArray() && n.size() == 1 && n.get(0).isObject()) {
            n = n.get(0);
        }
        if (!n.isObject()) {
            return empty(what, "a JSON " + (n.isArray() ? "array of " + n.size() + " items" : "value")
                    + " instead of an object", warnings);
        }
        String content = text(n, "content");
        if (content.isBlank()) {
            return empty(what, "no content", warnings);
        }
        return Optional.of(new Page(text(n, "description"), content, n.hasNonNull("type") ? text(n, "type") : null));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    static String stripFences(String t) {
        if (!t.startsWith("```")) {
            return t;
        }
        int nl = t.indexOf('\n');
        String inner = nl < 0 ? "" : t.substring(nl + 1);
        int end = inner.lastIndexOf("```");
        return (end >= 0 ? inner.substring(0, end) : inner).strip();
    }

    private static Optional<Page> empty(String what, String why, Consumer<String> warnings) {
        warnings.accept(what + ": the model gave " + why + "; page skipped");
        return Optional.empty();
    }

    private static Optional<JsonNode> read(String t) {
        if (t.isEmpty() || t.charAt(0) != '{' && t.charAt(0) != '[') {
            return Optional.empty();
        }
        try {
            JsonNode n = LENIENT.readTree(t);
            return n != null && n.isContainerNode() ? Optional.of(n) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static int firstOf(String t, char a, char b) {
        int i = t.indexOf(a);
        int j = t.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
