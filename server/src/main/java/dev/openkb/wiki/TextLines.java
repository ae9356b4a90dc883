package dev.openkb.wiki;

import java.util.Arrays;

/**
 * Line starts of one text, with the LSP's idea of a line: lines end at {@code \n}, {@code \r\n} or a
 * lone {@code \r}, and columns count UTF-16 code units (LSP's default position encoding, and Java's
 * own string indices). Immutable once built; built in one pass over the text.
 */
public final class TextLines {
    private final int[] starts;
    private final int length;

    private TextLines(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    public static TextLines of(String text) {
        int[] starts = new int[16];
        int n = 1;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return new TextLines(Arrays.copyOf(starts, n), len);
    }

    /** The number of lines (a text without line breaks has one; a trailing break opens an empty last line). */
    public int lineCount() {
        return starts.length;
    }

    /** The 0-based line holding char {@code offset}; an offset inside a {@code \r\n} pair belongs to the line it ends. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, Math.max(0, Math.min(offset, length)));
        return i >= 0 ? i : -i - 2;
    }

    /** The UTF-16 column of {@code offset} within its line. */
    public int columnOf(int offset) {
        return Math.min(offset, length) - starts[lineOf(offset)];
    }

    /** The char offset where {@code line} starts. */
    public int lineStart(int line) {
        return starts[line];
    }

    /** The char offset of {@code (line, column)}, clamped to the text. */
    public int offsetOf(int line, int column) {
        if (line >= starts.length) {
            return length;
        }
        return Math.min(starts[line] + column, length);
    }

    /** The length of {@code line} in UTF-16 units, without its line break. */
    public int lineLength(String text, int line) {
        int end = line + 1 < starts.length ? starts[line + 1] : length;
        while (end > starts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end - starts[line];
    }
}
