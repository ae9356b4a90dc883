package dev.openkb.pageindex;

import java.util.List;

/**
 * One PDF bookmark. {@code page} is 1-based, or 0 when the bookmark has no usable destination.
 * Immutable.
 */
public record OutlineEntry(String title, int page, List<OutlineEntry> children) {
    public OutlineEntry {
        children = List.copyOf(children);
    }
}
