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
 */
public record DocDraft(String description, String summaryBody, Map<String, Object> summaryExtra, List<PageDraft> pages,
                List<String> relatedConcepts, List<String> relatedEntities) {
    public DocDraft {
        pages = List.copyOf(pages);
        relatedConcepts = List.copyOf(relatedConcepts);
        relatedEntities = List.copyOf(relatedEntities);
    }
}
