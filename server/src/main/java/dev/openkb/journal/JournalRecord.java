package dev.openkb.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The content of one journal file, in memory. Field names on disk are OpenKB's version-1 names
 * ({@code version, operation, status, kb_dir, backup_dir, details, attempts, entries[{target, backup}]})
 * plus ours ({@code id, created, writer, backup_dir_rel, entries[].rel, .backup_rel, .kind}).
 *
 * @param created ISO-8601 instant, or null for OpenKB's journals (which have none)
 * @param ours    true when this engine wrote it (entries carry kind and relative paths)
 */
public record JournalRecord(String id, String operation, JournalStatus status, Path kbDir, Path backupDir,
                            Map<String, Object> details, int attempts, List<JournalEntry> entries,
                            String created, boolean ours) {
    public JournalRecord {
        details = Map.copyOf(details);
        entries = List.copyOf(entries);
    }

    public JournalRecord withStatus(JournalStatus s) {
        return new JournalRecord(id, operation, s, kbDir, backupDir, details, attempts, entries, created, ours);
    }

    public JournalRecord withAttempts(int a) {
        return new JournalRecord(id, operation, status, kbDir, backupDir, details, a, entries, created, ours);
    }

    public JournalRecord withEntries(List<JournalEntry> e) {
        return new JournalRecord(id, operation, status, kbDir, backupDir, details, attempts, e, created, ours);
    }
}
