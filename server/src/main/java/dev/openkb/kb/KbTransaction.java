package dev.openkb.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The write side of one KB mutation, as code inside a mutation sees it (compiler, long-document
 * index, lint --fix, remove). Every change to the live KB goes through these methods, which record
 * the path's before-image in the undo journal (durably) before the path changes. Committing and
 * rolling back belong to whoever opened the transaction, not to this interface.
 *
 * <p>Threading: a transaction is confined to the one mutation thread that holds the KB's exclusive
 * lock. Paths are absolute and must lie inside the KB root (symlinks that leave it are refused with
 * {@code PATH_OUTSIDE_KB}).
 */
public interface KbTransaction {
    /** The KB root this transaction mutates. */
    Path kbRoot();

    /**
     * Records the before-images of {@code paths} now, in one durable journal append. Optional: every
     * mutating method touches its path itself; declaring known paths up front saves journal writes.
     */
    void touch(Collection<Path> paths) throws IOException;

    /** Atomically replaces (or creates) {@code target} with {@code data}. */
    void write(Path target, byte[] data) throws IOException;

    /** Atomically replaces (or creates) {@code target} with the UTF-8 bytes of {@code text}. */
    default void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically replaces (or creates) {@code target} with the bytes of {@code in}, streamed. */
    void write(Path target, InputStream in) throws IOException;

    /**
     * Moves a prepared file (from staging, on the same file system) to {@code target} by atomic
     * rename, falling back to a streaming copy across devices. The staged file is gone afterwards.
     */
    void publish(Path staged, Path target) throws IOException;

    /** Deletes the file {@code target} if it exists. */
    void delete(Path target) throws IOException;

    /** Deletes the directory {@code dir} and everything in it, if it exists. */
    void deleteTree(Path dir) throws IOException;

    /** Creates {@code dir} and any missing parents. */
    void createDirectories(Path dir) throws IOException;

    /** The paths this transaction has touched so far, in the order they were first touched. */
    List<Path> touchedPaths();
}
