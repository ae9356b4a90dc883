package dev.openkb.client.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.Results.PassageRange;
import dev.openkb.client.protocol.Results.QuerySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitedPageTest {
    @TempDir
    Path dir;

    private Path kb() throws Exception {
        Path kb = dir.resolve("kb");
        Files.createDirectories(kb.resolve(".openkb"));
        Files.createDirectories(kb.resolve("wiki/concepts"));
        Files.createDirectories(kb.resolve("wiki/sources"));
        Files.writeString(kb.resolve("wiki/concepts/attention.md"), "# Attention\n");
        Files.writeString(kb.resolve("wiki/sources/book.json"), "[\n  {\n    \"page\": 1,\n    \"content\": \"a\"\n  },\n"
                + "  {\n    \"page\": 12,\n    \"content\": \"b\"\n  }\n]\n");
        Files.writeString(kb.resolve(".openkb/config.yaml"), "model: offline\n");
        return kb;
    }

    private static QuerySource source(String page, PassageRange range) {
        return new QuerySource(page, "T", null, 1.0, "s", range);
    }

    @Test
    void aCitedPageOpensAtTheStartOfItsRange() throws Exception {
        Path kb = kb();
        Optional<CitedPage> p = CitedPage.of(kb, source("concepts/attention", new PassageRange(4, 7, 0)));
        assertEquals(Optional.of(new CitedPage(kb.resolve("wiki/concepts/attention.md").toRealPath(), 4, 0)), p);
        assertEquals(6, CitedPage.of(kb, source("sources/book", new PassageRange(0, 0, 12))).orElseThrow().line(),
                "a PDF page opens where its entry starts in the per-page JSON");
        assertEquals(0, CitedPage.of(kb, source("concepts/attention", null)).orElseThrow().line());
        assertEquals(kb.resolve("wiki/sources/book.json").toRealPath(), CitedPage.of(kb, source("sources/book", null)).orElseThrow().file());
    }

    @Test
    void pathsThatLeaveTheWikiOrNameNoPageOpenNothing() throws Exception {
        Path kb = kb();
        for (String page : new String[] {"../.openkb/config", "/etc/passwd", "concepts/../../.openkb/config", "concepts",
                "a\\b", "", "concepts//attention", "concepts/missing"}) {
            assertTrue(CitedPage.of(kb, source(page, null)).isEmpty(), page);
        }
    }

    @Test
    void aSymlinkOutOfTheWikiOpensNothing() throws Exception {
        Path kb = kb();
        Path secret = Files.writeString(dir.resolve("secret.md"), "secret");
        Files.createSymbolicLink(kb.resolve("wiki/concepts/leak.md"), secret);
        Files.createSymbolicLink(kb.resolve("wiki/concepts/alias.md"), kb.resolve("wiki/concepts/attention.md"));
        assertTrue(CitedPage.of(kb, source("concepts/leak", null)).isEmpty());
        assertEquals(kb.resolve("wiki/concepts/attention.md").toRealPath(),
                CitedPage.of(kb, source("concepts/alias", null)).orElseThrow().file());
    }
}
