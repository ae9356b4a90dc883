package dev.openkb.client.server;

import dev.openkb.client.diagnostics.DiagnosticsStore;
import dev.openkb.client.diagnostics.KbDiagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waits until a file's published diagnostics satisfy a condition (signalled by the store, never polled by sleeping). */
final class DiagnosticsWaiter {
    private final DiagnosticsStore store;
    private final Object signal = new Object();

    DiagnosticsWaiter(DiagnosticsStore store) {
        this.store = store;
        store.subscribe(p -> {
            synchronized (signal) {
                signal.notifyAll();
            }
        });
    }

    List<KbDiagnostic> await(Path file, Predicate<List<KbDiagnostic>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RealServer.WAIT.toSeconds());
        synchronized (signal) {
            while (true) {
                List<KbDiagnostic> now = store.forFile(file);
                if (condition.test(now)) {
                    return now;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("diagnostics of " + file + " never matched; last: " + now);
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
    }
}
