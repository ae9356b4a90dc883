package dev.openkb.wiki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Finds and rewrites {@code [[wikilinks]]} with the semantics of OpenKB's regex
 * {@code \[\[([^\]]+)\]\]}, with one deliberate difference: a link never spans a line break (the
 * bracket text may not contain {@code \n} or {@code \r}). OpenKB would treat {@code [[a\nb]]} as one
 * link to {@code "a\nb"}, which no page can be named and no editor can show as one range.
 *
 * <p>Matching is leftmost, like the regex: {@code [[[x]]} is one link whose raw text is {@code [x}.
 * Stateless.
 */
public final class WikiLinks {
    private WikiLinks() {
    }

    /** All links of {@code text}, in document order, with exact 0-based UTF-16 positions. */
    public static List<WikiLink> parse(String text) {
        return parse(text, null);
    }

    /** As {@link #parse(String)}, reusing the caller's {@link TextLines} of {@code text} (may be null). */
    public static List<WikiLink> parse(String text, TextLines knownLines) {
        List<WikiLink> out = new ArrayList<>();
        int from = text.indexOf("[[");
        if (from < 0) {
            return out;
        }
        TextLines lines = knownLines != null ? knownLines : TextLines.of(text);
        scan(text, from, (start, end) -> out.add(toLink(text, lines, start, end)));
        return out;
    }

    /**
     * Rewrites every link: {@code replacer} gets each link and returns its replacement text for the
     * whole {@code [[...]]} span, or null to keep it. Returns {@code text} itself when nothing changed.
     */
    public static String rewrite(String text, Function<WikiLink, String> replacer) {
        int from = text.indexOf("[[");
        if (from < 0) {
            return text;
        }
        TextLines lines = TextLines.of(text);
        StringBuilder out = new StringBuilder(text.length());
        int[] copied = {0};
        scan(text, from, (start, end) -> {
            String replacement = replacer.apply(toLink(text, lines, start, end));
            if (replacement != null) {
                out.append(text, copied[0], start).append(replacement);
                copied[0] = end;
            }
        });
        if (copied[0] == 0) {
            return text;
        }
        return out.append(text, copied[0], text.length()).toString();
    }

    /**
     * Applies edits to the links of {@code text} (as parsed from this very text). Edits must not
     * overlap; their order does not matter.
     */
    public static String replace(String text, List<LinkEdit> edits) {
        if (edits.isEmpty()) {
            return text;
        }
        TextLines lines = TextLines.of(text);
        List<LinkEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((LinkEdit e) -> e.link().line()).thenComparingInt(e -> e.link().startChar()));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (LinkEdit e : sorted) {
            int start = lines.offsetOf(e.link().line(), e.link().startChar());
            int end = lines.offsetOf(e.link().line(), e.link().endChar());
            if (start < copied || !text.startsWith("[[", start) || !text.startsWith("]]", end - 2)) {
                throw new IllegalArgumentException("edit does not match a link of this text: " + e.link());
            }
            out.append(text, copied, start).append(e.replacement());
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private interface SpanSink {
        void accept(int start, int end);
    }

    /** Calls {@code sink} with the [start, end) span of each link, leftmost first. */
    private static void scan(String text, int from, SpanSink sink) {
        int len = text.length();
        int i = from;
        while (i >= 0 && i + 4 < len + 1) {
            int j = i + 2;
            while (j < len) {
                char c = text.charAt(j);
                if (c == ']' || c == '\n' || c == '\r') {
                    break;
                }
                j++;
            }
            if (j > i + 2 && text.startsWith("]]", j)) {
                sink.accept(i, j + 2);
                i = text.indexOf("[[", j + 2);
            } else {
                // No match can start before j: any start in (i, j) stops at the same char j.
                i = text.indexOf("[[", Math.max(i + 1, j));
            }
        }
    }

    private static WikiLink toLink(String text, TextLines lines, int start, int end) {
        String raw = text.substring(start + 2, end - 2);
        int bar = raw.indexOf('|');
        String targetPart = bar < 0 ? raw : raw.substring(0, bar);
        String alias = bar < 0 ? null : PyText.strip(raw.substring(bar + 1));
        int hash = targetPart.indexOf('#');
        String heading = hash < 0 ? null : PyText.strip(targetPart.substring(hash + 1));
        String target = PyText.strip(hash < 0 ? targetPart : targetPart.substring(0, hash));
        int line = lines.lineOf(start);
        int col = start - lines.lineStart(line);
        return new WikiLink(raw, target, alias, heading, line, col, col + (end - start));
    }
}
