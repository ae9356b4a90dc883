package dev.openkb.add;

import java.nio.file.Path;

/**
 * One file accepted by the scan, with its 1-based position in scan order (which is also commit
 * order). {@code explicit} is true when the user named the file itself rather than a folder.
 * {@code url} is the http(s) URL it was downloaded from (into the batch's private staging), else
 * null; it is the document's registry {@code path}, so the same URL keeps its document.
 */
public record ScannedFile(Path path, int index, boolean explicit, String url) {
    public ScannedFile(Path path, int index, boolean explicit) {
        this(path, index, explicit, null);
    }
}
