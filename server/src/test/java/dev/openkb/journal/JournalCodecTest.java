package dev.openkb.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
    private static final Path OLD = Path.of("/old/kb");
    private static final Path NOW = Path.of("/now/kb");

    @Test
    void ourJournalRoundTripsAndFollowsAMovedKbThroughItsRelativePaths() {
        JournalRecord r = new JournalRecord("j1", "add", JournalStatus.COMMITTED, OLD, OLD.resolve(".openkb/staging/rollback-j1"),
                Map.of("doc_name", "paper"), 2,
                List.of(new JournalEntry(OLD.resolve("wiki/a.md"), OLD.resolve(".openkb/staging/rollback-j1/00001-a.md"),
                                "wiki/a.md", ".openkb/staging/rollback-j1/00001-a.md", EntryKind.FILE),
                        new JournalEntry(OLD.resolve("wiki/new"), null, "wiki/new", null, EntryKind.ABSENT)),
                "2026-12-07T00:00:00Z", true);

        JournalRecord back = JournalCodec.decode(JournalCodec.encode(r), "file-id", NOW);

        assertEquals("j1", back.id());
        assertEquals(JournalStatus.COMMITTED, back.status());
        assertEquals(NOW.resolve(".openkb/staging/rollback-j1"), back.backupDir());
        assertEquals(NOW.resolve("wiki/a.md"), back.entries().get(0).target());
        assertEquals(NOW.resolve(".openkb/staging/rollback-j1/00001-a.md"), back.entries().get(0).backup());
        assertEquals(EntryKind.ABSENT, back.entries().get(1).kind());
        assertNull(back.entries().get(1).backup());
        assertEquals(Map.of("doc_name", "paper"), back.details());
        assertEquals(2, back.attempts());
        assertTrue(back.ours());
    }

    @Test
    void readsOpenKbsJournalWithAbsolutePathsAndItsDefaults() {
        String openKb = """
                {"version": 1, "kb_dir": "/old/kb", "backup_dir": "/old/kb/.openkb/staging/rollback-x",
                 "details": {"doc_name": "paper", "note": null},
                 "entries": [{"target": "/old/kb/wiki/index.md", "backup": "/old/kb/.openkb/staging/rollback-x/index.md"},
                             {"target": "/old/kb/wiki/summaries/paper.md", "backup": null}]}
                """;

        JournalRecord r = JournalCodec.decode(openKb, "from-file-name", NOW);

        assertEquals("from-file-name", r.id(), "OpenKB's journals are named by their file");
        assertEquals("mutation", r.operation());
        assertEquals(JournalStatus.ACTIVE, r.status(), "a missing status counts as active, as OpenKB reads it");
        assertEquals(0, r.attempts());
        assertEquals(Map.of("doc_name", "paper"), r.details(), "null details are dropped");
        assertNull(r.created());
        assertFalse(r.ours());
        assertEquals(NOW.resolve(".openkb/staging/rollback-x"), r.backupDir());
        assertEquals(NOW.resolve("wiki/index.md"), r.entries().get(0).target());
        assertEquals(NOW.resolve(".openkb/staging/rollback-x/index.md"), r.entries().get(0).backup());
        assertNull(r.entries().get(1).backup());
        assertNull(r.entries().get(1).kind(), "OpenKB records no kinds");
    }

    @Test
    void aJournalWithoutEntriesHasNothingToUndo() {
        JournalRecord r = JournalCodec.decode("{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"status\": \"rolled_back\","
                + " \"details\": [1], \"attempts\": \"three\"}", "f", NOW);
        assertEquals(List.of(), r.entries());
        assertEquals(JournalStatus.ROLLED_BACK, r.status());
        assertEquals(Map.of(), r.details(), "details that are not an object are ignored");
        assertEquals(0, r.attempts(), "a non-numeric attempt count starts again at 0");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "'   '| empty journal file",
        "{not json| not valid JSON",
        "{\"backup_dir\": \"/old/kb/.openkb/staging/b\"}| missing kb_dir or backup_dir",
        "{\"kb_dir\": 7, \"backup_dir\": \"/old/kb/.openkb/staging/b\"}| missing kb_dir or backup_dir",
        "{\"kb_dir\": \"/old/kb\"}| missing kb_dir or backup_dir",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": {}}| entries is not a list",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [1]}| an entry is not an object",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"backup\": \"/old/kb/.openkb/staging/b/1\"}]}| an entry has no target",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/etc/passwd\"}]}| path is outside the journal's kb_dir: /etc/passwd",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb\"}]}| path is outside the journal's kb_dir: /old/kb",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/elsewhere\", \"entries\": []}| path is outside the journal's kb_dir: /elsewhere",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/x\", \"rel\": \"../../etc/passwd\"}]}| path leaves the KB: ../../etc/passwd",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/x\", \"rel\": \".\"}]}| path leaves the KB: .",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/x\", \"backup\": \"/old/kb/.openkb/staging/b/1\", \"backup_rel\": \"../b\"}]}| path leaves the KB: ../b",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"backup_dir_rel\": \"../../somewhere\", \"status\": \"committed\"}| path leaves the KB: ../../somewhere",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"backup_dir_rel\": \"/home\", \"status\": \"committed\"}| path leaves the KB: /home",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"backup_dir_rel\": \"wiki\", \"status\": \"committed\"}| backup folder is not a folder of .openkb/staging: wiki",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging\", \"status\": \"committed\"}| backup folder is not a folder of .openkb/staging: .openkb/staging",
        "{\"kb_dir\": \"/\", \"backup_dir\": \"/home\", \"status\": \"committed\"}| backup folder is not a folder of .openkb/staging: home",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/.openkb/journal\"}]}| an entry targets the engine's own state: .openkb/journal",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/.openkb/ingest.lock\"}]}| an entry targets the engine's own state: .openkb/ingest.lock",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/x\", \"backup\": \"/old/kb/wiki/index.md\"}]}| a backup lies outside the journal's backup folder: wiki/index.md",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"wiki/x\"}]}| path is outside the journal's kb_dir: wiki/x",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/x\", \"backup\": \"/tmp/1\"}]}| path is outside the journal's kb_dir: /tmp/1",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"entries\": [{\"target\": \"/old/kb/x\", \"kind\": \"symlink\"}]}| unknown entry kind 'symlink'",
        "{\"kb_dir\": \"/old/kb\", \"backup_dir\": \"/old/kb/.openkb/staging/b\", \"status\": \"half-done\"}| unknown journal status 'half-done'",
    })
    void refusesAJournalItCannotSafelyUndoAndSaysWhy(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalCodec.decode(text, "f", NOW));
        assertTrue(e.getMessage().startsWith(reason), () -> "expected '" + reason + "', got '" + e.getMessage() + "'");
    }
}
