package dev.openkb.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A staging folder's lease: an exclusive flock on {@code <staging>/.lease}, held by the batch that
 * owns the folder for as long as the folder is in use. The staging reaper removes only folders
 * whose lease it can take, so it never reclaims a live batch's staging, in this process or another,
 * while anything a crashed process left is reclaimed (the kernel drops flocks when a process dies).
 * Threading: a lease is released once, by its owner.
 */
public final class Lease implements AutoCloseable {
    public static final String FILE_NAME = ".lease";
    /** The name a lease file is created and locked under before it is renamed to {@link #FILE_NAME}. */
    public static final String NEW_FILE_NAME = FILE_NAME + ".new";
    /** A leased staging folder is renamed to this prefix + its name before it is removed; the reaper takes such folders at once. */
    public static final String TRASH_PREFIX = "trash-";
    private int fd;

    /**
     * The trash name of a staging folder: {@link #TRASH_PREFIX} + its name, or, when that would pass
     * the 255-byte file-name limit (a folder an older version named after a very long document),
     * the prefix + a hash of the name, so such a folder can still be removed.
     */
    public static String trashName(String folderName) {
        String plain = TRASH_PREFIX + folderName;
        if (plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255) {
            return plain;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(folderName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return TRASH_PREFIX + java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private Lease(int fd) {
        this.fd = fd;
    }

    /**
     * Takes the lease of {@code folder}: the lock is taken on a fresh file under a temporary name,
     * which is then renamed to {@code .lease}, so a {@code .lease} file is locked from the instant it
     * exists and a probe that finds one free knows its owner died. The temporary file does have a
     * moment between its creation and its lock; a reaper that claims it then (or removes the still
     * empty folder) makes this throw {@link LeaseLostException}, and the caller sets up again.
     */
    public static Lease take(Path folder) throws IOException {
        Path fresh = folder.resolve(NEW_FILE_NAME);
        Lease l;
        try {
            l = tryTake(fresh);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new LeaseLostException(folder, "the empty folder was removed before its lease file was created");
        }
        if (l == null) {
            throw new LeaseLostException(folder, "its new lease file is held by a reaper");
        }
        try {
            Files.move(fresh, folder.resolve(FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            // A reaper locked, removed and let go of the file between our open and our lock: our lock
            // is on an unlinked inode.
            l.close();
            throw new LeaseLostException(folder, "its new lease file was removed");
        } catch (IOException e) {
            // Left in place, unlocked: the reaper claims a free .lease.new at once.
            l.close();
            throw e;
        }
        return l;
    }

    /** Takes the lease file if free (creating it if absent); null when another holder has it. */
    public static Lease tryTake(Path leaseFile) throws IOException {
        return lockedOrNull(Flock.open(leaseFile));
    }

    /**
     * True when {@code folder} has a lease file that somebody holds right now. A probe never creates
     * the file: creating one in a folder whose owner is deleting it (the owner's lock is on the old,
     * unlinked inode) would make a live folder look free.
     */
    public static boolean isHeld(Path folder) throws IOException {
        int fd = Flock.openExisting(folder.resolve(FILE_NAME));
        if (fd < 0) {
            return false;
        }
        try {
            if (Flock.tryLock(fd, Flock.LOCK_EX)) {
                Flock.unlock(fd);
                return false;
            }
            return true;
        } finally {
            Flock.close(fd);
        }
    }

    /**
     * Claims a folder whose lease was being taken: its {@code .lease.new} exists but is not yet
     * {@code .lease}. If nobody holds it, its owner died between creating it and renaming it (or is,
     * right now, between opening and locking it: that owner's {@link #take} then throws
     * {@link LeaseLostException} and it sets up again). The caller removes the folder while holding
     * the claim.
     *
     * @return the claim, or null when the file is held (a live owner) or gone (renamed into place)
     */
    public static Lease claimUnfinished(Path folder) throws IOException {
        int fd = Flock.openExisting(folder.resolve(NEW_FILE_NAME));
        return fd < 0 ? null : lockedOrNull(fd);
    }

    /** Locks {@code fd} if nobody else holds it, else closes it: the lease, or null. */
    private static Lease lockedOrNull(int fd) throws IOException {
        if (!Flock.tryLock(fd, Flock.LOCK_EX)) {
            Flock.close(fd);
            return null;
        }
        return new Lease(fd);
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Flock.close(fd);
            fd = -1;
        }
    }
}
