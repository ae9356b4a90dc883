package dev.openkb.rename;

import java.util.List;

/**
 * A page rename worked out against one state of the wiki: the page's old and new KB-relative paths
 * and keys, and every page whose links change, with the text the edits were computed on. Applying
 * {@link PageEdit#edits} to {@link PageEdit#text} gives the page after the rename; the renamed page
 * itself moves to {@code newRel} with its own edits (links to itself) applied. Immutable.
 *
 * @param oldRel {@code wiki/concepts/old.md}
 * @param newRel {@code wiki/concepts/new.md}
 * @param oldKey {@code concepts/old}
 * @param newKey {@code concepts/new}
 * @param pages  the pages with links to rewrite, sorted by path (the renamed page under its old path)
 */
public record RenamePlan(String oldRel, String newRel, String oldKey, String newKey, List<PageEdit> pages) {

    /** How many links the rename rewrites. */
    public int linkCount() {
        return pages.stream().mapToInt(p -> p.edits().size()).sum();
    }

    /** The pages the rename writes, by their path after it: the moved page and every page whose links change. */
    public List<String> changedPages() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        pages.forEach(p -> out.add(p.relPath().equals(oldRel) ? newRel : p.relPath()));
        out.add(newRel);
        return List.copyOf(out);
    }

    /** The edits of the renamed page itself (links from the page to itself), if it has any. */
    public PageEdit ownEdits() {
        return pages.stream().filter(p -> p.relPath().equals(oldRel)).findFirst().orElse(null);
    }
}
