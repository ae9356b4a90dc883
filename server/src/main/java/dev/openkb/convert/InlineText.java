package dev.openkb.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the formatted runs of one Office paragraph (text with bold, italic and a hyperlink) and
 * renders them as inline markdown. Adjacent runs with the same formatting are merged first, so
 * Word's habit of splitting a word into several runs does not produce "**a****b**"; markers go
 * inside surrounding spaces ("**bold** ", never "**bold **", which markdown would not parse).
 * One instance per paragraph, confined to its thread.
 */
final class InlineText {
    private final List<Piece> pieces = new ArrayList<>();

    private record Style(boolean bold, boolean italic, String href) {
    }

    /** Either formatted text (style non-null) or ready markdown such as an image (style null). */
    private static final class Piece {
        final StringBuilder text;
        final Style style;

        Piece(String text, Style style) {
            this.text = new StringBuilder(text);
            this.style = style;
        }
    }

    void add(String text, boolean bold, boolean italic, String href) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Style style = new Style(bold, italic, href == null || href.isBlank() ? null : href.strip());
        Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
        if (last != null && Objects.equals(last.style, style)) {
            last.text.append(text);
        } else {
            pieces.add(new Piece(text, style));
        }
    }

    /** Markdown written as is, such as an image reference. */
    void markdown(String markdown) {
        pieces.add(new Piece(markdown, null));
    }

    boolean isBlank() {
        return pieces.stream().allMatch(p -> p.text.toString().isBlank());
    }

    /** The paragraph as markdown, each line break in the text written as {@code lineBreak}. */
    String render(String lineBreak) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            if (p.style == null) {
                sb.append(p.text);
            } else {
                appendStyled(sb, p.text.toString(), p.style);
            }
        }
        return sb.toString().replaceAll("\r\n|\r|\n", lineBreak.replace("\\", "\\\\").replace("$", "\\$")).strip();
    }

    private static void appendStyled(StringBuilder sb, String text, Style style) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            sb.append(text);
            return;
        }
        String marker = style.bold() && style.italic() ? "***" : style.bold() ? "**" : style.italic() ? "*" : "";
        String core = marker + text.substring(start, end) + marker;
        if (style.href() != null) {
            core = "[" + core + "](" + ImageStore.destination(style.href()) + ")";
        }
        sb.append(text, 0, start).append(core).append(text, end, text.length());
    }
}
