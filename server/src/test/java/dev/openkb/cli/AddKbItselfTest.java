package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb add} never ingests the KB's own raw/, wiki/ or .openkb/ (issue 14.6). */
class AddKbItselfTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void addingTheKbRootAddsTheUsersFilesAndSkipsTheKbsOwnFolders() throws Exception {
        Path kb = dir.resolve("kb");
        assertEquals(0, run("init", kb.toString()).code());
        Fixtures.write(kb.resolve("notes/transformers.md"), "# Transformers\n\nAttention is all you need.\n");

        CliRun add = run("add", "--kb", kb.toString(), kb.toString()); // what `add .` at the KB root does
        assertEquals(0, add.code(), add.err());
        assertTrue(add.err().contains("[SKIP] " + kb.resolve("raw") + ": part of the knowledge base itself"), add.err());
        assertTrue(add.err().contains("[SKIP] " + kb.resolve("wiki") + ": part of the knowledge base itself"), add.err());
        assertTrue(add.err().contains("[SKIP] " + kb.resolve(".openkb") + ": part of the knowledge base itself"), add.err());
        try (var raw = Files.list(kb.resolve("raw"))) {
            assertEquals(java.util.List.of("transformers.md"), raw.map(p -> p.getFileName().toString()).toList(),
                    "only the user's note was ingested, not index.md, log.md or AGENTS.md");
        }

        CliRun again = run("add", "--kb", kb.toString(), kb.toString());
        assertEquals(0, again.code(), again.err());
        try (var raw = Files.list(kb.resolve("raw"))) {
            assertEquals(1, raw.count(), "raw/transformers.md was not added as a document of its own");
        }
    }

    @Test
    void aKbPageNamedDirectlyIsSkippedWithTheReason() {
        Path kb = dir.resolve("kb");
        assertEquals(0, run("init", kb.toString()).code());
        CliRun add = run("add", "--kb", kb.toString(), kb.resolve("wiki/index.md").toString());
        assertEquals(0, add.code(), add.err());
        assertTrue(add.err().contains("part of the knowledge base itself"), add.err());
        assertFalse(Files.exists(kb.resolve("raw/index.md")));
    }
}
