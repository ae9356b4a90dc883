package dev.openkb.add;

import dev.openkb.convert.ConvertedDoc;
import java.nio.file.Path;

/**
 * A file converted into its private staging folder, waiting for its commit.
 *
 * @param registryPath the source's registry {@code path} (KB-relative inside the KB, else absolute)
 * @param analysis     what {@link DocumentCommitter#analyze} made of it at prepare time (opaque), or null
 */
public record PreparedDoc(ScannedFile file, String hash, String docName, String registryPath, ConvertedDoc converted,
                          Path stagingDir, Object analysis) {
}
