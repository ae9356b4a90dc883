package dev.openkb.lsp;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a folder tree really unwritable for the duration of a test, and writable again on close:
 * {@code chmod -R a-w} for a normal user; for root, whom modes do not stop, the immutable attribute
 * ({@code chattr -R +i}). Aborts the test (skipped, with the reason) where neither is possible.
 */
final class ReadOnlyTree implements AutoCloseable {
    private final Path root;
    private final boolean immutable;

    private ReadOnlyTree(Path root, boolean immutable) {
        this.root = root;
        this.immutable = immutable;
    }

    static ReadOnlyTree of(Path root) throws IOException, InterruptedException {
        boolean isRoot = "root".equals(System.getProperty("user.name"));
        if (isRoot) {
            int rc = run("chattr", "-R", "+i", root.toString());
            Assumptions.assumeTrue(rc == 0, "cannot make a tree read-only for root here (chattr +i failed)");
            return new ReadOnlyTree(root, true);
        }
        Assumptions.assumeTrue(run("chmod", "-R", "a-w", root.toString()) == 0, "chmod -R a-w failed");
        return new ReadOnlyTree(root, false);
    }

    @Override
    public void close() throws IOException {
        try {
            if (immutable) {
                run("chattr", "-R", "-i", root.toString());
            } else {
                run("chmod", "-R", "u+w", root.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
