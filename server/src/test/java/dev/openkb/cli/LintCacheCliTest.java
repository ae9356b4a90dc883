package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb lint} as a user runs it, twice: the second run is served by the parse cache and says the same. */
class LintCacheCliTest {
    @TempDir
    Path dir;

    @Test
    void aRepeatedLintReportsTheSameAndSeesASameSizeEdit() throws Exception {
        var kb = Fixtures.kb(dir.resolve("kb"));
        Path page = Fixtures.write(kb.concept("a"), "---\ntype: \"Concept\"\ndescription: \"A\"\n---\n\nSee [[concepts/missing]].\n");
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(page, hourAgo);

        CliRun first = CliRun.of("lint", "--kb", kb.root().toString(), "--no-report");
        Path cache = kb.openkbDir().resolve("cache/lint-parse.bin");
        assertTrue(Files.isRegularFile(cache), "the first lint leaves its parse cache");
        CliRun second = CliRun.of("lint", "--kb", kb.root().toString(), "--no-report");
        assertEquals(first.out(), second.out());
        assertEquals(1, second.code());
        assertTrue(second.out().contains("concepts/missing"), second.out());

        Files.writeString(page, Files.readString(page).replace("missing", "mi55ing"));
        Files.setLastModifiedTime(page, FileTime.from(hourAgo.toInstant().plusSeconds(1)));
        CliRun edited = CliRun.of("lint", "--kb", kb.root().toString(), "--no-report");
        assertTrue(edited.out().contains("concepts/mi55ing") && !edited.out().contains("concepts/missing"), edited.out());

        Files.delete(cache);
        assertEquals(edited.out(), CliRun.of("lint", "--kb", kb.root().toString(), "--no-report").out(),
                "deleting the cache changes nothing but the time");
    }
}
