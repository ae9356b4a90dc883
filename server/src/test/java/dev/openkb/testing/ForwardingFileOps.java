package dev.openkb.testing;

import dev.openkb.io.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Every operation handed to {@code delegate}: a test's FileOps extends it and overrides only the
 * operations it changes (fails, gates, records), so each one reads as what it does differently.
 */
public abstract class ForwardingFileOps implements FileOps {
    private final FileOps delegate;

    protected ForwardingFileOps(FileOps delegate) {
        this.delegate = delegate;
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
        delegate.syncDirectory(dir);
    }

    @Override
    public void syncFile(Path file) throws IOException {
        delegate.syncFile(file);
    }

    @Override
    public void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        delegate.setPermissions(p, perms);
    }
}
