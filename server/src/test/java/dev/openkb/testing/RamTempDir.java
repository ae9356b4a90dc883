package dev.openkb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * {@code @TempDir(factory = RamTempDir.class)}: a temp folder on tmpfs ({@code /dev/shm}) when the
 * machine has one, else the default. For the in-JVM crash, fault and power-loss sweeps, which run
 * thousands of small KBs and simulate durability themselves, so real fsyncs only cost time.
 * Stateless.
 */
public final class RamTempDir implements TempDirFactory {
    static final Path SHM = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return create("openkb-");
    }

    /** A fresh folder on tmpfs when available (also for the benchmark runner, which has no JUnit context). */
    public static Path create(String prefix) throws IOException {
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            return Files.createTempDirectory(SHM, prefix);
        }
        return Files.createTempDirectory(prefix);
    }
}
