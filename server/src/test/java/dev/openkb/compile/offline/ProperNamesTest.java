package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProperNamesTest {
    private final ProperNames properNames = new ProperNames(Lexicon.english(), NlpModels.get());

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
    void onlyLowerCaseWordsStandingTogetherInOneSentenceMakeATitleCommon() {
        List<String> names = surfaces("""
                Power Loss hits Crash Lab and Storage Group often. We lost power, loss followed. Ask the crash. Lab notes \
                help. Every storage group measures it.
                """);
        assertTrue(names.containsAll(List.of("Power Loss", "Crash Lab")), "split by a comma or a sentence end: " + names);
        assertFalse(names.contains("Storage Group"), "written in lower case inside a sentence: " + names);
    }

    @Test
    void manyNamesAreEachCheckedAgainstTheLowerCaseText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String word = "Zor" + Integer.toString(i, 26).chars() // digits 0-9a-p as letters a-z
                    .map(c -> c <= '9' ? 'a' + c - '0' : c + 10).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                            StringBuilder::append);
            text.append("We met ").append(word).append(" Vale at noon. ");
            if (i % 2 == 0) {
                text.append("The ").append(word.toLowerCase(java.util.Locale.ROOT)).append(" vale was quiet. ");
            }
        }
        List<ProperName> names = properNames.extract(DocText.parse(text.toString()));
        assertEquals(1500, names.size());
        assertTrue(names.stream().allMatch(n -> n.count() == 1 && n.surface().endsWith(" Vale")));
        assertFalse(names.stream().anyMatch(n -> n.surface().equals("Zora Vale")), "i = 0 is written in lower case too");
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

    @Test
    void requirementKeywordsConstantFragmentsAndShoutedWordsAreNotNames() {
        List<String> names = surfaces("""
                The caller MUST check for ASN1_SUCCESS and SHOULD NOT retry. The parser returns ASN1_ELEMENT_NOT_FOUND
                when the node is absent, and NULL when it has no value. GNU tools print ERROR on failure.
                """);
        assertTrue(names.contains("GNU"), names.toString());
        for (String word : List.of("MUST", "SHOULD", "NOT", "SUCCESS", "ELEMENT", "FOUND", "NULL", "ERROR", "ASN1")) {
            assertFalse(names.contains(word), word + " in " + names);
        }
    }

    @Test
    void aCommonWordCapitalisedOnceIsNoNameButProperNounSequencesAreKeptAsWritten() {
        List<String> names = surfaces("""
                See the Index for details. The Free Software Foundation publishes the GNU C Library, and
                Linus Torvalds wrote Linux. Linux runs on many machines.
                """);
        assertFalse(names.contains("Index"), names.toString());
        assertTrue(names.containsAll(List.of("Free Software Foundation", "GNU C Library", "Linus Torvalds", "Linux")),
                names.toString());
    }
}
