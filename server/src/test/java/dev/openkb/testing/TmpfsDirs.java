package dev.openkb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh work folders on tmpfs ({@code /dev/shm}) when the machine has one, else in the default temp
 * folder: the in-JVM sweeps simulate durability themselves, so real fsyncs only cost time. Plain
 * Java (no JUnit), so the benchmark runner can use it. Stateless.
 */
public final class TmpfsDirs {
    private static final Path SHM = Path.of("/dev/shm");

    private TmpfsDirs() {
    }

    public static Path create(String prefix) throws IOException {
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            return Files.createTempDirectory(SHM, prefix);
        }
        return Files.createTempDirectory(prefix);
    }
}
