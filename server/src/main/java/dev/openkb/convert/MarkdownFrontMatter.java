package dev.openkb.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A Markdown file's leading YAML front matter ({@code ---} on the first line, closed by {@code ---}
 * or {@code ...}): metadata about the document, not its text. Read from the converter's line reader
 * before the body streams, so the block never reaches the staged source; its {@code title} becomes
 * the document's title. A block that is not valid YAML mapping, or does not close within
 * {@link #MAX_LINES} lines, is not front matter (a thematic break, or a document that starts with
 * one) and is given back as text. Parsed with SnakeYAML's safe constructor and alias/size limits: the
 * file is untrusted. Stateless.
 */
final class MarkdownFrontMatter {
    static final int MAX_LINES = 1000;
    private static final int MAX_CHARS = 64 * 1024;

    /**
     * @param title the front matter's {@code title}, one line, or null
     * @param lines the lines read that are text after all (no front matter), to write before the rest
     */
    record Head(String title, List<String> lines) {
    }

    private MarkdownFrontMatter() {
    }

    /** Reads the front matter, if the file starts with one, leaving {@code in} at the body's first line. */
    static Head read(BufferedReader in) throws IOException {
        in.mark(2 * MAX_CHARS + 4); // a line costs at most twice our count (\r\n)
        String first = in.readLine();
        if (first == null || !first.stripTrailing().equals("---")) {
            in.reset();
            return new Head(null, List.of());
        }
        List<String> read = new ArrayList<>();
        read.add(first);
        StringBuilder yaml = new StringBuilder();
        int chars = first.length() + 1;
        for (String line; read.size() <= MAX_LINES && (line = in.readLine()) != null; ) {
            read.add(line);
            chars += line.length() + 1;
            if (chars > MAX_CHARS) {
                break;
            }
            String t = line.stripTrailing();
            if (t.equals("---") || t.equals("...")) {
                Map<?, ?> meta = parse(yaml.toString());
                if (meta == null) {
                    break;
                }
                return new Head(title(meta.get("title")), List.of());
            }
            yaml.append(line).append('\n');
        }
        if (chars <= MAX_CHARS) {
            in.reset(); // not front matter: the body starts at the first line again
            return new Head(null, List.of());
        }
        return new Head(null, read); // past the mark: give back what was read as text
    }

    private static Map<?, ?> parse(String yaml) {
        if (yaml.isBlank()) {
            return null; // "---\n---" is two thematic breaks, not empty metadata
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(MAX_CHARS);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            return loaded instanceof Map<?, ?> m ? m : null;
        } catch (YAMLException | ClassCastException e) {
            return null;
        }
    }

    private static String title(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date) {
            String s = TextCleaner.clean(String.valueOf(value)).replaceAll("\\s+", " ").strip();
            return s.isEmpty() ? null : s;
        }
        return null;
    }
}
