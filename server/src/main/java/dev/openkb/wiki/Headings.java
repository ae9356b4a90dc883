package dev.openkb.wiki;

import java.util.ArrayList;
import java.util.List;

/**
 * ATX headings of a markdown page, skipping fenced code blocks: the targets of {@code [[page#heading]]}
 * links and the sections of {@code index.md}. Setext headings are not recognised (OpenKB never
 * writes them). Stateless.
 */
public final class Headings {
    private Headings() {
    }

    public static List<Heading> parse(String text) {
        return parse(text, TextLines.of(text));
    }

    /** As {@link #parse(String)}, reusing the caller's {@link TextLines} of {@code text}. */
    public static List<Heading> parse(String text, TextLines lines) {
        List<Heading> out = new ArrayList<>();
        String fence = null;
        for (int line = 0; line < lines.lineCount(); line++) {
            int start = lines.lineStart(line);
            int first = start;
            while (first < text.length() && text.charAt(first) == ' ' && first - start < 4) {
                first++;
            }
            char c = first < text.length() ? text.charAt(first) : '\n';
            if (c != '#' && c != '`' && c != '~') {
                continue;
            }
            String s = text.substring(start, start + lines.lineLength(text, line));
            String trimmed = s.stripLeading();
            if (s.length() - trimmed.length() > 3) {
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                String marker = trimmed.substring(0, 3);
                fence = fence == null ? marker : (fence.equals(marker) ? null : fence);
                continue;
            }
            if (fence != null || !trimmed.startsWith("#")) {
                continue;
            }
            int level = 0;
            while (level < trimmed.length() && trimmed.charAt(level) == '#') {
                level++;
            }
            if (level > 6 || (level < trimmed.length() && trimmed.charAt(level) != ' ' && trimmed.charAt(level) != '\t')) {
                continue;
            }
            out.add(new Heading(level, headingText(trimmed.substring(level)), line));
        }
        return out;
    }

    /** The heading text without the optional closing run of '#' (which must follow a space). */
    private static String headingText(String rest) {
        String t = rest.strip();
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '#') {
            end--;
        }
        if (end == 0) {
            return "";
        }
        if (end < t.length() && (t.charAt(end - 1) == ' ' || t.charAt(end - 1) == '\t')) {
            return t.substring(0, end).strip();
        }
        return t;
    }
}
