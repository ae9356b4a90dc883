package dev.openkb.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a markdown page from a tree walk: inline text and markers, line and block breaks, and line
 * prefixes for list items ("- " then "  ") and quotes ("> "). Built for a walk that never recurses
 * (HTML), so it holds all nesting state itself.
 *
 * <p>Opening markers ("**", "[", "## ", a list marker past the nesting cap) stay pending until the
 * first visible text: an empty {@code <b></b>} or heading then writes nothing, and a leading space
 * lands before the marker, where markdown needs it. Prefix frames stop at {@link #MAX_NESTING}
 * levels so a hostile 10,000-level list cannot make every line 20,000 spaces long; deeper items
 * are written at the deepest level. Confined to the converting thread.
 */
final class MarkdownSink implements LineSink {
    static final int MAX_NESTING = 12;

    private final StringBuilder out = new StringBuilder();
    /** A table cell's content: blocks are separated by one line break, never a blank line. */
    private final boolean compact;
    private final List<Frame> frames = new ArrayList<>();
    /** For each push past the cap: whether it left a pending marker to drop when popped. */
    private final List<Boolean> overflow = new ArrayList<>();
    private final List<String> pendingOpen = new ArrayList<>();
    private int listItems;
    /** 0 none, 1 next content on a new line, 2 after a blank line. */
    private int pendingBreak;
    /** The current line's prefix is written. */
    private boolean lineOpen;
    /** Nothing but the prefix on the current line yet. */
    private boolean atLineStart = true;
    /** Where the current line and its content (after the prefix) begin in {@link #out}. */
    private int lineBegin;
    private int contentBegin;

    /** A page. */
    MarkdownSink() {
        this(false);
    }

    /** @param compact true for a table cell, where every block break is a single line break */
    MarkdownSink(boolean compact) {
        this.compact = compact;
    }

    private static final class Frame {
        final String first;
        final String rest;
        final boolean item;
        boolean used;

        Frame(String first, String rest, boolean item) {
            this.first = first;
            this.rest = rest;
            this.item = item;
        }
    }

    /** Inline text whose whitespace the caller already collapsed to single spaces. */
    void text(String s) {
        if (s.isEmpty()) {
            return;
        }
        int i = 0;
        if (s.charAt(0) == ' ') {
            i = 1;
            if (lineOpen && !atLineStart && pendingBreak == 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (i < s.length()) {
            content(s.substring(i));
        }
    }

    /** Inline markup written as is (an image); it counts as visible content. */
    void raw(String markdown) {
        content(markdown);
    }

    /** A marker written only if visible content follows before {@link #closeInline}. */
    void openInline(String marker) {
        pendingOpen.add(marker);
    }

    /**
     * Closes the innermost open marker: drops it if nothing visible followed, else writes
     * {@code close} before any trailing space ("**bold** ", not "**bold **").
     */
    void closeInline(String close) {
        if (!pendingOpen.isEmpty()) {
            pendingOpen.remove(pendingOpen.size() - 1);
            return;
        }
        if (close.isEmpty()) {
            return;
        }
        boolean hadSpace = trimTrailingSpaces(contentBegin);
        out.append(close);
        if (hadSpace) {
            out.append(' ');
        }
    }

    /** The next content starts a new line (a soft break in markdown). */
    void lineBreak() {
        pendingBreak = Math.max(pendingBreak, 1);
    }

    /**
     * The next content starts a new block; inside a list item or a cell, a new line only, to keep
     * lists tight and cells free of empty lines.
     */
    void blockBreak() {
        pendingBreak = Math.max(pendingBreak, listItems > 0 || compact ? 1 : 2);
    }

    /** Lines after this start with {@code first} once, then {@code rest}, until {@link #popPrefix}. */
    void pushPrefix(String first, String rest, boolean listItem) {
        if (frames.size() >= MAX_NESTING) {
            if (listItem) {
                openInline(first);
            }
            overflow.add(listItem);
            return;
        }
        frames.add(new Frame(first, rest, listItem));
        if (listItem) {
            listItems++;
        }
    }

    void popPrefix() {
        if (!overflow.isEmpty()) {
            if (overflow.remove(overflow.size() - 1)) {
                closeInline("");
            }
            return;
        }
        Frame f = frames.remove(frames.size() - 1);
        if (f.item) {
            listItems--;
        }
    }

    /** A whole line (a table row, a code line), on its own line and with the current prefix. */
    @Override
    public void line(String markdown) {
        if (!atLineStart) {
            lineBreak();
        }
        startContent();
        if (markdown.isEmpty()) {
            trimTrailingSpaces(lineBegin);
        } else {
            out.append(markdown);
        }
        atLineStart = false;
        lineBreak();
    }

    /** The page, without trailing blank lines, ending with one newline (or empty). */
    @Override
    public String toString() {
        int end = contentEnd();
        return end == 0 ? "" : out.substring(0, end) + "\n";
    }

    /**
     * Writes {@link #toString()}'s text to {@code w} in chunks, never copying the whole page: a
     * 50 MB page would otherwise be held three times over (the buffer, a substring, the result).
     */
    void writeTo(java.io.Writer w) throws java.io.IOException {
        int end = contentEnd();
        char[] chunk = new char[8192];
        for (int at = 0; at < end; at += chunk.length) {
            int n = Math.min(chunk.length, end - at);
            out.getChars(at, at + n, chunk, 0);
            w.write(chunk, 0, n);
        }
        if (end > 0) {
            w.write('\n');
        }
    }

    private int contentEnd() {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private void content(String s) {
        startContent();
        for (String marker : pendingOpen) {
            out.append(marker);
        }
        pendingOpen.clear();
        out.append(s);
        atLineStart = false;
    }

    /** Materialises a pending break, then the line prefix if the line has none yet. */
    private void startContent() {
        if (pendingBreak > 0 && lineOpen) {
            trimTrailingSpaces(contentBegin);
            out.append('\n');
            if (pendingBreak == 2) {
                out.append(blankLinePrefix()).append('\n');
            }
            lineOpen = false;
        }
        pendingBreak = 0;
        if (!lineOpen) {
            lineBegin = out.length();
            for (Frame f : frames) {
                out.append(f.used ? f.rest : f.first);
                f.used = true;
            }
            contentBegin = out.length();
            lineOpen = true;
            atLineStart = true;
        }
    }

    private String blankLinePrefix() {
        StringBuilder sb = new StringBuilder();
        for (Frame f : frames) {
            if (f.used) {
                sb.append(f.rest);
            }
        }
        return sb.toString().stripTrailing();
    }

    private boolean trimTrailingSpaces(int min) {
        int end = out.length();
        while (end > min && out.charAt(end - 1) == ' ') {
            end--;
        }
        boolean trimmed = end < out.length();
        out.setLength(end);
        return trimmed;
    }
}
