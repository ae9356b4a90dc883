package dev.openkb.compile.pages;

/**
 * What {@link PageWriter#removeSource} did to a concept or entity page.
 *
 * @param text             the page without the document's traces
 * @param remainingSources entries left in its frontmatter {@code sources} (0 when it has none)
 * @param wasListed        true when the document was in {@code sources}; a page whose list became
 *                         empty this way is the one OpenKB deletes (unless asked to keep it)
 * @param newDescription   the page's description when it was quoted from the document and so had to
 *                         change (its {@code index.md} entry says the same), else null
 */
public record SourceRemoval(String text, int remainingSources, boolean wasListed, String newDescription) {
    /** True when removing the document left the page without any source. */
    public boolean orphaned() {
        return wasListed && remainingSources == 0;
    }
}
