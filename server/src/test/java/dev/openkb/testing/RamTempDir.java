package dev.openkb.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/** {@code @TempDir(factory = RamTempDir.class)}: a {@link TmpfsDirs} folder for the in-JVM sweeps. Stateless. */
public final class RamTempDir implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return TmpfsDirs.create("openkb-");
    }
}
