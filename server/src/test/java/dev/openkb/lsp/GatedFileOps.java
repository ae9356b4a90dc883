package dev.openkb.lsp;

import dev.openkb.io.RealFileOps;
import dev.openkb.testing.ForwardingFileOps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Real file operations, except that the first rename matching a predicate stops until the test
 * releases it: a way to hold an add in the middle of a commit (exclusive lock held) and act on the
 * server meanwhile, without sleeping. Thread-safe.
 */
final class GatedFileOps extends ForwardingFileOps {
    private final BiPredicate<Path, Path> gate;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    GatedFileOps(BiPredicate<Path, Path> gate) {
        super(new RealFileOps());
        this.gate = gate;
    }

    /** Gates the first rename into {@code dir}. */
    static GatedFileOps firstRenameInto(Path dir) {
        return new GatedFileOps((from, to) -> to.toAbsolutePath().normalize().startsWith(dir));
    }

    void awaitReached() throws InterruptedException {
        if (!reached.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the gated operation was never reached");
        }
    }

    void release() {
        released.countDown();
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        if (reached.getCount() > 0 && gate.test(from, to)) {
            reached.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("test gate never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted at the test gate", e);
            }
        }
        super.rename(from, to);
    }
}
