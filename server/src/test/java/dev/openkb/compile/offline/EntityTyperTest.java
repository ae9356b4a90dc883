package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTyperTest {
    private static final List<String> ALL = List.of("person", "organization", "place", "product", "work", "event", "other");
    private final EntityTyper typer = new EntityTyper(Lexicon.english());

    private String type(String name, String context, List<String> allowed) {
        return typer.guess(new ProperName(name.toLowerCase(java.util.Locale.ROOT), name, 1), DocText.parse(context).mentionable(), allowed);
    }

    @Test
    void mixedCaseAndWellKnownSoftwareAreProducts() {
        assertEquals("product", type("SQLite", "SQLite keeps a journal.", ALL));
        assertEquals("product", type("LazyFS", "LazyFS drops writes.", ALL));
        assertEquals("product", type("Git", "Objects in Git are content-addressed.", ALL));
        assertEquals("product", type("NVMe SSD", "An NVMe SSD is fast.", ALL));
    }

    @Test
    void anAcronymNextToASoftwareWordIsAProductOtherwiseOther() {
        assertEquals("product", type("TKRZW", "The TKRZW database stores pages.", ALL));
        assertEquals("other", type("EXDEV", "It fails with EXDEV and the writer copies.", ALL));
    }

    @Test
    void aSingleSurnameWithColleaguesIsAPerson() {
        assertEquals("person", type("Pillai", "The study by Pillai and colleagues showed it.", ALL));
    }

    @Test
    void aGuessTheKbDoesNotAllowBecomesOther() {
        assertEquals("other", type("SQLite", "SQLite keeps a journal.", List.of("person", "other")));
    }
}
