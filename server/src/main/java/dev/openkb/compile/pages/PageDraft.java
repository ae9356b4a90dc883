package dev.openkb.compile.pages;

import java.util.List;

/**
 * A concept or entity page a compiler wants written for the current document.
 *
 * @param kind        concept or entity
 * @param slug        the page's file stem
 * @param description one line for the frontmatter and the index (blank: keep the page's own)
 * @param body        the full new body (no frontmatter); null keeps an existing page's body
 * @param entityType  the entity type (lower case) for entities, null for concepts
 * @param sources     summaries to list, newest first; the first is the current document
 */
public record PageDraft(PageKind kind, String slug, String description, String body, String entityType,
                 List<String> sources) {
    public PageDraft {
        sources = List.copyOf(sources);
    }
}
