package dev.openkb.client.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LSP text edits to offset edits. All edits of one file refer to the text before any of them is applied (LSP's
 * rule), so they are returned last-first: applied in that order, each one leaves the offsets of the rest valid.
 * Stateless.
 */
public final class TextEdits {
    private TextEdits() {
    }

    /**
     * @throws IllegalArgumentException when two edits overlap (LSP forbids it, and applying them would garble the
     *                                  text)
     */
    public static List<OffsetEdit> toOffsets(CharSequence text, List<RangeEdit> edits) {
        LineIndex index = LineIndex.of(text);
        List<OffsetEdit> out = new ArrayList<>(edits.size());
        for (RangeEdit e : edits) {
            int[] span = index.offsets(e.range());
            out.add(new OffsetEdit(span[0], span[1], e.newText() == null ? "" : e.newText()));
        }
        // Stable sort by start: edits inserting at the same offset keep their given order when applied.
        out.sort(Comparator.comparingInt(OffsetEdit::start));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).start() < out.get(i - 1).end()) {
                throw new IllegalArgumentException("overlapping edits at offsets " + out.get(i - 1).start() + "-"
                        + out.get(i - 1).end() + " and " + out.get(i).start() + "-" + out.get(i).end());
            }
        }
        List<OffsetEdit> lastFirst = new ArrayList<>(out.size());
        for (int i = out.size() - 1; i >= 0; i--) {
            lastFirst.add(out.get(i));
        }
        return lastFirst;
    }

    /** The text after the edits. */
    public static String apply(String text, List<RangeEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (OffsetEdit e : toOffsets(text, edits)) {
            sb.replace(e.start(), e.end(), e.newText());
        }
        return sb.toString();
    }
}
