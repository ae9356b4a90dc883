package dev.openkb.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Every operation by which the engine changes the file system. Nothing else in the engine creates,
 * renames, links, deletes or syncs KB files, so a test wrapper that counts these calls can crash the
 * engine at operation <i>n</i>, inject ENOSPC/EIO, or simulate power loss by dropping what was not yet
 * synced (reliability suite). Reads are not part of it: a crash never depends on them.
 *
 * <p>Implementations must be thread-safe: prepare workers and the mutation thread call them at once.
 */
public interface FileOps {
    /**
     * Creates {@code file}, which must not exist, with the bytes of {@code in} (streamed), and forces
     * its data to disk before returning. New files get the process umask's mode (0666 &amp; ~umask).
     */
    void createFile(Path file, InputStream in) throws IOException;

    /** Atomically renames {@code from} to {@code to}, replacing {@code to} if it exists. */
    void rename(Path from, Path to) throws IOException;

    /** Creates the hard link {@code link} to the existing file {@code existing}. */
    void link(Path existing, Path link) throws IOException;

    /** Deletes the file or empty directory {@code p}; absent is not an error. */
    void delete(Path p) throws IOException;

    /** Creates the directory {@code dir} (its parent must exist); an existing directory is not an error. */
    void createDirectory(Path dir) throws IOException;

    /** Forces the directory's entries to disk, so creations, renames and deletions in it survive power loss. */
    void syncDirectory(Path dir) throws IOException;

    /** Forces a file's data and metadata to disk. */
    void syncFile(Path file) throws IOException;

    /** Sets POSIX permissions (a no-op where the file system has none). */
    void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException;
}
