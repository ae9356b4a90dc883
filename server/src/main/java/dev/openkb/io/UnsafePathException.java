package dev.openkb.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A path named by KB content (a journal, the registry, a staging listing) that the engine refuses to
 * act on: outside the KB, or reached through a symlink. An {@link IOException} so that every caller
 * that already stops on I/O failure stops on it too; recovery sets the journal aside instead of
 * retrying it (retrying cannot make a hostile path safe).
 */
public final class UnsafePathException extends IOException {
    private final transient Path path;
    private final String reason;

    public UnsafePathException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** Why the path was refused, without the path. */
    public String reason() {
        return reason;
    }

    public Path path() {
        return path;
    }
}
