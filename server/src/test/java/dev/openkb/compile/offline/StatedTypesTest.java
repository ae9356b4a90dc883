package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Sentence;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatedTypesTest {
    private static final List<String> ALL = List.of("person", "organization", "place", "product", "work", "event", "other");
    private final Lexicon lexicon = Lexicon.english();
    private final ProperNames properNames = new ProperNames(lexicon, NlpModels.get());
    private final StatedTypes stated = new StatedTypes(lexicon);
    private final EntityTyper typer = new EntityTyper(lexicon);
    private final Tagger tagger = NlpModels.get().tagger();

    /** The type the compiler gives {@code surface} in {@code markdown}: what the text states, else the guess. */
    private String type(String markdown, String surface) {
        DocText doc = DocText.parse(markdown);
        Set<Sentence> body = Collections.newSetFromMap(new IdentityHashMap<>());
        body.addAll(doc.sentences());
        List<ProperName> names = stated.apply(doc, body, properNames.extract(doc), s -> tagger.tag(s.text()));
        ProperName name = names.stream().filter(n -> n.surface().equals(surface)).findFirst()
                .orElseThrow(() -> new AssertionError(surface + " is no name in " + names));
        return typer.guess(name, doc.prose(), ALL);
    }

    @Test
    void aCopulaWithAnArticleStatesWhatANameIs() {
        assertEquals("work", type("Browsers speak QUIC. QUIC is a transport protocol that runs over UDP.", "QUIC"));
        assertEquals("product", type("We build Tokio here. Tokio is an asynchronous runtime for Rust programs.", "Tokio"));
        assertEquals("organization", type("Packages come from Debian. Debian is a volunteer project that ships "
                + "free software.", "Debian"));
    }

    @Test
    void anAppositiveStatesItToo() {
        assertEquals("person", type("The kernel was started by Linus Torvalds, the creator of Linux, in 1991. "
                + "Later Linus Torvalds wrote Git.", "Linus Torvalds"));
        assertEquals("work", type("Settings are kept in TOML, a minimal configuration file format. TOML maps to a hash table.", "TOML"));
    }

    @Test
    void theMakerOfSomethingIsAnOrganisationOrAPerson() {
        assertEquals("organization", type("GNU Emacs is developed by the FSF in many countries. "
                + "The FSF also ships GNU Make.", "FSF"));
        assertEquals("other", type("The patch was written by Zorblat Quenk last year. Zorblat Quenk left soon after.",
                "Zorblat Quenk"), "a maker that is neither a known person nor an acronym is left to the guess");
        assertEquals("person", type("The tool was written by Alice Walker for her own use. Alice Walker still "
                + "maintains it.", "Alice Walker"));
    }

    @Test
    void whatTheTextDoesNotStateIsGuessedAsBefore() {
        assertEquals("product", type("SQLite keeps a journal. SQLite deletes it at commit.", "SQLite"));
        assertEquals("other", type("It fails with EXDEV and the writer copies. EXDEV means another device.", "EXDEV"));
    }

    @Test
    void aStatementAboutSomethingOfTheNameIsNotAboutTheName() {
        assertEquals("other", type("We read QUIXOTE logs daily. QUIXOTE's output is a report for the team.", "QUIXOTE"));
    }

    @Test
    void aStatedTypeTheKbDoesNotAllowFallsBackToTheGuess() {
        DocText doc = DocText.parse("Browsers speak QUIC. QUIC is a transport protocol that runs over UDP.");
        Set<Sentence> body = Collections.newSetFromMap(new IdentityHashMap<>());
        body.addAll(doc.sentences());
        ProperName quic = stated.apply(doc, body, properNames.extract(doc), s -> tagger.tag(s.text())).stream()
                .filter(n -> n.surface().equals("QUIC")).findFirst().orElseThrow();
        assertEquals("work", quic.stated());
        assertEquals("other", typer.guess(quic, doc.prose(), List.of("person", "other")));
    }
}
