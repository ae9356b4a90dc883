package dev.openkb.pageindex;

import java.util.List;

/** The text lines of one page in reading order; {@code page} is 1-based. Immutable. */
public record PageText(int page, List<TextLine> lines) {
    public PageText {
        lines = List.copyOf(lines);
    }
}
