package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb list} (issue 17.3): OpenKB's document table and page counts, as text and JSON; status's documents section. */
class ListCommandTest {
    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void setUp() throws Exception {
        kb = Fixtures.kb(dir.resolve("kb"));
        Path in = Files.createDirectories(dir.resolve("in"));
        Fixtures.write(in.resolve("alpha.md"), "# Alpha\n\nAlpha talks about Graph Theory and Ada Lovelace.\n");
        Fixtures.write(in.resolve("Beta Notes.txt"), "Beta talks about Graph Theory and Alan Turing.\n");
        CliRun add = CliRun.of("add", "--kb", kb.root().toString(), in.toString());
        assertEquals(Main.OK, add.code(), add.err());
    }

    @Test
    void jsonListsEveryDocumentWithItsTypesAndWhenItWasAddedAndThePageCounts() throws Exception {
        CliRun r = CliRun.of("list", "--kb", kb.root().toString(), "--format", "json");

        assertEquals(Main.OK, r.code(), r.err());
        Map<String, Object> json = PythonJson.parseObject(r.out());
        List<?> docs = (List<?>) json.get("documents");
        assertEquals(2, docs.size(), r.out());
        Map<?, ?> beta = (Map<?, ?>) docs.stream().filter(d -> "Beta Notes.txt".equals(((Map<?, ?>) d).get("name"))).findFirst().orElseThrow();
        assertEquals("Beta-Notes", beta.get("doc_name"));
        assertEquals("txt", beta.get("type"));
        assertEquals("short", beta.get("doc_type"));
        assertEquals(null, beta.get("pages"), "OpenKB never records pages for a short document");
        assertTrue(String.valueOf(beta.get("added")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), beta.toString());
        Map<?, ?> pages = (Map<?, ?>) json.get("pages");
        assertEquals(List.of("summaries", "concepts", "entities", "explorations", "reports"), List.copyOf(pages.keySet()));
        assertEquals(2, pages.get("summaries"));
        assertEquals(count(kb.conceptsDir()), pages.get("concepts"));
        assertEquals(count(kb.entitiesDir()), pages.get("entities"));
    }

    @Test
    void textIsATableThenThePageCounts() {
        CliRun r = CliRun.of("list", "--kb", kb.root().toString());

        assertEquals(Main.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("Name +Type +Doc type +Pages +Added"), r.out());
        // registry order, which is scan order (sorted paths: capitals first)
        assertTrue(lines.get(1).matches("Beta Notes\\.txt +txt +short +\\d{4}-.*"), r.out());
        assertTrue(lines.get(2).matches("alpha\\.md +md +short +\\d{4}-.*"), r.out());
        assertEquals("2 document(s)", lines.get(3));
        assertTrue(r.out().contains("\nPages: summaries 2, concepts "), r.out());
    }

    @Test
    void anEmptyKbSaysSoAndStatusShowsNoDocuments() throws Exception {
        KbLayout empty = Fixtures.kb(dir.resolve("empty"));
        CliRun r = CliRun.of("list", "--kb", empty.root().toString());
        assertEquals("No documents in the knowledge base.\n\nPages: summaries 0, concepts 0, entities 0, explorations 0, reports 0\n", r.out());
        assertTrue(CliRun.of("status", "--kb", empty.root().toString()).out().contains("\nDocuments: none\n"));
    }

    @Test
    void statusHasADocumentsSectionWithTheNewestFirst() {
        CliRun r = CliRun.of("status", "--kb", kb.root().toString());

        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("\nDocuments: 2 (2 short)\n"), r.out());
        assertTrue(r.out().matches("(?s).*\n  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  (Beta Notes\\.txt|alpha\\.md) \\(short\\)\n.*"), r.out());
    }

    @Test
    void aHostileRegistryValueIsShownEscapedAndAPageFolderThatIsASymlinkIsNotCounted() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Fixtures.write(outside.resolve("x.md"), "outside");
        Files.createSymbolicLink(kb.wikiDir().resolve("explorations"), outside);
        Fixtures.register(kb, "a".repeat(64), "evil", "evil\u001b[2J.md");

        CliRun r = CliRun.of("list", "--kb", kb.root().toString());

        assertTrue(r.out().contains("evil\\x1b[2J.md"), r.out());
        assertTrue(!r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("explorations 0,"), r.out());
    }

    private static int count(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return (int) s.count();
        }
    }
}
