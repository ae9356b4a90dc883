package dev.openkb.compile.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbInit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexMdTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void missingIndexIsRecreatedFromTheSeed() {
        assertEquals(KbInit.INDEX_SEED, IndexMd.orSeed(null));
        assertEquals("x", IndexMd.orSeed("x"));
    }

    @Test
    void entriesAreInsertedAtTheTopOfTheirSection() {
        String t = KbInit.INDEX_SEED;
        t = IndexMd.addDocument(t, "a", "short", "First doc.", warnings::add);
        t = IndexMd.addDocument(t, "b", "pageindex", "Second\ndoc.", warnings::add);
        t = IndexMd.putConcept(t, "attention", "Weighting inputs.", warnings::add);
        t = IndexMd.putEntity(t, "google-brain", "Organization", "A research team.", warnings::add);
        assertEquals("# Knowledge Base Index\n\n## Documents\n"
                + "- [[summaries/b]] (pageindex) — Second doc.\n"
                + "- [[summaries/a]] (short) — First doc.\n\n"
                + "## Concepts\n- [[concepts/attention]] — Weighting inputs.\n\n"
                + "## Entities\n- [[entities/google-brain]] (organization) — A research team.\n\n"
                + "## Explorations\n", t);
        assertTrue(warnings.isEmpty());
    }

    @Test
    void documentEntryIsWrittenOnceAndNeverRefreshed() {
        String t = IndexMd.addDocument(KbInit.INDEX_SEED, "a", "short", "old", warnings::add);
        assertEquals(t, IndexMd.addDocument(t, "a", "short", "new", warnings::add));
    }

    @Test
    void documentPrefixMatchIsStrict() {
        String t = IndexMd.addDocument(KbInit.INDEX_SEED, "ab", "short", "", warnings::add);
        t = IndexMd.addDocument(t, "a", "short", "", warnings::add);
        assertTrue(t.contains("- [[summaries/a]] (short)\n- [[summaries/ab]] (short)\n"), t);
    }

    @Test
    void conceptEntryIsReplacedOnlyWithANewBrief() {
        String t = IndexMd.putConcept(KbInit.INDEX_SEED, "x", "first", warnings::add);
        assertEquals(t, IndexMd.putConcept(t, "x", "", warnings::add));
        assertTrue(IndexMd.putConcept(t, "x", "second", warnings::add).contains("- [[concepts/x]] — second\n"));
        String noBrief = IndexMd.putConcept(KbInit.INDEX_SEED, "y", null, warnings::add);
        assertTrue(noBrief.contains("## Concepts\n- [[concepts/y]]\n"));
    }

    @Test
    void entityEntryIsAlwaysReplaced() {
        String t = IndexMd.putEntity(KbInit.INDEX_SEED, "x", "person", "old", warnings::add);
        t = IndexMd.putEntity(t, "x", "Organization", "", warnings::add);
        assertTrue(t.contains("## Entities\n- [[entities/x]] (organization)\n\n## Explorations"), t);
    }

    @Test
    void missingSectionsAreAddedWithAWarning() {
        String t = "# Knowledge Base Index\n\n## Explorations\n";
        t = IndexMd.addDocument(t, "a", "short", "d", warnings::add);
        t = IndexMd.putEntity(t, "e", "place", "p", warnings::add);
        t = IndexMd.putConcept(t, "c", "b", warnings::add);
        assertEquals("# Knowledge Base Index\n\n## Entities\n- [[entities/e]] (place) — p\n\n## Explorations\n\n"
                + "## Documents\n- [[summaries/a]] (short) — d\n\n## Concepts\n- [[concepts/c]] — b\n", t);
        assertEquals(3, warnings.size());
    }

    @Test
    void headingsWithTrailingSpacesStillMatch() {
        String t = IndexMd.addDocument("## Documents  \n\n## Concepts\n", "a", "short", "", warnings::add);
        assertEquals("## Documents  \n- [[summaries/a]] (short)\n\n## Concepts\n", t);
    }

    @Test
    void removeDocumentDropsOnlyItsOwnEntry() {
        String t = IndexMd.addDocument(KbInit.INDEX_SEED, "ab", "short", "mentions [[summaries/a]]", warnings::add);
        t = IndexMd.addDocument(t, "a", "short", "", warnings::add);
        String removed = IndexMd.removeDocument(t, "a");
        assertTrue(removed.contains("## Documents\n- [[summaries/ab]] (short) — mentions [[summaries/a]]\n\n"), removed);
        assertEquals(removed, IndexMd.removeDocument(removed, "a"));
    }

    @Test
    void removeEntriesFindsEachTargetInItsOwnSectionAndKeepsHeadings() {
        String t = IndexMd.putConcept(KbInit.INDEX_SEED, "x", "c", warnings::add);
        t = IndexMd.putEntity(t, "x", "other", "e", warnings::add);
        String removed = IndexMd.removeEntries(t, List.of("entities/x"));
        assertTrue(removed.contains("- [[concepts/x]] — c"));
        assertEquals("# Knowledge Base Index\n\n## Documents\n\n## Concepts\n\n## Entities\n\n## Explorations\n",
                IndexMd.removeEntries(removed, List.of("concepts/x", "unknown/y")));
    }

    @Test
    void rebriefReplacesOnlyTheBriefOfThatEntryAndKeepsAnEntitysType() {
        String index = "# Knowledge Base Index\n\n## Documents\n\n## Concepts\n- [[concepts/log]] — Old — with a dash.\n"
                + "- [[concepts/log-record]] — Other.\n\n## Entities\n- [[entities/sqlite]] (product) — Old.\n\n## Explorations\n";
        String s = IndexMd.rebrief(IndexMd.rebrief(index, "concepts/log", "New."), "entities/sqlite", "A database.");
        assertEquals("# Knowledge Base Index\n\n## Documents\n\n## Concepts\n- [[concepts/log]] — New.\n"
                + "- [[concepts/log-record]] — Other.\n\n## Entities\n- [[entities/sqlite]] (product) — A database.\n\n"
                + "## Explorations\n", s);
        assertEquals(index, IndexMd.rebrief(index, "concepts/missing", "X."));
    }
}
