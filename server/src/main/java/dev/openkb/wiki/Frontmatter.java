package dev.openkb.wiki;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML frontmatter of wiki pages, as OpenKB's {@code frontmatter.py} splits, loads and writes
 * it. Loading uses SnakeYAML's safe constructor (the Java port of PyYAML, which OpenKB's
 * {@code yaml.safe_load} is), so the same YAML is accepted and errors read the same; the lines
 * OpenKB writes itself take a faster path with the same result ({@link OpenKbYaml}). Stateless; a
 * {@link Yaml} loader is not thread-safe, so each parse makes its own.
 */
public final class Frontmatter {
    private Frontmatter() {
    }

    /**
     * OpenKB's lossless split: the text must start with {@code ---} and contain a closing
     * {@code ---} at the start of a later line ({@code \n---}, searched from index 3, so a
     * {@code ---} inside a one-line value never closes the block). The block ends after the line
     * break that ends the closing line (or at the end of the text). Empty when there is no
     * well-formed block.
     */
    public static Optional<FrontmatterBlock> split(String text) {
        if (!text.startsWith("---")) {
            return Optional.empty();
        }
        int nl = text.indexOf("\n---", 3);
        if (nl < 0) {
            return Optional.empty();
        }
        int after = text.indexOf('\n', nl + 1);
        int blockEnd = after < 0 ? text.length() : after + 1;
        int yamlStart = text.startsWith("---\r\n") ? 5 : 4;
        String yaml = nl > yamlStart ? text.substring(yamlStart, nl) : "";
        TextLines lines = TextLines.of(text.substring(0, Math.min(text.length(), nl + 1)));
        int yamlStartLine = yamlStart <= nl ? lines.lineOf(yamlStart) : 1;
        int endLine = lines.lineCount() - 1;
        return Optional.of(new FrontmatterBlock(text.substring(0, blockEnd), yaml, text.substring(blockEnd),
                yamlStartLine, endLine));
    }

    /**
     * Loads frontmatter YAML as {@code yaml.safe_load} does. A document that is empty or not a
     * mapping gives an empty map (OpenKB's {@code parse} treats both as "no fields"); keys are
     * turned into strings.
     *
     * @throws FrontmatterException with the 0-based line (within {@code yaml}) of the error
     */
    public static Map<String, Object> parse(String yaml) throws FrontmatterException {
        Map<String, Object> fast = OpenKbYaml.tryParse(yaml);
        if (fast != null) {
            return fast;
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new FrontmatterException(mark == null ? 0 : lineOfCodePoint(yaml, mark.getIndex()),
                    firstLine(e.getMessage()), e);
        } catch (YAMLException e) {
            throw new FrontmatterException(0, firstLine(e.getMessage()), e);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return Collections.emptyMap();
        }
        Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * Writes a block in OpenKB's style: {@code ---}, one {@code key: <value>} line per field with the
     * value as one line of JSON ({@link PyJson}, like {@code json.dumps(v, ensure_ascii=False)}), or
     * verbatim for a {@link RawYaml}, then {@code ---} and a line break. OpenKB puts one blank line
     * between the block and the body; that blank line belongs to the body here, so
     * {@code render(fields) + body} round-trips through {@link #split}.
     */
    public static String render(LinkedHashMap<String, Object> fields) {
        StringBuilder b = new StringBuilder("---\n");
        fields.forEach((key, value) -> b.append(key).append(": ")
                .append(value instanceof RawYaml raw ? raw.text() : PyJson.dumps(value)).append('\n'));
        return b.append("---\n").toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The line (\n, \r\n or \r breaks, as {@link TextLines}) of a code-point index into {@code text}. */
    private static int lineOfCodePoint(String text, int codePointIndex) {
        int cps = text.codePointCount(0, text.length());
        int offset = text.offsetByCodePoints(0, Math.max(0, Math.min(codePointIndex, cps)));
        return TextLines.of(text).lineOf(offset);
    }
}
