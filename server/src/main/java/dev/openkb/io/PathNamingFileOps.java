package dev.openkb.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A {@link FileOps} that names the file in every failure. The JDK reports ENOSPC and EIO from a
 * write or an fsync as a plain {@link IOException} holding only the C message ("No space left on
 * device"), which would reach the user without saying where; this rethrows such an exception as a
 * {@link FileSystemException} for the operation's path (cause kept). Exceptions that already are
 * more specific ({@code FileSystemException} and its subtypes, {@code ClosedByInterruptException}...)
 * and errors pass unchanged, so callers that decide by type decide as before. Stateless over its
 * delegate; thread-safe when the delegate is.
 */
final class PathNamingFileOps implements FileOps {
    private final FileOps delegate;

    PathNamingFileOps(FileOps delegate) {
        this.delegate = delegate;
    }

    static FileOps wrap(FileOps ops) {
        return ops instanceof PathNamingFileOps ? ops : new PathNamingFileOps(ops);
    }

    @FunctionalInterface
    private interface Op {
        void run() throws IOException;
    }

    private static void named(Path path, Path other, Op op) throws IOException {
        try {
            op.run();
        } catch (IOException e) {
            if (e.getClass() != IOException.class) {
                throw e;
            }
            FileSystemException named = new FileSystemException(String.valueOf(path), other == null ? null : other.toString(),
                    e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    @Override
    public void createFile(Path file, InputStream in) throws IOException {
        named(file, null, () -> delegate.createFile(file, in));
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        named(to, from, () -> delegate.rename(from, to));
    }

    @Override
    public void link(Path existing, Path link) throws IOException {
        named(link, existing, () -> delegate.link(existing, link));
    }

    @Override
    public void delete(Path p) throws IOException {
        named(p, null, () -> delegate.delete(p));
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        named(dir, null, () -> delegate.createDirectory(dir));
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        named(dir, null, () -> delegate.syncDirectory(dir));
    }

    @Override
    public void syncFile(Path file) throws IOException {
        named(file, null, () -> delegate.syncFile(file));
    }

    @Override
    public void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        named(p, null, () -> delegate.setPermissions(p, perms));
    }
}
