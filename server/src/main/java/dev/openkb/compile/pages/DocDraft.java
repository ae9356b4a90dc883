package dev.openkb.compile.pages;

import java.util.List;
import java.util.Map;

/**
 * Everything a compiler decided for one document, for {@link WikiWriter} to write.
 *
 * @param description      the summary's one-line description (also the index brief)
 * @param summaryBody      the new summary body; null keeps the existing page (the long-doc tree
 *                         summary) and only back-fills its frontmatter
 * @param summaryExtra     extra summary frontmatter fields after OpenKB's four (e.g. keyphrases)
 * @param pages            concept and entity pages to write, in write order
 * @param relatedConcepts  existing concept slugs to cross-link only
 * @param relatedEntities  existing entity slugs to cross-link only
 * @param mayList          link targets ({@code concepts/<slug>}, {@code entities/<slug>}) of pages that
 *                         may list this document without this compile choosing them (another
 *                         document's compile made them and quoted this one); a rewritten summary links
 *                         those that do, so it does not depend on what the page it replaces still had
 */
public record DocDraft(String description, String summaryBody, Map<String, Object> summaryExtra, List<PageDraft> pages,
                List<String> relatedConcepts, List<String> relatedEntities, List<String> mayList) {
    public DocDraft {
        pages = List.copyOf(pages);
        relatedConcepts = List.copyOf(relatedConcepts);
        relatedEntities = List.copyOf(relatedEntities);
        mayList = List.copyOf(mayList);
    }

    public DocDraft(String description, String summaryBody, Map<String, Object> summaryExtra, List<PageDraft> pages,
                    List<String> relatedConcepts, List<String> relatedEntities) {
        this(description, summaryBody, summaryExtra, pages, relatedConcepts, relatedEntities, List.of());
    }
}
