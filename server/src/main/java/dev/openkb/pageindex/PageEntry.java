package dev.openkb.pageindex;

import java.util.List;

/** One page of a long document's per-page JSON: 1-based page, its text, its image paths. */
public record PageEntry(int page, String content, List<String> images) {
    public PageEntry {
        images = List.copyOf(images);
    }
}
