package dev.openkb.compile.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocTextTest {
    private static final String TABLE_DOC = """
            # Engines

            | Engine | Mechanism |
            | :--- | ---: |
            | **SQLite** | rollback journal |
            | PostgreSQL | `write-ahead log` |
            |  | |

            SQLite is small.
            """;

    @Test
    void aPipeTableBecomesAHeaderAndOneRowSentencePerBodyRow() {
        DocText doc = DocText.parse(TABLE_DOC);
        List<Sentence> table = doc.paragraphs().get(1);
        assertEquals(List.of("Engine — Mechanism", "SQLite — rollback journal", "PostgreSQL — write-ahead log"),
                table.stream().map(Sentence::text).toList());
        assertEquals(List.of(Sentence.Kind.HEADING, Sentence.Kind.ROW, Sentence.Kind.ROW),
                table.stream().map(Sentence::kind).toList());
        assertEquals(List.of("Engines"), doc.headings().stream().map(Heading::text).toList(),
                "a table header is no outline heading");
    }

    @Test
    void rowsAreMentionsButNeverProseOrALead() {
        DocText doc = DocText.parse(TABLE_DOC);
        assertEquals(List.of("SQLite is small."), doc.prose().stream().map(Sentence::text).toList());
        assertEquals(List.of("SQLite — rollback journal", "PostgreSQL — write-ahead log", "SQLite is small."),
                doc.mentionable().stream().map(Sentence::text).toList());
        assertEquals("", Extracts.lead(DocText.parse("| a | b |\n|---|---|\n| one two three | four five six |\n"), 200));
    }

    @Test
    void aTableWithoutDelimiterRowIsAllRowsAndATableInsideAFenceIsCode() {
        assertEquals(List.of(Sentence.Kind.ROW, Sentence.Kind.ROW),
                DocText.parse("| Git | refs |\n| LMDB | pages |\n").sentences().stream().map(Sentence::kind).toList());
        assertEquals(List.of(), DocText.parse("```\n| Git | refs |\n```\n").sentences());
    }
}
