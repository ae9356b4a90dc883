package dev.openkb.lint;

import dev.openkb.wiki.Heading;
import dev.openkb.wiki.PyText;
import dev.openkb.wiki.WikiLink;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenKB's index sync ({@code check_index_sync}): index.md must exist, each distinct link target in
 * it must resolve, and every direct page of summaries/, concepts/, entities/ must be mentioned, by a
 * link whose stem is the page's stem or by its stem appearing anywhere in the text (case-insensitive).
 * Reads every listed page, so it runs when index.md or the set of pages changes. Stateless.
 */
final class IndexChecks {
    private static final Map<String, String> SECTIONS = Map.of(
            "summaries", "Documents", "concepts", "Concepts", "entities", "Entities");

    private IndexChecks() {
    }

    static void addFindings(WikiIndex index, List<LintFinding> out) {
        WikiPage page = index.page(WikiIndex.INDEX_PATH).orElse(null);
        if (page == null) {
            out.add(new LintFinding(LintCodes.INDEX_MISSING, Severity.WARNING, WikiIndex.INDEX_PATH, Range.FILE_START,
                    "index.md does not exist", Map.of()));
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> linkStems = new HashSet<>();
        for (WikiLink link : page.links()) {
            linkStems.add(PyText.stem(link.target()));
            LinkResolution r = index.resolveLink(page.relPath(), link);
            if (!r.resolved() && seen.add(link.targetText())) {
                out.add(PageChecks.brokenLink(LintCodes.INDEX_BROKEN_LINK, page.relPath(), link, r));
            }
        }
        String text = index.indexLowerText() == null ? "" : index.indexLowerText();
        for (WikiPage listed : index.pages()) {
            String stem = listed.stem();
            if (!PageScope.isIndexListed(listed.key()) || linkStems.contains(stem)
                    || text.contains(stem.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String dir = PageScope.firstDir(listed.key());
            String section = SECTIONS.get(dir);
            out.add(new LintFinding(LintCodes.INDEX_MISSING_PAGE, Severity.INFORMATION, page.relPath(),
                    sectionRange(page, section), dir + "/" + stem + ".md not mentioned in index.md",
                    Map.of("page", listed.relPath(), "link", listed.key(), "section", section)));
        }
    }

    /** The {@code ## <section>} heading line, where an entry for the page belongs. */
    private static Range sectionRange(WikiPage index, String section) {
        for (Heading h : index.headings()) {
            if (h.level() == 2 && h.text().equals(section)) {
                return Range.line(h.line(), 3 + section.length());
            }
        }
        return Range.FILE_START;
    }
}
