package dev.openkb.journal;

import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.Lease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reclaims what hard kills leave in {@code .openkb/staging/}: {@code rollback-<id>} folders whose
 * journal is gone, and prepare folders ({@code add-*}, or any other) whose lease nobody holds.
 * A folder without a lease file (OpenKB's, or one of ours being deleted by its owner) is reclaimed
 * only once older than a grace period. A hidden folder being set up is decided by its lease file's
 * lock, or, while still empty, reclaimed at once (its owner, if alive, sets up again); a
 * {@code trash-*} folder (ours, renamed for removal) as soon as nobody holds its lease. Runs under
 * the exclusive KB lock, after {@link Recovery} checked that {@code .openkb/staging} is a real folder
 * (not a symlink out of the KB). A symlink planted in it is never ours: the link itself is deleted
 * at once, and nothing is ever opened or deleted through it. Stateless.
 */
final class StagingReaper {
    static final Duration UNLEASED_GRACE = Duration.ofMinutes(10);

    private final KbLayout layout;
    private final AtomicFiles files;

    StagingReaper(KbLayout layout, AtomicFiles files) {
        this.layout = layout;
        this.files = files;
    }

    /**
     * What one run reclaimed.
     *
     * @param total     everything removed: folders, and symlinks planted in staging
     * @param abandoned the folders a process that died left behind (its lease file present and free, a
     *                  rollback folder whose journal is gone, an unleased folder past the grace period):
     *                  the ones worth a warning. Set-up folders claimed mid-race, trash a live owner is
     *                  still deleting and planted symlinks are removed without one.
     */
    record Reaped(int total, int abandoned) {
    }

    /** Reclaims what is safe to; errors are added to {@code errors}. */
    Reaped reap(List<String> errors) {
        Path staging = layout.stagingDir();
        if (!Files.isDirectory(staging)) {
            return new Reaped(0, 0);
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(staging)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            errors.add("Cannot list " + staging + ": " + e.getMessage());
            return new Reaped(0, 0);
        }
        int reclaimed = 0;
        int abandoned = 0;
        for (Path c : children) {
            try {
                if (Files.isSymbolicLink(c)) {
                    files.ops().delete(c); // unlink(2) removes the link, never its target
                    reclaimed++;
                    continue;
                }
                boolean hidden = c.getFileName().toString().startsWith(".") && Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS);
                // Judged before removal: afterwards there is no lease file left to tell by.
                boolean leftByTheDead = leftByADeadProcess(c);
                if (hidden ? reapHidden(c) : shouldReap(c) && remove(c)) {
                    reclaimed++;
                    if (leftByTheDead) {
                        abandoned++;
                    }
                }
            } catch (java.nio.file.NoSuchFileException vanished) {
                // Renamed into place or removed by its owner since the listing: not ours to reclaim.
            } catch (IOException e) {
                errors.add("Cannot reclaim staging folder " + c + ": " + e.getMessage());
            }
        }
        return new Reaped(reclaimed, abandoned);
    }

    /**
     * Whether {@code c}, if it is reclaimed, was left by a process that died: it holds a lease file
     * (free, or it would not be reclaimed: the kernel drops a dead process's flock), or it is a
     * rollback folder or an unleased folder (OpenKB leases nothing), which only a crash leaves for the
     * reaper. An empty set-up folder, one with only {@code .lease.new}, and trash without its lease
     * file may belong to a live owner between two steps: they are reclaimed without a warning.
     */
    private static boolean leftByADeadProcess(Path c) {
        if (!Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String name = c.getFileName().toString();
        if (Files.exists(c.resolve(Lease.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (name.startsWith(".") || name.startsWith(Lease.TRASH_PREFIX)) {
            return false;
        }
        return true; // rollback-*, or unleased past the grace period
    }

    /**
     * Renames a folder about to be deleted to {@code trash-<name>}: deleting it removes its lease
     * file early, and a crash after that would leave an unleased folder that must be spared for the
     * grace period; a trash folder is taken at once.
     */
    private Path toTrash(Path c) throws IOException {
        String name = c.getFileName().toString();
        Path trash = c.resolveSibling(Lease.trashName(name));
        if (name.startsWith(Lease.TRASH_PREFIX) || !Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(trash, LinkOption.NOFOLLOW_LINKS)) {
            return c;
        }
        files.ops().rename(c, trash);
        // Durable before the lease file goes: after a power cut the folder must not come back under
        // its own name without its lease (an unleased folder is spared for the grace period).
        files.ops().syncDirectory(c.getParent());
        return trash;
    }

    /**
     * A hidden folder is one of ours being set up: created, its lease file created and locked as
     * {@code .lease.new}, renamed to {@code .lease}, then the folder renamed into place. Each stage is
     * decided by what its owner holds, never by age, so a kill at any step leaves nothing for the
     * grace period; a live owner that loses its folder between two steps gets
     * {@code LeaseLostException} and sets up again under a new name. Returns true when reclaimed.
     */
    private boolean reapHidden(Path c) throws IOException {
        if (Files.exists(c.resolve(Lease.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            return !Lease.isHeld(c) && remove(c);
        }
        if (Files.exists(c.resolve(Lease.NEW_FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            // Free means its owner died, or is between opening and locking it and now loses it.
            try (Lease claim = Lease.claimUnfinished(c)) {
                return claim != null && remove(c);
            }
        }
        if (isEmpty(c)) {
            // Killed before its lease file existed. rmdir fails once the owner has created it.
            try {
                files.ops().delete(c);
                return true;
            } catch (java.nio.file.DirectoryNotEmptyException justLeased) {
                return false; // decided on the next run, by its lease
            }
        }
        return olderThanGrace(c) && remove(c); // content but no lease file: not ours to judge early
    }

    private boolean remove(Path c) throws IOException {
        files.deleteTree(toTrash(c));
        return true;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private boolean shouldReap(Path c) throws IOException {
        String name = c.getFileName().toString();
        if (name.startsWith("rollback-")) {
            String id = name.substring("rollback-".length());
            return !Files.exists(layout.journalDir().resolve(id + ".json"));
        }
        if (name.startsWith(Lease.TRASH_PREFIX)) {
            return !Lease.isHeld(c); // being removed: by a live owner while it holds the lease, else by us
        }
        if (!Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
            return olderThanGrace(c);
        }
        if (Files.exists(c.resolve(Lease.FILE_NAME))) {
            return !Lease.isHeld(c) && Files.exists(c.resolve(Lease.FILE_NAME));
        }
        return olderThanGrace(c);
    }

    private static boolean olderThanGrace(Path p) throws IOException {
        Instant m = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        return m.isBefore(Instant.now().minus(UNLEASED_GRACE));
    }
}
