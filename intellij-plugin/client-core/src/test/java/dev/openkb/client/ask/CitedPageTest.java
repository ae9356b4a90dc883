package dev.openkb.client.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.Results.Position;
import dev.openkb.client.protocol.Results.QuerySource;
import dev.openkb.client.protocol.Results.Range;
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
        Files.writeString(kb.resolve("wiki/sources/book.json"), "[]");
        Files.writeString(kb.resolve(".openkb/config.yaml"), "model: offline\n");
        return kb;
    }

    private static QuerySource source(String page, Range range) {
        return new QuerySource(page, "T", null, 1.0, "s", range);
    }

    @Test
    void aCitedPageOpensAtTheStartOfItsRange() throws Exception {
        Path kb = kb();
        Optional<CitedPage> p = CitedPage.of(kb, source("concepts/attention", new Range(new Position(4, 2), new Position(6, 0))));
        assertEquals(Optional.of(new CitedPage(kb.resolve("wiki/concepts/attention.md").toRealPath(), 4, 2)), p);
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
