package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhrasesTest {
    private final KeyPhrases keyPhrases = new KeyPhrases(Lexicon.english(), NlpModels.get());

    private List<String> keys(String markdown) {
        return keyPhrases.extract(DocText.parse(markdown), 50).stream().map(KeyPhrase::key).toList();
    }

    private KeyPhrase phrase(String markdown, String key) {
        return keyPhrases.extract(DocText.parse(markdown), 50).stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " missing"));
    }

    @Test
    void aHyphenatedModifierIsAFragmentButTheNounPhraseItStartsIsKept() {
        List<String> keys = keys("""
                The write-ahead log keeps order. A write-ahead log is replayed. The write-ahead rule is strict.
                Each write-ahead record matters.
                """);
        assertTrue(keys.contains("write-ahead log"), keys.toString());
        assertFalse(keys.contains("write-ahead"), keys.toString());
    }

    @Test
    void genericWordsAreNeverOneWordPhrasesButStayInsideLongerOnes() {
        List<String> keys = keys("""
                After a crash the file is checked. Every crash leaves a file behind. A crash may tear a file.
                Crash recovery reads the file system.
                """);
        assertFalse(keys.contains("crash"), keys.toString());
        assertFalse(keys.contains("file"), keys.toString());
        assertTrue(keys.contains("crash recovery"), keys.toString());
        assertTrue(keys.contains("file system"), keys.toString());
    }

    @Test
    void commonVerbsEndAPhrase() {
        List<String> keys = keys("""
                This guide covers crash recovery. The guide covers atomic rename too. Engineers showed the order.
                """);
        assertTrue(keys.contains("crash recovery"), keys.toString());
        assertFalse(keys.stream().anyMatch(k -> List.of(k.split(" ")).contains("cover")), keys.toString());
        assertFalse(keys.stream().anyMatch(k -> k.endsWith("showed")), keys.toString());
    }

    @Test
    void aWordThatOnlyOccursInsideOneLongerPhraseGivesWayToIt() {
        List<String> keys = keys("""
                The rollback journal is deleted. A rollback journal is hot after a crash. Each rollback journal
                has a header.
                """);
        assertTrue(keys.contains("rollback journal"), keys.toString());
        assertFalse(keys.contains("journal"), keys.toString());
        assertFalse(keys.contains("rollback"), keys.toString());
    }

    @Test
    void aDomainWordThatStandsAloneIsAPhraseAndCountsAreKept() {
        String text = """
                Call fsync before the rename. Without fsync nothing is durable. A directory fsync is separate.
                Rename after fsync.
                """;
        // The tagger reads "Call fsync" as a verb phrase, so three of the four mentions are noun phrases.
        assertTrue(phrase(text, "fsync").count() >= 3, "alone and inside \"directory fsync\"");
        assertEquals(1, phrase(text, "directory fsync").count(), "a multi-word phrase named once is still a candidate");
    }

    @Test
    void tableRowsCountForPhrases() {
        List<String> keys = keys("""
                | Engine | Mechanism |
                | --- | --- |
                | SQLite | rollback journal |
                | PostgreSQL | write-ahead log |
                | Other | rollback journal |
                """);
        assertTrue(keys.contains("rollback journal"), keys.toString());
        assertTrue(keys.contains("write-ahead log"), keys.toString());
    }

    @Test
    void singularAndPluralAreOnePhraseMergedByLemma() {
        String text = """
                A structure type describes the layout. Structure types can contain other structure types.
                """;
        assertEquals(3, phrase(text, "structure type").count(), keys(text).toString());
        assertFalse(keys(text).contains("structure types"), keys(text).toString());
    }

    @Test
    void aCommonEnglishWordIsNeverAOneWordPhraseButATermIs() {
        List<String> keys = keys("""
                The function returns. Call the function again. The function fails. Use fsync first. Then fsync
                the folder. Without fsync nothing is durable.
                """);
        assertFalse(keys.contains("function"), keys.toString());
        assertTrue(keys.contains("fsync"), keys.toString());
    }

    @Test
    void codeIsNotMinedForPhrases() {
        List<String> keys = keys("""
                int asn1_create_element (asn1_node definitions, const char *source_name, asn1_node *element);
                int asn1_read_value (asn1_node root, const char *name, void *ivalue, int *len);
                The element holds a value.
                """);
        assertFalse(keys.stream().anyMatch(k -> k.contains("const") || k.contains("char")), keys.toString());
    }

    @Test
    void aProgrammingShortFormAndItsFullWordAreOnePhrase() {
        List<String> keys = keys("""
                Define a struct type before use. The structure type lists members. Each struct type is aligned.
                Directory entries come from the dir entry table. A directory entry names one file.
                """);
        assertTrue(keys.contains("structure type"), keys.toString());
        assertTrue(keys.contains("directory entry"), keys.toString());
        assertFalse(keys.contains("struct type") || keys.contains("dir entry"), keys.toString());
        assertEquals("struct type", phrase("Define a struct type. The structure type lists members. A struct type is aligned.",
                "structure type").surface(), "one phrase, shown as most often written");
    }

    @Test
    void aShortFormTheDocumentDefinesMeetsItsFullWord() {
        List<String> keys = keys("""
                A semaphore (sem) guards the queue. The sem count drops on each wait.
                A semaphore count never goes below zero. Each sem count is shared.
                """);
        assertTrue(keys.contains("semaphore count"), keys.toString());
        assertFalse(keys.contains("sem count"), keys.toString());
        assertEquals("ioq depth", phrase("""
                The ioq, short for iorequest, is per thread. The ioq depth is bounded. An iorequest depth is one.
                Each ioq depth counts writes.
                """, "iorequest depth").surface());
    }

    @Test
    void onlyAShortFormShapedLikeAnAbbreviationIsDefined() {
        assertTrue(Abbreviations.isAbbreviation("dir", "directory"));
        assertTrue(Abbreviations.isAbbreviation("cfg", "configuration"));
        assertFalse(Abbreviations.isAbbreviation("node", "vertex"), "another word, not a short form");
        assertFalse(Abbreviations.isAbbreviation("see", "below"));
        assertFalse(Abbreviations.isAbbreviation("logs", "log"), "not shorter");
        assertEquals(java.util.Map.of(), Abbreviations.definedIn(DocText.parse("A node (see below) has a vertex (node).")));
    }
}
