package dev.openkb.client.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openkb.client.protocol.Results.Position;
import dev.openkb.client.protocol.Results.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditsTest {
    private static RangeEdit edit(int l1, int c1, int l2, int c2, String text) {
        return new RangeEdit(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void editsReferToTheOriginalTextWhateverTheirOrder() {
        String text = "see [[a]] and [[b]]\n";
        String out = TextEdits.apply(text, List.of(edit(0, 4, 0, 9, "[[alpha]]"), edit(0, 14, 0, 19, "b")));
        assertEquals("see [[alpha]] and b\n", out);
        String reversed = TextEdits.apply(text, List.of(edit(0, 14, 0, 19, "b"), edit(0, 4, 0, 9, "[[alpha]]")));
        assertEquals(out, reversed);
    }

    @Test
    void insertionsAtTheSameSpotKeepTheirOrder() {
        assertEquals("ab-", TextEdits.apply("-", List.of(edit(0, 0, 0, 0, "a"), edit(0, 0, 0, 0, "b"))));
    }

    @Test
    void anInsertionOnANewLineAtTheEndOfTheText() {
        String index = "# Index\n\n## Summaries\n- [[x]]\n";
        String out = TextEdits.apply(index, List.of(edit(3, 0, 3, 0, "- [[y]]\n")));
        assertEquals("# Index\n\n## Summaries\n- [[y]]\n- [[x]]\n", out);
    }

    @Test
    void overlappingEditsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TextEdits.toOffsets("abcdef", List.of(edit(0, 0, 0, 3, "x"), edit(0, 2, 0, 4, "y"))));
    }

    @Test
    void offsetsComeLastFirst() {
        List<OffsetEdit> out = TextEdits.toOffsets("abcdef", List.of(edit(0, 0, 0, 1, "x"), edit(0, 4, 0, 5, "y")));
        assertEquals(List.of(new OffsetEdit(4, 5, "y"), new OffsetEdit(0, 1, "x")), out);
    }
}
