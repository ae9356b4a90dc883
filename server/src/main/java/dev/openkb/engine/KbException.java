package dev.openkb.engine;

import java.nio.file.Path;

/**
 * The one exception the engine throws for conditions a user can act on: a stable {@link ErrorCode},
 * the path concerned (may be null) and a reason written for the user. Faces (CLI, LSP) render
 * {@link #getMessage()} as is.
 */
public class KbException extends RuntimeException {
    private final ErrorCode code;
    private final Path path;

    public KbException(ErrorCode code, Path path, String reason) {
        this(code, path, reason, null);
    }

    public KbException(ErrorCode code, Path path, String reason, Throwable cause) {
        super(format(code, path, reason), cause);
        this.code = code;
        this.path = path;
    }

    public ErrorCode code() {
        return code;
    }

    /** The file or folder concerned, or null when the error is not about one path. */
    public Path path() {
        return path;
    }

    private static String format(ErrorCode code, Path path, String reason) {
        return path == null ? code + ": " + reason : code + ": " + path + ": " + reason;
    }
}
