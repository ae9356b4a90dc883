package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class OpenDocumentsTest {
    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void appliesRangeEditsInOrderAcrossLinesAndLineBreakStyles() {
        OpenDocuments docs = new OpenDocuments();
        Path p = Path.of("/kb/wiki/a.md");
        docs.open("file:///kb/wiki/a.md", p, 1, "one\r\ntwo\nthree");
        OpenDocuments.Doc d = docs.change(p, 2, List.of(
                edit(0, 3, 1, 0, " and "),
                edit(0, 0, 0, 0, ">"),
                new TextDocumentContentChangeEvent("whole")).subList(0, 2)).orElseThrow();
        assertEquals(">one and two\nthree", d.text());
        assertEquals(2, d.version());
        d = docs.change(p, 3, List.of(new TextDocumentContentChangeEvent("whole"))).orElseThrow();
        assertEquals("whole", d.text());
    }

    @Test
    void positionsPastTheEndOfALineOrTextAreClampedAsLspSays() {
        assertEquals("ab!\ncd", OpenDocuments.apply("ab\ncd", edit(0, 99, 0, 99, "!")));
        assertEquals("ab\ncd!", OpenDocuments.apply("ab\ncd", edit(7, 0, 9, 0, "!")));
        assertEquals("a😀b", OpenDocuments.apply("ab", edit(0, 1, 0, 1, "😀")));
        assertEquals("ab", OpenDocuments.apply("a😀b", edit(0, 1, 0, 3, "")), "columns count UTF-16 units");
    }

    @Test
    void changesToUnopenedDocumentsAreIgnored() {
        assertEquals(java.util.Optional.empty(), new OpenDocuments().change(Path.of("/x.md"), 2, List.of()));
    }
}
