package dev.openkb.journal;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.KbTransaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The undo journal of one mutation: a write-ahead log of lazy before-images. On the first touch of a
 * path its before-image is recorded (a hard link to the old inode, safe because every writer
 * replaces files atomically; a copy where links are refused; or "absent") and the journal is
 * rewritten durably <em>before</em> the path changes. Cost is O(paths touched), whatever the KB's size.
 *
 * <p>Threading: confined to the mutation thread that holds the KB's exclusive lock; not thread-safe.
 * Temp files are created in this transaction's scratch folder inside its backup folder, so a crash
 * never leaves a temp file in the live KB. Folder syncs for changed entries are batched until
 * {@link #commit()} (file data is always forced before a rename).
 */
public final class JournaledTransaction implements KbTransaction {
    private final KbLayout layout;
    private final AtomicFiles files;
    private final JournalStore store;
    private final KbPathGuard guard;
    private final String id;
    private final String operation;
    private final Map<String, Object> details;
    private final Path backupDir;
    private final Map<Path, JournalEntry> entries = new LinkedHashMap<>();
    private final Set<Path> dirtyDirs = new LinkedHashSet<>();
    private final String created = Instant.now().toString();
    private JournalStatus status = JournalStatus.ACTIVE;
    private boolean journalWritten;
    private boolean commitMarkAttempted;
    private int seq;

    JournaledTransaction(KbLayout layout, AtomicFiles files, String id, String operation, Map<String, Object> details) {
        this.layout = layout;
        this.files = files;
        this.store = new JournalStore(layout, files);
        this.guard = new KbPathGuard(layout.root());
        this.id = id;
        this.operation = operation;
        this.details = Map.copyOf(details);
        this.backupDir = layout.stagingDir().resolve("rollback-" + id);
    }

    public String id() {
        return id;
    }

    public Path journalPath() {
        return store.pathOf(id);
    }

    public JournalStatus status() {
        return status;
    }

    /** True when a commit mark was being written when the transaction failed: it may be on disk. */
    public boolean commitMarkInDoubt() {
        return commitMarkAttempted && status != JournalStatus.COMMITTED;
    }

    @Override
    public Path kbRoot() {
        return layout.root();
    }

    @Override
    public List<Path> touchedPaths() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public void touch(Collection<Path> paths) throws IOException {
        requireActive();
        List<Path> fresh = new ArrayList<>();
        for (Path p : paths) {
            Path t = checkInside(p);
            for (Path a : missingAncestors(t)) {
                if (!entries.containsKey(a) && !fresh.contains(a)) {
                    fresh.add(a);
                }
            }
            if (!entries.containsKey(t) && !fresh.contains(t)) {
                fresh.add(t);
            }
        }
        List<JournalEntry> recorded = new ArrayList<>();
        for (Path t : fresh) {
            JournalEntry e = beforeImage(t);
            if (e != null) {
                recorded.add(e);
            }
        }
        appendDurably(recorded);
    }

    @Override
    public void write(Path target, byte[] data) throws IOException {
        write(target, new ByteArrayInputStream(data));
    }

    @Override
    public void write(Path target, InputStream in) throws IOException {
        Path t = prepareTarget(target);
        files.write(t, in, scratchDir(), false);
        dirtyDirs.add(t.getParent());
    }

    @Override
    public void publish(Path staged, Path target) throws IOException {
        Path t = prepareTarget(target);
        var keepMode = AtomicFiles.existingMode(t);
        // Staged files were written without fsync; their data must be durable before the rename
        // makes them visible (the rename could otherwise persist before the data).
        files.ops().syncFile(staged);
        if (keepMode != null) {
            files.ops().setPermissions(staged, keepMode);
        }
        try {
            files.ops().rename(staged, t);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            try (InputStream in = Files.newInputStream(staged)) {
                files.write(t, in, t.getParent(), false);
            }
            files.ops().delete(staged);
        }
        dirtyDirs.add(t.getParent());
    }

    @Override
    public void delete(Path target) throws IOException {
        Path t = checkInside(target);
        if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, t, "is a folder; use deleteTree");
        }
        touch(List.of(t));
        if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
            files.ops().delete(t);
            dirtyDirs.add(t.getParent());
        }
    }

    @Override
    public void deleteTree(Path dir) throws IOException {
        requireActive();
        Path t = checkInside(dir);
        if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!entries.containsKey(t)) {
            appendDurably(List.of(treeImage(t)));
        }
        files.deleteTree(t);
        dirtyDirs.add(t.getParent());
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Path t = checkInside(dir);
        touch(List.of(t));
        for (Path created : files.createDirectories(t)) {
            dirtyDirs.add(created.getParent());
        }
    }

    /**
     * The commit point: forces every changed folder, then durably marks the journal committed.
     * After this returns the mutation survives any crash; cleanup of the backup is best-effort.
     */
    public void commit() throws IOException {
        requireActive();
        for (Path d : dirtyDirs) {
            if (Files.isDirectory(d)) {
                files.ops().syncDirectory(d);
            }
        }
        if (journalWritten) {
            commitMarkAttempted = true;
            store.write(record(JournalStatus.COMMITTED));
        }
        status = JournalStatus.COMMITTED;
    }

    /** Deletes the backup folder and the journal of a finished transaction; failures leave work for recovery. */
    public void discard() throws IOException {
        files.deleteTree(backupDir);
        if (journalWritten) {
            store.delete(id);
        }
    }

    /**
     * Undoes every touched path, newest first, then marks the journal rolled back. Idempotent: a
     * crash half-way leaves the journal active and the next recovery runs the same steps again.
     */
    public void rollback() throws IOException {
        if (status == JournalStatus.COMMITTED) {
            throw new IllegalStateException("transaction " + id + " is committed");
        }
        if (commitMarkAttempted) {
            // The commit mark's write failed, but it may have reached the disk (its rename went
            // through, the folder sync did not): say "active" durably again before undoing anything,
            // or a crash during the undo would leave recovery keeping a half-undone mutation.
            store.write(record(JournalStatus.ACTIVE));
        }
        Rollback.apply(files, layout, record(JournalStatus.ACTIVE));
        if (journalWritten) {
            store.write(record(JournalStatus.ROLLED_BACK));
        }
        status = JournalStatus.ROLLED_BACK;
    }

    JournalRecord record(JournalStatus s) {
        return new JournalRecord(id, operation, s, layout.root(), backupDir, details, 0,
                new ArrayList<>(entries.values()), created, true);
    }

    private Path prepareTarget(Path target) throws IOException {
        Path t = checkInside(target);
        if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, t, "is a folder, not a file");
        }
        touch(List.of(t));
        for (Path created : files.createDirectories(t.getParent())) {
            dirtyDirs.add(created.getParent());
        }
        return t;
    }

    private void appendDurably(List<JournalEntry> recorded) throws IOException {
        if (recorded.isEmpty() && journalWritten) {
            return;
        }
        boolean backups = recorded.stream().anyMatch(e -> e.backup() != null);
        if (backups) {
            // Links to before-images must be durable before the journal that names them.
            files.ops().syncDirectory(backupDir);
        }
        for (JournalEntry e : recorded) {
            entries.put(e.target(), e);
        }
        // From here the journal may be on disk even if the write fails half-way (renamed, folder
        // not synced), so a rollback must rewrite and then delete it.
        journalWritten = true;
        try {
            store.write(record(JournalStatus.ACTIVE));
        } catch (IOException | RuntimeException e) {
            // Nothing has changed these paths yet (write-ahead): forget them, so the rollback does
            // not "restore" them — restoring a tree deletes it first, and that delete would not be
            // in the journal on disk if the restore then failed.
            recorded.forEach(r -> entries.remove(r.target()));
            throw e;
        }
    }

    private JournalEntry beforeImage(Path t) throws IOException {
        if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
            return new JournalEntry(t, null, layout.relative(t), null, EntryKind.ABSENT);
        }
        if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            return null; // an existing folder needs no before-image: only deleteTree removes folders
        }
        if (!Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, t, "not a regular file (symlink or device); refusing to change it");
        }
        Path b = nextBackupPath(t);
        files.linkOrCopy(t, b);
        return new JournalEntry(t, b, layout.relative(t), layout.relative(b), EntryKind.FILE);
    }

    /** A hard-linked copy of a tree about to be deleted, as it was before this transaction touched it. */
    private JournalEntry treeImage(Path t) throws IOException {
        Path b = nextBackupPath(t);
        List<Path> all;
        try (Stream<Path> s = Files.walk(t)) {
            all = s.toList();
        }
        Set<Path> skipDirs = new LinkedHashSet<>();
        for (Path p : all) {
            if (skipDirs.stream().anyMatch(p::startsWith)) {
                continue;
            }
            JournalEntry earlier = entries.get(p);
            Path dest = b.resolve(t.relativize(p).toString());
            if (earlier != null && earlier.kind() == EntryKind.ABSENT) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    skipDirs.add(p);
                }
                continue; // created by this transaction: not part of the before-image
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                files.ops().createDirectory(dest);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files.linkOrCopy(earlier != null && earlier.backup() != null ? earlier.backup() : p, dest);
            }
        }
        try (Stream<Path> s = Files.walk(b)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                files.ops().syncDirectory(d);
            }
        }
        return new JournalEntry(t, b, layout.relative(t), layout.relative(b), EntryKind.TREE);
    }

    private Path nextBackupPath(Path t) throws IOException {
        ensureBackupDir();
        return backupDir.resolve(String.format("%05d-%s", ++seq, t.getFileName()));
    }

    private Path scratchDir() throws IOException {
        ensureBackupDir();
        Path s = backupDir.resolve("tmp");
        if (!Files.isDirectory(s)) {
            files.ops().createDirectory(s);
        }
        return s;
    }

    private void ensureBackupDir() throws IOException {
        guard.requireReal(backupDir, false); // a planted .openkb/staging symlink must not receive our before-images
        if (!Files.isDirectory(backupDir)) {
            List<Path> created = files.createDirectories(backupDir);
            for (Path c : created) {
                files.ops().syncDirectory(c.getParent());
            }
        }
    }

    private List<Path> missingAncestors(Path t) {
        List<Path> out = new ArrayList<>();
        Path p = t.getParent();
        while (p != null && !p.equals(layout.root()) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            out.add(0, p);
            p = p.getParent();
        }
        return out;
    }

    /** Normalises {@code p} and refuses paths outside the KB or reached through a symlink. */
    private Path checkInside(Path p) {
        try {
            return guard.requireReal(p, false);
        } catch (UnsafePathException e) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, p, e.reason());
        }
    }

    private void requireActive() {
        if (status != JournalStatus.ACTIVE) {
            throw new IllegalStateException("transaction " + id + " is " + status.wire());
        }
    }
}
