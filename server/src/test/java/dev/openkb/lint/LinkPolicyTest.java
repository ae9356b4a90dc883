package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact ranges, the bare-stem policy shared by check and fix, and {@code --fix} itself. */
class LinkPolicyTest extends KbFixture {

    private List<Range> brokenRanges() {
        return kb.findings(LintCodes.BROKEN_LINK).stream().map(LintFinding::range).toList();
    }

    @Test
    void rangesAreUtf16ColumnsAfterMultiByteText() {
        kb.page("summaries/a.md", "对接 😀 [[concepts/x]] é [[concepts/y]]");
        assertEquals(List.of(new Range(0, 6, 0, 20), new Range(0, 23, 0, 37)), brokenRanges());
    }

    @Test
    void rangesCountCrLfLinesOnce() {
        kb.page("summaries/crlf.md", "---\r\ntype: \"Summary\"\r\n---\r\n\r\nline [[concepts/x]]\r\n[[a]][[b]]\r\n");
        assertEquals(List.of(new Range(4, 5, 4, 19), new Range(5, 0, 5, 5), new Range(5, 5, 5, 10)), brokenRanges());
    }

    @Test
    void bareStemResolvesWhenExactlyOnePageHasIt() {
        kb.page("concepts/attention.md", "c").page("summaries/attention.md", "s").page("concepts/unique.md", "u")
                .page("summaries/paper.md", "[[unique]] [[attention]] [[paper]]").page("sources/paper.md", "source");
        List<LintFinding> broken = kb.findings(LintCodes.BROKEN_LINK);
        assertEquals(1, broken.size(), "sources/paper.md does not make [[paper]] ambiguous");
        assertEquals("ambiguous", broken.get(0).data().get("reason"));
        assertEquals("concepts/attention,summaries/attention", broken.get(0).data().get("candidates"));
    }

    @Test
    void fixLeavesEveryLinkTheCheckAcceptsAndRepairsEveryOneItRejects() {
        kb.page("concepts/attention.md", "[[summaries/paper]]").page("concepts/gist-memory.md", "[[index]]")
                .page("summaries/paper.md", "[[attention]] [[Gist_Memory|gist]] [[concepts/AI_Agents#Intro]] "
                        + "[[concepts/gone|the gone]] [[log]] [[#Local]] [[sources/paper]]")
                .page("concepts/ai-agents.md", "x").page("sources/paper.md", "src").page("log.md", "# log");
        List<LintFinding> before = kb.findings(LintCodes.BROKEN_LINK);
        assertEquals(Arrays.asList("concepts/gist-memory", "concepts/ai-agents", null),
                before.stream().map(f -> f.data().get("candidate")).toList());

        FixResult result = kb.fix(null);

        assertEquals(new FixResult(1, 2, 1, List.of("wiki/summaries/paper.md")), result);
        assertEquals("[[attention]] [[concepts/gist-memory|gist]] [[concepts/ai-agents#Intro]] the gone [[log]] "
                + "[[#Local]] [[sources/paper]]", kb.read("summaries/paper.md"));
        assertEquals(List.of(), kb.findings(LintCodes.BROKEN_LINK));
    }

    @Test
    void fixDemotesAmbiguousBareLinksAsTheCheckReportsThem() {
        kb.page("concepts/foo.md", "a").page("summaries/foo.md", "b").page("summaries/x.md", "see [[foo]] and [[foo_bar]]");
        assertEquals(2, kb.findings(LintCodes.BROKEN_LINK).size());
        assertEquals(new FixResult(1, 0, 2, List.of("wiki/summaries/x.md")), kb.fix(null));
        assertEquals("see foo and foo bar", kb.read("summaries/x.md"));
    }

    @Test
    void fixRestrictedToListedFilesKeepsGhostsElsewhereButResolvesKbWide() {
        kb.page("concepts/sibling.md", "s").page("summaries/a.md", "[[concepts/ghost]] [[concepts/sibling]]")
                .page("summaries/b.md", "[[concepts/ghost]]").page("AGENTS.md", "[[concepts/ghost]]");
        FixResult r = kb.fix(List.of(kb.path("summaries/a.md"), kb.path("AGENTS.md"), root.resolve("outside.md"),
                kb.path("summaries/nonexistent.md")));
        assertEquals(List.of("wiki/summaries/a.md"), r.changedPaths());
        assertEquals("ghost [[concepts/sibling]]", kb.read("summaries/a.md"));
        assertEquals("[[concepts/ghost]]", kb.read("summaries/b.md"));
        assertEquals("[[concepts/ghost]]", kb.read("AGENTS.md"));
    }

    @Test
    void fixWithEmptyRestrictionChangesNothing() {
        kb.page("summaries/a.md", "[[concepts/ghost]]");
        assertEquals(new FixResult(0, 0, 0, List.of()), kb.fix(List.of()));
        assertEquals("[[concepts/ghost]]", kb.read("summaries/a.md"));
    }

    @Test
    void fixSkipsReportsAndSourcesAndKeepsLineEndings() {
        kb.page("reports/lint_1.md", "[[concepts/ghost]]").page("summaries/a.md", "x\r\n[[concepts/ghost_one]]\r\n");
        kb.fix(null);
        assertEquals("[[concepts/ghost]]", kb.read("reports/lint_1.md"));
        assertEquals("x\r\nghost one\r\n", kb.read("summaries/a.md"));
    }

    @Test
    void fixRefusesToRewriteAPageThatIsNotUtf8() throws Exception {
        byte[] bytes = {'[', '[', 'x', ']', ']', (byte) 0xff};
        Files.write(kb.path("summaries/bin.md"), bytes);
        KbException e = assertThrows(KbException.class, () -> kb.fix(null));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertEquals(kb.path("summaries/bin.md"), e.path());
        assertEquals(List.of((byte) 0xff), List.of(Files.readAllBytes(kb.path("summaries/bin.md"))[5]));
    }
}
