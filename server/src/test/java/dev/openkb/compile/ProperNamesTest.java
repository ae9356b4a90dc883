package dev.openkb.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProperNamesTest {
    private final ProperNames properNames = new ProperNames(Lexicon.english());

    private List<String> surfaces(String markdown) {
        return properNames.extract(DocText.parse(markdown)).stream().map(ProperName::surface).toList();
    }

    @Test
    void mixedCaseProductNamesAreNamesWhereverTheyStand() {
        List<String> names = surfaces("SQLite and PostgreSQL rely on logs. LazyFS drops writes, and SQLite's tests tear them.");
        assertEquals(List.of("SQLite", "LazyFS", "PostgreSQL"), names);
        assertEquals(2, properNames.extract(DocText.parse("SQLite logs. So does SQLite's shell.")).get(0).count());
    }

    @Test
    void acronymsNeedThreeLetters() {
        List<String> names = surfaces("The ALICE study checked LMDB and an AI tool on an OS kernel.");
        assertTrue(names.containsAll(List.of("ALICE", "LMDB")), names.toString());
        assertFalse(names.contains("AI") || names.contains("OS"), names.toString());
    }

    @Test
    void aCapitalisedWordInsideASentenceIsANameButASentenceOpenerIsNot() {
        List<String> names = surfaces("""
                Engineers measured it. Durability means surviving a crash. SQLite, Git and LMDB use this pattern.
                After a failed fsync, Linux may mark pages clean. The study by Pillai and colleagues showed it.
                """);
        assertTrue(names.containsAll(List.of("Git", "Linux", "Pillai")), names.toString());
        assertFalse(names.contains("Engineers") || names.contains("Durability") || names.contains("After"),
                names.toString());
    }

    @Test
    void stopWordsVerbsAndGenericNounsAreNeverOneWordNames() {
        List<String> names = surfaces("We read the Results in Table form. Then we Simulate it with These tools.");
        assertEquals(List.of(), names);
    }

    @Test
    void aCapitalisedTitleTheDocumentAlsoWritesInLowerCaseIsNotAName() {
        List<String> names = surfaces("""
                Power Loss and Recovery A power loss is harsher than a crash, and recovery is slow. Google Brain studied it.
                """);
        assertEquals(List.of("Google Brain"), names);
    }

    @Test
    void aTableRowLabelIsANameButACapitalisedCellInsideTheRowIsNot() {
        List<String> names = surfaces("""
                | Engine | Notes |
                | --- | --- |
                | Git | Tested by hand |
                | Spinning disk | Tested with power cuts |
                """);
        assertEquals(List.of("Git"), names);
    }
}
