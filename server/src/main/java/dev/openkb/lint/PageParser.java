package dev.openkb.lint;

import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.FrontmatterException;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.Headings;
import dev.openkb.wiki.TextLines;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns one page's text into a {@link WikiPage}. Stateless. */
final class PageParser {
    private PageParser() {
    }

    static WikiPage parse(String relPath, String text) {
        if (!PageScope.isParsed(PageScope.keyOf(relPath))) {
            return WikiPage.unparsed(relPath);
        }
        TextLines lines = TextLines.of(text);
        return parse(relPath, text, lines, List.copyOf(WikiLinks.parse(text, lines)));
    }

    /**
     * As {@link #parse(String, String)} with the text's lines and links already known (index.md
     * parsed per changed line, {@link IndexMd}); {@code relPath} must be in the parsed scope, and
     * {@code links} immutable (the page keeps it as it is).
     */
    static WikiPage parse(String relPath, String text, TextLines lines, List<WikiLink> links) {
        String key = PageScope.keyOf(relPath);
        String stem = PageScope.stemOf(key);
        Map<String, Object> fields = Map.of();
        FrontmatterException error = null;
        int endLine = -1;
        Optional<FrontmatterBlock> block = Frontmatter.split(text);
        if (block.isPresent()) {
            endLine = block.get().endLine();
            try {
                fields = Collections.unmodifiableMap(new LinkedHashMap<>(block.get().parse()));
            } catch (FrontmatterException e) {
                error = e;
            }
        }
        Range errorRange = error == null ? null
                : Range.line(error.line(), lines.lineLength(text, Math.min(error.line(), lines.lineCount() - 1)));
        List<Heading> headings = Headings.parse(text, lines);
        String description = fields.get("description") instanceof String d ? d : null;
        return new WikiPage(relPath, key, stem, title(fields, headings, stem), description, fields, endLine, error,
                errorRange, links, List.copyOf(headings), lines.lineLength(text, 0), true);
    }

    private static String title(Map<String, Object> fields, List<Heading> headings, String stem) {
        if (fields.get("title") instanceof String t && !t.isBlank()) {
            return t.strip();
        }
        for (Heading h : headings) {
            if (h.level() == 1 && !h.text().isEmpty()) {
                return h.text();
            }
        }
        return stem;
    }
}
