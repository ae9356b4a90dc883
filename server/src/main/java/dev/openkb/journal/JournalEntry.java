package dev.openkb.journal;

import java.nio.file.Path;

/**
 * One touched path and its before-image. {@code target}/{@code backup} are absolute (OpenKB's fields);
 * {@code rel}/{@code backupRel} are KB-relative so a moved KB still recovers.
 *
 * @param backup null when the path was absent
 */
public record JournalEntry(Path target, Path backup, String rel, String backupRel, EntryKind kind) {
}
