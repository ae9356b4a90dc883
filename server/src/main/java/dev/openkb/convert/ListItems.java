package dev.openkb.convert;

/**
 * Numbers one Office list (a Word numbering, a slide text box) and writes its items as markdown
 * lines, 4 spaces of indent per level: enough for a child under "- " or "1. " to nest, and not a
 * code block. A new item resets the counters of deeper levels, as Word and PowerPoint do.
 * One instance per list, confined to its thread.
 */
final class ListItems {
    static final int MAX_LEVEL = 8;

    private final int[] counts = new int[MAX_LEVEL + 1];
    private final boolean[] orderedAt = new boolean[MAX_LEVEL + 1];

    /** The item's markdown line; line breaks inside it continue under the item's text. */
    String line(int level, boolean ordered, InlineText text) {
        int l = Math.max(0, Math.min(MAX_LEVEL, level));
        if (orderedAt[l] != ordered) {
            orderedAt[l] = ordered; // bullets then numbers at one level: the numbers start at 1
            counts[l] = 0;
        }
        counts[l]++;
        for (int deeper = l + 1; deeper <= MAX_LEVEL; deeper++) {
            counts[deeper] = 0;
        }
        String marker = ordered ? counts[l] + ". " : "- ";
        String indent = "    ".repeat(l);
        return indent + marker + text.render("\n" + indent + " ".repeat(marker.length()));
    }
}
