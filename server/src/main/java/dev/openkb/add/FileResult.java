package dev.openkb.add;

import dev.openkb.engine.FileStatus;
import java.nio.file.Path;

/**
 * How one file of an add ended. {@code docName} may be null (not resolved); {@code reason} null when
 * added; {@code url} the http(s) URL the file was downloaded from, else null (then {@code file} is a
 * name in private staging, gone once the add ends: show the URL).
 */
public record FileResult(Path file, String docName, FileStatus status, String reason, String url) {
    public FileResult(Path file, String docName, FileStatus status, String reason) {
        this(file, docName, status, reason, null);
    }
}
