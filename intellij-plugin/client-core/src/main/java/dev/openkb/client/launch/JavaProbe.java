package dev.openkb.client.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code <java> -version} and parses its major version. Stateless; safe from any thread.
 */
public final class JavaProbe {
    private static final long TIMEOUT_SECONDS = 20;
    private static final int MAX_OUTPUT = 64 * 1024;

    /** The major version of that executable, or empty when it does not run or prints no version. */
    public OptionalInt majorVersion(Path javaExecutable) {
        Path out = null;
        Process p = null;
        try {
            // Output goes to a file, not a pipe: a binary that hangs with its stdout open cannot block us,
            // the timeout below always applies.
            out = Files.createTempFile("openkb-java-version", ".txt");
            p = new ProcessBuilder(List.of(javaExecutable.toString(), "-version"))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return OptionalInt.empty();
            }
            return JavaVersion.parseMajor(readBounded(out));
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } finally {
            if (p != null) {
                p.destroyForcibly();
            }
            deleteQuietly(out);
        }
    }

    private static String readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT), Charset.defaultCharset());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover few-byte temp file is harmless; the version answer matters more.
        }
    }
}
