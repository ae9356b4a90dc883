package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb query} on a KB built by {@code openkb add}, as a user runs it. */
class QueryCommandTest {
    @TempDir
    Path tmp;
    Path kb;

    @BeforeEach
    void kbWithTwoDocuments() throws Exception {
        kb = tmp.resolve("kb");
        assertEquals(0, CliRun.of("init", kb.toString()).code());
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("lighthouses.md"), "# Lighthouses\n\nA lighthouse warns ships away from rocks with a"
                + " rotating lamp. Fresnel lenses focus the beam so it is seen far out at sea.\n");
        Files.writeString(docs.resolve("sourdough.md"), "# Sourdough\n\nA sourdough starter is flour and water fermented by"
                + " wild yeast and lactic acid bacteria; it leavens the bread slowly.\n");
        CliRun add = CliRun.of("add", "--kb", kb.toString(), docs.toString());
        assertEquals(0, add.code(), add.out() + add.err());
    }

    @Test
    void jsonPrintsOneObjectWithTheSourcesMostRelevantFirst() throws Exception {
        CliRun r = CliRun.of("query", "--kb", kb.toString(), "--format", "json", "how", "do", "lighthouse", "lenses", "work?");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("how do lighthouse lenses work?", o.get("question").asText());
        assertEquals("offline", o.get("mode").asText());
        JsonNode first = o.get("sources").get(0);
        assertTrue(first.get("page").asText().endsWith("/lighthouses"), first.toString());
        assertEquals("lighthouses.md", first.get("doc").asText());
        for (int i = 1; i < o.get("sources").size(); i++) {
            assertTrue(o.get("sources").get(i - 1).get("score").asDouble() >= o.get("sources").get(i).get("score").asDouble());
        }
        assertTrue(o.get("answer").asText().contains("[[" + first.get("page").asText() + "]]"));
        assertTrue(Files.readString(kb.resolve("wiki/log.md")).contains("] query | how do lighthouse lenses work?\n"));
    }

    @Test
    void textPrintsTheLabelledAnswerAndSaveWritesAnExploration() throws Exception {
        CliRun r = CliRun.of("query", "--kb", kb.toString(), "--save", "What is a sourdough starter?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("_Retrieved passages, not a generated answer"), r.out());
        assertTrue(r.out().contains("[[summaries/sourdough]]"), r.out());
        assertTrue(r.out().contains("Saved to wiki/explorations/what-is-a-sourdough-starter.md"), r.out());
        String page = Files.readString(kb.resolve("wiki/explorations/what-is-a-sourdough-starter.md"));
        assertTrue(page.startsWith("---\nquery: \"What is a sourdough starter?\"\n---\n\n_Retrieved passages"), page);
        assertTrue(Files.readString(kb.resolve("wiki/index.md")).contains("- [[explorations/what-is-a-sourdough-starter]]"));
        CliRun lint = CliRun.of("lint", "--kb", kb.toString());
        assertFalse(lint.out().contains("explorations/what-is-a-sourdough-starter"), "the saved page is linked from the index: " + lint.out());
    }

    @Test
    void anEmptyOrHugeQuestionIsAUsageError() throws Exception {
        CliRun empty = CliRun.of("query", "--kb", kb.toString(), "  ");
        assertEquals(Main.USAGE, empty.code());
        assertTrue(empty.err().contains("the question is empty"), empty.err());
        CliRun huge = CliRun.of("query", "--kb", kb.toString(), "x".repeat(100 * 1024));
        assertEquals(Main.USAGE, huge.code());
        assertTrue(huge.err().contains("102400 characters long; at most 8000"), huge.err());
        assertEquals(Main.USAGE, CliRun.of("query", "--kb", kb.toString()).code(), "no question at all");
        assertEquals(Main.USAGE, CliRun.of("query", "--kb", kb.toString(), "--top", "0", "lamps").code());
    }

    @Test
    void aKbWithNoPagesSaysSo() throws Exception {
        Path empty = tmp.resolve("empty");
        CliRun.of("init", empty.toString());
        CliRun r = CliRun.of("query", "--kb", empty.toString(), "anything?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no pages yet"), r.out());
    }
}
