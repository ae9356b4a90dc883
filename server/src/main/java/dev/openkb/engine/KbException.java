package dev.openkb.engine;

import java.io.IOException;
import java.nio.file.FileSystemException;
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

    /**
     * An {@code IO_ERROR} for an I/O failure, naming the file: the one a {@link FileSystemException}
     * carries, else {@code where} (the file or folder being written when the JDK gave only the C
     * message, as it does for ENOSPC and EIO from a write or an fsync). The reason is the system's
     * ("No space left on device"), or what the exception type means when it has none.
     */
    public static KbException fromIo(IOException e, Path where) {
        Path path = where;
        String reason = e.getMessage();
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            try {
                path = Path.of(fse.getFile());
            } catch (java.nio.file.InvalidPathException unlikely) {
                path = where;
            }
            reason = fse.getReason() != null ? fse.getReason() : meaning(fse);
            if (fse.getOtherFile() != null) {
                reason += " (other file: " + fse.getOtherFile() + ")";
            }
        }
        if (reason == null || reason.isBlank()) {
            reason = e.getClass().getSimpleName();
        }
        return new KbException(ErrorCode.IO_ERROR, path, reason, e);
    }

    /** {@link #fromIo(IOException, Path)} with no fallback path. */
    public static KbException fromIo(IOException e) {
        return fromIo(e, null);
    }

    private static String meaning(FileSystemException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        return e.getClass().getSimpleName();
    }

    private static String format(ErrorCode code, Path path, String reason) {
        return path == null ? code + ": " + reason : code + ": " + path + ": " + reason;
    }
}
