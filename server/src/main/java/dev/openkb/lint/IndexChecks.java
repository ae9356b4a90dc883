package dev.openkb.lint;

import dev.openkb.wiki.Heading;
import dev.openkb.wiki.PyText;
import dev.openkb.wiki.WikiLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenKB's index sync ({@code check_index_sync}): index.md must exist, each distinct link target in
 * it must resolve, and every direct page of summaries/, concepts/, entities/ must be mentioned, by a
 * link whose stem is the page's stem or by its stem appearing anywhere in the text (case-insensitive).
 * The full check reads every listed page and scans index.md once for all unlinked stems
 * ({@link MentionScanner}); when only other pages came or went, {@link #afterPageChanges} re-checks
 * just those pages. Stateless.
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
        Set<String> linkStems = addBrokenLinks(index, page, out);
        List<WikiPage> unlinked = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (WikiPage listed : index.pages()) {
            if (PageScope.isIndexListed(listed.key()) && !linkStems.contains(listed.stem())) {
                unlinked.add(listed);
                stems.add(listed.stem().toLowerCase(Locale.ROOT));
            }
        }
        boolean[] mentioned = MentionScanner.present(lowerText(index), stems);
        for (int i = 0; i < unlinked.size(); i++) {
            if (!mentioned[i]) {
                out.add(missingPage(page, unlinked.get(i)));
            }
        }
    }

    /**
     * index.md's index findings after {@code changedPages} (not index.md, which must exist and be
     * unchanged) were added, edited or removed: links re-resolved, mention status carried over from
     * {@code previous} for every page but the changed ones, which are checked afresh.
     */
    static void afterPageChanges(WikiIndex index, List<LintFinding> previous, Collection<String> changedPages,
            List<LintFinding> out) {
        WikiPage page = index.page(WikiIndex.INDEX_PATH).orElseThrow();
        Set<String> linkStems = addBrokenLinks(index, page, out);
        for (LintFinding f : previous) {
            if (f.code().equals(LintCodes.INDEX_MISSING_PAGE) && !changedPages.contains(f.data().get("page"))) {
                out.add(f);
            }
        }
        String text = lowerText(index);
        for (String rel : changedPages) {
            WikiPage listed = index.page(rel).orElse(null);
            if (listed != null && PageScope.isIndexListed(listed.key()) && !linkStems.contains(listed.stem())
                    && !text.contains(listed.stem().toLowerCase(Locale.ROOT))) {
                out.add(missingPage(page, listed));
            }
        }
    }

    /** Adds one finding per distinct unresolved link text; returns the stems of all link targets. */
    private static Set<String> addBrokenLinks(WikiIndex index, WikiPage page, List<LintFinding> out) {
        Set<String> seen = new HashSet<>();
        Set<String> linkStems = new HashSet<>();
        for (WikiLink link : page.links()) {
            linkStems.add(PyText.stem(link.target()));
            LinkResolution r = index.resolveLink(page.relPath(), link);
            if (!r.resolved() && seen.add(link.targetText())) {
                out.add(PageChecks.brokenLink(LintCodes.INDEX_BROKEN_LINK, page.relPath(), link, r));
            }
        }
        return linkStems;
    }

    private static String lowerText(WikiIndex index) {
        return index.indexLowerText() == null ? "" : index.indexLowerText();
    }

    private static LintFinding missingPage(WikiPage index, WikiPage listed) {
        String dir = PageScope.firstDir(listed.key());
        String section = SECTIONS.get(dir);
        return new LintFinding(LintCodes.INDEX_MISSING_PAGE, Severity.INFORMATION, index.relPath(),
                sectionRange(index, section), dir + "/" + listed.stem() + ".md not mentioned in index.md",
                Map.of("page", listed.relPath(), "link", listed.key(), "section", section));
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
