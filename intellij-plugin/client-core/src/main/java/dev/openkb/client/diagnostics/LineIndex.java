package dev.openkb.client.diagnostics;

import dev.openkb.client.protocol.Results.Position;
import dev.openkb.client.protocol.Results.Range;
import java.util.Arrays;

/**
 * LSP positions (zero-based line, UTF-16 character) to offsets in one text, as LSP defines them: lines end at
 * {@code \n}, {@code \r\n} or {@code \r}; a character past the end of its line means the end of the line; a line
 * past the end of the text means the end of the text. Java strings count UTF-16 units too, so offsets index the
 * same text directly. Immutable.
 */
public final class LineIndex {
    private final int[] lineStarts;
    private final CharSequence text;

    private LineIndex(int[] lineStarts, CharSequence text) {
        this.lineStarts = lineStarts;
        this.text = text;
    }

    public static LineIndex of(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\n' || c == '\r') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, count), text);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The offset just past the line's last character (before its line break). */
    public int lineEnd(int line) {
        if (line >= lineStarts.length - 1) {
            return text.length();
        }
        int end = lineStarts[line + 1] - 1;
        if (end > lineStarts[line] && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    public int offset(Position p) {
        if (p.line() < 0) {
            return 0;
        }
        if (p.line() >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[p.line()];
        return Math.min(start + Math.max(0, p.character()), lineEnd(p.line()));
    }

    /** The range as {@code [start, end)} offsets, with end never before start. */
    public int[] offsets(Range r) {
        int start = offset(r.start());
        return new int[] {start, Math.max(start, offset(r.end()))};
    }

    /**
     * The span to highlight for a range: the range itself, or, when it is empty, the rest of its line (or the
     * whole line when the range sits at its end), so a zero-width finding still shows. Empty only on an empty line.
     */
    public int[] highlight(Range r) {
        int[] span = offsets(r);
        if (span[0] < span[1]) {
            return span;
        }
        int line = Math.min(Math.max(0, r.start().line()), lineStarts.length - 1);
        int lineStart = lineStarts[line];
        int lineEnd = lineEnd(line);
        if (span[0] < lineEnd) {
            return new int[] {span[0], lineEnd};
        }
        return new int[] {lineStart, lineEnd};
    }
}
