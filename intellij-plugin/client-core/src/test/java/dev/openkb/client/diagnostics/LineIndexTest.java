package dev.openkb.client.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openkb.client.protocol.Results.Position;
import dev.openkb.client.protocol.Results.Range;
import org.junit.jupiter.api.Test;

class LineIndexTest {
    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    @Test
    void countsLinesEndingInLfCrLfAndCr() {
        String text = "ab\ncd\r\nef\rgh";
        LineIndex idx = LineIndex.of(text);
        assertEquals(4, idx.lineCount());
        assertEquals(3, idx.offset(new Position(1, 0)));
        assertEquals(7, idx.offset(new Position(2, 0)));
        assertEquals(10, idx.offset(new Position(3, 0)));
        assertEquals(5, idx.lineEnd(1), "before the \\r\\n");
    }

    @Test
    void clampsCharactersToTheLineAndLinesToTheText() {
        String text = "short\nline two\n";
        LineIndex idx = LineIndex.of(text);
        assertEquals(5, idx.offset(new Position(0, 99)));
        assertEquals(text.length(), idx.offset(new Position(7, 0)));
        assertEquals(0, idx.offset(new Position(-1, 3)));
    }

    @Test
    void countsUtf16UnitsLikeLsp() {
        String text = "😀 [[x]]";
        assertEquals(3, LineIndex.of(text).offset(new Position(0, 3)));
        assertEquals('[', text.charAt(3));
    }

    @Test
    void anEmptyRangeHighlightsTheRestOfItsLineOrTheWholeLine() {
        LineIndex idx = LineIndex.of("title\nsee [[x]]\n");
        assertArrayEquals(new int[] {10, 15}, idx.highlight(range(1, 4, 1, 9)));
        assertArrayEquals(new int[] {0, 5}, idx.highlight(range(0, 0, 0, 0)));
        assertArrayEquals(new int[] {6, 15}, idx.highlight(range(1, 9, 1, 9)), "at line end: whole line");
    }
}
