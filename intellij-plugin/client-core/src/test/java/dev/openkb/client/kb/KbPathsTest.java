package dev.openkb.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbPathsTest {
    @TempDir
    Path tmp;

    @Test
    void theNearestFolderWithDotOpenkbIsTheKb() throws Exception {
        Path kb = Files.createDirectories(tmp.resolve("kb"));
        Files.createDirectories(kb.resolve(".openkb"));
        Path page = Files.createDirectories(kb.resolve("wiki/concepts")).resolve("a.md");
        Files.writeString(page, "# A\n");
        assertEquals(Optional.of(kb), KbPaths.kbRoot(page));
        assertEquals(Optional.of(kb), KbPaths.kbRoot(kb));
        assertEquals(Optional.empty(), KbPaths.kbRoot(tmp));
    }

    @Test
    void onlyMarkdownUnderWikiIsAWikiPage() throws Exception {
        Path kb = tmp.resolve("kb");
        Files.createDirectories(kb.resolve(".openkb"));
        Files.createDirectories(kb.resolve("wiki"));
        Files.createDirectories(kb.resolve("raw"));
        assertTrue(KbPaths.isWikiPage(Files.writeString(kb.resolve("wiki/index.md"), "")));
        assertFalse(KbPaths.isWikiPage(Files.writeString(kb.resolve("raw/notes.md"), "")));
        assertFalse(KbPaths.isWikiPage(Files.writeString(kb.resolve("wiki/data.json"), "")));
        assertFalse(KbPaths.isWikiPage(Files.writeString(tmp.resolve("loose.md"), "")));
    }
}
