package dev.openkb.add;

import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.DocNames;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.Lease;
import dev.openkb.lock.LeaseLostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One file's private staging folder, {@code .openkb/staging/add-<safe-stem>-<8hex>/} (OpenKB's
 * naming), leased for as long as this object is open so the staging reaper never takes it, and
 * removed on close. The folder is mode 700 where the file system has modes, so what a converter
 * writes into it (a copy of a private document, its text) is never readable by others before it is
 * published with the document's own modes. Doc names are at most {@link DocNames#MAX_NAME_BYTES}
 * bytes, so the folder's names ({@code .add-*}, {@code add-*}, {@code trash-add-*}) fit the 255-byte
 * limit. Created by a prepare worker, closed by the batch coordinator.
 */
final class StagingArea implements AutoCloseable {
    private final Path dir;
    private final Lease lease;
    private final AtomicFiles files;

    private StagingArea(Path dir, Lease lease, AtomicFiles files) {
        this.dir = dir;
        this.lease = lease;
        this.files = files;
    }

    /** Attempts at setting up a folder before a reaper's repeated claims count as a failure. */
    private static final int SETUP_ATTEMPTS = 5;

    /**
     * Builds the folder under a hidden name, takes its lease, and only then renames it into place, so
     * the staging reaper never sees an {@code add-*} folder whose lease is not yet held. A reaper
     * (recovery, in this process or another) that claims the hidden folder in the instant between
     * creating its lease file and locking it costs only that empty folder: set up again, new name.
     */
    static StagingArea create(KbLayout layout, AtomicFiles files, String stem) throws IOException {
        // The KB is untrusted: a planted .openkb/staging symlink would put conversion output outside it.
        try {
            new dev.openkb.io.KbPathGuard(layout.root()).requireReal(layout.stagingDir(), false);
        } catch (dev.openkb.io.UnsafePathException e) {
            throw new dev.openkb.engine.KbException(dev.openkb.engine.ErrorCode.PATH_OUTSIDE_KB, e.path(), e.reason());
        }
        Files.createDirectories(layout.stagingDir());
        String name = "add-" + DocNames.sanitizeStem(stem) + "-";
        for (int attempt = 1; ; attempt++) {
            String hex = String.format("%08x", ThreadLocalRandom.current().nextInt());
            Path building = createPrivate(layout.stagingDir().resolve("." + name + hex));
            Lease lease;
            try {
                lease = Lease.take(building);
            } catch (LeaseLostException lost) {
                if (attempt == SETUP_ATTEMPTS) {
                    throw lost;
                }
                continue; // the reaper that claimed it removes it
            }
            try {
                Path dir = Files.move(building, layout.stagingDir().resolve(name + hex), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return new StagingArea(dir, lease, files);
            } catch (IOException e) {
                lease.close();
                throw e;
            }
        }
    }

    private static Path createPrivate(Path dir) throws IOException {
        try {
            return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException noModes) {
            return Files.createDirectory(dir);
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Renames the folder to {@code trash-<name>} (durably), removes it, then gives up the lease.
     * Renaming first means a crash or power cut at any point leaves either a leased folder
     * (reclaimed once the lease is free) or a trash folder (reclaimed at once): never an unleased
     * {@code add-*} folder, which the reaper must leave alone for a grace period (OpenKB's batches
     * lease nothing).
     */
    @Override
    public void close() throws IOException {
        try {
            Path trash = dir.resolveSibling(Lease.trashName(dir.getFileName().toString()));
            files.ops().rename(dir, trash);
            // Durable before the lease file goes: after a power cut the folder must not come back
            // as an unleased add-* folder, which the reaper spares for its grace period.
            files.ops().syncDirectory(dir.getParent());
            files.deleteTree(trash);
        } finally {
            lease.close();
        }
    }
}
