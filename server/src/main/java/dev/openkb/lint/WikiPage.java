package dev.openkb.lint;

import dev.openkb.wiki.FrontmatterException;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.WikiLink;
import java.util.List;
import java.util.Map;

/**
 * One markdown page of the wiki as the index knows it. Pages outside the parsed scope
 * ({@link PageScope#isParsed}: sources/, AGENTS.md, log.md...) are known to exist but their text is
 * never read: they have no links, headings or frontmatter here.
 *
 * @param relPath            KB-relative path, {@code "wiki/concepts/foo.md"}
 * @param key                the link target that names it, {@code "concepts/foo"}
 * @param stem               the file name without {@code .md}
 * @param title              frontmatter {@code title}, else the first H1, else the stem
 * @param description        frontmatter {@code description} when it is a string, else null
 * @param frontmatter        the loaded frontmatter (empty when absent or invalid)
 * @param frontmatterEndLine 0-based line of the closing {@code ---}, or -1 when there is no block
 * @param frontmatterError   why the frontmatter YAML does not load (page line), or null
 * @param errorRange         the whole page line the YAML error points at, or null
 * @param links              outgoing links in document order, with ranges
 * @param headings           ATX headings outside code fences
 * @param firstLineLength    UTF-16 length of line 0 (for page-level diagnostics)
 * @param parsed             false for pages whose text is not read
 */
public record WikiPage(String relPath, String key, String stem, String title, String description,
        Map<String, Object> frontmatter, int frontmatterEndLine, FrontmatterException frontmatterError, Range errorRange,
        List<WikiLink> links, List<Heading> headings, int firstLineLength, boolean parsed) {

    /** A page known only to exist. */
    static WikiPage unparsed(String relPath) {
        String key = PageScope.keyOf(relPath);
        String stem = PageScope.stemOf(key);
        return new WikiPage(relPath, key, stem, stem, null, Map.of(), -1, null, null, List.of(), List.of(), 0, false);
    }

    public boolean hasFrontmatter() {
        return frontmatterEndLine >= 0;
    }
}
