package dev.openkb.testing;

import dev.openkb.io.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A deliberately broken engine: a {@link FileOps} that drops directory syncs or file syncs on the
 * floor, as if the code had forgotten them. Exists to prove that the power-loss simulation catches
 * a missing fsync (a {@code kill -9} test cannot). Stateless apart from its delegate; thread-safe.
 */
public final class SkippedSyncFileOps implements FileOps {
    public enum Skip { DIRECTORY_SYNC, FILE_SYNC }

    private final FileOps delegate;
    private final Skip skip;

    public SkippedSyncFileOps(FileOps delegate, Skip skip) {
        this.delegate = delegate;
        this.skip = skip;
    }

    @Override
    public void createFile(Path file, InputStream in) throws IOException {
        delegate.createFile(file, in);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        delegate.rename(from, to);
    }

    @Override
    public void link(Path existing, Path link) throws IOException {
        delegate.link(existing, link);
    }

    @Override
    public void delete(Path p) throws IOException {
        delegate.delete(p);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        delegate.createDirectory(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        if (skip != Skip.DIRECTORY_SYNC) {
            delegate.syncDirectory(dir);
        }
    }

    @Override
    public void syncFile(Path file) throws IOException {
        if (skip != Skip.FILE_SYNC) {
            delegate.syncFile(file);
        }
    }

    @Override
    public void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        delegate.setPermissions(p, perms);
    }
}
