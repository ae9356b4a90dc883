package dev.openkb.search;

import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
    @TempDir
    Path tmp;
    KbLayout kb;

    @BeforeEach
    void kb() throws Exception {
        kb = Fixtures.kb(tmp.resolve("kb"));
        write(kb.summary("gardening"), "---\ntype: \"Summary\"\ndescription: \"How to grow tomatoes in pots.\"\n---\n\n"
                + "# Gardening notes\n\nWater the plants every morning.\n");
        String filler = "Notes from the allotment about soil, light and patience. ".repeat(6);
        write(kb.sourceMd("gardening"), "# Gardening notes\n\nIntro line.\n\n## Watering\n\nTomatoes need watering daily in summer. "
                + filler + "\n\n## Pruning\n\nRemove the side shoots of tomato plants weekly. " + filler + "\n");
        write(kb.concept("photosynthesis"), "---\ntype: \"Concept\"\ndescription: \"Light into sugar.\"\n---\n\n# Photosynthesis\n\n"
                + "Green plants turn light into chemical energy.\n");
        write(kb.summary("astronomy"), "# Astronomy\n\nThe planets orbit the sun; photosynthesis is mentioned once here.\n");
    }

    private List<SearchHit> search(SearchIndex index, String q) {
        return index.search(SearchQuery.parse(q), 5);
    }

    private static List<String> pages(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::page).toList();
    }

    @Test
    void findsPagesByStemmedWordsAndRanksATitleMatchFirst() {
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertEquals("no search index yet", index.lastOpen().rebuilt());
            assertEquals(List.of("concepts/photosynthesis", "summaries/astronomy"), pages(search(index, "What is photosynthesis?")));
            assertTrue(pages(search(index, "how often should I water tomatoes")).contains("sources/gardening"),
                    "watering/watered/water share the Porter stem");
        }
    }

    @Test
    void aSourcePassageCarriesItsExactLineRange() throws Exception {
        try (SearchIndex index = SearchIndex.open(kb)) {
            SearchHit hit = search(index, "side shoots pruning").get(0);
            assertEquals("sources/gardening", hit.page());
            assertEquals("sources/gardening.md", hit.file());
            List<String> lines = Files.readAllLines(kb.sourceMd("gardening"));
            String passage = String.join("\n", lines.subList(hit.range().startLine(), hit.range().endLine()));
            assertTrue(passage.startsWith("## Pruning") && passage.contains("side shoots"), passage);
            assertFalse(passage.contains("Watering"), passage);
            assertTrue(hit.snippet().contains("side shoots"), hit.snippet());
        }
    }

    @Test
    void phraseAndPrefixQueries() {
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertEquals(List.of("concepts/photosynthesis"), pages(search(index, "\"chemical energy\"")));
            assertTrue(search(index, "\"energy chemical\"").isEmpty(), "a phrase must appear in order");
            assertEquals(List.of("summaries/astronomy"), pages(search(index, "planet*")));
        }
    }

    @Test
    void userTextIsNeverParsedAsFtsSyntax() {
        try (SearchIndex index = SearchIndex.open(kb)) {
            for (String q : List.of("NEAR(a b)", "title: tomatoes", "\"unbalanced", "AND OR NOT", "*", "-- ; DROP TABLE files")) {
                search(index, q); // answers (possibly nothing) instead of an FTS5 syntax error
            }
            assertEquals("sources/gardening", search(index, "body: side shoots").get(0).page());
        }
    }

    @Test
    void updateFromTouchedPathsAddsChangesAndDropsPages() throws Exception {
        try (SearchIndex index = SearchIndex.open(kb)) {
            write(kb.entity("volcano"), "# Volcano\n\nMagma erupts from a volcano.\n");
            index.update(List.of(kb.entity("volcano"), kb.logMd(), kb.indexMd()));
            assertEquals(List.of("entities/volcano"), pages(search(index, "magma")));

            Files.delete(kb.entity("volcano"));
            index.update(List.of(kb.entity("volcano")));
            assertTrue(search(index, "magma").isEmpty());
        }
    }

    @Test
    void aCommitTheIndexMissedIsHealedWhenTheIndexIsOpenedAgain() throws Exception {
        SearchIndex.open(kb).close();
        // A commit whose process died before its index update: the page changed, the index did not hear of it.
        write(kb.concept("photosynthesis"), "# Photosynthesis\n\nChlorophyll absorbs red and blue light.\n");
        Files.delete(kb.summary("astronomy"));
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertNull(index.lastOpen().rebuilt());
            assertEquals(1, index.lastOpen().indexed());
            assertEquals(1, index.lastOpen().removed());
            assertEquals(List.of("concepts/photosynthesis"), pages(search(index, "chlorophyll")));
            assertTrue(search(index, "planets").isEmpty());
        }
    }

    @Test
    void aRunningIndexSeesAnotherProcessesCommitBeforeTheNextQuery() throws Exception {
        try (SearchIndex index = SearchIndex.open(kb)) {
            write(kb.concept("erosion"), "# Erosion\n\nRivers carve canyons.\n");
            index.refreshIfChanged();
            assertEquals(List.of("concepts/erosion"), pages(search(index, "canyons")));
        }
    }

    @Test
    void aDeletedIndexIsRebuiltOnTheNextQuery() throws Exception {
        try (SearchIndex index = SearchIndex.open(kb)) {
            Files.delete(index.path());
            index.refreshIfChanged();
            assertEquals("no search index yet", index.lastOpen().rebuilt());
            assertEquals(List.of("concepts/photosynthesis", "summaries/astronomy"), pages(search(index, "photosynthesis")));
        }
    }

    @Test
    void garbageInPlaceOfTheIndexIsRebuilt() throws Exception {
        Files.writeString(kb.openkbDir().resolve("search.db"), "this is not a database, just text ".repeat(200));
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertTrue(index.lastOpen().rebuilt().startsWith("damaged") || index.lastOpen().rebuilt().startsWith("not an OpenKB"),
                    index.lastOpen().rebuilt());
            assertEquals(4, index.fileCount());
        }
    }

    @Test
    void aDatabaseWithAnotherSchemaOrVersionIsRebuilt() throws Exception {
        Path db = kb.openkbDir().resolve("search.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE files(x)");
            }
        }
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertTrue(index.lastOpen().rebuilt().contains("not an OpenKB search index"), index.lastOpen().rebuilt());
        }
        // Ours, but with a trigger someone added: not exactly our schema, so rebuilt.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER t AFTER INSERT ON files BEGIN DELETE FROM rows; END");
        }
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertEquals("unexpected schema", index.lastOpen().rebuilt());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=" + (SearchSchema.VERSION + 1));
        }
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertTrue(index.lastOpen().rebuilt().startsWith("search index version"), index.lastOpen().rebuilt());
            assertEquals(4, index.fileCount());
        }
    }

    @Test
    void aPlantedSymlinkIsUnlinkedAndItsTargetLeftAlone() throws Exception {
        Path outside = Files.writeString(tmp.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(kb.openkbDir().resolve("search.db"), outside);
        Files.createSymbolicLink(kb.openkbDir().resolve("search.db-journal"), tmp.resolve("journal-victim"));
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertNotNull(index.lastOpen().rebuilt());
            assertFalse(Files.isSymbolicLink(index.path()));
            assertTrue(Files.isRegularFile(index.path()));
            assertEquals(4, index.fileCount());
        }
        assertEquals("precious", Files.readString(outside, StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("journal-victim")));
    }

    @Test
    void aSymlinkedPageIsNotReadThrough() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.md"), "# Secret\n\nThe launch code is swordfish.\n");
        Files.createSymbolicLink(kb.concept("leak"), secret);
        try (SearchIndex index = SearchIndex.open(kb)) {
            assertTrue(search(index, "swordfish").isEmpty());
        }
    }
}
