package dev.openkb.add;

import java.nio.file.Path;

/**
 * One file accepted by the scan, with its 1-based position in scan order (which is also commit
 * order). {@code explicit} is true when the user named the file itself rather than a folder.
 */
public record ScannedFile(Path path, int index, boolean explicit) {
}
