package dev.openkb.compile.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.convert.DocKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageWriterTest {

    @Test
    void shortSummaryHasOpenKbsExactFrontmatter() {
        String page = PageWriter.summaryPage("attn", DocKind.SHORT, "Introduces \"it\".", Map.of(), "# Body\n");
        assertEquals("---\ntype: \"Summary\"\ndescription: \"Introduces \\\"it\\\".\"\ndoc_type: short\n"
                + "full_text: \"sources/attn.md\"\n---\n\n# Body\n", page);
    }

    @Test
    void extraSummaryFieldsFollowOpenKbsFourAndBodyFrontmatterIsDropped() {
        LinkedHashMap<String, Object> extra = new LinkedHashMap<>();
        extra.put("keyphrases", List.of("self attention", "encoder"));
        String page = PageWriter.summaryPage("b", DocKind.LONG_PDF, "d", extra, "---\ntype: x\n---\n\nText");
        assertEquals("---\ntype: \"Summary\"\ndescription: \"d\"\ndoc_type: pageindex\nfull_text: \"sources/b.json\"\n"
                + "keyphrases: [\"self attention\", \"encoder\"]\n---\n\nText", page);
    }

    @Test
    void backfillKeepsTheTreeBodyAndAnExistingDescription() {
        String tree = "---\ndescription: \"\"\ndoc_type: pageindex\nfull_text: \"sources/b.json\"\n---\n\n# Ch 1 (pages 1–3)\n";
        String filled = PageWriter.backfillSummary(tree, "b", DocKind.LONG_PDF, "A book.", Map.of());
        assertEquals("---\ntype: \"Summary\"\ndescription: \"A book.\"\ndoc_type: pageindex\nfull_text: \"sources/b.json\"\n"
                + "---\n\n# Ch 1 (pages 1–3)\n", filled);
        assertEquals(filled, PageWriter.backfillSummary(filled, "b", DocKind.LONG_PDF, "Other.", Map.of()));
    }

    @Test
    void newConceptAndEntityPagesUseOpenKbsFieldOrder() {
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/a.md\"]\ndescription: \"Def.\"\n---\n\nBody\n",
                PageWriter.conceptPage(null, "summaries/a.md", "Def.", "Body\n"));
        assertEquals("---\nsources: [\"summaries/a.md\"]\ntype: \"Research Group\"\ndescription: \"D\"\n---\n\nB",
                PageWriter.entityPage(null, "summaries/a.md", "research group", "D", "B"));
    }

    @Test
    void writingAnExistingConceptKeepsItsSourcesAndAddsTheNewOneFirst() {
        String old = "---\ntype: \"Concept\"\nsources: [\"summaries/a.md\"]\nbrief: legacy\nmine: 1\n---\n\nOld body\n";
        String updated = PageWriter.conceptPage(old, "summaries/b.md", "New def.", "New body\n");
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/b.md\", \"summaries/a.md\"]\n"
                + "description: \"New def.\"\nmine: 1\n---\n\nNew body\n", updated);
    }

    @Test
    void sourceIsAddedUnlessItIsAnExactElementNotASubstring() {
        String page = "---\ntype: \"Concept\"\nsources: [\"summaries/ab.md\"]\n---\n\nsee summaries/a.md here\n";
        String added = PageWriter.addSource(page, "summaries/a.md");
        assertEquals(List.of("summaries/a.md", "summaries/ab.md"), PageWriter.sources(added));
        assertEquals(added, PageWriter.addSource(added, "summaries/a.md"));
    }

    @Test
    void blockStyleSourcesListIsReadAndRewrittenInline() {
        String page = "---\ntype: \"Concept\"\nsources:\n  - summaries/a.md\n  - summaries/c.md\ndescription: d\n---\n\nx";
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/b.md\", \"summaries/a.md\", \"summaries/c.md\"]\n"
                + "description: d\n---\n\nx", PageWriter.addSource(page, "summaries/b.md"));
    }

    @Test
    void pageWithoutFrontmatterGetsOneAndBrokenBlockSourcesAreRecovered() {
        assertEquals("---\nsources: [\"summaries/a.md\"]\n---\n\nplain", PageWriter.addSource("plain", "summaries/a.md"));
        String broken = "---\nsources: [\"summaries/x.md\", summaries/y.md]\nno closer\n";
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/a.md\", \"summaries/x.md\", \"summaries/y.md\"]\n"
                + "description: \"d\"\n---\n\nbody", PageWriter.conceptPage(broken, "summaries/a.md", "d", "body"));
    }

    @Test
    void relatedLinkAddsSourceAndSeeAlsoOnce() {
        String page = "---\ntype: \"Concept\"\nsources: [\"summaries/a.md\"]\n---\n\nBody";
        String linked = PageWriter.addRelatedLink(page, "b");
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/b.md\", \"summaries/a.md\"]\n---\n\nBody\n\n"
                + "See also: [[summaries/b]]", linked);
        assertEquals(linked, PageWriter.addRelatedLink(linked, "b"));
    }

    @Test
    void backlinksGoOnTopOfTheirSectionInGivenOrder() {
        String s = PageWriter.addBacklinks("Body\n", PageWriter.RELATED_CONCEPTS, List.of("concepts/a", "concepts/b"));
        assertEquals("Body\n\n## Related Concepts\n- [[concepts/a]]\n- [[concepts/b]]\n", s);
        s = PageWriter.addBacklinks(s, PageWriter.RELATED_CONCEPTS, List.of("concepts/c", "concepts/a"));
        assertEquals("Body\n\n## Related Concepts\n- [[concepts/c]]\n- [[concepts/a]]\n- [[concepts/b]]\n", s);
        s = PageWriter.addBacklinks(s, PageWriter.ENTITIES, List.of("entities/x"));
        assertTrue(s.endsWith("- [[concepts/b]]\n\n## Entities\n- [[entities/x]]\n"), s);
    }

    @Test
    void removeSourceStripsFrontmatterBulletsAndSeeAlso() {
        String page = "---\ntype: \"Concept\"\nsources: [\"summaries/a.md\", \"summaries/ab.md\"]\ndescription: \"d\"\n---\n\n"
                + "Text.\n\nSee also: [[summaries/a]]\n\nMore.\n\n## Related Documents\n- [[summaries/ab]]\n- [[summaries/a]]\n";
        SourceRemoval r = PageWriter.removeSource(page, "a");
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/ab.md\"]\ndescription: \"d\"\n---\n\n"
                + "Text.\n\nMore.\n\n## Related Documents\n- [[summaries/ab]]\n", r.text());
        assertEquals(1, r.remainingSources());
        assertTrue(r.wasListed());
        assertFalse(r.orphaned());
    }

    @Test
    void removeSourceTakesOutTheDocumentsSectionAndADescriptionQuotedFromIt() {
        String page = "---\ntype: \"Concept\"\nsources: [\"summaries/a.md\", \"summaries/b.md\"]\n"
                + "description: \"A log records changes first.\"\n---\n\n# Log\n\n"
                + "## From a\n\n- A log records changes first.\n- The log is replayed.\n\n"
                + "## From b\n\n- The log holds changes in order.\n\n"
                + "## Related Documents\n- [[summaries/a]]\n- [[summaries/b]]\n";
        SourceRemoval r = PageWriter.removeSource(page, "a");
        assertEquals("---\ntype: \"Concept\"\nsources: [\"summaries/b.md\"]\n"
                + "description: \"The log holds changes in order.\"\n---\n\n# Log\n\n"
                + "## From b\n\n- The log holds changes in order.\n\n"
                + "## Related Documents\n- [[summaries/b]]\n", r.text());
        assertEquals("The log holds changes in order.", r.newDescription());

        SourceRemoval other = PageWriter.removeSource(page, "b");
        assertEquals(null, other.newDescription(), "a's description was not b's to take");
        assertTrue(other.text().contains("description: \"A log records changes first.\""), other.text());
        assertFalse(other.text().contains("## From b"), other.text());
    }

    @Test
    void removingTheLastSourceReportsAnOrphanAndTrailingSeeAlsoGoes() {
        String page = "---\nsources: [\"summaries/a.md\"]\ntype: \"Person\"\n---\n\nBody\n\nSee also: [[summaries/a]]";
        SourceRemoval r = PageWriter.removeSource(page, "a");
        assertEquals("---\nsources: []\ntype: \"Person\"\n---\n\nBody", r.text());
        assertTrue(r.orphaned());
    }

    @Test
    void removeSourceOfAnUnlistedDocumentChangesNothing() {
        String page = "---\nsources: [\"summaries/b.md\"]\n---\n\nMentions summaries/a in prose";
        SourceRemoval r = PageWriter.removeSource(page, "a");
        assertEquals(page, r.text());
        assertFalse(r.wasListed());
        assertEquals(1, r.remainingSources());
    }

    @Test
    void titleCaseMatchesPythonsStrTitle() {
        assertEquals("Organization", PageWriter.titleCase("organization"));
        assertEquals("Event-Series X2", PageWriter.titleCase("event-series x2"));
    }
}
