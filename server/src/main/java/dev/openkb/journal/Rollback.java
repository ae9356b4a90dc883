package dev.openkb.journal;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Restores the before-images of one journal. Used both by a live transaction that fails and by
 * recovery after a crash, so it reads only the record, never in-memory state. Every step is
 * idempotent (restores go through a fresh link plus an atomic rename, and the backup is kept until
 * the journal is discarded), so a crash during rollback is repaired by running it again.
 *
 * <p>The record may come from a planted journal: every path is checked before anything changes
 * ({@link JournalPaths}) and each step checks its own paths again right before it acts, so a folder
 * swapped for a symlink meanwhile stops the rollback with {@code UnsafePathException} instead of
 * deleting or writing through the link. Symlinks inside a backup tree are not restored. Stateless.
 */
final class Rollback {
    private Rollback() {
    }

    static void apply(AtomicFiles files, KbLayout layout, JournalRecord r) throws IOException {
        KbPathGuard guard = new KbPathGuard(layout.root());
        JournalPaths.check(guard, r);
        Set<Path> dirty = new LinkedHashSet<>();
        for (JournalEntry e : order(r)) {
            restore(files, guard, r, e, dirty);
        }
        for (Path d : dirty) {
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                files.ops().syncDirectory(d);
            }
        }
    }

    /** Ours: newest first (reverse touch order). OpenKB's: deepest first, as its own recovery does. */
    static List<JournalEntry> order(JournalRecord r) {
        List<JournalEntry> list = new ArrayList<>(r.entries());
        if (r.ours()) {
            java.util.Collections.reverse(list);
        } else {
            list.sort(Comparator.comparingInt((JournalEntry e) -> e.target().getNameCount()).reversed());
        }
        return list;
    }

    private static void restore(AtomicFiles files, KbPathGuard guard, JournalRecord r, JournalEntry e, Set<Path> dirty)
            throws IOException {
        // At use time: the journal was checked when read, but its folders may have changed since.
        Path target = guard.requireReal(e.target(), true);
        if (e.backup() != null) {
            guard.requireReal(e.backup(), false);
        }
        EntryKind kind = e.kind() != null ? e.kind() : inferKind(e);
        requireBeforeImage(e, kind);
        dirty.add(target.getParent());
        // A write interrupted in its cross-device fallback leaves its temp beside the target.
        files.deleteTempsBeside(target);
        switch (kind) {
            case ABSENT -> files.deleteTree(target);
            case FILE -> {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    files.deleteTree(target);
                }
                files.createDirectories(target.getParent());
                Path scratch = guard.requireReal(r.backupDir().resolve("tmp"), false);
                files.createDirectories(scratch);
                Path tmp = AtomicFiles.tempName(scratch, target);
                files.linkOrCopy(e.backup(), tmp);
                files.ops().rename(tmp, target);
            }
            case TREE -> {
                files.deleteTree(target);
                rebuildTree(files, e.backup(), target, dirty);
            }
        }
    }

    private static EntryKind inferKind(JournalEntry e) throws IOException {
        if (e.backup() == null) {
            return EntryKind.ABSENT;
        }
        if (Files.isDirectory(e.backup(), LinkOption.NOFOLLOW_LINKS)) {
            return EntryKind.TREE;
        }
        if (Files.isRegularFile(e.backup(), LinkOption.NOFOLLOW_LINKS)) {
            return EntryKind.FILE;
        }
        throw new NoSuchFileException(e.backup().toString(), null, "before-image missing; cannot restore " + e.target());
    }

    /**
     * Checked before anything is deleted: restoring a file or tree removes what stands there first,
     * so a damaged journal whose before-image is gone must fail with the KB untouched, not half-way.
     */
    private static void requireBeforeImage(JournalEntry e, EntryKind kind) throws IOException {
        if (kind == EntryKind.FILE && (e.backup() == null || !Files.isRegularFile(e.backup(), LinkOption.NOFOLLOW_LINKS))) {
            throw new NoSuchFileException(String.valueOf(e.backup()), null, "before-image missing; cannot restore " + e.target());
        }
        if (kind == EntryKind.TREE && (e.backup() == null || !Files.isDirectory(e.backup(), LinkOption.NOFOLLOW_LINKS))) {
            throw new NoSuchFileException(String.valueOf(e.backup()), null, "before-image tree missing; cannot restore " + e.target());
        }
    }

    private static void rebuildTree(AtomicFiles files, Path backup, Path target, Set<Path> dirty) throws IOException {
        files.createDirectories(target.getParent());
        List<Path> all;
        try (Stream<Path> s = Files.walk(backup)) {
            all = s.toList();
        }
        for (Path b : all) {
            Path dest = target.resolve(backup.relativize(b).toString());
            if (Files.isDirectory(b, LinkOption.NOFOLLOW_LINKS)) {
                files.ops().createDirectory(dest);
                dirty.add(dest);
            } else if (Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)) {
                files.linkOrCopy(b, dest);
            }
            // Anything else (a symlink planted in a backup tree) is left out: our before-images
            // hold only folders and regular files, and a restored link could point out of the KB.
        }
    }
}
