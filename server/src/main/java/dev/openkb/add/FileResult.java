package dev.openkb.add;

import dev.openkb.engine.FileStatus;
import java.nio.file.Path;

/** How one file of an add ended. {@code docName} may be null (not resolved); {@code reason} null when added. */
public record FileResult(Path file, String docName, FileStatus status, String reason) {
}
