package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenKB's {@code tests/test_lint.py} check cases, re-expressed against our findings. */
class StructuralChecksTest extends KbFixture {

    private List<String> paths(String code) {
        return kb.findings(code).stream().map(LintFinding::path).toList();
    }

    private List<String> data(String code, String key) {
        return kb.findings(code).stream().map(f -> f.data().get(key)).toList();
    }

    // ---- broken links ----

    @Test
    void noBrokenLinksWhenTargetsExist() {
        kb.page("concepts/attention.md", "# Attention").page("summaries/paper.md", "Refers to [[concepts/attention]]");
        assertEquals(List.of(), kb.findings(LintCodes.BROKEN_LINK));
    }

    @Test
    void detectsBrokenLink() {
        kb.page("summaries/paper.md", "See [[concepts/missing_concept]]");
        List<LintFinding> f = kb.findings(LintCodes.BROKEN_LINK);
        assertEquals(1, f.size());
        assertEquals("wiki/summaries/paper.md", f.get(0).path());
        assertEquals("concepts/missing_concept", f.get(0).data().get("target"));
        assertEquals(new Range(0, 4, 0, 32), f.get(0).range());
    }

    @Test
    void reportsEveryBrokenLinkOccurrence() {
        kb.page("summaries/doc.md", "See [[concepts/foo]] and [[concepts/bar]] and [[concepts/foo]]");
        assertEquals(List.of("concepts/foo", "concepts/bar", "concepts/foo"), data(LintCodes.BROKEN_LINK, "target"));
    }

    @Test
    void noLinksMeansNoErrors() {
        kb.page("summaries/paper.md", "No wikilinks here.");
        assertEquals(List.of(), kb.findings(LintCodes.BROKEN_LINK));
    }

    @Test
    void reportsAndSourcesAreNotScannedForLinksOrFrontmatter() {
        kb.page("reports/lint_1.md", "[[concepts/gone]]\n").page("sources/doc.md", "---\na: b: c\n---\n[[nope]]")
                .page("log.md", "[[nope]]").page("AGENTS.md", "[[nope]]");
        assertEquals(List.of(), kb.findings(LintCodes.BROKEN_LINK));
        assertEquals(List.of(), kb.findings(LintCodes.INVALID_FRONTMATTER));
    }

    @Test
    void aliasAndHeadingLinksResolveByTheirTarget() {
        kb.page("concepts/attention.md", "# Attention\n## Scaled\n")
                .page("summaries/paper.md", "[[concepts/attention|attn]] [[concepts/attention#Scaled]] [[/concepts/attention/]] [[#Local]]");
        assertEquals(List.of(), kb.findings(LintCodes.BROKEN_LINK));
    }

    @Test
    void emptyTargetIsBroken() {
        kb.page("summaries/paper.md", "[[|alias only]]");
        assertEquals(List.of(""), data(LintCodes.BROKEN_LINK, "target"));
    }

    // ---- orphans ----

    @Test
    void linkedPageIsNotOrphan() {
        kb.page("concepts/attention.md", "# Attention").page("summaries/paper.md", "See [[concepts/attention]]");
        assertEquals(List.of(), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void isolatedPageIsOrphanWithItsFirstLineAsRange() {
        kb.page("concepts/lonely.md", "# Lonely page with no links.\nmore");
        List<LintFinding> f = kb.findings(LintCodes.ORPHAN_PAGE);
        assertEquals(List.of("wiki/concepts/lonely.md"), f.stream().map(LintFinding::path).toList());
        assertEquals(Range.line(0, 28), f.get(0).range());
        assertEquals("concepts/lonely", f.get(0).data().get("page"));
    }

    @Test
    void pageWithOutgoingLinksIsNotOrphan() {
        kb.page("concepts/linking.md", "See [[other/page]].");
        assertEquals(List.of(), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void emptyWikiHasNoOrphans() {
        assertEquals(List.of(), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void linksFromIndexDoNotCountAsIncoming() {
        kb.page("index.md", "# Index\n\n## Concepts\n- [[concepts/a]]\n").page("concepts/a.md", "text");
        assertEquals(List.of("wiki/concepts/a.md"), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void explorationsAreOrphanCandidatesButLintReportsAndSourcesAreNot() {
        kb.page("explorations/q.md", "answer").page("reports/lint_1.md", "report").page("sources/doc.md", "text");
        assertEquals(List.of("wiki/explorations/q.md"), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void theLinksALintReportQuotesDoNotHideAnOrphan() {
        kb.page("concepts/a.md", "alone").page("reports/lint_2.md", "- Broken link [[concepts/a]] in summaries/x.md\n");
        assertEquals(List.of("wiki/concepts/a.md"), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void qualifiedLinkDoesNotHideSameStemOrphan() {
        kb.page("concepts/foo.md", "concept").page("summaries/foo.md", "summary").page("summaries/x.md", "[[concepts/foo]]");
        assertEquals(List.of("wiki/summaries/foo.md"), paths(LintCodes.ORPHAN_PAGE));
    }

    @Test
    void bareStemLinkStillMatchesSameStemPage() {
        kb.page("concepts/foo.md", "concept").page("summaries/x.md", "[[foo]]");
        assertEquals(List.of(), paths(LintCodes.ORPHAN_PAGE));
        assertEquals(List.of(), paths(LintCodes.BROKEN_LINK));
    }

    // ---- missing wiki entries ----

    @Test
    void rawFileWithSourceHasEntry() {
        kb.raw("paper.pdf").page("sources/paper.md", "# Paper");
        assertEquals(List.of(), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    @Test
    void detectsRawFileWithoutEntry() {
        kb.raw("unprocessed.pdf");
        List<LintFinding> f = kb.findings(LintCodes.MISSING_WIKI_ENTRY);
        assertEquals(List.of("raw/unprocessed.pdf"), f.stream().map(LintFinding::path).toList());
        assertEquals(Map.of("file", "unprocessed.pdf", "docName", "unprocessed", "registered", "false"), f.get(0).data());
    }

    @Test
    void summaryCountsAsEntry() {
        kb.raw("longdoc.pdf").page("summaries/longdoc.md", "# Long doc summary");
        assertEquals(List.of(), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    @Test
    void registryRenamedArtifactsCount() {
        kb.raw("2509.11420.pdf").page("sources/2509-11420.md", "text").registry("""
                {"aa": {"name": "2509.11420.pdf", "doc_name": "2509-11420", "type": "pdf",
                        "path": "raw/2509.11420.pdf", "raw_path": "raw/2509.11420.pdf"}}""");
        assertEquals(List.of(), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    @Test
    void registryCollisionSuffixAndJsonSourceCount() {
        kb.raw("paper.pdf").raw("book.pdf").page("summaries/paper-2.md", "s").page("sources/book.json", "[]").registry("""
                {"a": {"name": "paper.pdf", "doc_name": "paper-2", "type": "pdf", "path": "/elsewhere/paper.pdf",
                       "raw_path": "raw/paper.pdf"},
                 "b": {"name": "book.pdf", "doc_name": "book", "type": "long_pdf", "path": "raw/book.pdf"}}""");
        assertEquals(List.of(), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    @Test
    void unregisteredFileStillNeedsAStemMatch() {
        kb.raw("other.pdf").registry("{\"a\": {\"name\": \"x.pdf\", \"doc_name\": \"x\", \"path\": \"raw/x.pdf\"}}");
        assertEquals(List.of("raw/other.pdf"), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    @Test
    void legacyEntryWithoutPathFallsBackToTheStem() {
        kb.raw("legacy.pdf").page("summaries/legacy.md", "s").registry("{\"a\": {\"name\": \"legacy.pdf\", \"type\": \"pdf\"}}");
        assertEquals(List.of(), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    @Test
    void registeredFileWithoutArtifactsIsMissingEvenIfItsStemMatches() {
        kb.raw("paper.pdf").page("summaries/paper.md", "s").registry("""
                {"a": {"name": "paper.pdf", "doc_name": "paper-2", "path": "raw/paper.pdf"}}""");
        List<LintFinding> f = kb.findings(LintCodes.MISSING_WIKI_ENTRY);
        assertEquals(List.of("raw/paper.pdf"), f.stream().map(LintFinding::path).toList());
        assertEquals("true", f.get(0).data().get("registered"));
    }

    @Test
    void emptyRawMeansNoMissingEntries() {
        assertEquals(List.of(), paths(LintCodes.MISSING_WIKI_ENTRY));
    }

    // ---- index sync ----

    @Test
    void cleanIndex() {
        kb.page("summaries/paper.md", "# Paper").page("index.md", "# Index\n\n## Documents\n- [[summaries/paper]]\n\n## Concepts\n");
        assertEquals(0, kb.findings(LintCodes.INDEX_BROKEN_LINK).size() + kb.findings(LintCodes.INDEX_MISSING_PAGE).size());
    }

    @Test
    void brokenIndexLinkIsReportedOnceAtItsFirstOccurrence() {
        kb.page("index.md", "# Index\n\n## Documents\n- [[summaries/ghost]]\n- [[summaries/ghost|again]]\n");
        List<LintFinding> f = kb.findings(LintCodes.INDEX_BROKEN_LINK);
        assertEquals(1, f.size());
        assertEquals(new Range(3, 2, 3, 21), f.get(0).range());
        assertEquals("index.md links to missing page: [[summaries/ghost]]", f.get(0).message());
    }

    @Test
    void pageNotInIndexIsReportedAtItsSection() {
        kb.page("summaries/unlisted.md", "# Unlisted");
        List<LintFinding> f = kb.findings(LintCodes.INDEX_MISSING_PAGE);
        assertEquals(1, f.size());
        assertEquals("wiki/index.md", f.get(0).path());
        assertEquals("summaries/unlisted.md not mentioned in index.md", f.get(0).message());
        assertEquals(Map.of("page", "wiki/summaries/unlisted.md", "link", "summaries/unlisted", "section", "Documents"),
                f.get(0).data());
        assertEquals(Range.line(2, 12), f.get(0).range());
    }

    @Test
    void entityPageNotInIndexAndMentionByTextCounts() {
        kb.page("entities/google-brain.md", "e").page("concepts/attention.md", "c")
                .page("index.md", SEED + "Attention is covered somewhere.\n");
        assertEquals(List.of("entities/google-brain"), data(LintCodes.INDEX_MISSING_PAGE, "link"));
    }

    private static final String SEED = TestKb.SEED_INDEX;

    @Test
    void missingIndexMd() {
        kb.delete("index.md");
        List<LintFinding> f = kb.findings(LintCodes.INDEX_MISSING);
        assertEquals(1, f.size());
        assertEquals("index.md does not exist", f.get(0).message());
    }

    // ---- frontmatter and OKF ----

    @Test
    void invalidFrontmatterPointsAtTheBadYamlLine() {
        kb.page("concepts/bad.md", "---\ntype: \"Concept\"\nbrief: a: b\n---\n\nbody [[index]]");
        List<LintFinding> f = kb.findings(LintCodes.INVALID_FRONTMATTER);
        assertEquals(1, f.size());
        assertEquals(Range.line(2, 11), f.get(0).range());
        assertEquals("mapping values are not allowed here", f.get(0).data().get("error"));
    }

    @Test
    void okfRequiresNonEmptyStringTypeAndDescription() {
        kb.page("concepts/none.md", "no frontmatter [[index]]")
                .page("concepts/nulltype.md", "---\ntype: null\ndescription: \"d\"\n---\nx")
                .page("concepts/numtype.md", "---\ntype: 3\ndescription: \"  \"\n---\nx")
                .page("concepts/ok.md", "---\ntype: \"Concept\"\ndescription: \"d\"\n---\nx")
                .page("explorations/q.md", "---\nquery: \"q\"\n---\n");
        List<LintFinding> f = kb.findings(LintCodes.MISSING_OKF_FIELD);
        // Within a file, findings are in range order, then by message.
        assertEquals(List.of("wiki/concepts/none.md description", "wiki/concepts/none.md type",
                "wiki/concepts/nulltype.md type", "wiki/concepts/numtype.md description", "wiki/concepts/numtype.md type"),
                f.stream().map(x -> x.path() + " " + x.data().get("field")).toList());
        assertEquals(Range.line(0, 24), f.get(0).range());
        assertEquals(new Range(0, 0, 3, 3), f.get(2).range());
    }

    @Test
    void invalidFrontmatterAlsoCountsAsMissingOkfFields() {
        kb.page("concepts/bad.md", "---\ntype: \"Concept\nx\n---\n");
        assertTrue(kb.findings(LintCodes.INVALID_FRONTMATTER).size() == 1);
        assertEquals(2, kb.findings(LintCodes.MISSING_OKF_FIELD).size());
    }
}
