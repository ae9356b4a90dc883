package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.testing.Journaled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LintReportTest extends KbFixture {

    @Test
    void cleanKbGivesOpenKbsCleanSentencesAndExitCodeZero() {
        LintState state = kb.lint();
        assertEquals("""
                ## Structural Lint Report

                ### Broken Links (0)
                No broken links found.

                ### Orphaned Pages (0)
                No orphaned pages found.

                ### Raw Files Without Wiki Entry (0)
                All raw files have wiki entries.

                ### Index Sync Issues (0)
                Index is in sync.

                ### Invalid Frontmatter (0)
                All frontmatter parses as valid YAML.

                ### OKF Conformance (0)
                All knowledge pages carry required OKF fields.""", LintReport.text(state));
        assertEquals(0, state.exitCode());
    }

    /** As in OpenKB, a broken index link is both a broken link (index.md is scanned) and an index issue. */
    @Test
    void reportListsEachSectionsIssuesInOpenKbsOrder() {
        kb.page("summaries/doc.md", "---\ntype: \"Summary\"\ndescription: \"d\"\n---\nSee [[concepts/missing]] and [[concepts/b_x|B]]")
                .page("concepts/lonely.md", "---\ntype: \"Concept\"\nbrief: a: b\n---\n")
                .page("index.md", "# Index\n\n## Documents\n- [[summaries/doc]]\n- [[summaries/zzz]]\n\n## Concepts\n")
                .raw("orphan.pdf");
        LintState state = kb.lint();
        assertEquals("""
                ## Structural Lint Report

                ### Broken Links (3)
                - Broken link [[concepts/b_x]] in summaries/doc.md
                - Broken link [[concepts/missing]] in summaries/doc.md
                - Broken link [[summaries/zzz]] in index.md

                ### Orphaned Pages (1)
                - concepts/lonely

                ### Raw Files Without Wiki Entry (1)
                - orphan.pdf

                ### Index Sync Issues (2)
                - concepts/lonely.md not mentioned in index.md
                - index.md links to missing page: [[summaries/zzz]]

                ### Invalid Frontmatter (1)
                - concepts/lonely.md: mapping values are not allowed here

                ### OKF Conformance (2)
                - concepts/lonely.md: missing non-empty 'type'
                - concepts/lonely.md: missing non-empty 'description'""", LintReport.text(state));
        assertEquals(1, state.exitCode());
    }

    @Test
    void jsonCarriesRangesDataAndEveryCodesCount() throws Exception {
        kb.page("summaries/doc.md", "---\ntype: \"Summary\"\ndescription: \"d\"\n---\nSee [[concepts/x#h|X]]")
                .page("index.md", "# Index\n\n## Documents\n- [[summaries/doc]]\n");
        JsonNode json = new ObjectMapper().readTree(LintReport.json(kb.lint()));
        JsonNode f = json.get("findings").get(0);
        assertEquals("broken-link", f.get("code").asText());
        assertEquals("warning", f.get("severity").asText());
        assertEquals("wiki/summaries/doc.md", f.get("path").asText());
        assertEquals(4, f.at("/range/start/line").asInt());
        assertEquals(4, f.at("/range/start/character").asInt());
        assertEquals(22, f.at("/range/end/character").asInt());
        assertEquals("concepts/x", f.at("/data/target").asText());
        assertEquals("h", f.at("/data/heading").asText());
        assertEquals("X", f.at("/data/alias").asText());
        assertEquals(1, json.get("findings").size());
        assertEquals(8, json.get("counts").size());
        assertEquals(1, json.at("/counts/broken-link").asInt());
        assertEquals(0, json.at("/counts/orphan-page").asInt());
    }

    @Test
    void reportFileHasOpenKbsShapeAndSaysTheSemanticLintDidNotRun() throws Exception {
        String structural = LintReport.text(kb.lint());
        Path report = Journaled.run(kb.layout, tx -> LintReportWriter.write(tx, kb.layout, structural,
                LocalDateTime.of(2026, 7, 2, 18, 21, 29)));
        assertEquals(root.resolve("wiki/reports/lint_20260702_182129.md"), report);
        String text = Files.readString(report);
        assertEquals("# Lint Report — 20260702_182129\n\n## Structural\n\n" + structural + "\n\n## Semantic\n\n"
                + LintReportWriter.SEMANTIC_NOT_RUN + "\n", text);
        assertTrue(text.contains("not run offline"));
    }
}
